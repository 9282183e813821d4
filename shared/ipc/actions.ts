import { z } from 'zod';
import type { ActionOverview } from '../inspection/action-overview';
import { bilingualSchema } from '../i18n/bilingual-schema';
import {
  actionSchema,
  INSPECTION_STATES,
  inspectionIdSchema,
  isoDateSchema,
  periodSchema,
} from '../inspection/schema';
import { defineDomain } from './define';

const itemSchema = z.object({
  itemId: z.string(),
  prompt: bilingualSchema.nullable(),
  sectionId: z.string().nullable(),
});
const rowSchema = z.object({
  rowId: z.string(),
  number: z.number().int().min(1),
  label: bilingualSchema,
});

/** The 整改 page's data: shared/inspection/action-overview.ts says what each field holds. */
export const actionOverviewSchema = z.object({
  today: isoDateSchema,
  inspections: z.array(
    z.object({
      id: inspectionIdSchema,
      school: z.string(),
      period: periodSchema,
      state: z.enum(INSPECTION_STATES),
      templateTitle: bilingualSchema.nullable(),
      actions: z.array(
        z.object({
          action: actionSchema,
          item: itemSchema,
          row: rowSchema.nullable(),
          overdue: z.boolean(),
          carriedTo: z
            .object({ inspectionId: inspectionIdSchema, period: periodSchema })
            .nullable(),
        }),
      ),
      flaggedRows: z.array(
        z.object({
          item: itemSchema,
          row: rowSchema,
          effect: z.enum(['non-compliant', 'partial']),
          messages: z.array(bilingualSchema),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<ActionOverview>;

/**
 * Corrective actions across inspections (the 整改 page). Changing one is an ordinary edit of its
 * inspection (`inspections.update` with `action-put`), through the one save pipeline.
 */
export const actionsContract = defineDomain({
  /** Every action of every inspection not in the trash, and the flagged rows still without one. */
  list: { input: z.undefined(), output: actionOverviewSchema },
});
