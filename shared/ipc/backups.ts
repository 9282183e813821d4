import { z } from 'zod';
import { defineDomain } from './define';

export const BACKUP_REASONS = ['daily', 'before-migration', 'before-restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupInfoSchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  reason: z.enum(BACKUP_REASONS),
  inspections: z.number(),
  bytes: z.number(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupsContract = defineDomain({
  list: { input: z.undefined(), output: z.array(backupInfoSchema) },
  create: { input: z.undefined(), output: backupInfoSchema },
  /** Goes back to a backup; what is there now is backed up first, so nothing is lost. */
  restore: {
    input: z.strictObject({ id: z.string().max(100) }),
    output: backupInfoSchema,
  },
});
