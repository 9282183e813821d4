import { z } from 'zod';

/** Why a key was replaced: the one before was gone, or could not be read. */
export const KEY_REPLACED_BECAUSE = ['missing', 'damaged'] as const;

/** One key this installation has had, oldest first in the history. */
export const keyRecordSchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  publicKey: z.string().max(200),
  createdAt: z.iso.datetime(),
  replacedAt: z.iso.datetime().optional(),
  replacedBecause: z.enum(KEY_REPLACED_BECAUSE).optional(),
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

export const keyHistorySchema = z.strictObject({
  schemaVersion: z.literal(1),
  keys: z.array(keyRecordSchema).max(1000),
});
export type KeyHistory = z.infer<typeof keyHistorySchema>;

/**
 * The signing key as Settings shows it. `none`: never made (the first sign-off makes it);
 * `missing` / `damaged`: a key existed and cannot be used; a new one needs the user's consent.
 */
export const keyStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none'), history: z.array(keyRecordSchema) }),
  z.object({
    state: z.literal('ok'),
    publicKey: z.string(),
    fingerprint: z.string(),
    createdAt: z.string(),
    history: z.array(keyRecordSchema),
  }),
  z.object({ state: z.literal('missing'), history: z.array(keyRecordSchema) }),
  z.object({ state: z.literal('damaged'), history: z.array(keyRecordSchema) }),
]);
export type KeyStatus = z.infer<typeof keyStatusSchema>;
