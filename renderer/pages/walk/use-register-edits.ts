import type { TFunction } from 'i18next';
import type { RefObject } from 'react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { parseClipboardTable, planPaste } from '../../../shared/inspection/paste';
import { LIMITS } from '../../../shared/inspection/patterns';
import type { CellValue, RegisterRow } from '../../../shared/inspection/schema';
import type { RegisterItem } from '../../../shared/template/schema';
import type { Bilingual } from '../../../shared/i18n/locale';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useWalkStore } from '../../stores/walk-store';
import { pasteMessage } from './paste-message';
import { screenPaste } from './paste-screen';

/**
 * What a register's rows can be asked to do, each an edit for the walk store. Every callback but
 * `undoDelete` stays the same function across edits, so rows that did not change do not render.
 */
export function useRegisterEdits(
  item: RegisterItem,
  rows: readonly RegisterRow[],
  table: RefObject<HTMLTableElement | null>,
  t: TFunction,
  pick: (text: Bilingual) => string,
) {
  const apply = useWalkStore((s) => s.apply);
  const show = useFeedbackStore((s) => s.show);
  const [undo, setUndo] = useState<{ rows: RegisterRow[]; index: number } | null>(null);
  // The latest rows, for callbacks that must stay the same function across edits.
  const rowsRef = useRef(rows);
  useLayoutEffect(() => {
    rowsRef.current = rows;
  });

  const focusCell = useCallback(
    (rowId: string, column?: string) =>
      requestAnimationFrame(() => {
        const row = table.current?.querySelector<HTMLElement>(`tr[data-row-id="${rowId}"]`);
        const target = column
          ? row?.querySelector<HTMLElement>(`[data-column="${column}"]`)
          : row?.querySelector<HTMLElement>('input, select');
        target?.focus();
      }),
    [table],
  );
  const duplicateRow = useCallback(
    (row: RegisterRow, index: number) => {
      const copy: RegisterRow = { ...row, id: crypto.randomUUID() };
      apply([{ kind: 'rows-insert', itemId: item.id, index: index + 1, rows: [copy] }]);
      focusCell(copy.id);
    },
    [apply, item.id, focusCell],
  );
  const deleteRow = useCallback(
    (row: RegisterRow, index: number) => {
      apply([{ kind: 'rows-delete', itemId: item.id, rowIds: [row.id] }]);
      setUndo({ rows: [row], index });
    },
    [apply, item.id],
  );
  const setCell = useCallback(
    (rowId: string, columnId: string, value: CellValue | null) =>
      apply([{ kind: 'cell', itemId: item.id, rowId, columnId, value }]),
    [apply, item.id],
  );
  const paste = useCallback(
    (text: string, rowIndex: number, columnIndex: number) => {
      const grid = parseClipboardTable(text);
      const at = { row: rowIndex, column: columnIndex };
      const rows = rowsRef.current;
      const newId = () => crypto.randomUUID();
      const plan = planPaste(item, rows, grid, at, newId, LIMITS.rowsPerRegister);
      if (!plan.ok) {
        show({
          kind: 'error',
          text:
            plan.reason === 'too-large'
              ? t('walk.register.pasteTooLarge', { max: LIMITS.rowsPerRegister })
              : t('walk.register.pasteEmpty'),
        });
        return true;
      }
      // Cells that do not fit their column stay out, and the message says which and why.
      const screened = screenPaste(item, rows, grid, at, plan);
      // A refused edit has said why already; "pasted" would contradict it.
      if (screened.changes.length > 0 && !apply(screened.changes)) return true;
      show(pasteMessage(screened, t, pick));
      return true;
    },
    [apply, item, show, t, pick],
  );
  /** Puts the last deleted row back where it was; null when there is nothing to undo. */
  const undoDelete = undo
    ? () => {
        apply([{ kind: 'rows-insert', itemId: item.id, index: undo.index, rows: undo.rows }]);
        setUndo(null);
      }
    : null;

  return { apply, focusCell, duplicateRow, deleteRow, setCell, paste, undoDelete };
}
