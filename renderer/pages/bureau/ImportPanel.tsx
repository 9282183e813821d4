import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BUREAU_FILE_BYTES } from '../../../shared/bureau/limits';
import { useLocale } from '../../i18n/use-locale';
import { useReportError } from '../../lib/use-report-error';
import type { ImportRow } from '../../stores/bureau-store';
import { useBureauStore } from '../../stores/bureau-store';
import { useFeedbackStore } from '../../stores/feedback-store';

const ACCEPT =
  '.xlsx,.zip,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// React passes this attribute through as written; the DOM types do not know it.
const DIRECTORY = { webkitdirectory: '' } as Record<string, string>;

/**
 * 导入: pick files (several) or a folder of what schools sent. Only workbooks and packages are
 * read, one at a time, with progress and a cancel; then what became of each file.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const progress = useBureauStore((s) => s.progress);
  const importFiles = useBureauStore((s) => s.importFiles);
  const cancel = useBureauStore((s) => s.cancelImport);
  const show = useFeedbackStore((s) => s.show);
  const report = useReportError();

  const picked = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    report(
      importFiles(files).then((rows) => {
        const accepted = rows.filter((r) => r.outcome === 'accepted').length;
        const refused = rows.filter((r) => r.outcome !== 'accepted' && r.outcome !== 'already');
        show({
          kind: refused.length > 0 ? 'warning' : 'success',
          text: t('bureau.import.done', { accepted, refused: refused.length }),
        });
      }),
    );
  };
  const busy = progress !== null;

  return (
    <section className="card" aria-labelledby="bureau-import">
      <h2 id="bureau-import">{t('bureau.import.title')}</h2>
      <p className="hint">
        {t('bureau.import.hint', { mb: Math.round(MAX_BUREAU_FILE_BYTES / 1024 / 1024) })}
      </p>
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => filesInput.current?.click()}
        >
          {t('bureau.import.files')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => folderInput.current?.click()}
        >
          {t('bureau.import.folder')}
        </button>
        <input
          ref={filesInput}
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="bureau-files"
          onChange={(e) => picked(e.target)}
        />
        <input
          ref={folderInput}
          type="file"
          {...DIRECTORY}
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="bureau-folder"
          onChange={(e) => picked(e.target)}
        />
      </div>
      {progress && (
        <div className="bureau-progress" role="status">
          <label htmlFor="bureau-progress-bar">
            {t('bureau.import.progress', {
              n: Math.min(progress.done + 1, progress.total),
              total: progress.total,
            })}
          </label>
          <progress
            id="bureau-progress-bar"
            max={Math.max(progress.total, 1)}
            value={progress.done}
          />
          <span className="bureau-progress-file">{progress.current ?? ''}</span>
          <button type="button" className="button" onClick={cancel} disabled={progress.cancelling}>
            {progress.cancelling ? t('bureau.import.cancelling') : t('bureau.import.cancel')}
          </button>
        </div>
      )}
      <ImportResults />
    </section>
  );
}

const OUTCOME_CLASS: Record<ImportRow['outcome'], string> = {
  accepted: 'tag tag-ok',
  already: 'tag',
  rejected: 'tag tag-bad',
  skipped: 'tag',
  'too-large': 'tag tag-bad',
  failed: 'tag tag-bad',
};

/** What became of each file of the last import. */
function ImportResults() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const rows = useBureauStore((s) => s.lastImport);
  const dismiss = useBureauStore((s) => s.dismissImport);
  if (rows === null) return null;
  const count = (outcome: ImportRow['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  const detail = (row: ImportRow) =>
    row.outcome === 'accepted' || row.outcome === 'already'
      ? (row.school ?? '')
      : row.reason
        ? pick(row.reason)
        : (row.message ??
          t(`bureau.import.why.${row.outcome}`, {
            mb: Math.round(MAX_BUREAU_FILE_BYTES / 1024 / 1024),
          }));
  return (
    <div className="bureau-import-results">
      <p>
        {t('bureau.import.summary', {
          total: rows.length,
          accepted: count('accepted'),
          already: count('already'),
          rejected: count('rejected') + count('too-large') + count('failed'),
          skipped: count('skipped'),
        })}
        <button type="button" className="button button-quiet" onClick={dismiss}>
          {t('bureau.import.dismiss')}
        </button>
      </p>
      <div
        className="table-scroll bureau-import-list"
        tabIndex={0}
        role="region"
        aria-label={t('bureau.import.listLabel')}
      >
        <table className="data-table">
          <caption className="visually-hidden">{t('bureau.import.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bureau.import.file')}</th>
              <th scope="col">{t('bureau.import.outcome')}</th>
              <th scope="col">{t('bureau.import.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td className="bureau-file-name">{row.file}</td>
                <td>
                  <span className={OUTCOME_CLASS[row.outcome]}>
                    {t(`bureau.import.outcomes.${row.outcome}`)}
                  </span>
                </td>
                <td>{detail(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
