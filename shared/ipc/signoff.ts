import { z } from 'zod';
import { signatureCheckSchema } from '../inspection/signature-check';
import {
  evidenceRefSchema,
  inspectionIdSchema,
  isoDateSchema,
  SIGNOFF_METHODS,
} from '../inspection/schema';
import { TEXT_LIMITS } from '../inspection/patterns';
import { lineSchema, textSchema } from '../inspection/text';
import { keyStatusSchema } from '../signing-key';
import { defineDomain } from './define';

const byId = z.strictObject({ id: inspectionIdSchema });
const saved = z.object({ updatedAt: z.string() });

export const signRequestSchema = z.strictObject({
  signer: lineSchema(TEXT_LIMITS.signer),
  title: lineSchema(TEXT_LIMITS.signerTitle),
  date: isoDateSchema,
  comment: textSchema(TEXT_LIMITS.signoffComment).optional(),
  method: z.enum(SIGNOFF_METHODS),
  /** Already stored as evidence (evidence.add / evidence.upload): the drawn PNG or the scan. */
  image: evidenceRefSchema,
});

/** The principal's sign-off, the reopen that voids it, and this installation's key. */
export const signoffContract = defineDomain({
  sign: {
    input: z.strictObject({ id: inspectionIdSchema, request: signRequestSchema }),
    output: saved,
  },
  reopen: {
    input: z.strictObject({ id: inspectionIdSchema, reason: lineSchema(TEXT_LIMITS.reopenReason) }),
    output: saved,
  },
  /** Whether the stored inspection is signed, and whether its content is still what was signed. */
  check: { input: byId, output: signatureCheckSchema },
  key: { input: z.undefined(), output: keyStatusSchema },
  /** A new key where the old one is missing or damaged: only on the user's say-so. */
  replaceKey: { input: z.undefined(), output: keyStatusSchema },
});
