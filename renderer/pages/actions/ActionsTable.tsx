import { useTranslation } from 'react-i18next';
import type { ListedAction } from '../../../shared/inspection/action-filter';
import { isLocked } from '../../../shared/inspection/action-filter';
import type { InspectionActions, OverviewItem } from '../../../shared/inspection/action-overview';
import { periodLabel } from '../../../shared/inspection/period';
import { TableHead } from '../../components/TableHead';
import { useLocale } from '../../i18n/use-locale';
import { requestFocus } from '../../lib/focus-request';
import { formatDate } from '../../lib/format';
import { inspectionHref } from '../../lib/routes';
import { itemText, rowText } from './action-text';

const COLUMNS = ['action', 'inspection', 'owner', 'due', 'state'] as const;

interface Props {
  readonly actions: readonly ListedAction[];
  readonly onMarkDone: (listed: ListedAction) => void;
}

/** The corrective actions, one row each, overdue ones first and marked. */
export function ActionsTable({ actions, onMarkDone }: Props) {
  const { t } = useTranslation();
  return (
    <table className="data-table actions-table">
      <TableHead
        columns={COLUMNS.map((c) => t(`actionsPage.columns.${c}`))}
        actions={t('actionsPage.columns.actions')}
      />
      <tbody>
        {actions.map((listed) => (
          <ActionRow
            key={`${listed.inspection.id}/${listed.entry.action.id}`}
            listed={listed}
            onMarkDone={onMarkDone}
          />
        ))}
      </tbody>
    </table>
  );
}

function ActionRow({
  listed,
  onMarkDone,
}: {
  listed: ListedAction;
  onMarkDone: Props['onMarkDone'];
}) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const { entry, inspection } = listed;
  const { action, overdue, carriedTo } = entry;
  const done = action.state === 'done';
  const tone = carriedTo ? 'carried' : overdue ? 'overdue' : action.state;
  return (
    <tr className={`action-row is-${tone}`}>
      <td>
        <span className="cell-title">{action.description}</span>
        <ItemLink inspectionId={inspection.id} item={entry.item} rowId={entry.row?.rowId} />
        {entry.row && <span className="hint"> · {rowText(entry.row, t, pick)}</span>}
        {done && (
          <p className="done-record">
            {action.doneOn && (
              <span className="nowrap">
                {t('actionsPage.doneOn', { date: formatDate(action.doneOn, locale) })}
              </span>
            )}{' '}
            {action.doneNote ?? (action.doneOn ? '' : t('actionsPage.doneRecordMissing'))}
          </p>
        )}
      </td>
      <td>
        <InspectionCell inspection={inspection} />
      </td>
      <td className="owner">
        {action.owner || <span className="hint">{t('actionsPage.noOwner')}</span>}
      </td>
      <td className="nowrap">{formatDate(action.due, locale)}</td>
      <td>
        <span className={`action-state action-state-${tone}`}>{t(`actionsPage.${tone}`)}</span>
      </td>
      <td className="action-buttons">
        {carriedTo ? (
          <a className="locked-note" href={inspectionHref(carriedTo.inspectionId)}>
            {t('actionsPage.carriedTo', { period: pick(periodLabel(carriedTo.period)) })}
          </a>
        ) : isLocked(inspection) ? (
          <span className="locked-note">{t('actionsPage.locked')}</span>
        ) : (
          !done && (
            <button
              type="button"
              className="button"
              onClick={() => onMarkDone(listed)}
              aria-label={t('actionsPage.markDoneNamed', { name: action.description })}
            >
              {t('actionsPage.markDone')}
            </button>
          )
        )}
      </td>
    </tr>
  );
}

/** Which inspection: the school, the term (never broken inside), and its state. */
export function InspectionCell({ inspection }: { inspection: InspectionActions }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <>
      <span className="cell-block">{inspection.school}</span>
      <span className="nowrap">{pick(periodLabel(inspection.period))}</span>{' '}
      <span className={`state state-${inspection.state}`}>
        {t(`inspections.states.${inspection.state}`)}
      </span>
    </>
  );
}

/** The item, as a link to it in the walk-through, which then focuses it (or its row). */
export function ItemLink({
  inspectionId,
  item,
  rowId,
}: {
  inspectionId: string;
  item: OverviewItem;
  rowId: string | undefined;
}) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <a
      className="item-link"
      href={inspectionHref(inspectionId, item.sectionId ?? undefined)}
      onClick={() =>
        requestFocus({ inspectionId, itemId: item.itemId, ...(rowId !== undefined && { rowId }) })
      }
    >
      {itemText(item, t, pick)}
    </a>
  );
}
