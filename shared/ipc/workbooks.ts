import { z } from 'zod';
import { LOCALES } from '../i18n/locale';
import { inspectionSchema } from '../inspection/schema';
import { templateSchema } from '../template/schema';
import { MAX_WORKBOOK_BYTES } from '../workbook/opened';
import { workbookCheckSchema } from '../workbook/verdict';
import { base64LengthFor, defineDomain } from './define';

/** The key an opened workbook is kept under (a random UUID); it goes into the view's address. */
const keySchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const fileName = z.string().min(1).max(255);

/** An opened workbook: what it carries, shown read-only, and what checking it found. */
const openedSchema = z.object({
  opened: z.literal(true),
  key: keySchema,
  fileName,
  check: workbookCheckSchema,
  inspection: inspectionSchema,
  template: templateSchema,
});

/**
 * Bureau workbooks opened to be looked at (docs/formats.md, "The bureau workbook"): verified on
 * the Node side, kept in memory under a key, never written to the data folder.
 */
export const workbooksContract = defineDomain({
  /** A file the user picked (file input in both shells): no path ever crosses the door. */
  open: {
    input: z.strictObject({
      fileName,
      dataBase64: z.string().max(base64LengthFor(MAX_WORKBOOK_BYTES)),
    }),
    output: z.discriminatedUnion('opened', [
      openedSchema,
      // Not a workbook, damaged, or from a newer app: why, and nothing to show.
      z.object({ opened: z.literal(false), fileName, check: workbookCheckSchema }),
    ]),
  },
  /** A workbook opened earlier in this run (`workbook-not-open` once it was forgotten). */
  get: { input: z.strictObject({ key: keySchema }), output: openedSchema },
  /** Its report, as the report view shows it, with the workbook's own template. */
  report: {
    input: z.strictObject({ key: keySchema, language: z.enum(LOCALES) }),
    output: z.object({ html: z.string() }),
  },
  /** Forgets an opened workbook. */
  close: { input: z.strictObject({ key: keySchema }), output: z.null() },
});
