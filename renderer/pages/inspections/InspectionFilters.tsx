import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../../shared/inspection/period';
import type { Period } from '../../../shared/inspection/schema';
import { useLocale } from '../../i18n/use-locale';

export type StateFilter = 'all' | 'draft' | 'ready' | 'signed' | 'trash';

interface Props {
  readonly filter: StateFilter;
  readonly onFilter: (filter: StateFilter) => void;
  /** A period's key, or "all". */
  readonly period: string;
  readonly onPeriod: (period: string) => void;
  /** The periods inspections exist for, newest first, by key. */
  readonly periods: readonly (readonly [string, Period])[];
  /** How many inspections are in the trash. */
  readonly trashed: number;
}

/** Which inspections the list shows: by state (or the trash) and by term. */
export function InspectionFilters({ filter, onFilter, period, onPeriod, periods, trashed }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <>
      <label className="inline-field">
        <span>{t('inspections.filter.state')}</span>
        <select value={filter} onChange={(e) => onFilter(e.target.value as StateFilter)}>
          <option value="all">{t('inspections.filter.all')}</option>
          <option value="draft">{t('inspections.states.draft')}</option>
          <option value="ready">{t('inspections.states.ready')}</option>
          <option value="signed">{t('inspections.states.signed')}</option>
          <option value="trash">{t('inspections.filter.trash', { count: trashed })}</option>
        </select>
      </label>
      <label className="inline-field">
        <span>{t('inspections.filter.period')}</span>
        <select value={period} onChange={(e) => onPeriod(e.target.value)}>
          <option value="all">{t('inspections.filter.allPeriods')}</option>
          {periods.map(([key, p]) => (
            <option key={key} value={key}>
              {pick(periodLabel(p))}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
