import { useTranslation } from 'react-i18next';
import type { ListedFlaggedRow } from '../../../shared/inspection/action-filter';
import { isLocked } from '../../../shared/inspection/action-filter';
import { TableHead } from '../../components/TableHead';
import { useLocale } from '../../i18n/use-locale';
import { rowText } from './action-text';
import { InspectionCell, ItemLink } from './ActionsTable';

interface Props {
  readonly flagged: readonly ListedFlaggedRow[];
  readonly onAdd: (listed: ListedFlaggedRow) => void;
}

/**
 * Register rows a rule flags (a notified hazard overdue, a device out of date) with no corrective
 * action yet: each needs one before sign-off, and gets one from here.
 */
export function FlaggedRows({ flagged, onAdd }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <section className="flagged-rows" aria-labelledby="flagged-rows-title">
      <h2 id="flagged-rows-title">{t('actionsPage.flagged.title', { count: flagged.length })}</h2>
      <p className="hint">{t('actionsPage.flagged.lead')}</p>
      <table className="data-table actions-table">
        <TableHead
          columns={[
            t('actionsPage.columns.action'),
            t('actionsPage.columns.inspection'),
            t('actionsPage.columns.state'),
          ]}
          actions={t('actionsPage.columns.actions')}
        />
        <tbody>
          {flagged.map((listed) => {
            const { flag, inspection } = listed;
            const where = rowText(flag.row, t, pick);
            return (
              <tr key={`${inspection.id}/${flag.item.itemId}/${flag.row.rowId}`}>
                <td>
                  <span className="cell-title">{where}</span>
                  <ItemLink inspectionId={inspection.id} item={flag.item} rowId={flag.row.rowId} />
                </td>
                <td>
                  <InspectionCell inspection={inspection} />
                </td>
                <td>
                  {flag.messages.map((m, i) => (
                    <span key={i} className={`action-state action-state-${flag.effect}`}>
                      {pick(m)}
                    </span>
                  ))}
                </td>
                <td className="action-buttons">
                  {isLocked(inspection) ? (
                    <span className="locked-note">{t('actionsPage.locked')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      onClick={() => onAdd(listed)}
                      aria-label={t('actionsPage.flagged.addNamed', {
                        name: `${inspection.school} ${where}`,
                      })}
                    >
                      {t('actionsPage.flagged.add')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
