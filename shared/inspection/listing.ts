import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { instantSchema } from './text';
import {
  INSPECTION_STATES,
  inspectionIdSchema,
  periodSchema,
  pinnedTemplateSchema,
} from './schema';

const countsSchema = z.object({
  compliant: z.number(),
  partial: z.number(),
  nonCompliant: z.number(),
  na: z.number(),
  unanswered: z.number(),
});

export const figuresSchema = z.object({
  progress: z.number(),
  answered: z.number(),
  applicable: z.number(),
  complianceRate: z.number().nullable(),
  counts: countsSchema,
  findings: z.number(),
  openActions: z.number(),
  overdueActions: z.number(),
});

/** One line of the inspections list: enough to show, filter and sort without opening the file. */
export const inspectionSummarySchema = z.object({
  id: inspectionIdSchema,
  school: z.object({ name: z.string(), code: z.string() }),
  period: periodSchema,
  inspector: z.string(),
  template: pinnedTemplateSchema,
  /** The template's title, or null when that template is not installed here. */
  templateTitle: bilingualSchema.nullable(),
  state: z.enum(INSPECTION_STATES),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  trashedAt: instantSchema.optional(),
  /** null when the template is not installed, so nothing can be judged. */
  figures: figuresSchema.nullable(),
});
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;
