import { z } from 'zod';
import { idSchema } from '../template/schema';
import type { Change } from './changes';
import {
  actionSchema,
  answerValueSchema,
  cellValueSchema,
  evidenceRefSchema,
  LIMITS,
  periodSchema,
  registerRowSchema,
  rowIdSchema,
  sha256Schema,
} from './schema';
import { TEXT_LIMITS } from './patterns';
import { MAX_PASTE_CELLS } from './paste';
import { lineSchema, textSchema } from './text';

/** The shape of one edit as it crosses the IPC door; `Change` in changes.ts is what it means. */
export const changeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('answer'),
    itemId: idSchema,
    value: answerValueSchema.nullable(),
  }),
  z.strictObject({ kind: z.literal('note'), itemId: idSchema, note: textSchema(LIMITS.note) }),
  z.strictObject({
    kind: z.literal('evidence-add'),
    itemId: idSchema,
    rowId: rowIdSchema.optional(),
    refs: z.array(evidenceRefSchema).min(1).max(LIMITS.evidencePerTarget),
  }),
  z.strictObject({
    kind: z.literal('evidence-remove'),
    itemId: idSchema,
    rowId: rowIdSchema.optional(),
    sha256: sha256Schema,
  }),
  z.strictObject({
    kind: z.literal('rows-insert'),
    itemId: idSchema,
    index: z.number().int().min(0),
    rows: z.array(registerRowSchema).min(1).max(LIMITS.rowsPerRegister),
  }),
  z.strictObject({
    kind: z.literal('cell'),
    itemId: idSchema,
    rowId: rowIdSchema,
    columnId: idSchema,
    value: cellValueSchema.nullable(),
  }),
  z.strictObject({
    kind: z.literal('cells'),
    itemId: idSchema,
    values: z
      .array(
        z.strictObject({
          rowId: rowIdSchema,
          columnId: idSchema,
          value: cellValueSchema.nullable(),
        }),
      )
      .min(1)
      .max(MAX_PASTE_CELLS),
  }),
  z.strictObject({
    kind: z.literal('rows-delete'),
    itemId: idSchema,
    rowIds: z.array(rowIdSchema).min(1).max(LIMITS.rowsPerRegister),
  }),
  z.strictObject({ kind: z.literal('register-none'), itemId: idSchema }),
  z.strictObject({ kind: z.literal('action-put'), action: actionSchema }),
  z.strictObject({ kind: z.literal('action-delete'), actionId: rowIdSchema }),
  z.strictObject({
    kind: z.literal('details'),
    inspector: lineSchema(TEXT_LIMITS.inspector).optional(),
    period: periodSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('state'), to: z.enum(['draft', 'ready']) }),
]) satisfies z.ZodType<Change>;
