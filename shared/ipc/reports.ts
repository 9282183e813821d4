import { z } from 'zod';
import { LOCALES } from '../i18n/locale';
import { inspectionIdSchema } from '../inspection/schema';
import { defineDomain } from './define';

const request = z.strictObject({ id: inspectionIdSchema, language: z.enum(LOCALES) });

/** An inspection's printable report: the HTML the report view shows, and its A4 PDF. */
export const reportsContract = defineDomain({
  /** The whole report as one self-contained HTML document, in the language asked for. */
  html: { input: request, output: z.object({ html: z.string() }) },
  /** The report printed to an A4 PDF, with a name to save it under. */
  pdf: {
    input: request,
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
  },
});
