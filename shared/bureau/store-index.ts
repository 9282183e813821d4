import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { sha256Schema } from '../inspection/schema';
import { instantSchema, lineSchema, textSchema } from '../inspection/text';
import { FEEDBACK_LIMITS, itemCommentSchema } from './feedback';
import { acceptedIntakeSchema, REJECTION_STATUSES } from './intake';
import { schoolListEntrySchema } from './school-list';
import { submissionTemplateSchema } from './submission';

/**
 * The bureau store's index, `<data folder>/bureau/index.json` (docs/formats.md, "The bureau
 * store"): what the bureau received and decided. The stored copies under `bureau/files/` are the
 * source of truth for the submissions (the index can be rebuilt by verifying them again); the
 * reviews live only here and in the store's backups.
 */
export const BUREAU_INDEX_FORMAT = 'qinglang-bureau-index/1';

/** How many rejected files of recent imports are remembered (the oldest are forgotten first). */
export const MAX_RECENT_REJECTED = 1000;

/** A review's state: not decided yet (comments may be written), 通过, or 退回. */
export const REVIEW_STATES = ['pending', 'accepted', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEWER_MAX = 50;

/** A file accepted and kept (a copy at `bureau/files/<sha256>.<xlsx|zip>`), and when. */
export const storedSubmissionSchema = acceptedIntakeSchema.extend({ receivedAt: instantSchema });
export type StoredSubmission = z.infer<typeof storedSubmissionSchema>;

/** The clerk's review of one stored submission, by its sha256. */
export const reviewSchema = z.strictObject({
  decision: z.enum(REVIEW_STATES),
  /** The overall comment. */
  comment: textSchema(FEEDBACK_LIMITS.comment),
  /** Comments on items of the submission's own checklist version. */
  items: z.array(itemCommentSchema).max(FEEDBACK_LIMITS.itemComments),
  reviewer: lineSchema(REVIEWER_MAX),
  reviewedAt: instantSchema,
  /** When a feedback file was last offered for saving (and not cancelled). */
  feedbackSavedAt: instantSchema.optional(),
});
export type Review = z.infer<typeof reviewSchema>;

/** A file an import turned away, remembered so the clerk can list what was not taken. */
export const rejectedRecordSchema = z.strictObject({
  file: z.string(),
  sha256: sha256Schema.optional(),
  size: z.number().int().min(0),
  status: z.enum(REJECTION_STATUSES),
  reason: bilingualSchema,
  at: instantSchema,
});
export type RejectedRecord = z.infer<typeof rejectedRecordSchema>;

export const bureauIndexSchema = z.strictObject({
  format: z.literal(BUREAU_INDEX_FORMAT),
  /** Accepted files, in the order received. */
  submissions: z.array(storedSubmissionSchema),
  /** The checklist versions the submissions use, by template hash. */
  templates: z.record(sha256Schema, submissionTemplateSchema),
  /** Reviews by the submission's sha256. */
  reviews: z.record(sha256Schema, reviewSchema),
  /** The most recent rejections, oldest first. */
  rejected: z.array(rejectedRecordSchema).max(MAX_RECENT_REJECTED),
  /** The bureau's list of schools, when one is loaded. */
  schools: z.array(schoolListEntrySchema).nullable(),
});
export type BureauIndex = z.infer<typeof bureauIndexSchema>;

export const emptyBureauIndex = (): BureauIndex => ({
  format: BUREAU_INDEX_FORMAT,
  submissions: [],
  templates: {},
  reviews: {},
  rejected: [],
  schools: null,
});
