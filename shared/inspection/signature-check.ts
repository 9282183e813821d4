import { z } from 'zod';

/**
 * What checking an inspection's sign-off found. `changed`: the content differs from what was
 * signed (edited after signing); `invalid`: the signature, the key or the recorded hash does not
 * hold up, so nothing can be said about the content.
 */
export const signatureCheckSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unsigned') }),
  z.object({
    status: z.literal('valid'),
    fingerprint: z.string(),
    contentHash: z.string(),
    /** Signed with this installation's current key. */
    ownKey: z.boolean(),
  }),
  z.object({ status: z.literal('changed'), fingerprint: z.string() }),
  z.object({ status: z.literal('invalid'), fingerprint: z.string() }),
]);
export type SignatureCheck = z.infer<typeof signatureCheckSchema>;
