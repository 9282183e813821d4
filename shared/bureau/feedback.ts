import { z } from 'zod';
import { idSchema } from '../template/schema';
import { inspectionIdSchema, periodSchema, sha256Schema } from '../inspection/schema';
import { instantSchema, lineSchema, textSchema } from '../inspection/text';

/**
 * `qinglang-feedback/1` (docs/formats.md, "Bureau feedback"): what a bureau sends back to a
 * school about one signed submission. The school's app imports it and shows the comments beside
 * the items of that inspection. It names the signed content's hash, so it is about exactly the
 * version the bureau read, even after the school reopens and signs again.
 */
export const FEEDBACK_FORMAT = 'qinglang-feedback/1';

export const REVIEW_DECISIONS = ['accepted', 'returned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const FEEDBACK_LIMITS = { comment: 2000, itemComments: 500, bureauName: 100 } as const;

export const bureauProfileSchema = z.strictObject({
  /** 区教育局 name, e.g. 某某区教育局. */
  name: lineSchema(FEEDBACK_LIMITS.bureauName),
  district: lineSchema(100),
});
export type BureauProfile = z.infer<typeof bureauProfileSchema>;

export const itemCommentSchema = z.strictObject({
  itemId: idSchema,
  comment: textSchema(FEEDBACK_LIMITS.comment).pipe(z.string().min(1)),
});
export type ItemComment = z.infer<typeof itemCommentSchema>;

export const feedbackSchema = z.strictObject({
  format: z.literal(FEEDBACK_FORMAT),
  bureau: bureauProfileSchema,
  /** Which submission: the inspection, its school and term, and the signed content's hash. */
  inspection: z.strictObject({
    id: inspectionIdSchema,
    schoolCode: z.string().max(32),
    schoolName: z.string().max(100),
    period: periodSchema,
    contentHash: sha256Schema,
    signedAt: instantSchema,
  }),
  decision: z.enum(REVIEW_DECISIONS),
  /** The overall comment (may be empty when every comment is on an item). */
  comment: textSchema(FEEDBACK_LIMITS.comment),
  items: z.array(itemCommentSchema).max(FEEDBACK_LIMITS.itemComments),
  reviewer: lineSchema(50),
  reviewedAt: instantSchema,
});
export type Feedback = z.infer<typeof feedbackSchema>;
