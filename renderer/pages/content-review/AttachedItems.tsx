import { useTranslation } from 'react-i18next';
import type { ScanSummary } from '../../../shared/ipc/scan';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime } from '../../lib/format';
import { requestFocus } from '../../lib/focus-request';
import { inspectionHref } from '../../lib/routes';
import { useScanStore } from '../../stores/scan-store';

/** Where the scan was attached as evidence: each item, linked to it in the walk-through. */
export function AttachedItems({ attached }: { attached: NonNullable<ScanSummary['attached']> }) {
  const { t } = useTranslation();
  const { pick, locale } = useLocale();
  const inspectionId = useScanStore((s) => s.inspectionId);
  const template = useScanStore((s) => s.template);
  if (inspectionId === null || template === null) return null;
  const places = new Map<string, { number: string; sectionId: string; prompt: string }>();
  template.sections.forEach((section, s) =>
    section.items.forEach((item, i) =>
      places.set(item.id, {
        number: `${s + 1}.${i + 1}`,
        sectionId: section.id,
        prompt: pick(item.prompt),
      }),
    ),
  );
  return (
    <div className="attached-items" aria-live="polite">
      <p>{t('contentReview.attach.attachedAt', { time: formatDateTime(attached.at, locale) })}</p>
      <ul>
        {attached.items.map((itemId) => {
          const place = places.get(itemId);
          if (place === undefined) return <li key={itemId}>{itemId}</li>;
          return (
            <li key={itemId}>
              <a
                href={inspectionHref(inspectionId, place.sectionId)}
                onClick={() => requestFocus({ inspectionId, itemId })}
              >
                {place.number} {place.prompt}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
