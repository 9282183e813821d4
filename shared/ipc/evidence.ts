import { z } from 'zod';
import { MAX_MADE_EVIDENCE_BYTES } from '../inspection/evidence';
import { evidenceRefSchema, sha256Schema } from '../inspection/schema';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { base64LengthFor, defineDomain } from './define';

export const pickResultSchema = z.object({
  /** Stored and ready to attach; identical files come back with the same sha256. */
  files: z.array(evidenceRefSchema),
  /** Files that were not stored (too large, unreadable), each with why. */
  problems: z.array(z.object({ name: z.string(), message: bilingualSchema })),
});
export type PickResult = z.infer<typeof pickResultSchema>;

export const evidenceContract = defineDomain({
  /**
   * Lets the user choose files and stores them in the data folder. The desktop app opens its own
   * dialog, so no path ever crosses the door; the browser harness uses a file input and streams
   * the bytes to its upload route instead.
   */
  pick: { input: z.undefined(), output: pickResultSchema },
  /**
   * Stores a small file the app made itself (a signature drawn on screen) from its bytes; its
   * type is what the bytes show. Files the user chooses go through `pick` instead.
   */
  add: {
    input: z.strictObject({
      name: z.string().min(1).max(255),
      dataBase64: z
        .string()
        .min(1)
        .max(base64LengthFor(MAX_MADE_EVIDENCE_BYTES))
        .regex(/^[A-Za-z0-9+/]+={0,2}$/),
    }),
    output: evidenceRefSchema,
  },
  /** A stored file's bytes, for a preview or a saved copy. */
  read: {
    input: z.strictObject({ sha256: sha256Schema }),
    output: z.object({ type: z.string(), dataBase64: z.string() }),
  },
});
