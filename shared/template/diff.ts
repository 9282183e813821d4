import type { Bilingual } from '../i18n/locale';
import type { RefNames } from './describe';
import { describeCondition } from './describe';
import type {
  ColumnField,
  FieldChange,
  ItemChange,
  ItemEntry,
  ItemField,
  RegisterDiff,
  TemplateDiff,
} from './diff-schema';
import { COLUMN_FIELDS, ITEM_FIELDS, ROW_RULE_FIELDS } from './diff-schema';
import { DIFF_LABELS, EVIDENCE_LABELS, KIND_LABELS } from './diff-labels';
import { allItems } from './items';
import { YES_NO_LABELS } from './labels';
import { describeRule } from './rules';
import type { Column, Item, RegisterItem, RowRule, Section, Template } from './schema';

const both = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

/** JSON with sorted keys: two values are the same when their texts are. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}
const same = (a: unknown, b: unknown) => stable(a) === stable(b);

const joined = (texts: readonly Bilingual[], zh = '；', en = '; '): Bilingual =>
  texts.length === 0
    ? DIFF_LABELS.none
    : both(texts.map((t) => t['zh-CN']).join(zh), texts.map((t) => t['en-US']).join(en));

const yesNo = (value: boolean): Bilingual => YES_NO_LABELS[value ? 'yes' : 'no'];

function rangeOf(min: number | undefined, max: number | undefined): Bilingual {
  if (min === undefined && max === undefined) return DIFF_LABELS.none;
  if (min === undefined) return both(`≤ ${max}`, `≤ ${max}`);
  if (max === undefined) return both(`≥ ${min}`, `≥ ${min}`);
  return both(`${min}–${max}`, `${min}–${max}`);
}

/** How one template names the items its conditions refer to. */
function namesOf(template: Template): RefNames {
  const byId = new Map(allItems(template).map((i) => [i.id, i]));
  return {
    name: (ref) => byId.get(ref)?.prompt ?? both(ref, ref),
    label: (ref, value) => {
      const item = byId.get(ref);
      return item && 'choices' in item
        ? item.choices.find((c) => c.value === value)?.label
        : undefined;
    },
  };
}

interface Side {
  readonly item: Item;
  readonly section: Section;
  readonly names: RefNames;
}

/** A field's value as the diff compares it, and (when short) in words. */
function fieldOf(side: Side, field: ItemField): { value: unknown; words?: Bilingual } {
  const { item, section, names } = side;
  const has = <K extends string>(key: K): unknown =>
    key in item ? (item as unknown as Record<K, unknown>)[key] : undefined;
  switch (field) {
    case 'section':
      return { value: section.id, words: section.title };
    case 'kind':
      return { value: item.kind, words: KIND_LABELS[item.kind] };
    case 'prompt':
      return { value: item.prompt, words: item.prompt };
    case 'guidance':
      return { value: item.guidance };
    case 'basis':
      return {
        value: item.basis,
        words: joined(
          item.basis.map((b) =>
            b.confirmed ? b : both(`${b['zh-CN']}（未经原文核实）`, `${b['en-US']} (unconfirmed)`),
          ),
        ),
      };
    case 'required':
      return { value: item.required, words: yesNo(item.required) };
    case 'evidence':
      return { value: item.evidence, words: EVIDENCE_LABELS[item.evidence] };
    case 'visibleIf':
      return {
        value: item.visibleIf,
        words: item.visibleIf ? describeCondition(item.visibleIf, names) : DIFF_LABELS.none,
      };
    case 'rules':
      return { value: item.rules, words: joined(item.rules.map((r) => describeRule(r, item))) };
    case 'choices': {
      const choices = 'choices' in item ? item.choices : [];
      return {
        value: has('choices'),
        words: joined(
          choices.map((c) => c.label),
          '、',
          ', ',
        ),
      };
    }
    case 'unit':
      return {
        value: has('unit'),
        words: item.kind === 'number' && item.unit ? item.unit : DIFF_LABELS.none,
      };
    case 'range': {
      const min = has('min') as number | undefined;
      const max = has('max') as number | undefined;
      return { value: [min, max], words: rangeOf(min, max) };
    }
    case 'multiline': {
      const multiline = has('multiline');
      return {
        value: multiline,
        words: typeof multiline === 'boolean' ? yesNo(multiline) : DIFF_LABELS.none,
      };
    }
    case 'columns':
      return { value: has('columns') };
    case 'rowRules':
      return { value: has('rowRules') };
    case 'minRows': {
      const minRows = has('minRows');
      return {
        value: minRows,
        words: typeof minRows === 'number' ? both(`${minRows}`, `${minRows}`) : DIFF_LABELS.none,
      };
    }
  }
}

/** Matches two lists by id: what only the first has, only the second has, and both have. */
function match<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set(after.map((x) => x.id));
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !now.has(x.id)),
    kept: after.flatMap((x) => {
      const was = old.get(x.id);
      return was ? [[was, x] as const] : [];
    }),
  };
}

const columnValue = (c: Column, field: ColumnField): unknown =>
  field === 'range' ? [c.min, c.max] : c[field];

function registerDiff(before: RegisterItem, after: RegisterItem): RegisterDiff {
  const columns = match(before.columns, after.columns);
  const rules = match(before.rowRules, after.rowRules);
  const column = (c: Column) => ({ id: c.id, name: c.label });
  const rule = (r: RowRule) => ({ id: r.id, name: r.message });
  return {
    columnsAdded: columns.added.map(column),
    columnsRemoved: columns.removed.map(column),
    columnsChanged: columns.kept.flatMap(([was, now]) => {
      const fields = COLUMN_FIELDS.filter((f) => !same(columnValue(was, f), columnValue(now, f)));
      return fields.length > 0 ? [{ ...column(now), fields }] : [];
    }),
    rowRulesAdded: rules.added.map(rule),
    rowRulesRemoved: rules.removed.map(rule),
    rowRulesChanged: rules.kept.flatMap(([was, now]) => {
      const fields = ROW_RULE_FIELDS.filter((f) => !same(was[f], now[f]));
      return fields.length > 0 ? [{ ...rule(now), fields }] : [];
    }),
  };
}

function itemChange(was: Side, now: Side): ItemChange | null {
  const changes: FieldChange[] = ITEM_FIELDS.flatMap((field) => {
    const a = fieldOf(was, field);
    const b = fieldOf(now, field);
    if (same(a.value, b.value)) return [];
    return [a.words && b.words ? { field, before: a.words, after: b.words } : { field }];
  });
  if (changes.length === 0) return null;
  const register =
    was.item.kind === 'register' && now.item.kind === 'register'
      ? registerDiff(was.item, now.item)
      : undefined;
  return { ...entry(now), changes, ...(register ? { register } : {}) };
}

const entry = ({ item, section }: Side): ItemEntry => ({
  id: item.id,
  kind: item.kind,
  section: section.title,
  prompt: item.prompt,
});

function sidesOf(template: Template): (Side & { id: string })[] {
  const names = namesOf(template);
  return template.sections.flatMap((section) =>
    section.items.map((item) => ({ item, section, names, id: item.id })),
  );
}

/**
 * What changed from `before` to `after`: sections and items added, removed and changed (with the
 * fields that changed, and in words what they were and are), and per register its columns and row
 * rules. Items keep the order of the template they are in.
 */
export function diffTemplates(before: Template, after: Template): TemplateDiff {
  const sections = match(before.sections, after.sections);
  const items = match(sidesOf(before), sidesOf(after));
  const diff: TemplateDiff = {
    from: { id: before.id, version: before.version, title: before.title },
    to: { id: after.id, version: after.version, title: after.title },
    same: false,
    sections: {
      added: sections.added.map((s) => ({ id: s.id, name: s.title })),
      removed: sections.removed.map((s) => ({ id: s.id, name: s.title })),
      renamed: sections.kept.flatMap(([was, now]) =>
        same(was.title, now.title) ? [] : [{ id: now.id, before: was.title, after: now.title }],
      ),
    },
    items: {
      added: items.added.map(entry),
      removed: items.removed.map(entry),
      changed: items.kept.flatMap(([was, now]) => itemChange(was, now) ?? []),
    },
  };
  const empty =
    diff.sections.added.length +
      diff.sections.removed.length +
      diff.sections.renamed.length +
      diff.items.added.length +
      diff.items.removed.length +
      diff.items.changed.length ===
    0;
  return { ...diff, same: empty };
}
