import { z } from 'zod';
import { FORBIDDEN_CHARACTERS } from '../inspection/patterns';
import type { IssueKey } from '../issue-messages';

/**
 * The checklist template format: versioned data, not code. docs/formats.md describes every field
 * for a bureau clerk. Everything here is strict: an unknown key is an error, so a typo never
 * silently drops a rule.
 *
 * qinglang-template/2 is /1 plus `min` / `max` on register number columns (validate-items.ts
 * refuses them in a /1 document and on other columns); qinglang-template/3 is /2 plus the
 * `newer-than` rule (calendar months; refused in a /1 or /2 document, which an older app would
 * refuse as an unknown format rather than misread). A template keeps the format it declares:
 * a /1 file is read, hashed and written back as /1, so an inspection pinned to it keeps its
 * template and an older app still reads it; every /1 template is a valid /2 one without bounds.
 */
export const TEMPLATE_FORMAT_V1 = 'qinglang-template/1';
export const TEMPLATE_FORMAT_V2 = 'qinglang-template/2';
export const TEMPLATE_FORMAT_V3 = 'qinglang-template/3';
export const TEMPLATE_FORMATS = [
  TEMPLATE_FORMAT_V1,
  TEMPLATE_FORMAT_V2,
  TEMPLATE_FORMAT_V3,
] as const;
/** The first version, which a template without register column bounds can stay in. */
export const TEMPLATE_FORMAT = TEMPLATE_FORMAT_V1;

export const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const idSchema = z.string().regex(ID_PATTERN, { message: 'id-pattern' satisfies IssueKey });

/**
 * The same cleaning as an inspection's text: no C0/C1 control characters, no direction overrides
 * (a prompt or a basis that reads differently from what it holds is a trap for the clerk).
 */
const clean = { message: 'control-characters' satisfies IssueKey };
const isClean = (s: string) => !FORBIDDEN_CHARACTERS.test(s);

// Line endings are kept as \n whatever the source (Windows, Excel), so a round trip is exact.
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(isClean, clean)
    .transform((s) => s.replace(/\r\n?/g, '\n'));
/** A text that must stay on one line (it is one line of a spreadsheet cell). */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(isClean, clean)
    .regex(/^[^\r\n]*$/, { message: 'no-line-breaks' satisfies IssueKey });
export const bilingualSchema = (max = 2000) =>
  z.strictObject({ 'zh-CN': text(max), 'en-US': text(max) });
export type BilingualText = z.infer<ReturnType<typeof bilingualSchema>>;

/** 符合 / 部分符合 / 不符合 / 不适用: the answers of a check item, and the statuses it yields. */
import { CHECK_ANSWERS } from './answers';
export { CHECK_ANSWERS };
export type { CheckAnswer } from './answers';

/** What a rule does when it fires. A warning never changes the status. */
export const EFFECTS = ['non-compliant', 'partial', 'warning'] as const;
export type Effect = (typeof EFFECTS)[number];

export const legalBasisSchema = z.strictObject({
  'zh-CN': line(500),
  'en-US': line(500),
  /** false when the citation could not be read in a primary text: shown as unconfirmed. */
  confirmed: z.boolean(),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

// ---- conditions (visibility, register row rules) ----------------------------------------

export const COMPARISONS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
export type Comparison = (typeof COMPARISONS)[number];
const literal = z.union([z.string().max(500).refine(isClean, clean), z.number().finite()]);

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly ref: string; readonly op: Comparison; readonly value: string | number }
  | { readonly ref: string; readonly op: 'selected'; readonly value: string }
  | { readonly ref: string; readonly op: 'empty' | 'filled' }
  | {
      readonly fn: 'days_since' | 'days_until';
      readonly ref: string;
      readonly op: Comparison;
      readonly value: number;
    };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(2).max(50) }),
    z.strictObject({ any: z.array(conditionSchema).min(2).max(50) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({
      fn: z.enum(['days_since', 'days_until']),
      ref: idSchema,
      op: z.enum(COMPARISONS),
      value: z.number().int(),
    }),
    z.strictObject({ ref: idSchema, op: z.enum(COMPARISONS), value: literal }),
    z.strictObject({
      ref: idSchema,
      op: z.literal('selected'),
      value: z.string().max(500).refine(isClean, clean),
    }),
    z.strictObject({ ref: idSchema, op: z.enum(['empty', 'filled']) }),
  ]),
);

// ---- item rules ---------------------------------------------------------------------------

const days = z.number().int().min(0).max(36500);
export const ruleSchema = z.discriminatedUnion('kind', [
  /** A date older than `days` days before today (e.g. last signature-library update). */
  z.strictObject({ kind: z.literal('older-than'), days, effect: z.enum(EFFECTS) }),
  /**
   * qinglang-template/3: a date later than today minus `months` calendar months (e.g. the oldest
   * log kept is less than six months old). A day the earlier month lacks is its last day:
   * 2026-08-31 minus 6 months is 2026-02-28.
   */
  z.strictObject({
    kind: z.literal('newer-than'),
    months: z.number().int().min(1).max(1200),
    effect: z.enum(EFFECTS),
  }),
  /** A date (an expiry) `days` days or fewer from today; a date already past is 不符合. */
  z.strictObject({ kind: z.literal('expires-within'), days, effect: z.enum(EFFECTS) }),
  /** A number below `value` (e.g. logs kept fewer than 180 days). */
  z.strictObject({
    kind: z.literal('at-least'),
    value: z.number().finite(),
    effect: z.enum(EFFECTS),
  }),
  /** A number above `value`. */
  z.strictObject({
    kind: z.literal('at-most'),
    value: z.number().finite(),
    effect: z.enum(EFFECTS),
  }),
  /** A yes/no or choice answer equal to `value` (e.g. "no" → 不符合). */
  z.strictObject({
    kind: z.literal('equals'),
    value: z.string().min(1).max(100).refine(isClean, clean),
    effect: z.enum(EFFECTS),
  }),
]);
export type Rule = z.infer<typeof ruleSchema>;

export const rowRuleSchema = z.strictObject({
  id: idSchema,
  when: conditionSchema,
  effect: z.enum(EFFECTS),
  message: bilingualSchema(300),
});
export type RowRule = z.infer<typeof rowRuleSchema>;

// ---- items --------------------------------------------------------------------------------

export const choiceSchema = z.strictObject({ value: idSchema, label: bilingualSchema(200) });
export type Choice = z.infer<typeof choiceSchema>;
const choices = z.array(choiceSchema).min(1).max(200);

export const COLUMN_KINDS = ['text', 'number', 'date', 'choice', 'yesno', 'file'] as const;
export const columnSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(COLUMN_KINDS),
  label: bilingualSchema(200),
  required: z.boolean(),
  choices: choices.optional(),
  unit: bilingualSchema(40).optional(),
  /** qinglang-template/2, number columns only: the allowed range of a cell. */
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
});
export type Column = z.infer<typeof columnSchema>;

// Key order here is the order of every exported template file (zod's output keeps it).
const common = {
  prompt: bilingualSchema(1000),
  guidance: bilingualSchema(4000).optional(),
  basis: z.array(legalBasisSchema).max(20),
  required: z.boolean(),
  evidence: z.enum(['none', 'optional', 'required']),
  visibleIf: conditionSchema.optional(),
  rules: z.array(ruleSchema).max(20),
};

export const ITEM_KINDS = [
  'check',
  'yesno',
  'date',
  'number',
  'text',
  'choice',
  'multi',
  'register',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const itemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: idSchema, kind: z.literal('check'), ...common }),
  z.strictObject({ id: idSchema, kind: z.literal('yesno'), ...common }),
  z.strictObject({ id: idSchema, kind: z.literal('date'), ...common }),
  z.strictObject({
    id: idSchema,
    kind: z.literal('number'),
    ...common,
    unit: bilingualSchema(40).optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  }),
  z.strictObject({ id: idSchema, kind: z.literal('text'), ...common, multiline: z.boolean() }),
  z.strictObject({ id: idSchema, kind: z.literal('choice'), ...common, choices }),
  z.strictObject({ id: idSchema, kind: z.literal('multi'), ...common, choices }),
  z.strictObject({
    id: idSchema,
    kind: z.literal('register'),
    ...common,
    columns: z.array(columnSchema).min(1).max(40),
    rowRules: z.array(rowRuleSchema).max(40),
    minRows: z.number().int().min(0).max(10000),
  }),
]);
export type Item = z.infer<typeof itemSchema>;
export type RegisterItem = Extract<Item, { kind: 'register' }>;

export const sectionSchema = z.strictObject({
  id: idSchema,
  title: bilingualSchema(200),
  items: z.array(itemSchema).min(1).max(500),
});
export type Section = z.infer<typeof sectionSchema>;

export const VERSION_PATTERN = /^\d{1,9}(\.\d{1,9}){0,2}$/;

export const templateSchema = z.strictObject({
  format: z.enum(TEMPLATE_FORMATS),
  id: idSchema,
  /** Dotted numbers, e.g. "2026.1"; a higher version of the same id replaces nothing already made. */
  version: z.string().regex(VERSION_PATTERN, { message: 'version' satisfies IssueKey }),
  title: bilingualSchema(200),
  issuer: bilingualSchema(200),
  sections: z.array(sectionSchema).min(1).max(100),
});
export type Template = z.infer<typeof templateSchema>;
