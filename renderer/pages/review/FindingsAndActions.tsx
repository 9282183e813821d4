import { useTranslation } from 'react-i18next';
import type { InspectionReview } from '../../../shared/inspection/review';
import { isOverdue } from '../../../shared/inspection/summary';
import { EFFECT_LABELS } from '../../../shared/template/labels';
import { useLocale } from '../../i18n/use-locale';
import { formatDate } from '../../lib/format';
import { requestFocus } from '../../lib/focus-request';
import { useInspectionLinks } from '../../lib/opened-workbook';
import type { ItemPlace } from './item-places';

interface Props {
  readonly inspectionId: string;
  readonly review: InspectionReview;
  readonly places: ReadonlyMap<string, ItemPlace>;
  readonly today: string;
}

/** A link to an item, by its number and prompt, that lands on the item. */
function ItemLink({
  inspectionId,
  itemId,
  places,
}: {
  inspectionId: string;
  itemId: string;
  places: ReadonlyMap<string, ItemPlace>;
}) {
  const { pick } = useLocale();
  const links = useInspectionLinks();
  const place = places.get(itemId);
  if (!place) return <span>{itemId}</span>;
  return (
    <a
      href={links.section(inspectionId, place.sectionId)}
      onClick={() => requestFocus({ inspectionId, itemId })}
    >
      {place.number} {pick(place.prompt)}
    </a>
  );
}

/** 不符合 and 部分符合, each with the rule's reason. */
export function FindingsList({ inspectionId, review, places }: Omit<Props, 'today'>) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <section className="card review-card" aria-labelledby="review-findings">
      <h2 id="review-findings">{t('review.findings.title', { count: review.findings.length })}</h2>
      {review.findings.length === 0 ? (
        <p className="hint">{t('review.findings.none')}</p>
      ) : (
        <ul className="finding-list">
          {review.findings.map((finding, index) => (
            <li key={index}>
              <span className={`effect effect-${finding.effect}`}>
                {pick(EFFECT_LABELS[finding.effect])}
              </span>
              <ItemLink inspectionId={inspectionId} itemId={finding.itemId} places={places} />
              <span className="finding-reason">
                {finding.row !== undefined && (
                  <span className="hint">{t('review.findings.row', { row: finding.row + 1 })}</span>
                )}
                {pick(finding.message)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Corrective actions not done yet: what, for which item, who, by when. */
export function OpenActions({ inspectionId, review, places, today }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <section className="card review-card" aria-labelledby="review-actions">
      <h2 id="review-actions">{t('review.actions.title', { count: review.openActions.length })}</h2>
      {review.openActions.length === 0 ? (
        <p className="hint">{t('review.actions.none')}</p>
      ) : (
        <table className="data-table review-actions">
          <thead>
            <tr>
              <th scope="col">{t('review.actions.what')}</th>
              <th scope="col">{t('review.actions.item')}</th>
              <th scope="col">{t('review.actions.owner')}</th>
              <th scope="col">{t('review.actions.due')}</th>
            </tr>
          </thead>
          <tbody>
            {review.openActions.map((action) => (
              <tr key={action.id}>
                <td>{action.description}</td>
                <td>
                  <ItemLink inspectionId={inspectionId} itemId={action.itemId} places={places} />
                </td>
                <td>{action.owner}</td>
                <td className="nowrap">
                  {formatDate(action.due, locale)}
                  {isOverdue(action, today) && (
                    <span className="overdue-note">{t('walk.actions.overdue')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
