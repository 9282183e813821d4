import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../shared/inspection/evidence';
import { FilePickButton } from '../../components/FilePickButton';
import { useLocale } from '../../i18n/use-locale';
import { asSentence } from '../../lib/format';
import { workbookHref } from '../../lib/routes';
import { useReportError } from '../../lib/use-report-error';
import { useWorkbookStore } from '../../stores/workbook-store';

/**
 * 打开工作簿: a bureau workbook (.xlsx) opened read-only in the inspection views, with what
 * checking it found; a file that is not one says why here, and opens nothing.
 */
export function OpenWorkbook() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const openFile = useWorkbookStore((s) => s.openFile);
  const opening = useWorkbookStore((s) => s.opening);
  const refusal = useWorkbookStore((s) => s.refusal);
  const dismiss = useWorkbookStore((s) => s.dismissRefusal);
  const report = useReportError();

  const open = async (file: File) => {
    const key = await openFile(file);
    if (key !== null) window.location.hash = workbookHref(key);
  };

  return (
    <>
      <FilePickButton
        label={opening ? t('workbook.opening') : t('workbook.open')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        testId="workbook-open-input"
        busy={opening}
        onFile={(file) => report(open(file))}
      />
      {refusal && (
        <div className="banner banner-error toolbar-banner" role="alert">
          <div className="problems">
            <p className="problems-title">{t('workbook.refused', { file: refusal.fileName })}</p>
            <p>
              {refusal.kind === 'too-large'
                ? t('workbook.tooLarge', { size: formatBytes(refusal.size) })
                : asSentence(pick(refusal.reason))}
            </p>
          </div>
          <button type="button" className="button button-quiet" onClick={dismiss}>
            {t('notices.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
