import { useTranslation } from 'react-i18next';
import type { InspectionReview } from '../../../shared/inspection/review';
import type { StatusCounts } from '../../../shared/template/engine';
import { STATUS_LABELS } from '../../../shared/template/labels';
import type { Template } from '../../../shared/template/schema';
import { useLocale } from '../../i18n/use-locale';
import { formatPercent } from '../../lib/format';
import { useInspectionLinks } from '../../lib/opened-workbook';

const COUNTS = [
  ['compliant', 'compliant'],
  ['partial', 'partial'],
  ['nonCompliant', 'non-compliant'],
  ['na', 'na'],
  ['unanswered', 'unanswered'],
] as const satisfies readonly (readonly [keyof StatusCounts, keyof typeof STATUS_LABELS])[];

interface Props {
  readonly inspectionId: string;
  readonly template: Template;
  readonly review: InspectionReview;
}

/** The figures a principal reads first: how much is done, how it stands, section by section. */
export function ReviewSummary({ inspectionId, template, review }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const links = useInspectionLinks();
  const { evaluation } = review;
  return (
    <section className="card review-card" aria-labelledby="review-summary">
      <h2 id="review-summary">{t('review.summary.title')}</h2>
      <dl className="review-figures">
        <div>
          <dt>{t('inspections.columns.progress')}</dt>
          <dd>
            {evaluation.overall.answered}/{evaluation.overall.applicable}
          </dd>
        </div>
        <div>
          <dt>{t('inspections.columns.rate')}</dt>
          <dd>{formatPercent(evaluation.complianceRate)}</dd>
        </div>
        {COUNTS.map(([key, status]) => (
          <div key={key} className={`count count-${status}`}>
            <dt>{pick(STATUS_LABELS[status])}</dt>
            <dd>{evaluation.counts[key]}</dd>
          </div>
        ))}
        <div>
          <dt>{t('review.summary.openActions')}</dt>
          <dd>
            {review.openActions.length}
            {review.overdueActions > 0 && (
              <span className="overdue-note">
                {t('review.summary.overdue', { count: review.overdueActions })}
              </span>
            )}
          </dd>
        </div>
      </dl>
      <table className="data-table review-sections">
        <caption className="visually-hidden">{t('review.summary.bySection')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.summary.section')}</th>
            <th scope="col">{t('inspections.columns.progress')}</th>
            {COUNTS.slice(0, 4).map(([key, status]) => (
              <th scope="col" key={key} className="number">
                {pick(STATUS_LABELS[status])}
              </th>
            ))}
            <th scope="col" className="number">
              {t('inspections.columns.rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {review.sections.map((section, index) => {
            const title = template.sections.find((s) => s.id === section.id)?.title;
            return (
              <tr key={section.id}>
                <th scope="row">
                  <a href={links.section(inspectionId, section.id)}>
                    {index + 1}. {title ? pick(title) : section.id}
                  </a>
                </th>
                <td>
                  {section.answered}/{section.applicable}
                </td>
                {COUNTS.slice(0, 4).map(([key]) => (
                  <td key={key} className="number">
                    {section.counts[key]}
                  </td>
                ))}
                <td className="number">{formatPercent(section.complianceRate)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
