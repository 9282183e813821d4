import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/ipc/backups';
import { formatBytes } from '../../../shared/inspection/evidence';
import { RowActions } from '../../components/RowActions';
import { TableHead } from '../../components/TableHead';
import { useReportError } from '../../lib/use-report-error';
import { useLocale } from '../../i18n/use-locale';
import { useBackupsStore } from '../../stores/backups-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { formatDateTime } from '../../lib/format';

const COLUMNS = ['when', 'reason', 'inspections', 'size'] as const;

/** Automatic backups (daily, before migrations and restores) and going back to one. */
export function BackupsSection() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const report = useReportError();
  const show = useFeedbackStore((s) => s.show);
  const backups = useBackupsStore((s) => s.backups);
  const load = useBackupsStore((s) => s.load);
  const create = useBackupsStore((s) => s.create);
  const restoreBackup = useBackupsStore((s) => s.restore);

  useEffect(() => {
    report(load());
  }, [load, report]);

  const restore = (backup: BackupInfo) => {
    const when = formatDateTime(backup.createdAt, locale);
    if (!window.confirm(t('backups.confirm', { when }))) return;
    report(
      restoreBackup(backup.id).then(() =>
        show({ kind: 'success', text: t('backups.restored', { when }) }),
      ),
    );
  };

  return (
    <section className="card" aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t('backups.title')}</h2>
      <p className="hint">{t('backups.description')}</p>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          onClick={() =>
            report(create().then(() => show({ kind: 'success', text: t('backups.created') })))
          }
        >
          {t('backups.create')}
        </button>
      </div>
      {backups && backups.length === 0 && <p className="hint">{t('backups.none')}</p>}
      {backups && backups.length > 0 && (
        <table className="data-table">
          <TableHead
            columns={COLUMNS.map((column) => t(`backups.${column}`))}
            actions={t('inspections.columns.actions')}
          />
          <tbody>
            {backups.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(b.createdAt, locale)}</td>
                <td>{t(`backups.reasons.${b.reason}`)}</td>
                <td>{b.inspections}</td>
                <td>{formatBytes(b.bytes)}</td>
                <RowActions
                  actions={[
                    { label: t('backups.restore'), tone: 'quiet', onClick: () => restore(b) },
                  ]}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
