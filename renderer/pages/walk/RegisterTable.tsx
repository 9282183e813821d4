import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterRow } from '../../../shared/inspection/schema';
import type { Finding } from '../../../shared/template/engine';
import type { Column, RegisterItem } from '../../../shared/template/schema';
import type { ValueProblem } from '../../../shared/template/values';
import { useLocale } from '../../i18n/use-locale';
import { useOpenedWorkbook } from '../../lib/opened-workbook';
import { useLocked } from '../../stores/walk-store';
import { rangeText } from '../../lib/range';
import { useReportError } from '../../lib/use-report-error';
import type { EvidenceTools } from './EvidenceList';
import { RegisterTableRow } from './RegisterTableRow';
import { useCellOptions } from './use-cell-options';
import { useRegisterEdits } from './use-register-edits';
import { useRowIssues } from './use-row-issues';

export const ROWS_PER_PAGE = 25;
const NO_ROWS: readonly RegisterRow[] = [];

interface Props {
  readonly item: RegisterItem;
  /** Absent until the register is touched; empty when confirmed to have nothing. */
  readonly rows: readonly RegisterRow[] | undefined;
  readonly findings: readonly Finding[];
  readonly problems: readonly ValueProblem[];
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
  const locked = useLocked();
  const [page, setPage] = useState(0);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const table = useRef<HTMLTableElement>(null);
  const issues = useRowIssues(problems, findings, pick);
  const options = useCellOptions(item, t, pick);
  const inWorkbook = useOpenedWorkbook() !== null;
  const tools: EvidenceTools = useMemo(
    () => ({ t, pick, report, inWorkbook }),
    [t, pick, report, inWorkbook],
  );
  const edits = useRegisterEdits(item, rows, table, t, pick);
  const { apply, focusCell } = edits;

  const indexed = rows.map((row, index) => ({ row, index }));
  const visible = onlyFlagged ? indexed.filter(({ index }) => issues.has(index)) : indexed;
  const pages = Math.max(1, Math.ceil(visible.length / ROWS_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = visible.slice(current * ROWS_PER_PAGE, (current + 1) * ROWS_PER_PAGE);

  const addRow = () => {
    const row: RegisterRow = { id: crypto.randomUUID(), cells: {}, evidence: [] };
    apply([{ kind: 'rows-insert', itemId: item.id, index: rows.length, rows: [row] }]);
    setOnlyFlagged(false);
    setPage(Math.floor(rows.length / ROWS_PER_PAGE));
    focusCell(row.id);
  };

  return (
    <div className="register">
      <div className="register-toolbar">
        {!locked && (
          <>
            <button type="button" className="button button-quiet" onClick={addRow}>
              {t('walk.register.add')}
            </button>
            <span className="hint">{t('walk.register.pasteHowTo')}</span>
          </>
        )}
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
        {edits.undoDelete && !locked && (
          <button type="button" className="button button-quiet" onClick={edits.undoDelete}>
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
                  <ColumnRange column={c} />
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
              <RegisterTableRow
                key={row.id}
                item={item}
                row={row}
                index={index}
                issues={issues.get(index)}
                locked={locked}
                options={options}
                tools={tools}
                onCell={edits.setCell}
                onPaste={edits.paste}
                onDuplicate={edits.duplicateRow}
                onDelete={edits.deleteRow}
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
            {stored !== undefined && item.minRows === 0
              ? t('walk.register.confirmedNone')
              : locked
                ? t('signoff.lock.noRows')
                : t('walk.register.empty')}
          </p>
          {stored === undefined && item.minRows === 0 && !locked && (
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
      {pages > 1 && <Pager current={current} pages={pages} onPage={setPage} />}
    </div>
  );
}

/** A number column's allowed range under its name, worded as a number item's is. */
function ColumnRange({ column }: { column: Column }) {
  const { t } = useTranslation();
  const range = column.kind === 'number' ? rangeText(t, column.min, column.max) : null;
  return range === null ? null : <span className="hint"> {t('walk.range', { range })}</span>;
}

/** Previous and next page of a long register. */
function Pager({
  current,
  pages,
  onPage,
}: {
  current: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('walk.register.pages')}>
      <button
        type="button"
        className="button button-quiet"
        disabled={current === 0}
        onClick={() => onPage(current - 1)}
      >
        {t('walk.register.previous')}
      </button>
      <span>{t('walk.register.page', { page: current + 1, pages })}</span>
      <button
        type="button"
        className="button button-quiet"
        disabled={current >= pages - 1}
        onClick={() => onPage(current + 1)}
      >
        {t('walk.register.next')}
      </button>
    </nav>
  );
}
