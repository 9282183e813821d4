import type { Bilingual } from '../i18n/locale';
import { own } from '../own';
import { allItems } from '../template/items';
import type { Item, Template } from '../template/schema';
import type { TemplateProblem } from '../template/validate-problems';
import { jsonPath, structureProblems, zodProblems } from '../template/validate-problems';
import type { Change } from './changes';
import type { Inspection } from './schema';
import { inspectionSchema } from './schema';
import { upgradeInspectionDocument } from '../migrations/inspection-format';

export type InspectionProblem = TemplateProblem;

export type InspectionCheck =
  | { readonly ok: true; readonly inspection: Inspection }
  | { readonly ok: false; readonly problems: InspectionProblem[] };

const problem = (path: string, zh: string, en: string): InspectionProblem => ({
  path,
  message: { 'zh-CN': zh, 'en-US': en },
});

/**
 * Shape only: is this a `qinglang-inspection/2` document, or a `/1` one (upgraded first)? Every
 * problem, each with its path.
 */
export function checkInspectionShape(input: unknown): InspectionCheck {
  // Recursive checks must never meet a structure deep enough to exhaust the stack, and no key
  // may be dropped on the way in.
  const structure = structureProblems(input);
  if (structure.length > 0) return { ok: false, problems: structure };
  const parsed = inspectionSchema.safeParse(upgradeInspectionDocument(input));
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error).slice(0, 200) };
  return { ok: true, inspection: parsed.data };
}

/**
 * Does the inspection fit its template? Answers only for items the template has, rows only in
 * registers, cells only in a register's columns, actions only against real items. (Whether a
 * value is right for its item is the engine's judgement, not a reason to refuse the file.)
 */
export function checkAgainstTemplate(
  template: Template,
  inspection: Inspection,
): InspectionProblem[] {
  const items = itemMap(template);
  const out: InspectionProblem[] = [];
  for (const [id, answer] of Object.entries(inspection.answers)) {
    const item = items.get(id);
    if (!item)
      out.push(
        problem(
          jsonPath(['answers', id]),
          `模板中没有这一项：${id}`,
          `the template has no item ${id}`,
        ),
      );
    else if (item.kind === 'register' && answer.value !== undefined) {
      out.push(
        problem(
          jsonPath(['answers', id, 'value']),
          '登记表的内容应在 registers 中',
          "a register's rows belong in registers",
        ),
      );
    }
  }
  for (const [id, rows] of Object.entries(inspection.registers)) {
    const item = items.get(id);
    if (item?.kind !== 'register') {
      out.push(
        problem(
          jsonPath(['registers', id]),
          `模板中没有这个登记表：${id}`,
          `the template has no register ${id}`,
        ),
      );
      continue;
    }
    const columns = new Set(item.columns.map((c) => c.id));
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      if (seen.has(row.id)) {
        out.push(
          problem(
            jsonPath(['registers', id, index, 'id']),
            `行编号重复：${row.id}`,
            `duplicate row id ${row.id}`,
          ),
        );
      }
      seen.add(row.id);
      for (const column of Object.keys(row.cells)) {
        if (!columns.has(column)) {
          out.push(
            problem(
              jsonPath(['registers', id, index, 'cells', column]),
              `登记表没有这一列：${column}`,
              `the register has no column ${column}`,
            ),
          );
        }
      }
    });
  }
  inspection.actions.forEach((action, index) => {
    const rows = own(inspection.registers, action.itemId);
    if (action.rowId !== undefined && !rows?.some((r) => r.id === action.rowId)) {
      out.push(
        problem(
          jsonPath(['actions', index, 'rowId']),
          `登记表中没有这一行：${action.rowId}`,
          `the register has no row ${action.rowId}`,
        ),
      );
    }
    if (!items.has(action.itemId)) {
      out.push(
        problem(
          jsonPath(['actions', index, 'itemId']),
          `模板中没有这一项：${action.itemId}`,
          `the template has no item ${action.itemId}`,
        ),
      );
    }
  });
  return out.slice(0, 200);
}

/** Why an edit cannot apply to this template, or null: the same rules as for a whole file. */
export function checkChange(template: Template, change: Change): Bilingual | null {
  const items = itemMap(template);
  const itemId =
    change.kind === 'action-put' ? change.action.itemId : 'itemId' in change ? change.itemId : null;
  if (itemId === null) return null;
  const item = items.get(itemId);
  const wrong = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });
  if (!item) return wrong(`模板中没有这一项：${itemId}`, `the template has no item ${itemId}`);
  const rowEdit =
    change.kind === 'rows-insert' ||
    change.kind === 'cell' ||
    change.kind === 'cells' ||
    change.kind === 'rows-delete' ||
    change.kind === 'register-none' ||
    ((change.kind === 'evidence-add' || change.kind === 'evidence-remove') &&
      change.rowId !== undefined);
  if (rowEdit && item.kind !== 'register')
    return wrong('这一项不是登记表', 'this item is not a register');
  if (change.kind === 'answer' && item.kind === 'register' && change.value !== null) {
    return wrong('登记表的内容应按行填写', "a register's content is entered as rows");
  }
  if (item.kind === 'register') {
    const columns = new Set(item.columns.map((c) => c.id));
    const names =
      change.kind === 'cell'
        ? [change.columnId]
        : change.kind === 'cells'
          ? change.values.map((v) => v.columnId)
          : change.kind === 'rows-insert'
            ? change.rows.flatMap((r) => Object.keys(r.cells))
            : [];
    const stray = names.find((n) => !columns.has(n));
    if (stray !== undefined)
      return wrong(`登记表没有这一列：${stray}`, `the register has no column ${stray}`);
  }
  return null;
}

// Templates are never changed in place, and every save checks each of its edits: one map each.
const itemMaps = new WeakMap<Template, ReadonlyMap<string, Item>>();

function itemMap(template: Template): ReadonlyMap<string, Item> {
  let items = itemMaps.get(template);
  if (!items) {
    items = new Map(allItems(template).map((item) => [item.id, item]));
    itemMaps.set(template, items);
  }
  return items;
}
