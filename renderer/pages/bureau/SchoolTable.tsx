import { useTranslation } from 'react-i18next';
import type { ReviewsBySha, SchoolFilter } from '../../../shared/bureau/dashboard';
import { REVIEW_STATE_LIST, reviewStateOf } from '../../../shared/bureau/dashboard';
import type { DistrictSchool } from '../../../shared/bureau/merge';
import { periodLabel } from '../../../shared/inspection/period';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime, formatPercent } from '../../lib/format';
import { bureauSubmissionHref } from '../../lib/routes';

interface FiltersProps {
  readonly filter: SchoolFilter;
  readonly onFilter: (filter: SchoolFilter) => void;
  readonly districts: readonly string[];
  readonly stages: readonly DistrictSchool['stage'][];
}

/** Which schools the dashboard shows: a district, a stage, a review state. */
export function SchoolFilters({ filter, onFilter, districts, stages }: FiltersProps) {
  const { t } = useTranslation();
  const set = (change: Partial<SchoolFilter>) => onFilter({ ...filter, ...change });
  return (
    <div className="toolbar bureau-filters" role="group" aria-label={t('bureau.filters.label')}>
      <label className="inline-field">
        <span>{t('bureau.filters.district')}</span>
        <select value={filter.district} onChange={(e) => set({ district: e.target.value })}>
          <option value="">{t('bureau.filters.all')}</option>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('bureau.filters.stage')}</span>
        <select value={filter.stage} onChange={(e) => set({ stage: e.target.value })}>
          <option value="">{t('bureau.filters.all')}</option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {t(`profile.stages.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('bureau.filters.review')}</span>
        <select
          value={filter.review}
          onChange={(e) => set({ review: e.target.value as SchoolFilter['review'] })}
        >
          <option value="">{t('bureau.filters.all')}</option>
          {REVIEW_STATE_LIST.map((r) => (
            <option key={r} value={r}>
              {t(`bureau.review.states.${r}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The change since the school's previous term: ↑ +5.0% / ↓ −3.2% / —. */
export function RateChange({ change }: { change: number | undefined }) {
  const { t } = useTranslation();
  if (change === undefined) return <span aria-label={t('bureau.schools.noChange')}>—</span>;
  const points = formatPercent(Math.abs(change));
  if (change > 0) return <span className="rate-up">{t('bureau.schools.up', { points })}</span>;
  if (change < 0) return <span className="rate-down">{t('bureau.schools.down', { points })}</span>;
  return <span>{t('bureau.schools.same')}</span>;
}

interface TableProps {
  readonly schools: readonly DistrictSchool[];
  readonly reviews: ReviewsBySha;
}

/** One row per school: its latest term's figures, its signing and where its review stands. */
export function SchoolTable({ schools, reviews }: TableProps) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const columns = [
    'district',
    'school',
    'stage',
    'term',
    'compliant',
    'partial',
    'nonCompliant',
    'na',
    'unanswered',
    'rate',
    'change',
    'open',
    'overdue',
    'signer',
    'review',
  ] as const;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('bureau.schools.title')}>
      <table className="data-table bureau-schools">
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {t(`bureau.schools.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {schools.map((s) => {
            const sub = s.current.submission;
            const review = reviewStateOf(reviews, s.current.sha256);
            return (
              <tr key={s.code}>
                <td>{s.district}</td>
                <th scope="row" className="bureau-school-cell">
                  <a href={bureauSubmissionHref(s.current.sha256)} className="cell-title">
                    {s.name}
                  </a>
                  <span className="cell-id">{s.code}</span>
                  {!sub.signed && (
                    <span className="tag tag-warning">{t('bureau.schools.draft')}</span>
                  )}
                  {s.current.keyChange && (
                    <span
                      className="tag tag-warning"
                      title={t('bureau.schools.keyChangeTitle', {
                        previous: s.current.keyChange.previous.slice(0, 16),
                        current: s.current.keyChange.current.slice(0, 16),
                      })}
                    >
                      ⚠ {t('bureau.schools.keyChange')}
                    </span>
                  )}
                  {s.listed === false && (
                    <span className="tag">{t('bureau.schools.unlisted')}</span>
                  )}
                </th>
                <td>{t(`profile.stages.${s.stage}`)}</td>
                <td>{pick(periodLabel(sub.period))}</td>
                <td className="num">{sub.counts.compliant}</td>
                <td className="num">{sub.counts.partial}</td>
                <td className="num">{sub.counts.nonCompliant}</td>
                <td className="num">{sub.counts.na}</td>
                <td className="num">{sub.counts.unanswered}</td>
                <td className="num">
                  {sub.complianceRate === null ? '—' : formatPercent(sub.complianceRate)}
                </td>
                <td className="num">
                  <RateChange change={s.rateChange} />
                </td>
                <td className="num">{s.openActions}</td>
                <td className="num">
                  {s.overdueActions > 0 ? (
                    <span className="tag tag-bad">{s.overdueActions}</span>
                  ) : (
                    0
                  )}
                </td>
                <td>
                  {sub.signer ?? '—'}
                  {sub.signedAt && (
                    <span className="cell-sub">{formatDateTime(sub.signedAt, locale)}</span>
                  )}
                </td>
                <td>
                  <span className={`tag review-${review}`}>
                    {t(`bureau.review.states.${review}`)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
