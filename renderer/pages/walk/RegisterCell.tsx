import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { CellValue } from '../../../shared/inspection/schema';
import { cellFromText } from '../../../shared/inspection/paste';
import { isIsoDate } from '../../../shared/template/dates';
import { YES_NO_LABELS } from '../../../shared/template/labels';
import type { Column } from '../../../shared/template/schema';
import { useLocale } from '../../i18n/use-locale';

interface Props {
  readonly column: Column;
  readonly value: CellValue | undefined;
  readonly problem: Bilingual | undefined;
  readonly label: string;
  readonly onChange: (value: CellValue | null) => void;
  readonly onPaste: (text: string) => boolean;
}

const shown = (value: CellValue | undefined) =>
  value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

/** One register cell. What is being typed is kept as typed ("1." stays "1."), and saved parsed. */
function RegisterCellView({ column, value, problem, label, onChange, onPaste }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [draft, setDraft] = useState(shown(value));
  const [seen, setSeen] = useState(value);
  // A change from elsewhere (paste, undo, reload) replaces the draft; the user's own does not.
  if (seen !== value) {
    setSeen(value);
    if (shown(cellFromText(column, draft) ?? undefined) !== shown(value)) setDraft(shown(value));
  }

  const common = {
    'aria-label': label,
    'aria-invalid': problem ? true : undefined,
    title: problem ? pick(problem) : undefined,
    'data-column': column.id,
    onPaste: (e: React.ClipboardEvent) => {
      const text = e.clipboardData.getData('text/plain');
      if (/[\t\n]/.test(text.replace(/\r?\n$/, '')) && onPaste(text)) e.preventDefault();
    },
  };
  const set = (text: string) => {
    setDraft(text);
    onChange(cellFromText(column, text));
  };

  if (column.kind === 'choice' || column.kind === 'yesno') {
    const options =
      column.kind === 'yesno'
        ? (['yes', 'no'] as const).map((v) => ({
            value: v as string,
            label: pick(YES_NO_LABELS[v]),
          }))
        : (column.choices ?? []).map((c) => ({ value: c.value, label: pick(c.label) }));
    const current = typeof value === 'string' ? value : '';
    const stray = current !== '' && !options.some((o) => o.value === current);
    return (
      <select
        {...common}
        value={current}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('walk.choose')}</option>
        {stray && <option value={current}>{current}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (column.kind === 'date' && (value === undefined || isIsoDate(value))) {
    return (
      <input
        type="date"
        {...common}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      />
    );
  }
  return (
    <input
      type="text"
      inputMode={column.kind === 'number' ? 'decimal' : undefined}
      {...common}
      value={draft}
      onChange={(e) => set(e.target.value)}
    />
  );
}

export const RegisterCell = memo(RegisterCellView);
