import { z } from 'zod';
import { idSchema } from '../template/schema';
import { inspectionIdSchema, periodSchema, sha256Schema } from '../inspection/schema';
import { instantSchema, lineSchema, textSchema } from '../inspection/text';
import type { Locale } from '../i18n/locale';
import { safeNamePart } from './file-names';
import type { Submission } from './submission';

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

/** The parts of a stored submission and its review a feedback file is made from. */
export interface FeedbackSource {
  readonly submission: Pick<
    Submission,
    'inspectionId' | 'school' | 'period' | 'signed' | 'contentHash' | 'signedAt'
  >;
}

/**
 * The feedback file of a signed submission the bureau accepted or returned; null when there is
 * none to send (a draft, or no decision yet). The caller validates it with feedbackSchema.
 */
export function feedbackFor(
  stored: FeedbackSource,
  review: {
    readonly decision: ReviewDecision | 'pending';
    readonly comment: string;
    readonly items: readonly ItemComment[];
    readonly reviewer: string;
    readonly reviewedAt: string;
  },
  bureau: BureauProfile,
): Feedback | null {
  const { submission } = stored;
  const { decision } = review;
  if (decision === 'pending') return null;
  if (!submission.signed || !submission.contentHash || !submission.signedAt) return null;
  return {
    format: FEEDBACK_FORMAT,
    bureau: { name: bureau.name, district: bureau.district },
    inspection: {
      id: submission.inspectionId,
      schoolCode: submission.school.code,
      schoolName: submission.school.name,
      period: { year: submission.period.year, term: submission.period.term },
      contentHash: submission.contentHash,
      signedAt: submission.signedAt,
    },
    decision,
    comment: review.comment,
    items: review.items.map((i) => ({ itemId: i.itemId, comment: i.comment })),
    reviewer: review.reviewer,
    reviewedAt: review.reviewedAt,
  };
}

/**
 * 3101010001-2026-autumn-教育局意见.qinglang-feedback.json /
 * 3101010001-2026-autumn-bureau-feedback.qinglang-feedback.json: the school code and term, as the
 * school's own exports are named, with anything but letters, digits and - _ replaced.
 */
export function feedbackFileName(
  inspection: Pick<Feedback['inspection'], 'schoolCode' | 'period'>,
  language: Locale,
): string {
  const code = safeNamePart(inspection.schoolCode, 32) || 'school';
  const { year, term } = inspection.period;
  const what = language === 'zh-CN' ? '教育局意见' : 'bureau-feedback';
  return `${code}-${year}-${term}-${what}.qinglang-feedback.json`;
}
