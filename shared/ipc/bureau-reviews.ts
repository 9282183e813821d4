import { z } from 'zod';
import { feedbackSchema, REVIEW_DECISIONS } from '../bureau/feedback';
import { MAX_FEEDBACK_BYTES, REVIEW_VERSIONS } from '../bureau/review-rules';
import { fileProblemSchema } from '../i18n/bilingual-schema';
import { inspectionIdSchema, periodSchema, sha256Schema } from '../inspection/schema';
import { base64LengthFor, defineDomain } from './define';

const byId = z.strictObject({ id: inspectionIdSchema });
const version = z.enum(REVIEW_VERSIONS);
const decision = z.enum(REVIEW_DECISIONS);

const reviewSchema = z.object({
  sha256: sha256Schema,
  importedAt: z.string(),
  dismissedAt: z.string().nullable(),
  version,
  feedback: feedbackSchema,
});

/**
 * The school's side of the bureau's feedback (qinglang-feedback/1): import a file the bureau
 * sent, read what it says about an inspection, archive it once dealt with. Named "bureau
 * reviews" so as not to be confused with the window's status line (renderer's feedback store).
 */
export const bureauReviewsContract = defineDomain({
  import: {
    input: z.strictObject({
      fileName: z.string().min(1).max(255),
      dataBase64: z.string().max(base64LengthFor(MAX_FEEDBACK_BYTES)),
    }),
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('imported'),
        inspectionId: inspectionIdSchema,
        schoolName: z.string(),
        period: periodSchema,
        decision,
        version,
        duplicate: z.boolean(),
      }),
      z.object({ status: z.literal('refused'), problems: z.array(fileProblemSchema) }),
    ]),
  },
  /** One inspection's feedback, newest first, archived ones included. */
  list: { input: byId, output: z.array(reviewSchema) },
  /** Per inspection, the newest feedback still shown (for the list's rows). */
  latest: {
    input: z.undefined(),
    output: z.array(
      z.object({
        inspectionId: inspectionIdSchema,
        decision,
        bureau: z.string(),
        reviewedAt: z.string(),
        version,
        itemComments: z.number().int().min(0),
      }),
    ),
  },
  dismiss: {
    input: z.strictObject({ id: inspectionIdSchema, sha256: sha256Schema }),
    output: z.null(),
  },
});
