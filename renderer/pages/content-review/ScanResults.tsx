import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/i18n/locale';
import { DETECTORS } from '../../../shared/scan/detectors';
import type { ScanReport } from '../../../shared/scan/finding';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime } from '../../lib/format';
import { useReportError } from '../../lib/use-report-error';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useScanStore, useScansLocked } from '../../stores/scan-store';
import { AttachedItems } from './AttachedItems';
import { countFindings } from './findings-view';
import { FindingList } from './FindingList';
import { ScanNotes } from './ScanNotes';
import { sourceLabel } from './source-label';
import { FINDING_STATE_LIST } from './states';

/**
 * The scan shown: whether it is complete, what was read and skipped, its findings by detector
 * and by state; 附到检查项 and 导出工作簿; the findings themselves; and what was skipped.
 */
export function ScanResults({ report }: { report: ScanReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const id = useId();
  const counts = useMemo(() => countFindings(report.findings), [report.findings]);
  return (
    <section className="card scan-results" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('contentReview.results.title')}</h2>
      <p className="scan-source">
        <span className="source-text">{sourceLabel(report.source, t)}</span> ·{' '}
        {formatDateTime(report.finishedAt, locale)}
      </p>
      {!report.complete && (
        <p className="banner banner-warning">{t('contentReview.results.incomplete')}</p>
      )}
      {report.totals.scanned === 0 && (
        <p className="banner banner-warning">{t('contentReview.results.nothingRead')}</p>
      )}
      <dl className="scan-summary">
        <div>
          <dt>{t('contentReview.results.scanned')}</dt>
          <dd>{report.totals.scanned}</dd>
        </div>
        <div>
          <dt>{t('contentReview.results.skipped')}</dt>
          <dd>{report.totals.skipped}</dd>
        </div>
        <div>
          <dt>{t('contentReview.results.findings')}</dt>
          <dd>{report.findings.length + report.findingsDropped}</dd>
        </div>
        {FINDING_STATE_LIST.map((state) => (
          <div key={state}>
            <dt>{t(`contentReview.states.${state}`)}</dt>
            <dd>{counts.byState[state]}</dd>
          </div>
        ))}
      </dl>
      <ul className="detector-counts" aria-label={t('contentReview.results.byDetector')}>
        {DETECTORS.map((d) => (
          <li key={d} className={(counts.byDetector[d] ?? 0) > 0 ? 'has-findings' : undefined}>
            {t(`contentReview.detectors.${d}`)} <strong>{counts.byDetector[d] ?? 0}</strong>
          </li>
        ))}
      </ul>
      {report.findingsDropped > 0 && (
        <p className="hint">
          {t('contentReview.results.dropped', { count: report.findingsDropped })}
        </p>
      )}
      {report.words !== null && (
        <p className="hint">
          {t('contentReview.results.words', { name: report.words.name, terms: report.words.terms })}
        </p>
      )}
      <ScanActions report={report} />
      <FindingList report={report} />
      <ScanNotes report={report} />
    </section>
  );
}

/** 附到检查项 (not on a signed inspection, and why) and 导出工作簿 in a chosen language. */
function ScanActions({ report }: { report: ScanReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [language, setLanguage] = useState<Locale>(locale);
  const busy = useScanStore((s) => s.busy);
  const signed = useScansLocked();
  // An empty scan is no evidence that the content is clean: it cannot be attached.
  const empty = report.totals.scanned === 0;
  const summary = useScanStore((s) => s.scans.find((x) => x.id === report.id));
  const attach = useScanStore((s) => s.attach);
  const exportWorkbook = useScanStore((s) => s.exportWorkbook);
  const show = useFeedbackStore((s) => s.show);
  const reportError = useReportError();
  const id = useId();
  const onAttach = () =>
    reportError(
      attach(language).then((done) => {
        if (done !== null)
          show({
            kind: 'success',
            text: t('contentReview.attach.done', { count: done.attached?.items.length ?? 0 }),
          });
      }),
    );
  const onExport = () =>
    reportError(
      exportWorkbook(language).then((outcome) => {
        if (outcome.kind === 'saved')
          show({ kind: 'success', text: t('contentReview.export.saved', { path: outcome.path }) });
        if (outcome.kind === 'downloaded')
          show({
            kind: 'success',
            text: t('contentReview.export.downloaded', { name: outcome.fileName }),
          });
      }),
    );
  return (
    <div className="scan-actions">
      <LanguageSwitch
        name={`${id}-language`}
        value={language}
        onChange={setLanguage}
        label={t('contentReview.export.language')}
      />
      <button
        type="button"
        className="button button-primary"
        disabled={signed || empty || busy !== null}
        aria-busy={busy === 'attach' || undefined}
        aria-describedby={signed ? `${id}-signed` : `${id}-attach-hint`}
        onClick={onAttach}
      >
        {t('contentReview.attach.button')}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        aria-busy={busy === 'export' || undefined}
        onClick={onExport}
      >
        {t('contentReview.export.button')}
      </button>
      {signed ? (
        <p className="hint" id={`${id}-signed`}>
          {t('contentReview.attach.signed')}
        </p>
      ) : (
        <p className="hint" id={`${id}-attach-hint`}>
          {t(empty ? 'contentReview.attach.nothingRead' : 'contentReview.attach.hint')}
        </p>
      )}
      {summary?.attached && <AttachedItems attached={summary.attached} />}
    </div>
  );
}
