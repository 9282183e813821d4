import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LeftBehind } from '../../../shared/inspection/carry';
import type { Bilingual } from '../../../shared/i18n/locale';
import { useLocale } from '../../i18n/use-locale';
import { inspectionHref } from '../../lib/routes';
import { useInspectionsStore } from '../../stores/inspections-store';

/**
 * After duplicating into a template that had no place for some of the source (an item or column
 * removed or of another kind, a choice withdrawn): what stayed behind, by label, until dismissed.
 */
export function LeftBehindReport() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const report = useInspectionsStore((s) => s.lastDuplicate);
  const dismiss = useInspectionsStore((s) => s.dismissDuplicate);
  if (!report) return null;
  const { summary } = report;
  return (
    <div className="banner banner-warning toolbar-banner" role="status">
      <div className="problems">
        <p className="problems-title">
          {t('inspections.leftBehind.title', {
            title: summary.templateTitle ? pick(summary.templateTitle) : summary.template.id,
            version: summary.template.version,
          })}
        </p>
        <ul className="problem-list">
          {report.leftBehind.map((left) => (
            <li key={`${left.itemId}/${left.columnId ?? ''}`}>{leftBehindText(left, t, pick)}</li>
          ))}
        </ul>
        <a className="button" href={inspectionHref(summary.id)} onClick={dismiss}>
          {t('inspections.leftBehind.open')}
        </a>
      </div>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        {t('notices.dismiss')}
      </button>
    </div>
  );
}

function leftBehindText(left: LeftBehind, t: TFunction, pick: (text: Bilingual) => string) {
  const item = pick(left.item);
  if (left.column === undefined) {
    switch (left.reason) {
      case 'removed':
        return t('inspections.leftBehind.removed', { item });
      case 'kind-changed':
        return t('inspections.leftBehind.kindChanged', { item });
      case 'choice-removed':
        return t('inspections.leftBehind.choiceRemoved', { item });
    }
  }
  const column = pick(left.column);
  switch (left.reason) {
    case 'removed':
      return t('inspections.leftBehind.columnRemoved', { item, column });
    case 'kind-changed':
      return t('inspections.leftBehind.columnKindChanged', { item, column });
    case 'choice-removed':
      return t('inspections.leftBehind.columnChoiceRemoved', { item, column });
  }
}
