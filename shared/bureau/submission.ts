import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { evaluateInspection } from '../inspection/summary';
import { periodSchema, schoolProfileSchema, sha256Schema } from '../inspection/schema';
import type { Evaluation } from '../template/engine';
import { allItems } from '../template/items';
import type { WorkbookEnvelope } from '../workbook/envelope';

/**
 * What the bureau keeps of one school's submission: everything its pages and the district
 * summary show, taken from the signed data (never from the visible cells, which verify has
 * already proved equal to it). Small enough to keep ten thousand of in memory.
 */

/** An item's status as the bureau sees it: `hidden` when the school's answers made it not apply. */
export const SUBMISSION_ITEM_STATUSES = [
  'compliant',
  'partial',
  'non-compliant',
  'na',
  'unanswered',
  'answered',
  'hidden',
] as const;
export type SubmissionItemStatus = (typeof SUBMISSION_ITEM_STATUSES)[number];

const countsSchema = z.strictObject({
  compliant: z.number().int().min(0),
  partial: z.number().int().min(0),
  nonCompliant: z.number().int().min(0),
  na: z.number().int().min(0),
  unanswered: z.number().int().min(0),
});

export const submissionFindingSchema = z.strictObject({
  itemId: z.string(),
  /** The register row (0-based) a row rule fired on. */
  row: z.number().int().min(0).optional(),
  effect: z.string(),
  message: bilingualSchema,
});
export type SubmissionFinding = z.infer<typeof submissionFindingSchema>;

export const submissionActionSchema = z.strictObject({
  id: z.string(),
  itemId: z.string(),
  description: z.string(),
  owner: z.string(),
  due: z.string(),
  state: z.enum(['open', 'done']),
  doneOn: z.string().optional(),
});
export type SubmissionAction = z.infer<typeof submissionActionSchema>;

/** One item of the checklist a submission was filled against, as the matrix names it. */
export const submissionTemplateItemSchema = z.strictObject({
  id: z.string(),
  sectionId: z.string(),
  section: bilingualSchema,
  prompt: bilingualSchema,
});

/** The checklist, once per version: a thousand submissions of one version share it. */
export const submissionTemplateSchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  hash: sha256Schema,
  title: bilingualSchema,
  items: z.array(submissionTemplateItemSchema),
});
export type SubmissionTemplate = z.infer<typeof submissionTemplateSchema>;

export const submissionSchema = z.strictObject({
  inspectionId: z.string(),
  school: schoolProfileSchema,
  period: periodSchema,
  inspector: z.string(),
  template: z.strictObject({ id: z.string(), version: z.string(), hash: sha256Schema }),
  /** A draft reaches the bureau only when drafts are allowed. */
  signed: z.boolean(),
  signer: z.string().optional(),
  signerTitle: z.string().optional(),
  /** The day written beside the signature (ISO date). */
  signedOn: z.string().optional(),
  /** The signing instant (ISO), which orders two submissions of one school and term. */
  signedAt: z.string().optional(),
  keyFingerprint: sha256Schema.optional(),
  /** The signed content's hash: what a feedback file names, so it is about this very version. */
  contentHash: sha256Schema.optional(),
  /** When the data was last changed: orders drafts, which have no signing instant. */
  updatedAt: z.string(),
  /** The day the figures were judged on: the signing day, or the day a draft was read. */
  judgedOn: z.string(),
  counts: countsSchema,
  complianceRate: z.number().min(0).max(1).nullable(),
  items: z.record(z.string(), z.enum(SUBMISSION_ITEM_STATUSES)),
  findings: z.array(submissionFindingSchema),
  actions: z.array(submissionActionSchema),
  /** The language and app version that wrote the workbook. */
  language: z.string(),
  appVersion: z.string(),
});
export type Submission = z.infer<typeof submissionSchema>;

/** An envelope's inspection as evaluateInspection judged it as of `asOf`. */
export interface EvaluatedAs {
  readonly asOf: string;
  readonly evaluation: Evaluation;
}

/**
 * The bureau's view of one verified workbook's data, judged as of `today` for a draft.
 * `evaluated`, when given, is evaluateInspection(template, inspection, asOf) of this very envelope
 * (verify made it): used when it judges the same day, since the evaluation is a function of it.
 */
export function summariseSubmission(
  envelope: WorkbookEnvelope,
  today: string,
  evaluated?: EvaluatedAs,
): Submission {
  const { inspection, template } = envelope;
  const { signoff } = inspection;
  // A signed submission is judged on its signing day, as its workbook shows it; a draft on today.
  const judgedOn = signoff?.date ?? today;
  const evaluation =
    evaluated && (signoff?.date ?? evaluated.asOf) === judgedOn
      ? evaluated.evaluation
      : evaluateInspection(template, inspection, judgedOn);
  const items: Record<string, SubmissionItemStatus> = {};
  for (const item of allItems(template)) {
    const result = evaluation.items[item.id];
    items[item.id] = !result ? 'unanswered' : result.visible ? result.status : 'hidden';
  }
  return {
    inspectionId: inspection.id,
    school: inspection.school,
    period: inspection.period,
    inspector: inspection.inspector,
    template: inspection.template,
    signed: signoff !== undefined,
    ...(signoff && {
      signer: signoff.signer,
      signerTitle: signoff.title,
      signedOn: signoff.date,
      signedAt: signoff.signedAt,
      keyFingerprint: signoff.keyFingerprint,
      contentHash: signoff.contentHash,
    }),
    updatedAt: inspection.updatedAt,
    judgedOn,
    counts: evaluation.counts,
    complianceRate: evaluation.complianceRate,
    items,
    findings: evaluation.findings
      .filter((f) => f.effect !== 'warning')
      .map((f) => ({
        itemId: f.itemId,
        ...(f.row !== undefined && { row: f.row }),
        effect: f.effect,
        message: f.message,
      })),
    actions: inspection.actions.map((a) => ({
      id: a.id,
      itemId: a.itemId,
      description: a.description,
      owner: a.owner,
      due: a.due,
      state: a.state,
      ...(a.doneOn !== undefined && { doneOn: a.doneOn }),
    })),
    language: envelope.language,
    appVersion: envelope.appVersion,
  };
}

/** The checklist's items as the bureau names them, from the template a workbook carries. */
export function submissionTemplate(envelope: WorkbookEnvelope): SubmissionTemplate {
  const { template } = envelope;
  return {
    id: template.id,
    version: template.version,
    hash: envelope.inspection.template.hash,
    title: template.title,
    items: template.sections.flatMap((section) =>
      section.items.map((item) => ({
        id: item.id,
        sectionId: section.id,
        section: section.title,
        prompt: item.prompt,
      })),
    ),
  };
}
