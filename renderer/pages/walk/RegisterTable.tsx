import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/i18n/locale';
import { parseClipboardTable, planPaste } from '../../../shared/inspection/paste';
import { LIMITS } from '../../../shared/inspection/patterns';
import type { Change } from '../../../shared/inspection/changes';
import type { CellValue, RegisterRow } from '../../../shared/inspection/schema';
import type { Finding } from '../../../shared/template/engine';
import type { RegisterItem } from '../../../shared/template/schema';
import type { ValueProblem } from '../../../shared/template/values';
import { useLocale } from '../../i18n/use-locale';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useWalkStore } from '../../stores/walk-store';
import type { EvidenceTools } from './EvidenceList';
import { EvidenceListView } from './EvidenceList';
import type { CellOption } from './RegisterCell';
import { RegisterCell } from './RegisterCell';
import { useReportError } from '../../lib/use-report-error';
import { YES_NO_LABELS } from '../../../shared/template/labels';
import type { TFunction } from 'i18next';

export const ROWS_PER_PAGE = 25;
const NO_ROWS: readonly RegisterRow[] = [];

interface Props {
  readonly item: RegisterItem;
  /** Absent until the register is touched; empty when confirmed to have nothing. */
  readonly rows: readonly RegisterRow[] | undefined;
  readonly findings: readonly Finding[];
  readonly problems: readonly ValueProblem[];
}

/** What is wrong with one row, in the user's language; `key` tells two of them apart cheaply. */
interface RowIssues {
  readonly cells: ReadonlyMap<string, string>;
  readonly messages: readonly { readonly effect: Finding['effect']; readonly text: string }[];
  readonly worst: 'non-compliant' | 'partial' | 'warning';
  readonly key: string;
}

/**
 * A register as an editable table: add, duplicate, delete (with undo) and paste rows copied from
 * a spreadsheet; rows a row rule flags are highlighted with the rule's words. Long registers are
 * shown a page at a time so a 1,000-row device list stays quick to type in.
 */
export function RegisterTable({ item, rows: stored, findings, problems }: Props) {
  const rows = stored ?? NO_ROWS;
  const { t } = useTranslation();
  const { pick } = useLocale();
  const report = useReportError();
  const apply = useWalkStore((s) => s.apply);
  const show = useFeedbackStore((s) => s.show);
  const [page, setPage] = useState(0);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [undo, setUndo] = useState<{ rows: RegisterRow[]; index: number } | null>(null);
  const table = useRef<HTMLTableElement>(null);

  const issues = useMemo(() => {
    const byRow = new Map<
      number,
      { cells: Map<string, string>; messages: RowIssues['messages'][number][] }
    >();
    const at = (row: number) => {
      let entry = byRow.get(row);
      if (!entry) byRow.set(row, (entry = { cells: new Map(), messages: [] }));
      return entry;
    };
    for (const p of problems) {
      if (p.row !== undefined && p.column !== undefined)
        at(p.row).cells.set(p.column, pick(p.message));
    }
    for (const f of findings) {
      if (f.row !== undefined) at(f.row).messages.push({ effect: f.effect, text: pick(f.message) });
    }
    const out = new Map<number, RowIssues>();
    for (const [row, { cells, messages }] of byRow) {
      const worst = messages.some((m) => m.effect === 'non-compliant')
        ? 'non-compliant'
        : messages.some((m) => m.effect === 'partial')
          ? 'partial'
          : 'warning';
      const key = JSON.stringify([[...cells], messages]);
      out.set(row, { cells, messages, worst, key });
    }
    return out;
  }, [problems, findings, pick]);

  // Options per column, once per language: every select on the page shares them.
  const options = useMemo(
    () =>
      item.columns.map((column): readonly CellOption[] | undefined => {
        const choose = { value: '', label: t('walk.choose') };
        if (column.kind === 'yesno') {
          return [
            choose,
            ...(['yes', 'no'] as const).map((v) => ({ value: v, label: pick(YES_NO_LABELS[v]) })),
          ];
        }
        if (column.kind === 'choice') {
          return [
            choose,
            ...(column.choices ?? []).map((c) => ({ value: c.value, label: pick(c.label) })),
          ];
        }
        return undefined;
      }),
    [item, t, pick],
  );
  const tools: EvidenceTools = useMemo(() => ({ t, pick, report }), [t, pick, report]);
  // The latest rows, for callbacks that must stay the same function across edits.
  const rowsRef = useRef(rows);
  useLayoutEffect(() => {
    rowsRef.current = rows;
  });

  const indexed = rows.map((row, index) => ({ row, index }));
  const visible = onlyFlagged ? indexed.filter(({ index }) => issues.has(index)) : indexed;
  const pages = Math.max(1, Math.ceil(visible.length / ROWS_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = visible.slice(current * ROWS_PER_PAGE, (current + 1) * ROWS_PER_PAGE);

  const focusCell = useCallback(
    (rowId: string, column?: string) =>
      requestAnimationFrame(() => {
        const row = table.current?.querySelector<HTMLElement>(`tr[data-row-id="${rowId}"]`);
        const target = column
          ? row?.querySelector<HTMLElement>(`[data-column="${column}"]`)
          : row?.querySelector<HTMLElement>('input, select');
        target?.focus();
      }),
    [],
  );

  const addRow = () => {
    const row: RegisterRow = { id: crypto.randomUUID(), cells: {}, evidence: [] };
    apply([{ kind: 'rows-insert', itemId: item.id, index: rows.length, rows: [row] }]);
    setOnlyFlagged(false);
    setPage(Math.floor(rows.length / ROWS_PER_PAGE));
    focusCell(row.id);
  };
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
      const plan = planPaste(
        item,
        rowsRef.current,
        parseClipboardTable(text),
        { row: rowIndex, column: columnIndex },
        () => crypto.randomUUID(),
        LIMITS.rowsPerRegister,
      );
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
      apply(plan.changes);
      show({
        kind: 'success',
        text: t('walk.register.pasted', { cells: plan.cellsSet, rows: plan.rowsAdded }),
      });
      return true;
    },
    [apply, item, show, t],
  );

  return (
    <div className="register">
      <div className="register-toolbar">
        <button type="button" className="button button-quiet" onClick={addRow}>
          {t('walk.register.add')}
        </button>
        <span className="hint">{t('walk.register.pasteHowTo')}</span>
        <span className="hint">
          {t('walk.register.count', { count: rows.length, min: item.minRows })}
        </span>
        {issues.size > 0 && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={onlyFlagged}
              onChange={(e) => {
                setOnlyFlagged(e.target.checked);
                setPage(0);
              }}
            />
            <span>{t('walk.register.onlyFlagged', { count: issues.size })}</span>
          </label>
        )}
        {undo && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              apply([{ kind: 'rows-insert', itemId: item.id, index: undo.index, rows: undo.rows }]);
              setUndo(null);
            }}
          >
            {t('walk.register.undoDelete')}
          </button>
        )}
      </div>
      <div className="register-scroll">
        <table className="register-table" ref={table} aria-label={pick(item.prompt)}>
          <thead>
            <tr>
              <th scope="col" className="row-number">
                #
              </th>
              {item.columns.map((c) => (
                <th scope="col" key={c.id}>
                  {pick(c.label)}
                  {c.required && <span className="required"> *</span>}
                  {c.unit && <span className="hint"> ({pick(c.unit)})</span>}
                </th>
              ))}
              <th scope="col">{t('walk.register.files')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('walk.register.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ row, index }) => (
              <Row
                key={row.id}
                item={item}
                row={row}
                index={index}
                issues={issues.get(index)}
                options={options}
                tools={tools}
                onCell={setCell}
                onPaste={paste}
                onDuplicate={duplicateRow}
                onDelete={deleteRow}
                nextRowId={rows[index + 1]?.id}
                focusCell={focusCell}
                apply={apply}
              />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && (
        <div className="register-empty">
          <p className="hint">
            {stored === undefined || item.minRows > 0
              ? t('walk.register.empty')
              : t('walk.register.confirmedNone')}
          </p>
          {stored === undefined && item.minRows === 0 && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => apply([{ kind: 'register-none', itemId: item.id }])}
            >
              {t('walk.register.none')}
            </button>
          )}
        </div>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('walk.register.pages')}>
          <button
            type="button"
            className="button button-quiet"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t('walk.register.previous')}
          </button>
          <span>{t('walk.register.page', { page: current + 1, pages })}</span>
          <button
            type="button"
            className="button button-quiet"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('walk.register.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

interface RowProps {
  readonly item: RegisterItem;
  readonly row: RegisterRow;
  readonly index: number;
  readonly issues: RowIssues | undefined;
  readonly options: readonly (readonly CellOption[] | undefined)[];
  readonly tools: EvidenceTools;
  readonly nextRowId: string | undefined;
  readonly onCell: (rowId: string, columnId: string, value: CellValue | null) => void;
  readonly onPaste: (text: string, row: number, column: number) => boolean;
  readonly onDuplicate: (row: RegisterRow, index: number) => void;
  readonly onDelete: (row: RegisterRow, index: number) => void;
  readonly focusCell: (rowId: string, column?: string) => void;
  readonly apply: (changes: Change[]) => void;
}

function RowView({
  item,
  row,
  index,
  issues,
  options,
  tools,
  nextRowId,
  onCell,
  onPaste,
  onDuplicate,
  onDelete,
  focusCell,
  apply,
}: RowProps) {
  const { t, pick }: { t: TFunction; pick: (text: Bilingual) => string } = tools;
  const worst =
    issues && (issues.messages.length > 0 || issues.cells.size > 0) ? issues.worst : undefined;
  return (
    <>
      <tr
        data-row-id={row.id}
        className={worst ? `row-flagged row-${worst}` : undefined}
        onKeyDown={(e) => {
          // Enter moves down a row in the same column, as in a spreadsheet.
          const column = (e.target as HTMLElement).dataset.column;
          if (e.key === 'Enter' && column && nextRowId && !e.altKey && !e.ctrlKey) {
            e.preventDefault();
            focusCell(nextRowId, column);
          }
        }}
      >
        <th scope="row" className="row-number">
          {index + 1}
        </th>
        {item.columns.map((column, columnIndex) => (
          <td key={column.id} className={issues?.cells.has(column.id) ? 'cell-invalid' : undefined}>
            {column.kind === 'file' ? null : (
              <RegisterCell
                column={column}
                options={options[columnIndex]}
                value={Object.hasOwn(row.cells, column.id) ? row.cells[column.id] : undefined}
                problem={issues?.cells.get(column.id)}
                label={t('walk.register.cellLabel', { row: index + 1, column: pick(column.label) })}
                rowId={row.id}
                rowIndex={index}
                columnIndex={columnIndex}
                onCell={onCell}
                onPaste={onPaste}
              />
            )}
          </td>
        ))}
        <td className="row-files">
          <EvidenceListView
            compact
            tools={tools}
            label={t('walk.register.rowLabel', { row: index + 1 })}
            refs={row.evidence}
            required={false}
            missing={false}
            onAdd={(refs) =>
              apply([{ kind: 'evidence-add', itemId: item.id, rowId: row.id, refs }])
            }
            onRemove={(sha256) =>
              apply([{ kind: 'evidence-remove', itemId: item.id, rowId: row.id, sha256 }])
            }
          />
        </td>
        <td className="row-actions">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => onDuplicate(row, index)}
            aria-label={t('walk.register.duplicateRow', { row: index + 1 })}
          >
            {t('walk.register.duplicate')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => onDelete(row, index)}
            aria-label={t('walk.register.deleteRow', { row: index + 1 })}
          >
            {t('walk.register.delete')}
          </button>
        </td>
      </tr>
      {issues && issues.messages.length > 0 && (
        <tr className={`row-findings row-${worst}`}>
          <td />
          <td colSpan={item.columns.length + 2}>
            {issues.messages.map((m, i) => (
              <span key={i} className={`finding finding-${m.effect}`}>
                {m.text}
              </span>
            ))}
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * A keystroke changes one row; evaluation hands every flagged row new (equal) issues. Rows whose
 * row, place and issues are the same do not render again.
 */
const Row = memo(
  RowView,
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.nextRowId === b.nextRowId &&
    a.issues?.key === b.issues?.key &&
    a.item === b.item &&
    a.options === b.options &&
    a.tools === b.tools &&
    a.onCell === b.onCell &&
    a.onPaste === b.onPaste &&
    a.onDuplicate === b.onDuplicate &&
    a.onDelete === b.onDelete &&
    a.apply === b.apply,
);
