import { z } from 'zod';
import { FEEDBACK_LIMITS, itemCommentSchema } from '../bureau/feedback';
import { fileIntakeSchema } from '../bureau/intake';
import { MAX_BUREAU_FILE_BYTES, MAX_BUREAU_FILE_NAME } from '../bureau/limits';
import { schoolListEntrySchema } from '../bureau/school-list';
import {
  rejectedRecordSchema,
  REVIEW_STATES,
  REVIEWER_MAX,
  reviewSchema,
  storedSubmissionSchema,
} from '../bureau/store-index';
import { submissionTemplateSchema } from '../bureau/submission';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { LOCALES } from '../i18n/locale';
import { sha256Schema } from '../inspection/schema';
import { lineSchema, textSchema } from '../inspection/text';
import { base64LengthFor, defineDomain } from './define';
import { saveOutcomeSchema } from './exports';

/** A file the user picked: its name as given (a path relative to the chosen folder, shown only). */
const fileSchema = z.strictObject({
  fileName: z.string().min(1).max(MAX_BUREAU_FILE_NAME),
  dataBase64: z
    .string()
    .max(base64LengthFor(MAX_BUREAU_FILE_BYTES))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

/** How much of each kind of data the data folder holds: what the renderer warns with on a role change. */
export const dataCountsSchema = z.strictObject({
  inspections: z.number().int().min(0),
  submissions: z.number().int().min(0),
});
export type DataCounts = z.infer<typeof dataCountsSchema>;

export const bureauStateSchema = z.object({
  /** Accepted files kept in the store, in the order received. */
  submissions: z.array(storedSubmissionSchema),
  /** Files recent imports turned away (the last 1,000), oldest first. */
  rejected: z.array(rejectedRecordSchema),
  /** The checklist versions the submissions use. */
  templates: z.array(submissionTemplateSchema),
  /** Reviews by the submission's sha256; a submission with none is not reviewed yet. */
  reviews: z.record(z.string(), reviewSchema),
  /** The bureau's list of schools, or null when none is loaded. */
  schools: z.array(schoolListEntrySchema).nullable(),
  counts: dataCountsSchema,
});
export type BureauState = z.infer<typeof bureauStateSchema>;

/**
 * Bureau mode (区教育局): the files received from schools, kept in the data folder's bureau store
 * (docs/formats.md, "The bureau store"), their reviews, the feedback sent back, the list of
 * schools, and the district summary workbook.
 */
export const bureauContract = defineDomain({
  /** Everything the 汇总 page shows; the district merge is run from it (shared/bureau/merge.ts). */
  state: { input: z.undefined(), output: bureauStateSchema },
  /** How many inspections and bureau submissions the data folder holds (cheap; any role). */
  counts: { input: z.undefined(), output: dataCountsSchema },
  /**
   * Verifies one file (a workbook or a package) as `qinglang verify` does and keeps a copy when it
   * is accepted; a rejected one is listed with its reason. A file already stored (same bytes) is
   * not a second submission: `alreadyReceived` and the stored intake.
   */
  addFile: {
    input: fileSchema,
    output: z.object({ intake: fileIntakeSchema, alreadyReceived: z.boolean() }),
  },
  /** Takes a submission out of the store (its copy is moved to `bureau/removed/`, not deleted). */
  remove: { input: z.strictObject({ sha256: sha256Schema }), output: z.null() },
  /** Records the review of a submission; item comments only on items of its checklist version. */
  review: {
    input: z.strictObject({
      sha256: sha256Schema,
      decision: z.enum(REVIEW_STATES),
      comment: textSchema(FEEDBACK_LIMITS.comment),
      items: z.array(itemCommentSchema).max(FEEDBACK_LIMITS.itemComments),
      reviewer: lineSchema(REVIEWER_MAX),
    }),
    output: reviewSchema,
  },
  /**
   * The `qinglang-feedback/1` file of a signed, reviewed (accepted or returned) submission,
   * offered for saving like an export: a save dialog (desktop) or a download (harness).
   */
  saveFeedback: {
    input: z.strictObject({ sha256: sha256Schema, language: z.enum(LOCALES) }),
    output: saveOutcomeSchema,
  },
  /** Loads the list of schools (xlsx or csv: code, name, district, stage), replacing the last. */
  loadSchools: {
    input: fileSchema,
    output: z.object({
      /** Schools read; 0 means the list was not loaded (the one before is kept). */
      count: z.number().int().min(0),
      problems: z.array(z.object({ row: z.number().int().min(0), message: bilingualSchema })),
    }),
  },
  clearSchools: { input: z.undefined(), output: z.null() },
  /** Forgets the recent rejections. */
  clearRejected: { input: z.undefined(), output: z.null() },
  /** The district summary workbook of everything in the store, offered for saving. */
  exportSummary: {
    input: z.strictObject({ language: z.enum(LOCALES), allowDrafts: z.boolean() }),
    output: saveOutcomeSchema,
  },
});
