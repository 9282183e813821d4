import { own } from '../own';
import { canonicalText } from './canonical';
import type { Change } from './changes';
import type { AuditEntry, AuditValue, EvidenceRef, Inspection } from './schema';

/** Typing in one field within this long of its last entry extends that entry. */
export const COALESCE_MINUTES = 5;

/**
 * What one applied change adds to the audit trail, read off the inspection before and after it.
 * A change that changed nothing adds nothing.
 */
export function auditEntriesFor(
  before: Inspection,
  after: Inspection,
  change: Change,
  at: string,
): AuditEntry[] {
  switch (change.kind) {
    case 'answer':
    case 'note': {
      const field = change.kind === 'answer' ? 'value' : 'note';
      const from = own(before.answers, change.itemId)?.[field];
      const to = own(after.answers, change.itemId)?.[field];
      if (same(from, to)) return [];
      return [valueEntry({ at, event: change.kind, itemId: change.itemId }, from, to)];
    }
    case 'evidence-add': {
      const had = evidenceOf(before, change.itemId, change.rowId);
      return change.refs
        .filter((ref) => !had.some((e) => e.sha256 === ref.sha256))
        .map((ref) => ({
          ...target(at, 'evidence-added', change),
          detail: ref.name,
          sha256: ref.sha256,
        }));
    }
    case 'evidence-remove': {
      const gone = evidenceOf(before, change.itemId, change.rowId).find(
        (e) => e.sha256 === change.sha256,
      );
      if (!gone) return [];
      return [
        { ...target(at, 'evidence-removed', change), detail: gone.name, sha256: gone.sha256 },
      ];
    }
    case 'rows-insert':
      return [
        rowsEntry(
          at,
          'rows-added',
          change.itemId,
          change.rows.map((r) => r.id),
        ),
      ];
    case 'cell': {
      const rowBefore = rowOf(before, change.itemId, change.rowId);
      const from = rowBefore ? own(rowBefore.cells, change.columnId) : undefined;
      const to = change.value ?? undefined;
      if (same(from, to)) return [];
      return [
        valueEntry(
          {
            at,
            event: 'rows-changed',
            itemId: change.itemId,
            rowId: change.rowId,
            columnId: change.columnId,
          },
          from,
          to,
        ),
      ];
    }
    case 'cells': {
      // A paste may hold 200,000 cells over 5,000 rows: rows are looked up by id once.
      const rows = new Map((own(before.registers, change.itemId) ?? []).map((r) => [r.id, r]));
      const changed = change.values.filter((edit) => {
        const row = rows.get(edit.rowId);
        return !same(row ? own(row.cells, edit.columnId) : undefined, edit.value ?? undefined);
      });
      if (changed.length === 0) return [];
      const [only] = changed;
      if (changed.length === 1 && only) {
        const row = rows.get(only.rowId);
        return [
          valueEntry(
            {
              at,
              event: 'rows-changed',
              itemId: change.itemId,
              rowId: only.rowId,
              columnId: only.columnId,
            },
            row ? own(row.cells, only.columnId) : undefined,
            only.value ?? undefined,
          ),
        ];
      }
      return [{ at, event: 'rows-changed', itemId: change.itemId, count: changed.length }];
    }
    case 'rows-delete': {
      const existing = new Set((own(before.registers, change.itemId) ?? []).map((r) => r.id));
      return [
        rowsEntry(
          at,
          'rows-deleted',
          change.itemId,
          change.rowIds.filter((id) => existing.has(id)),
        ),
      ];
    }
    case 'register-none':
      return [{ at, event: 'register-none', itemId: change.itemId }];
    case 'action-put':
    case 'action-delete':
      return actionEntries(before, change, at);
    case 'details': {
      const entries: AuditEntry[] = [];
      if (before.inspector !== after.inspector) {
        entries.push({
          at,
          event: 'details',
          detail: 'inspector',
          from: before.inspector,
          to: after.inspector,
        });
      }
      const period = (p: Inspection['period']) => `${p.year}-${p.term}`;
      if (period(before.period) !== period(after.period)) {
        entries.push({
          at,
          event: 'details',
          detail: 'period',
          from: period(before.period),
          to: period(after.period),
        });
      }
      return entries;
    }
    case 'state':
      return before.state === after.state
        ? []
        : [{ at, event: 'state', from: before.state, to: after.state }];
  }
}

function actionEntries(
  before: Inspection,
  change: Extract<Change, { kind: 'action-put' | 'action-delete' }>,
  at: string,
): AuditEntry[] {
  if (change.kind === 'action-delete') {
    const gone = before.actions.find((a) => a.id === change.actionId);
    if (!gone) return [];
    return [
      {
        at,
        event: 'action-deleted',
        itemId: gone.itemId,
        actionId: gone.id,
        ...(gone.rowId !== undefined && { rowId: gone.rowId }),
        detail: gone.description,
      },
    ];
  }
  const { action } = change;
  const previous = before.actions.find((a) => a.id === action.id);
  const about = {
    at,
    itemId: action.itemId,
    actionId: action.id,
    ...(action.rowId !== undefined && { rowId: action.rowId }),
  };
  if (!previous) return [{ ...about, event: 'action-added', detail: action.description }];
  if (previous.state === 'open' && action.state === 'done') {
    return [
      {
        ...about,
        event: 'action-done',
        ...(action.doneNote !== undefined && { detail: action.doneNote }),
        ...(action.doneOn !== undefined && { to: action.doneOn }),
      },
    ];
  }
  return [{ ...about, event: 'action-changed', detail: action.description }];
}

/**
 * The trail with new entries added. An entry for the same field as the last one, within
 * COALESCE_MINUTES of it, extends it (its first value stays, its last value and time are the new
 * ones); one that ends where it began is dropped, since nothing is left changed.
 */
export function appendAudit(
  audit: readonly AuditEntry[],
  entries: readonly AuditEntry[],
): AuditEntry[] {
  const out = [...audit];
  for (const entry of entries) {
    const last = out[out.length - 1];
    if (last && coalesces(last, entry)) {
      const merged: AuditEntry = withValues({ ...strip(last), at: entry.at }, last.from, entry.to);
      out.pop();
      if (!same(merged.from, merged.to)) out.push(merged);
    } else {
      out.push(entry);
    }
  }
  return out;
}

const COALESCING = new Set<AuditEntry['event']>(['answer', 'note', 'rows-changed']);

function coalesces(last: AuditEntry, next: AuditEntry): boolean {
  if (!COALESCING.has(next.event) || last.event !== next.event) return false;
  if (next.count !== undefined || last.count !== undefined) return false;
  if (last.itemId !== next.itemId || last.rowId !== next.rowId || last.columnId !== next.columnId)
    return false;
  const gap = Date.parse(next.at) - Date.parse(last.at);
  return gap >= 0 && gap <= COALESCE_MINUTES * 60_000;
}

const strip = (entry: AuditEntry): AuditEntry => {
  const rest = { ...entry };
  delete rest.from;
  delete rest.to;
  return rest;
};

function withValues(
  entry: AuditEntry,
  from: AuditValue | undefined,
  to: AuditValue | undefined,
): AuditEntry {
  return { ...entry, ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

function valueEntry(entry: AuditEntry, from: unknown, to: unknown): AuditEntry {
  return withValues(entry, from as AuditValue | undefined, to as AuditValue | undefined);
}

function rowsEntry(at: string, event: AuditEntry['event'], itemId: string, ids: readonly string[]) {
  const [only] = ids;
  return ids.length === 1 && only
    ? { at, event, itemId, rowId: only }
    : { at, event, itemId, count: Math.max(1, ids.length) };
}

function target(
  at: string,
  event: AuditEntry['event'],
  change: { readonly itemId: string; readonly rowId?: string },
): AuditEntry {
  return {
    at,
    event,
    itemId: change.itemId,
    ...(change.rowId !== undefined && { rowId: change.rowId }),
  };
}

function evidenceOf(
  inspection: Inspection,
  itemId: string,
  rowId?: string,
): readonly EvidenceRef[] {
  if (rowId === undefined) return own(inspection.answers, itemId)?.evidence ?? [];
  return rowOf(inspection, itemId, rowId)?.evidence ?? [];
}

const rowOf = (inspection: Inspection, itemId: string, rowId: string) =>
  (own(inspection.registers, itemId) ?? []).find((r) => r.id === rowId);

const same = (a: unknown, b: unknown): boolean =>
  a === undefined || b === undefined ? a === b : canonicalText(a) === canonicalText(b);
