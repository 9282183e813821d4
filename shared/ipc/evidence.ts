import { z } from 'zod';
import { evidenceRefSchema, sha256Schema } from '../inspection/schema';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { defineDomain } from './define';

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
  /** A stored file's bytes, for a preview or a saved copy. */
  read: {
    input: z.strictObject({ sha256: sha256Schema }),
    output: z.object({ type: z.string(), dataBase64: z.string() }),
  },
});
