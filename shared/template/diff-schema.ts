import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingual-schema';

/**
 * What changed between two templates (usually one id, two versions), as it crosses the IPC door.
 * diff.ts computes it; diff-labels.ts names every field in both languages so the Templates page
 * and `qinglang template diff` say the same thing. Items, columns, row rules and sections are
 * matched by id.
 */

/** The fields of an item that a diff looks at, in the order they are reported. */
export const ITEM_FIELDS = [
  'section',
  'kind',
  'prompt',
  'guidance',
  'basis',
  'required',
  'evidence',
  'visibleIf',
  'rules',
  'choices',
  'unit',
  'range',
  'multiline',
  'columns',
  'rowRules',
  'minRows',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

export const COLUMN_FIELDS = ['kind', 'label', 'required', 'choices', 'unit', 'range'] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

export const ROW_RULE_FIELDS = ['when', 'effect', 'message'] as const;
export type RowRuleField = (typeof ROW_RULE_FIELDS)[number];

const refSchema = z.object({ id: z.string(), version: z.string(), title: bilingualSchema });

/** One item as the diff names it: where it is, what it asks. */
const itemEntrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  section: bilingualSchema,
  prompt: bilingualSchema,
});

/** One field of an item that differs; before / after in words when they are short enough to show. */
const fieldChangeSchema = z.object({
  field: z.enum(ITEM_FIELDS),
  before: bilingualSchema.optional(),
  after: bilingualSchema.optional(),
});

const namedSchema = z.object({ id: z.string(), name: bilingualSchema });

export const registerDiffSchema = z.object({
  columnsAdded: z.array(namedSchema),
  columnsRemoved: z.array(namedSchema),
  columnsChanged: z.array(namedSchema.extend({ fields: z.array(z.enum(COLUMN_FIELDS)) })),
  rowRulesAdded: z.array(namedSchema),
  rowRulesRemoved: z.array(namedSchema),
  rowRulesChanged: z.array(namedSchema.extend({ fields: z.array(z.enum(ROW_RULE_FIELDS)) })),
});
export type RegisterDiff = z.infer<typeof registerDiffSchema>;

export const itemChangeSchema = itemEntrySchema.extend({
  changes: z.array(fieldChangeSchema).min(1),
  /** Both versions are registers: their columns and row rules, one by one. */
  register: registerDiffSchema.optional(),
});
export type ItemChange = z.infer<typeof itemChangeSchema>;
export type ItemEntry = z.infer<typeof itemEntrySchema>;
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const templateDiffSchema = z.object({
  from: refSchema,
  to: refSchema,
  /** True when nothing below differs (the titles and issuers aside). */
  same: z.boolean(),
  sections: z.object({
    added: z.array(namedSchema),
    removed: z.array(namedSchema),
    renamed: z.array(z.object({ id: z.string(), before: bilingualSchema, after: bilingualSchema })),
  }),
  items: z.object({
    added: z.array(itemEntrySchema),
    removed: z.array(itemEntrySchema),
    changed: z.array(itemChangeSchema),
  }),
});
export type TemplateDiff = z.infer<typeof templateDiffSchema>;
