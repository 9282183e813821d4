import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/i18n/locale';
import { ExportMenu } from '../../components/ExportMenu';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLocale } from '../../i18n/use-locale';
import { useInspectionLinks, useOpenedWorkbook } from '../../lib/opened-workbook';
import { hrefOf } from '../../lib/routes';
import { useReportError } from '../../lib/use-report-error';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useInspectionsStore } from '../../stores/inspections-store';
import { reportKey, useReportStore } from '../../stores/report-store';
import './report.css';

/**
 * 检查报告: the inspection's A4 report as it prints, in the language chosen for it (the UI's to
 * start with), with 打印 and 导出 PDF. The report is the Node side's HTML document, shown in an
 * iframe that may run nothing (see docs/security.md). For an opened workbook, `id` is its key and
 * the report is that copy's, with nothing to export.
 */
export function ReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [language, setLanguage] = useState<Locale>(locale);
  const load = useReportStore((s) => s.load);
  const html = useReportStore((s) => (s.shown === reportKey(id, language) ? s.html : null));
  const error = useReportStore((s) => s.error);
  const exporting = useReportStore((s) => s.exporting);
  const exportPdf = useReportStore((s) => s.exportPdf);
  const show = useFeedbackStore((s) => s.show);
  const report = useReportError();
  const frame = useRef<HTMLIFrameElement>(null);
  const links = useInspectionLinks();
  const workbook = useOpenedWorkbook() !== null;
  const signed = useSignedState(id, workbook);

  useEffect(() => {
    void load(id, language, workbook);
  }, [load, id, language, workbook]);
  useEffect(() => () => useReportStore.getState().clear(), []);

  const print = () => frame.current?.contentWindow?.print();
  const savePdf = () =>
    report(
      exportPdf(id, language).then((file) =>
        show({ kind: 'success', text: t('report.exported', { file }) }),
      ),
    );

  return (
    <div className="report-page">
      <header className="report-header">
        <div>
          <a href={links.section(id)} className="back-link">
            {t('report.back')}
          </a>
          <h1>{t('report.title')}</h1>
          <p className="hint">{t('report.lead')}</p>
        </div>
        <div className="report-tools">
          {/* The switch's own (hidden) legend names the group for screen readers. */}
          <span className="tool-label" aria-hidden="true">
            {t('report.language')}
          </span>
          <LanguageSwitch
            name="report-language"
            label={t('report.language')}
            value={language}
            onChange={setLanguage}
          />
          <button type="button" className="button" onClick={print} disabled={html === null}>
            {t('report.print')}
          </button>
          {!workbook && (
            <button
              type="button"
              className="button button-primary"
              onClick={savePdf}
              disabled={html === null || exporting}
              aria-busy={exporting}
            >
              {exporting ? t('report.exporting') : t('report.exportPdf')}
            </button>
          )}
          {!workbook && <ExportMenu inspectionId={id} signed={signed} language={language} />}
        </div>
      </header>
      {error !== null ? (
        <div className="banner banner-error" role="alert">
          <p>{error}</p>
          <a className="button" href={hrefOf('inspections')}>
            {t('walk.backToList')}
          </a>
        </div>
      ) : html === null ? (
        <p className="hint" role="status">
          {t('report.loading')}
        </p>
      ) : (
        <iframe
          ref={frame}
          className="report-frame"
          title={t('report.frameTitle')}
          // No script may run in it; same-origin and modals only so that 打印 can print it.
          sandbox="allow-same-origin allow-modals"
          srcDoc={html}
        />
      )}
    </div>
  );
}

/**
 * Whether the inspection is signed, from the list, read afresh as the page opens (it may have
 * been signed since the list was last read); null until it is known. An opened workbook's is not
 * asked for: it has nothing to export.
 */
function useSignedState(id: string, workbook: boolean): boolean | null {
  const state = useInspectionsStore((s) => s.summaries?.find((one) => one.id === id)?.state);
  const load = useInspectionsStore((s) => s.load);
  const report = useReportError();
  useEffect(() => {
    if (!workbook) report(load());
  }, [id, workbook, load, report]);
  return state === undefined ? null : state === 'signed';
}
