import { z } from 'zod';
import { LOCALES } from '../i18n/locale';
import { inspectionIdSchema } from '../inspection/schema';
import { defineDomain } from './define';

/** What can be exported from an inspection for the bureau. */
export const EXPORT_KINDS = ['workbook', 'package'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * What became of a file offered for saving: written where the user chose (desktop), left
 * unsaved (the dialog was cancelled), or handed back for the page to download (the browser
 * harness, which cannot write where the user chooses).
 */
export const saveOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), path: z.string().min(1) }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('download'), fileName: z.string().min(1), dataBase64: z.string() }),
]);
export type SaveOutcome = z.infer<typeof saveOutcomeSchema>;

/**
 * An export offered for saving, and for a package how many of the inspection's evidence files
 * this computer did not have: they are listed in its manifest, and the user is told.
 */
export const exportOutcomeSchema = z.object({
  outcome: saveOutcomeSchema,
  missingEvidence: z.number().int().min(0),
});
export type ExportOutcome = z.infer<typeof exportOutcomeSchema>;

export const exportsContract = defineDomain({
  /**
   * Makes the bureau workbook (.xlsx) or the submission package (.zip) of an inspection, in the
   * language asked for, and offers it for saving: a save dialog in the desktop app, a download
   * in the browser harness. A draft exports too, marked 草稿 / DRAFT.
   */
  save: {
    input: z.strictObject({
      id: inspectionIdSchema,
      language: z.enum(LOCALES),
      kind: z.enum(EXPORT_KINDS),
    }),
    output: exportOutcomeSchema,
  },
  /**
   * Shows a saved file in the system's file manager (desktop only). Only a file this app saved
   * in this session is shown: any other path is refused.
   */
  showInFolder: {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: z.null(),
  },
});
