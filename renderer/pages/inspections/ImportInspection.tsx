import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportNotice } from '../../../shared/inspection/import-review';
import { groupFingerprint } from '../../../shared/inspection/fingerprint';
import { FilePickButton } from '../../components/FilePickButton';
import { useReportError } from '../../lib/use-report-error';
import { useLocale } from '../../i18n/use-locale';
import { useInspectionsStore } from '../../stores/inspections-store';

/** Import one inspection file (qinglang-inspection/1 or /2), and what came of it. */
export function ImportInspection() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const importFile = useInspectionsStore((s) => s.importFile);
  const outcome = useInspectionsStore((s) => s.lastImport);
  const dismiss = useInspectionsStore((s) => s.dismissImport);
  const report = useReportError();

  return (
    <>
      <FilePickButton
        label={t('inspections.import')}
        accept=".json,application/json"
        testId="inspection-import-input"
        onFile={(file) => report(importFile(file))}
      />
      {outcome && (
        <div
          className={`banner ${outcome.kind !== 'imported' ? 'banner-error' : outcome.notices.length > 0 ? 'banner-warning' : 'banner-success'} toolbar-banner`}
          role={outcome.kind === 'imported' ? 'status' : 'alert'}
        >
          <div className="problems">
            <p className="problems-title">
              {outcome.kind === 'imported'
                ? t(outcome.renamed ? 'inspections.importedCopy' : 'inspections.imported', {
                    file: outcome.fileName,
                  })
                : outcome.kind === 'too-large'
                  ? t('inspections.importTooLarge', { file: outcome.fileName })
                  : t('inspections.importInvalid', {
                      file: outcome.fileName,
                      count: outcome.problems.length,
                    })}
            </p>
            {outcome.kind === 'imported' && outcome.notices.length > 0 && (
              <ul className="problem-list">
                {outcome.notices.map((notice) => (
                  <li key={notice.kind}>{importNoticeText(notice, t)}</li>
                ))}
              </ul>
            )}
            {outcome.kind === 'invalid' && (
              <ol className="problem-list">
                {outcome.problems.slice(0, 50).map((problem, index) => (
                  <li key={index}>
                    <code>{problem.path}</code> {pick(problem.message)}
                  </li>
                ))}
              </ol>
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

function importNoticeText(notice: ImportNotice, t: TFunction): string {
  switch (notice.kind) {
    case 'unsigned':
      return t('inspections.importNotice.unsigned');
    case 'signed':
      return notice.ownKey
        ? t('inspections.importNotice.signedOwn')
        : t('inspections.importNotice.signedOther', {
            fingerprint: groupFingerprint(notice.fingerprint),
          });
    case 'signature-broken':
      return notice.status === 'changed'
        ? t('inspections.importNotice.signatureChanged')
        : t('inspections.importNotice.signatureInvalid');
    case 'evidence-missing':
      return t('inspections.importNotice.evidenceMissing', {
        count: notice.count,
        names: notice.names.join('、'),
        more: notice.count > notice.names.length ? '…' : '',
      });
  }
}
