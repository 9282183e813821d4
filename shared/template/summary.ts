import { z } from 'zod';
import { bilingualSchema } from './schema';

/** What a list of installed templates shows about each. */
export const templateSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: bilingualSchema(200),
  issuer: bilingualSchema(200),
  builtIn: z.boolean(),
  isDefault: z.boolean(),
  /** SHA-256 of the canonical JSON: an inspection pins it with the id and version. */
  hash: z.string(),
  sections: z.number(),
  items: z.number(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
