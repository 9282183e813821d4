import type { Bilingual } from '../i18n/locale';
import { own } from '../own';
import { appendAudit, auditEntriesFor } from './audit';
import { canonicalText } from './canonical';
import type {
  AnswerValue,
  CellValue,
  CorrectiveAction,
  EvidenceRef,
  Inspection,
  Period,
  RegisterRow,
} from './schema';

/**
 * One edit a person made. The renderer applies it to its copy at once (so typing never waits)
 * and sends it; the Node side applies the same function to the stored inspection, which is the
 * one that counts. Edits name rows by id, never by position, so two queued edits cannot land on
 * the wrong row.
 */
export type Change =
  | { readonly kind: 'answer'; readonly itemId: string; readonly value: AnswerValue | null }
  | { readonly kind: 'note'; readonly itemId: string; readonly note: string }
  | {
      readonly kind: 'evidence-add';
      readonly itemId: string;
      readonly rowId?: string;
      readonly refs: EvidenceRef[];
    }
  | {
      readonly kind: 'evidence-remove';
      readonly itemId: string;
      readonly rowId?: string;
      readonly sha256: string;
    }
  | {
      readonly kind: 'rows-insert';
      readonly itemId: string;
      /** Where the first new row goes; the register's length appends. */
      readonly index: number;
      readonly rows: RegisterRow[];
    }
  | {
      readonly kind: 'cell';
      readonly itemId: string;
      readonly rowId: string;
      readonly columnId: string;
      readonly value: CellValue | null;
    }
  /** Many cells at once (a paste over existing rows): applied whole or not at all. */
  | { readonly kind: 'cells'; readonly itemId: string; readonly values: CellEdit[] }
  | { readonly kind: 'rows-delete'; readonly itemId: string; readonly rowIds: string[] }
  /** "Nothing to register this term": an empty register, on purpose. */
  | { readonly kind: 'register-none'; readonly itemId: string }
  | { readonly kind: 'action-put'; readonly action: CorrectiveAction }
  | { readonly kind: 'action-delete'; readonly actionId: string }
  | { readonly kind: 'details'; readonly inspector?: string; readonly period?: Period }
  /**
   * Hand the inspection to the principal (ready) or take it back (draft). Signing is not a change:
   * it needs the installation's key, and has its own step (signing.ts).
   */
  | { readonly kind: 'state'; readonly to: 'draft' | 'ready' };

export interface CellEdit {
  readonly rowId: string;
  readonly columnId: string;
  readonly value: CellValue | null;
}

export type ChangeResult =
  | { readonly ok: true; readonly inspection: Inspection }
  | { readonly ok: false; readonly message: Bilingual };

const fail = (zh: string, en: string): ChangeResult => ({
  ok: false,
  message: { 'zh-CN': zh, 'en-US': en },
});

class ChangeRefused extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual['en-US']);
  }
}
const refuse = (zh: string, en: string): never => {
  throw new ChangeRefused({ 'zh-CN': zh, 'en-US': en });
};

/**
 * Applies edits in order and returns the new inspection (the old one is not touched), or why
 * the edits cannot apply; then nothing of them applies. `now` is the edit time, as ISO text.
 */
export function applyChanges(
  inspection: Inspection,
  changes: readonly Change[],
  now: string,
): ChangeResult {
  if (inspection.state === 'signed' || inspection.signoff !== undefined) {
    return fail(
      '这份检查已由校长签字，不能修改。如需修改，请先撤销签字并重新打开。',
      'This inspection has been signed by the principal and cannot be changed; reopen it first.',
    );
  }
  try {
    let next = inspection;
    for (const change of changes) {
      const after = applyOne(next, change, now);
      if (after === next) continue;
      // Every change that changed something is in the trail, derived here so no channel can skip it.
      next = {
        ...after,
        audit: appendAudit(after.audit, auditEntriesFor(next, after, change, now)),
      };
    }
    return { ok: true, inspection: next === inspection ? next : { ...next, updatedAt: now } };
  } catch (error) {
    if (error instanceof ChangeRefused) return { ok: false, message: error.bilingual };
    throw error;
  }
}

function applyOne(inspection: Inspection, change: Change, now: string): Inspection {
  switch (change.kind) {
    case 'answer':
      return withAnswer(inspection, change.itemId, now, (a) => {
        const rest = omit(a, 'value');
        return change.value === null ? rest : { ...rest, value: change.value };
      });
    case 'note':
      return withAnswer(inspection, change.itemId, now, (a) => {
        const rest = omit(a, 'note');
        return change.note === '' ? rest : { ...rest, note: change.note };
      });
    case 'evidence-add':
    case 'evidence-remove': {
      const edit = (list: readonly EvidenceRef[]): EvidenceRef[] =>
        change.kind === 'evidence-add'
          ? change.refs.reduce<EvidenceRef[]>(
              (all, r) => (all.some((e) => e.sha256 === r.sha256) ? all : [...all, r]),
              [...list],
            )
          : list.filter((e) => e.sha256 !== change.sha256);
      if (change.rowId === undefined) {
        return withAnswer(inspection, change.itemId, now, (a) => ({
          ...a,
          evidence: edit(a.evidence),
        }));
      }
      const rowId = change.rowId;
      return withRows(
        inspection,
        change.itemId,
        (rows) =>
          rows.map((r) => {
            if (r.id !== rowId) return r;
            const evidence = edit(r.evidence);
            const same =
              evidence.length === r.evidence.length &&
              evidence.every((e, i) => e.sha256 === r.evidence[i]!.sha256);
            return same ? r : { ...r, evidence };
          }),
        [rowId],
      );
    }
    case 'rows-insert':
      return withRows(inspection, change.itemId, (rows) => {
        const taken = new Set(rows.map((r) => r.id));
        for (const row of change.rows) {
          if (taken.has(row.id))
            refuse('登记表中已有同一编号的行。', 'A row with this id is already in the register.');
          taken.add(row.id);
        }
        const at = Math.max(0, Math.min(change.index, rows.length));
        return [...rows.slice(0, at), ...change.rows, ...rows.slice(at)];
      });
    case 'cell':
      return withRows(
        inspection,
        change.itemId,
        (rows) =>
          rows.map((r) => {
            return r.id === change.rowId ? setCell(r, change) : r;
          }),
        [change.rowId],
      );
    case 'cells': {
      const byRow = new Map<string, CellEdit[]>();
      for (const edit of change.values)
        byRow.set(edit.rowId, [...(byRow.get(edit.rowId) ?? []), edit]);
      return withRows(
        inspection,
        change.itemId,
        (rows) =>
          rows.map((r) => {
            const edits = byRow.get(r.id);
            return edits ? edits.reduce(setCell, r) : r;
          }),
        [...byRow.keys()],
      );
    }
    case 'rows-delete': {
      const gone = new Set(change.rowIds);
      const after = withRows(
        inspection,
        change.itemId,
        (rows) => rows.filter((r) => !gone.has(r.id)),
        change.rowIds,
      );
      // Actions on a deleted row stay with the item; they no longer name the row.
      const actions = after.actions.map((a) => {
        if (a.itemId !== change.itemId || a.rowId === undefined || !gone.has(a.rowId)) return a;
        const kept = { ...a };
        delete kept.rowId;
        return kept;
      });
      // Deleting the last row is not "nothing to register": only register-none says that.
      const left = own(after.registers, change.itemId) ?? [];
      const registers = left.length === 0 ? omit(after.registers, change.itemId) : after.registers;
      return { ...after, registers, actions };
    }
    case 'register-none':
      return withRows(inspection, change.itemId, (rows) => {
        if (rows.length > 0) refuse('登记表中已有内容。', 'The register already has rows.');
        return [];
      });
    case 'action-put': {
      const at = inspection.actions.findIndex((a) => a.id === change.action.id);
      if (at !== -1 && canonicalText(inspection.actions[at]) === canonicalText(change.action)) {
        return inspection;
      }
      const actions =
        at === -1
          ? [...inspection.actions, change.action]
          : inspection.actions.map((a, i) => (i === at ? change.action : a));
      return { ...inspection, actions };
    }
    case 'action-delete': {
      const actions = inspection.actions.filter((a) => a.id !== change.actionId);
      return actions.length === inspection.actions.length ? inspection : { ...inspection, actions };
    }
    case 'details':
      return {
        ...inspection,
        ...(change.inspector !== undefined && { inspector: change.inspector }),
        ...(change.period !== undefined && { period: change.period }),
      };
    case 'state':
      return inspection.state === change.to ? inspection : { ...inspection, state: change.to };
  }
}

type AnswerRecord = Inspection['answers'][string];

function withAnswer(
  inspection: Inspection,
  itemId: string,
  now: string,
  edit: (answer: AnswerRecord) => AnswerRecord,
): Inspection {
  const existing = own(inspection.answers, itemId);
  const before = existing ?? { evidence: [], updatedAt: now };
  const edited = edit(before);
  // Nothing changed (clearing what was empty, choosing what was chosen): no edit, no new time.
  if (sameAnswer(existing, edited)) return inspection;
  const after = { ...edited, updatedAt: now };
  // An answer with nothing left in it is removed, so clearing a field leaves no trace behind.
  if (after.value === undefined && after.note === undefined && after.evidence.length === 0) {
    return { ...inspection, answers: omit(inspection.answers, itemId) };
  }
  return { ...inspection, answers: { ...inspection.answers, [itemId]: after } };
}

function withRows(
  inspection: Inspection,
  itemId: string,
  edit: (rows: readonly RegisterRow[]) => RegisterRow[],
  mustExist: readonly string[] = [],
): Inspection {
  const rows = own(inspection.registers, itemId) ?? [];
  for (const id of mustExist) {
    if (!rows.some((r) => r.id === id)) {
      refuse(
        '这一行已不存在，可能已被删除。',
        'This row no longer exists; it may have been deleted.',
      );
    }
  }
  const next = edit(rows);
  // Nothing changed (every row the same object, and the register already there): no edit.
  const existed = own(inspection.registers, itemId) !== undefined;
  if (existed && next.length === rows.length && next.every((r, i) => r === rows[i]))
    return inspection;
  // A computed key always makes an own property, even for a name like "constructor".
  return { ...inspection, registers: { ...inspection.registers, [itemId]: next } };
}

/** A copy without one key (own keys only, so "constructor" is just a name). */
function omit<T extends object>(record: T, key: string): T {
  const copy = {} as T;
  for (const k of Object.keys(record)) {
    if (k !== key)
      Object.defineProperty(copy, k, {
        value: record[k as keyof T],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return copy;
}

type AnswerLike = Pick<AnswerRecord, 'value' | 'note' | 'evidence'>;

function sameAnswer(before: AnswerLike | undefined, after: AnswerLike): boolean {
  const empty =
    after.value === undefined && after.note === undefined && after.evidence.length === 0;
  if (!before) return empty;
  return (
    JSON.stringify(before.value) === JSON.stringify(after.value) &&
    before.note === after.note &&
    before.evidence.length === after.evidence.length &&
    before.evidence.every(
      (e, i) => e.sha256 === after.evidence[i]!.sha256 && e.name === after.evidence[i]!.name,
    )
  );
}

/** One cell set (or cleared with null); the same row object back when nothing changes. */
function setCell(row: RegisterRow, edit: Pick<CellEdit, 'columnId' | 'value'>): RegisterRow {
  const before = own(row.cells, edit.columnId);
  // Clearing an empty cell, or typing what is there, is no edit.
  if (JSON.stringify(before ?? null) === JSON.stringify(edit.value)) return row;
  const cells = omit(row.cells, edit.columnId);
  return { ...row, cells: edit.value === null ? cells : { ...cells, [edit.columnId]: edit.value } };
}
