import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadedInspection } from '../../components/LoadedInspection';
import { periodLabel } from '../../../shared/inspection/period';
import { useLocale } from '../../i18n/use-locale';
import { inspectionHref } from '../../lib/routes';
import { useScanStore, useScansLocked } from '../../stores/scan-store';
import { RunProgress } from './RunProgress';
import { ScanHistory } from './ScanHistory';
import { ScanResults } from './ScanResults';
import { StartForm } from './StartForm';
import { LOCKED_REASON_ID } from './states';
import './content-review.css';

/**
 * 网站内容审查 · Content review of one inspection: start a scan of a folder or the school's own
 * site, follow it, go through its findings (marking each 待处理 / 已处理 / 误报), attach it to
 * the checklist items as evidence, export it, and open or remove the inspection's earlier scans.
 */
export function ContentReviewPage({ id }: { id: string }) {
  const open = useScanStore((s) => s.open);
  const inspection = useScanStore((s) => s.inspection);
  const template = useScanStore((s) => s.template);
  const loadError = useScanStore((s) => s.loadError);
  useEffect(() => {
    void open(id);
  }, [open, id]);
  // Leaving the page stops asking how the run is going (the run itself goes on).
  useEffect(() => () => useScanStore.getState().close(), []);
  return (
    <LoadedInspection id={id} loadError={loadError} inspection={inspection} template={template}>
      {(loaded) => (
        <ContentReview id={loaded.id} title={loaded.school.name} period={loaded.period} />
      )}
    </LoadedInspection>
  );
}

function ContentReview({
  id,
  title,
  period,
}: {
  id: string;
  title: string;
  period: Parameters<typeof periodLabel>[0];
}) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const report = useScanStore((s) => s.report);
  const run = useScanStore((s) => s.run);
  const error = useScanStore((s) => s.error);
  const runError = useScanStore((s) => s.runError);
  const dismissError = useScanStore((s) => s.dismissError);
  const running = run?.status.state === 'running';
  const locked = useScansLocked();
  return (
    <div className="content-review">
      <header className="page-header">
        <a href={inspectionHref(id)} className="back-link">
          {t('contentReview.back')}
        </a>
        <h1>{t('contentReview.title')}</h1>
        <p className="hint">
          {title} · {pick(periodLabel(period))}
        </p>
        <p className="lead">{t('contentReview.lead')}</p>
      </header>
      {error !== null && (
        <div className="banner banner-error" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={dismissError}>
            {t('contentReview.dismiss')}
          </button>
        </div>
      )}
      {runError !== null && (
        <div className="banner banner-error" role="alert">
          <p>{pick(runError)}</p>
        </div>
      )}
      {/* A signed inspection's scans are read-only: no new scan, mark or removal until reopened. */}
      {locked ? (
        <p className="banner banner-warning" id={LOCKED_REASON_ID}>
          {t('contentReview.locked')}
        </p>
      ) : (
        <StartForm disabled={running} />
      )}
      {run !== null && <RunProgress run={run} />}
      {report !== null && <ScanResults key={report.id} report={report} />}
      <ScanHistory />
    </div>
  );
}
