import { memo, useState } from 'react';
import type { CellValue } from '../../../shared/inspection/schema';
import { cellFromText } from '../../../shared/inspection/paste';
import type { Column } from '../../../shared/template/schema';
import { DateField } from '../../components/DateField';

/** A choice as the select shows it, already in the user's language. */
export interface CellOption {
  readonly value: string;
  readonly label: string;
}

interface Props {
  readonly column: Column;
  /** For choice and yes/no columns: the options, with "choose…" first as value "". */
  readonly options: readonly CellOption[] | undefined;
  readonly value: CellValue | undefined;
  /** What is wrong with the value, in the user's language. */
  readonly problem: string | undefined;
  /** A number column's allowed range in words ("at least 0"), when it has min / max. */
  readonly range?: string | undefined;
  readonly label: string;
  readonly rowId: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  /** Shown, not changeable (a signed inspection). */
  readonly disabled?: boolean;
  readonly onCell: (rowId: string, columnId: string, value: CellValue | null) => void;
  readonly onPaste: (text: string, rowIndex: number, columnIndex: number) => boolean;
}

const shown = (value: CellValue | undefined) =>
  value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

/**
 * One register cell. What is being typed is kept as typed ("1." stays "1."), and saved parsed.
 * Every prop is a plain value or a callback stable across edits, so a keystroke renders only
 * the cell it lands in (a page holds hundreds of them).
 */
function RegisterCellView(props: Props) {
  const { column, options, value, problem, range, label, rowId, rowIndex, columnIndex } = props;
  const { disabled } = props;
  const { onCell, onPaste } = props;
  const [draft, setDraft] = useState(shown(value));
  const [seen, setSeen] = useState(value);
  // A change from elsewhere (paste, undo, reload) replaces the draft; the user's own does not.
  if (seen !== value) {
    setSeen(value);
    if (shown(cellFromText(column, draft) ?? undefined) !== shown(value)) setDraft(shown(value));
  }

  const change = (next: CellValue | null) => onCell(rowId, column.id, next);
  const common = {
    'aria-label': label,
    'aria-invalid': problem ? true : undefined,
    // What is wrong, else what the cell takes: a bounded number column says its range.
    title: problem ?? range,
    'data-column': column.id,
    disabled,
    onPaste: (e: React.ClipboardEvent) => {
      const text = e.clipboardData.getData('text/plain');
      if (/[\t\n]/.test(text.replace(/\r?\n$/, '')) && onPaste(text, rowIndex, columnIndex)) {
        e.preventDefault();
      }
    },
  };

  if (options) {
    const current = typeof value === 'string' ? value : '';
    const stray = current !== '' && !options.some((o) => o.value === current);
    return (
      <select
        {...common}
        value={current}
        onChange={(e) => change(e.target.value === '' ? null : e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {stray && <option value={current}>{current}</option>}
      </select>
    );
  }
  if (column.kind === 'date') {
    // A date typed that is not one is kept as typed: the engine flags the cell, nothing is lost.
    return (
      <DateField
        {...common}
        value={value === undefined ? '' : shown(value)}
        onChange={(text) => change(text === '' ? null : text)}
      />
    );
  }
  return (
    <input
      type="text"
      inputMode={column.kind === 'number' ? 'decimal' : undefined}
      className={column.kind === 'number' ? 'cell-number' : 'cell-text'}
      {...common}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        change(cellFromText(column, e.target.value));
      }}
    />
  );
}

export const RegisterCell = memo(RegisterCellView);
