import type { Bilingual } from '../i18n/locale';
import { isEmptyValue } from '../template/conditions';
import { allItems } from '../template/items';
import type { Choice, Column, Item, Template } from '../template/schema';
import type { Answer, AnswerValue, CorrectiveAction, Inspection, RegisterRow } from './schema';

/**
 * What duplicating an inspection into a template (often a newer version of its own) carries, and
 * what it leaves behind. An answer, a register and a register column come along when the target
 * has the same id with the same kind; a chosen value only when the target still offers it.
 */

/** Why something was not carried: the target has no such item or column, or it is another kind now, or the chosen value is no longer offered. */
export const LEFT_BEHIND_REASONS = ['removed', 'kind-changed', 'choice-removed'] as const;
export type LeftBehindReason = (typeof LEFT_BEHIND_REASONS)[number];

export interface LeftBehind {
  readonly itemId: string;
  /** The item's prompt in the source's template (the target's, or the id, when that is not here). */
  readonly item: Bilingual;
  readonly columnId?: string;
  readonly column?: Bilingual;
  readonly reason: LeftBehindReason;
}

export interface Carried {
  readonly answers: Inspection['answers'];
  readonly registers: Inspection['registers'];
  readonly actions: Inspection['actions'];
  /** In the order of the source's template (items first met in the file after those). */
  readonly leftBehind: LeftBehind[];
}

export interface CarryOptions {
  /** The template the source was filled against, when it is installed here: labels and kinds. */
  readonly sourceTemplate: Template | null;
  readonly target: Template;
  /** Also carry answers (values, notes, evidence); registers and open actions always come. */
  readonly withAnswers: boolean;
}

const itemsOf = (template: Template | null): Map<string, Item> =>
  new Map(template ? allItems(template).map((item) => [item.id, item]) : []);

const offered = (choices: readonly Choice[] | undefined, value: string) =>
  choices?.some((c) => c.value === value) === true;

/** A chosen value the target still offers, what is left of a multiple choice, or null. */
function keptChoice(
  kind: Item['kind'] | Column['kind'],
  choices: readonly Choice[] | undefined,
  value: AnswerValue,
): AnswerValue | null {
  if (isEmptyValue(value)) return value;
  if (kind === 'choice' && typeof value === 'string') return offered(choices, value) ? value : null;
  if (kind === 'multi' && Array.isArray(value)) {
    const kept = value.filter((v) => offered(choices, v));
    return kept.length === value.length ? value : kept.length > 0 ? kept : null;
  }
  return value;
}

/** Which parts of the source's item come along: a plan per item, and what it leaves behind. */
export function carryOver(source: Inspection, options: CarryOptions): Carried {
  const from = itemsOf(options.sourceTemplate);
  const to = itemsOf(options.target);
  const left = new Map<string, LeftBehind>();
  const label = (id: string): Bilingual =>
    from.get(id)?.prompt ?? to.get(id)?.prompt ?? { 'zh-CN': id, 'en-US': id };
  const leave = (itemId: string, reason: LeftBehindReason, column?: string) => {
    const key = column === undefined ? itemId : `${itemId}\u0000${column}`;
    if (left.has(key)) return;
    const sourceItem = from.get(itemId);
    const sourceColumn =
      sourceItem?.kind === 'register' ? sourceItem.columns.find((c) => c.id === column) : undefined;
    const targetItem = to.get(itemId);
    const targetColumn =
      targetItem?.kind === 'register' ? targetItem.columns.find((c) => c.id === column) : undefined;
    left.set(key, {
      itemId,
      item: label(itemId),
      ...(column !== undefined && {
        columnId: column,
        column: sourceColumn?.label ?? targetColumn?.label ?? { 'zh-CN': column, 'en-US': column },
      }),
      reason,
    });
  };
  // Without its template, an item is taken to be of the kind the target gives it.
  const sameKind = (id: string, target: Item) =>
    (from.get(id)?.kind ?? target.kind) === target.kind;

  const answers: Record<string, Answer> = {};
  if (options.withAnswers) {
    for (const [id, answer] of Object.entries(source.answers)) {
      const target = to.get(id);
      if (!target) {
        leave(id, 'removed');
        continue;
      }
      const carried = carryAnswer(answer, target, sameKind(id, target), (reason) =>
        leave(id, reason),
      );
      if (carried) answers[id] = carried;
    }
  }

  const registers: Record<string, RegisterRow[]> = {};
  for (const [id, rows] of Object.entries(source.registers)) {
    // A register confirmed empty last term is asked again: "none" then is no answer now.
    if (rows.length === 0) continue;
    const target = to.get(id);
    if (!target) leave(id, 'removed');
    else if (target.kind !== 'register') leave(id, 'kind-changed');
    else
      registers[id] = carryRows(rows, target, from.get(id), (reason, column) =>
        leave(id, reason, column),
      );
  }

  const actions: CorrectiveAction[] = [];
  for (const action of source.actions) {
    if (action.state !== 'open') continue;
    if (!to.has(action.itemId)) {
      leave(action.itemId, 'removed');
      continue;
    }
    // An action on a register row keeps its row only where that row came along.
    if (
      action.rowId === undefined ||
      registers[action.itemId]?.some((r) => r.id === action.rowId)
    ) {
      actions.push(action);
    } else {
      const kept = { ...action };
      delete kept.rowId;
      actions.push(kept);
    }
  }

  const order = [...from.keys()];
  const rank = (l: LeftBehind) => {
    const at = order.indexOf(l.itemId);
    return at === -1 ? order.length : at;
  };
  const leftBehind = [...left.values()].sort((a, b) => rank(a) - rank(b));
  return { answers, registers, actions, leftBehind };
}

/** The answer as it comes along: its note and evidence always, its value when it still fits. */
function carryAnswer(
  answer: Answer,
  target: Item,
  sameKind: boolean,
  leave: (reason: LeftBehindReason) => void,
): Answer | null {
  if (answer.value === undefined) return answer;
  const value = sameKind
    ? target.kind === 'choice' || target.kind === 'multi'
      ? keptChoice(target.kind, target.choices, answer.value)
      : answer.value
    : null;
  if (value === answer.value) return answer;
  leave(sameKind ? 'choice-removed' : 'kind-changed');
  const rest: Answer = { ...answer };
  delete rest.value;
  if (value !== null) return { ...rest, value };
  return rest.note !== undefined || rest.evidence.length > 0 ? rest : null;
}

/** The rows with the cells of the columns the target still has, of the same kind. */
function carryRows(
  rows: readonly RegisterRow[],
  target: Extract<Item, { kind: 'register' }>,
  source: Item | undefined,
  leave: (reason: LeftBehindReason, column: string) => void,
): RegisterRow[] {
  const columns = new Map(target.columns.map((c) => [c.id, c]));
  const sourceColumns = new Map(
    source?.kind === 'register' ? source.columns.map((c) => [c.id, c]) : [],
  );
  return rows.map((row) => {
    const cells: RegisterRow['cells'] = {};
    for (const [id, value] of Object.entries(row.cells)) {
      const column = columns.get(id);
      if (!column) {
        leave('removed', id);
        continue;
      }
      if ((sourceColumns.get(id)?.kind ?? column.kind) !== column.kind) {
        leave('kind-changed', id);
        continue;
      }
      const kept = keptChoice(column.kind, column.choices, value);
      if (kept !== value) leave('choice-removed', id);
      if (kept !== null) cells[id] = kept;
    }
    return { ...row, cells };
  });
}
