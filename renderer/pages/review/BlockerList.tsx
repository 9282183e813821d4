import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { Blocker } from '../../../shared/inspection/review';
import { STATUS_LABELS } from '../../../shared/template/labels';
import { useLocale } from '../../i18n/use-locale';
import { requestFocus } from '../../lib/focus-request';
import { useInspectionLinks } from '../../lib/opened-workbook';
import type { ItemPlace } from './item-places';

interface Props {
  readonly inspectionId: string;
  readonly blockers: readonly Blocker[];
  readonly places: ReadonlyMap<string, ItemPlace>;
}

/** What is wrong with one blocker, in words. */
function why(blocker: Blocker, t: TFunction, pick: (text: Bilingual) => string): string {
  switch (blocker.kind) {
    case 'unanswered':
      return t('review.blockers.unanswered');
    case 'evidence-missing':
      return t('review.blockers.evidenceMissing');
    case 'finding-without-action':
      return t('review.blockers.findingWithoutAction', {
        status: pick(STATUS_LABELS[blocker.status]),
      });
    case 'row-without-action':
      return t('review.blockers.rowWithoutAction', {
        row: blocker.row + 1,
        reasons: blocker.messages.map(pick).join(t('review.listSeparator')),
      });
  }
}

/**
 * What stops sign-off, each with a link to where it is fixed: the walk-through opens at the
 * item's section with the focus on the item (or the register row).
 */
export function BlockerList({ inspectionId, blockers, places }: Props) {
  const { t } = useTranslation();
  const links = useInspectionLinks();
  const { pick } = useLocale();
  if (blockers.length === 0) return null;
  return (
    <section className="card review-card blockers" aria-labelledby="review-blockers">
      <h2 id="review-blockers">{t('review.blockers.title', { count: blockers.length })}</h2>
      <p className="hint">{t('review.blockers.lead')}</p>
      <ul className="blocker-list">
        {blockers.map((blocker, index) => {
          const place = places.get(blocker.itemId);
          const rowId = blocker.kind === 'row-without-action' ? blocker.rowId : undefined;
          return (
            <li key={index} className={`blocker blocker-${blocker.kind}`}>
              <a
                href={links.section(inspectionId, blocker.sectionId)}
                onClick={() =>
                  requestFocus({
                    inspectionId,
                    itemId: blocker.itemId,
                    ...(rowId !== undefined && { rowId }),
                  })
                }
              >
                {place ? `${place.number} ${pick(place.prompt)}` : blocker.itemId}
              </a>
              <span className="blocker-why">{why(blocker, t, pick)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
