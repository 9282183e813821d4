import { z } from 'zod';
import { STAGES } from '../inspection/patterns';

/** One school the bureau expects a submission from: a row of its list (xlsx or csv). */
export const schoolListEntrySchema = z.strictObject({
  code: z.string().min(1).max(32),
  name: z.string().max(100),
  district: z.string().max(100),
  stage: z.enum(STAGES).optional(),
});
export type SchoolListEntry = z.infer<typeof schoolListEntrySchema>;
