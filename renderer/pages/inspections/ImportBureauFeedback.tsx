import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../../shared/inspection/period';
import { FilePickButton } from '../../components/FilePickButton';
import { useLocale } from '../../i18n/use-locale';
import { formatDate } from '../../lib/format';
import { inspectionViewHref } from '../../lib/routes';
import { useReportError } from '../../lib/use-report-error';
import { useBureauReviewsStore } from '../../stores/bureau-reviews-store';

/** 导入教育局意见: a feedback file the bureau sent back, and what came of it. */
export function ImportBureauFeedback() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const importFile = useBureauReviewsStore((s) => s.importFile);
  const loadLatest = useBureauReviewsStore((s) => s.loadLatest);
  const outcome = useBureauReviewsStore((s) => s.lastImport);
  const dismiss = useBureauReviewsStore((s) => s.dismissImport);
  const report = useReportError();
  useEffect(() => {
    report(loadLatest());
  }, [loadLatest, report]);

  return (
    <>
      <FilePickButton
        label={t('bureauReviews.import')}
        accept=".json,application/json"
        testId="bureau-feedback-input"
        onFile={(file) => report(importFile(file))}
      />
      {outcome && (
        <div
          className={`banner ${outcome.kind === 'imported' ? 'banner-success' : 'banner-error'} toolbar-banner`}
          role={outcome.kind === 'imported' ? 'status' : 'alert'}
          data-testid="bureau-feedback-outcome"
        >
          <div className="problems">
            {outcome.kind === 'imported' ? (
              <p className="bureau-import-done">
                {t(outcome.duplicate ? 'bureauReviews.importedAgain' : 'bureauReviews.imported', {
                  school: outcome.schoolName,
                  period: pick(periodLabel(outcome.period)),
                  decision: t(`bureauReviews.decision.${outcome.decision}`),
                })}{' '}
                <a href={inspectionViewHref(outcome.inspectionId, 'review')}>
                  {t('bureauReviews.open')}
                </a>
              </p>
            ) : outcome.kind === 'too-large' ? (
              <p className="problems-title">
                {t('bureauReviews.importTooLarge', { file: outcome.fileName })}
              </p>
            ) : (
              <>
                <p className="problems-title">
                  {t('bureauReviews.importRefused', { file: outcome.fileName })}
                </p>
                <ul className="problem-list">
                  {outcome.problems.slice(0, 20).map((problem, index) => (
                    <li key={index}>
                      {problem.path !== '$' && problem.path !== '$.inspection' && (
                        <code>{problem.path}</code>
                      )}{' '}
                      {pick(problem.message)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <button type="button" className="button button-quiet" onClick={dismiss}>
            {t('notices.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}

/** Beside an inspection's state in the list: the bureau's newest decision still shown. */
export function BureauRowBadge({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const latest = useBureauReviewsStore((s) =>
    s.latest.find((r) => r.inspectionId === inspectionId),
  );
  if (!latest) return null;
  return (
    <a
      className={`bureau-row-badge bureau-row-badge-${latest.decision}`}
      href={inspectionViewHref(inspectionId, 'review')}
      title={t('bureauReviews.rowTitle', {
        bureau: latest.bureau,
        date: formatDate(latest.reviewedAt, locale),
        count: latest.itemComments,
      })}
    >
      {t(
        latest.decision === 'returned' ? 'bureauReviews.rowReturned' : 'bureauReviews.rowAccepted',
      )}
    </a>
  );
}
