import { z } from 'zod';
import { bilingualSchema } from './i18n/bilingual-schema';

/**
 * Something the app found in its data folder at start-up that the user must hear about:
 * a file it could not read (kept aside, never deleted) or one written by a newer version.
 */
export const storageNoticeSchema = z.object({
  kind: z.enum(['quarantined', 'newer-version']),
  /** The file's name inside the data folder. */
  file: z.string(),
  /** Where a quarantined file was moved to, inside the data folder. */
  keptAs: z.string().optional(),
  /** What else the user must know (e.g. the bureau index was rebuilt, and what was lost). */
  detail: bilingualSchema.optional(),
});
export type StorageNotice = z.infer<typeof storageNoticeSchema>;
