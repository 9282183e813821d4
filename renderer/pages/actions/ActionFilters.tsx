import { useTranslation } from 'react-i18next';
import type { ActionFilter, ActionStateFilter } from '../../../shared/inspection/action-filter';
import { ACTION_STATE_FILTERS } from '../../../shared/inspection/action-filter';
import type { InspectionActions } from '../../../shared/inspection/action-overview';
import { useLocale } from '../../i18n/use-locale';
import { inspectionText } from './action-text';

interface Props {
  readonly filter: ActionFilter;
  readonly onFilter: (filter: ActionFilter) => void;
  readonly inspections: readonly InspectionActions[];
}

/** Which actions the list shows: one inspection or all, open or done, overdue, an owner. */
export function ActionFilters({ filter, onFilter, inspections }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const set = (change: Partial<ActionFilter>) => onFilter({ ...filter, ...change });
  return (
    <div
      className="toolbar action-filters"
      role="group"
      aria-label={t('actionsPage.filters.label')}
    >
      <label className="inline-field">
        <span>{t('actionsPage.filters.inspection')}</span>
        <select value={filter.inspectionId} onChange={(e) => set({ inspectionId: e.target.value })}>
          <option value="">{t('actionsPage.filters.allInspections')}</option>
          {inspections.map((i) => (
            <option key={i.id} value={i.id}>
              {inspectionText(i, t, pick)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('actionsPage.filters.state')}</span>
        <select
          value={filter.state}
          onChange={(e) => set({ state: e.target.value as ActionStateFilter })}
        >
          {ACTION_STATE_FILTERS.map((state) => (
            <option key={state} value={state}>
              {t(`actionsPage.filters.states.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filter.overdueOnly}
          onChange={(e) => set({ overdueOnly: e.target.checked })}
        />
        <span>{t('actionsPage.filters.overdueOnly')}</span>
      </label>
      <label className="inline-field">
        <span>{t('actionsPage.filters.owner')}</span>
        <input
          type="search"
          className="owner-filter"
          value={filter.owner}
          placeholder={t('actionsPage.filters.ownerPlaceholder')}
          onChange={(e) => set({ owner: e.target.value })}
        />
      </label>
    </div>
  );
}
