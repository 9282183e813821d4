import { z } from 'zod';
import { templateRefSchema } from '../settings';
import { templateSchema } from '../template/schema';
import { templateSummarySchema } from '../template/summary';
import { templateDiffSchema } from '../template/diff-schema';
import { fileProblemSchema } from '../i18n/bilingual-schema';
import { MAX_TEMPLATE_BYTES } from '../template/limits';
import { base64LengthFor, defineDomain } from './define';

const MAX_BASE64 = base64LengthFor(MAX_TEMPLATE_BYTES);

export const templatesContract = defineDomain({
  list: { input: z.undefined(), output: z.array(templateSummarySchema) },
  get: { input: templateRefSchema, output: templateSchema },
  /** A file the user picked (file input in both shells): no path ever crosses the door. */
  import: {
    input: z.strictObject({
      fileName: z.string().min(1).max(255),
      dataBase64: z.string().max(MAX_BASE64),
    }),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('imported'), template: templateSummarySchema }),
      z.object({ status: z.literal('invalid'), problems: z.array(fileProblemSchema) }),
    ]),
  },
  export: {
    input: z.strictObject({ ...templateRefSchema.shape, format: z.enum(['json', 'xlsx']) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() }),
  },
  setDefault: { input: templateRefSchema, output: z.array(templateSummarySchema) },
  /** What changed from one installed or built-in template to another (usually two versions). */
  diff: {
    input: z.strictObject({ from: templateRefSchema, to: templateRefSchema }),
    output: templateDiffSchema,
  },
});
