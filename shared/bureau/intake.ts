import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { sha256Schema } from '../inspection/schema';
import { WORKBOOK_STATUSES } from '../workbook/verdict';
import { submissionSchema } from './submission';

/**
 * What reading one file brought in (docs/formats.md, "Aggregating"): accepted with the school's
 * submission, or rejected with why. Crosses the IPC door and is written to `--json` reports.
 */

/** Why a file was not taken: a workbook verdict, or something about the file itself. */
export const REJECTION_STATUSES = [
  ...WORKBOOK_STATUSES.filter((s) => s !== 'signed'),
  /** A package whose manifest, files or hashes are wrong. */
  'package-invalid',
  /** Neither .xlsx nor .zip. */
  'not-supported',
  /** Larger than any workbook or package this app writes: not read. */
  'too-large',
  /** The file could not be read from the disk at all. */
  'read-failed',
] as const;
export type RejectionStatus = (typeof REJECTION_STATUSES)[number];

export const FILE_KINDS = ['workbook', 'package'] as const;

export const acceptedIntakeSchema = z.strictObject({
  outcome: z.literal('accepted'),
  /** The file's name as the user gave it (a path relative to the folder they chose). */
  file: z.string(),
  sha256: sha256Schema,
  size: z.number().int().min(0),
  kind: z.enum(FILE_KINDS),
  submission: submissionSchema,
});
export type AcceptedIntake = z.infer<typeof acceptedIntakeSchema>;

export const rejectedIntakeSchema = z.strictObject({
  outcome: z.literal('rejected'),
  file: z.string(),
  sha256: sha256Schema.optional(),
  size: z.number().int().min(0),
  status: z.enum(REJECTION_STATUSES),
  reason: bilingualSchema,
});
export type RejectedIntake = z.infer<typeof rejectedIntakeSchema>;

export const fileIntakeSchema = z.discriminatedUnion('outcome', [
  acceptedIntakeSchema,
  rejectedIntakeSchema,
]);
export type FileIntake = z.infer<typeof fileIntakeSchema>;
