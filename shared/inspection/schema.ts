import { z } from 'zod';
import type { IssueKey } from '../issue-messages';
import { idSchema, VERSION_PATTERN } from '../template/schema';
import { ISO_DATE } from '../template/dates';
import { LIMITS, PHONE_PATTERN, SCHOOL_CODE_PATTERN, STAGES, TERMS, TEXT_LIMITS } from './patterns';
import { instantSchema, lineSchema, textSchema } from './text';

export const INSPECTION_FORMAT = 'qinglang-inspection/1';

/** A pattern's message, by key, so whoever reports it says it in the user's language. */
const key = (message: IssueKey) => ({ message });

export { LIMITS };

export { STAGES, TERMS };
export type Stage = (typeof STAGES)[number];

export const schoolProfileSchema = z.strictObject({
  name: lineSchema(100),
  /** 学校标识码 (10 digits) or the code the district uses. */
  code: z.string().regex(SCHOOL_CODE_PATTERN, 'school-code' satisfies IssueKey),
  district: lineSchema(TEXT_LIMITS.district),
  stage: z.enum(STAGES),
  address: textSchema(TEXT_LIMITS.address),
  contactName: textSchema(TEXT_LIMITS.contactName),
  contactPhone: z.string().regex(PHONE_PATTERN, 'phone' satisfies IssueKey),
});
export type SchoolProfile = z.infer<typeof schoolProfileSchema>;

export type Term = (typeof TERMS)[number];
export const periodSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  term: z.enum(TERMS),
});
export type Period = z.infer<typeof periodSchema>;

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const sha256Schema = z.string().regex(SHA256_PATTERN, key('sha256'));

/** A file kept in the data folder, named by the SHA-256 of its bytes. */
export const evidenceRefSchema = z.strictObject({
  sha256: sha256Schema,
  name: lineSchema(255),
  size: z.number().int().min(0),
  type: z
    .string()
    .max(100)
    .regex(/^[\w.+-]+\/[\w.+-]+$|^$/, key('media-type')),
  addedAt: instantSchema,
});
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

/**
 * An answer's value, as the template engine reads it: text, a number, or a list of choices.
 * Whether it fits its item is the engine's judgement (a misfit counts as unanswered), so a value
 * typed halfway is kept rather than lost.
 */
export const answerValueSchema = z.union([
  textSchema(LIMITS.answerText),
  z.number().finite(),
  z.array(z.string().max(200)).max(200),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const cellValueSchema = z.union([
  textSchema(LIMITS.cellText),
  z.number().finite(),
  z.array(z.string().max(200)).max(200),
]);
export type CellValue = z.infer<typeof cellValueSchema>;

export const answerSchema = z.strictObject({
  value: answerValueSchema.optional(),
  note: textSchema(LIMITS.note).optional(),
  evidence: z.array(evidenceRefSchema).max(LIMITS.evidencePerTarget),
  updatedAt: instantSchema,
});
export type Answer = z.infer<typeof answerSchema>;

export const ROW_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const rowIdSchema = z.string().regex(ROW_ID_PATTERN, key('record-id'));

export const registerRowSchema = z.strictObject({
  id: rowIdSchema,
  cells: z.record(idSchema, cellValueSchema),
  evidence: z.array(evidenceRefSchema).max(LIMITS.evidencePerTarget),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

export const ACTION_STATES = ['open', 'done'] as const;
export type ActionState = (typeof ACTION_STATES)[number];
export const isoDateSchema = z.string().regex(ISO_DATE, key('iso-date'));

/** A corrective action (整改措施) opened against an item, or one row of a register. */
export const actionSchema = z.strictObject({
  id: rowIdSchema,
  itemId: idSchema,
  rowId: rowIdSchema.optional(),
  description: lineSchema(TEXT_LIMITS.actionDescription),
  owner: textSchema(TEXT_LIMITS.actionOwner),
  due: isoDateSchema,
  state: z.enum(ACTION_STATES),
  createdAt: instantSchema,
  doneAt: instantSchema.optional(),
});
export type CorrectiveAction = z.infer<typeof actionSchema>;

export const AUDIT_EVENTS = ['created', 'duplicated', 'imported', 'trashed', 'restored'] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];
export const auditEntrySchema = z.strictObject({
  at: instantSchema,
  event: z.enum(AUDIT_EVENTS),
  detail: textSchema(500).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const INSPECTION_STATES = ['draft', 'ready', 'signed'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

/** Which template, exactly, an inspection was filled against. */
export const pinnedTemplateSchema = z.strictObject({
  id: idSchema,
  version: z.string().regex(VERSION_PATTERN, key('version')),
  hash: sha256Schema,
});
export type PinnedTemplate = z.infer<typeof pinnedTemplateSchema>;

export const INSPECTION_ID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const inspectionIdSchema = z.string().regex(INSPECTION_ID_PATTERN, key('record-id'));

/**
 * One school's inspection for one term: `qinglang-inspection/1`, the interchange form and the
 * form stored on disk. Key order here is the order of every file written (zod keeps it).
 */
export const inspectionSchema = z.strictObject({
  format: z.literal(INSPECTION_FORMAT),
  id: inspectionIdSchema,
  template: pinnedTemplateSchema,
  school: schoolProfileSchema,
  period: periodSchema,
  inspector: lineSchema(TEXT_LIMITS.inspector),
  state: z.enum(INSPECTION_STATES),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  answers: z.record(idSchema, answerSchema),
  registers: z.record(idSchema, z.array(registerRowSchema).max(LIMITS.rowsPerRegister)),
  actions: z.array(actionSchema).max(LIMITS.actions),
  audit: z.array(auditEntrySchema).max(LIMITS.audit),
});
export type Inspection = z.infer<typeof inspectionSchema>;
