import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingual-schema';

/** What a running scan is doing, polled by the page and shown by the CLI on a terminal. */
export const SCAN_PHASES = ['listing', 'reading', 'links', 'done'] as const;

export const scanProgressSchema = z.strictObject({
  phase: z.enum(SCAN_PHASES),
  /** Files or pages read so far. */
  scanned: z.number().int().min(0),
  /** How many there are to read, when known (a folder once listed; never for a site). */
  total: z.number().int().min(0).nullable(),
  bytes: z.number().int().min(0),
  findings: z.number().int().min(0),
  /** The file or URL being read ('' between them). */
  current: z.string().max(2048),
});
export type ScanProgress = z.infer<typeof scanProgressSchema>;

export const RUN_STATES = ['running', 'done', 'cancelled', 'failed'] as const;

/** A run as the page polls it: its progress, then the saved scan's id or why it failed. */
export const scanRunStatusSchema = z.strictObject({
  state: z.enum(RUN_STATES),
  progress: scanProgressSchema,
  /** The saved scan, once `done` or `cancelled` (a cancelled scan keeps what it read). */
  scanId: z.uuid().nullable(),
  error: bilingualSchema.nullable(),
});
export type ScanRunStatus = z.infer<typeof scanRunStatusSchema>;
