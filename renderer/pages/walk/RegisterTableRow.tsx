import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { Change } from '../../../shared/inspection/changes';
import type { CellValue, RegisterRow } from '../../../shared/inspection/schema';
import type { RegisterItem } from '../../../shared/template/schema';
import { RowActions } from '../../components/RowActions';
import { rangeText } from '../../lib/range';
import type { EvidenceTools } from './EvidenceList';
import { EvidenceListView } from './EvidenceList';
import type { CellOption } from './RegisterCell';
import { RegisterCell } from './RegisterCell';
import type { RowIssues } from './use-row-issues';

interface RowProps {
  readonly item: RegisterItem;
  readonly row: RegisterRow;
  readonly index: number;
  readonly issues: RowIssues | undefined;
  /** Shown, not changeable: no edits, no row buttons (a signed inspection). */
  readonly locked: boolean;
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

/** One register row: its cells, its files and its buttons, with what its row rules say below. */
function RowView({
  item,
  row,
  index,
  issues,
  locked,
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
  // A cell holding something its column cannot take says so in words, not only in its tooltip.
  const wrongCells = item.columns.flatMap((column) => {
    const problem = issues?.cells.get(column.id);
    const value = Object.hasOwn(row.cells, column.id) ? row.cells[column.id] : undefined;
    if (problem === undefined || value === undefined || value === null || value === '') return [];
    const why = column.kind === 'date' ? t('date.invalid') : problem;
    return [t('walk.register.cellProblem', { column: pick(column.label), problem: why })];
  });
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
                range={
                  column.kind === 'number'
                    ? (rangeText(t, column.min, column.max) ?? undefined)
                    : undefined
                }
                label={t('walk.register.cellLabel', { row: index + 1, column: pick(column.label) })}
                rowId={row.id}
                rowIndex={index}
                columnIndex={columnIndex}
                disabled={locked}
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
            readOnly={locked}
            onAdd={(refs) =>
              apply([{ kind: 'evidence-add', itemId: item.id, rowId: row.id, refs }])
            }
            onRemove={(sha256) =>
              apply([{ kind: 'evidence-remove', itemId: item.id, rowId: row.id, sha256 }])
            }
          />
        </td>
        <RowActions
          className="row-actions"
          tone="quiet"
          actions={
            locked
              ? []
              : [
                  {
                    label: t('walk.register.duplicate'),
                    named: t('walk.register.duplicateRow', { row: index + 1 }),
                    onClick: () => onDuplicate(row, index),
                  },
                  {
                    label: t('walk.register.delete'),
                    named: t('walk.register.deleteRow', { row: index + 1 }),
                    onClick: () => onDelete(row, index),
                  },
                ]
          }
        />
      </tr>
      {((issues && issues.messages.length > 0) || wrongCells.length > 0) && (
        <tr className={`row-findings row-${worst}`}>
          <td />
          <td colSpan={item.columns.length + 2}>
            <div className="row-findings-text">
              {wrongCells.map((text, i) => (
                <span key={`cell-${i}`} className="finding finding-non-compliant">
                  {text}
                </span>
              ))}
              {issues?.messages.map((m, i) => (
                <span key={i} className={`finding finding-${m.effect}`}>
                  {m.text}
                </span>
              ))}
            </div>
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
export const RegisterTableRow = memo(
  RowView,
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.locked === b.locked &&
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
