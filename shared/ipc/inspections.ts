import { z } from 'zod';
import { changeSchema } from '../inspection/change-schema';
import { inspectionSummarySchema } from '../inspection/listing';
import { inspectionIdSchema, inspectionSchema, periodSchema } from '../inspection/schema';
import { MAX_CHANGES_PER_UPDATE, MAX_IMPORT_BYTES, TEXT_LIMITS } from '../inspection/patterns';
import { lineSchema } from '../inspection/text';
import { templateRefSchema } from '../settings';
import { bilingualSchema, fileProblemSchema } from '../i18n/bilingual-schema';
import { LEFT_BEHIND_REASONS } from '../inspection/carry';
import { base64LengthFor, defineDomain } from './define';

const byId = z.strictObject({ id: inspectionIdSchema });

const importNoticeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('evidence-missing'),
    count: z.number().int().min(1),
    names: z.array(z.string()),
  }),
  z.object({ kind: z.literal('unsigned') }),
  z.object({ kind: z.literal('signed'), fingerprint: z.string(), ownKey: z.boolean() }),
  z.object({ kind: z.literal('signature-broken'), status: z.enum(['changed', 'invalid']) }),
]);

export { MAX_CHANGES_PER_UPDATE, MAX_IMPORT_BYTES };
const MAX_BASE64 = base64LengthFor(MAX_IMPORT_BYTES);

/** Something of the source the new inspection's template had no place for (inspection/carry.ts). */
const leftBehindSchema = z.object({
  itemId: z.string(),
  item: bilingualSchema,
  columnId: z.string().optional(),
  column: bilingualSchema.optional(),
  reason: z.enum(LEFT_BEHIND_REASONS),
});

const newInspection = {
  /** Absent: the default template. */
  template: templateRefSchema.optional(),
  period: periodSchema,
  inspector: lineSchema(TEXT_LIMITS.inspector),
};

export const inspectionsContract = defineDomain({
  list: { input: z.undefined(), output: z.array(inspectionSummarySchema) },
  get: { input: byId, output: inspectionSchema },
  create: { input: z.strictObject(newInspection), output: inspectionSummarySchema },
  /**
   * This term's inspection from an earlier one: registers and open actions, answers if asked,
   * against the template given or the default one; with what that template had no place for.
   */
  duplicate: {
    input: z.strictObject({
      ...newInspection,
      sourceId: inspectionIdSchema,
      withAnswers: z.boolean(),
    }),
    output: z.object({ summary: inspectionSummarySchema, leftBehind: z.array(leftBehindSchema) }),
  },
  update: {
    input: z.strictObject({
      id: inspectionIdSchema,
      changes: z.array(changeSchema).min(1).max(MAX_CHANGES_PER_UPDATE),
    }),
    output: z.object({ updatedAt: z.string() }),
  },
  trash: { input: byId, output: z.null() },
  restore: { input: byId, output: z.null() },
  purge: { input: byId, output: z.null() },
  /** The interchange file (qinglang-inspection/1) as text, with a name to save it under. */
  export: { input: byId, output: z.object({ fileName: z.string(), text: z.string() }) },
  import: {
    input: z.strictObject({
      fileName: z.string().min(1).max(255),
      dataBase64: z.string().max(MAX_BASE64),
    }),
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('imported'),
        summary: inspectionSummarySchema,
        /** The same inspection was already here, so this one came in as a copy with a new id. */
        renamed: z.boolean(),
        notices: z.array(importNoticeSchema),
      }),
      z.object({ status: z.literal('invalid'), problems: z.array(fileProblemSchema) }),
    ]),
  },
  /** For people who just want to look: a sample school profile and two terms of inspections. */
  loadSample: { input: z.undefined(), output: z.array(inspectionSummarySchema) },
});
