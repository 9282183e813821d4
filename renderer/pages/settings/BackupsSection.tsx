import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/ipc/backups';
import { formatBytes } from '../../../shared/inspection/evidence';
import { api, unwrap } from '../../api/client';
import { useReportError } from '../../lib/use-report-error';
import { useLocale } from '../../i18n/use-locale';
import { useAppStore } from '../../stores/app-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useInspectionsStore } from '../../stores/inspections-store';
import { useWalkStore } from '../../stores/walk-store';
import { formatDateTime } from '../../lib/format';

/** Automatic backups (daily, before migrations and restores) and going back to one. */
export function BackupsSection() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const report = useReportError();
  const show = useFeedbackStore((s) => s.show);
  const reloadApp = useAppStore((s) => s.load);
  const reloadInspections = useInspectionsStore((s) => s.load);
  const [backups, setBackups] = useState<readonly BackupInfo[] | null>(null);

  const load = () => unwrap(api().backups.list()).then(setBackups);
  useEffect(() => {
    report(load());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const restore = (backup: BackupInfo) => {
    const when = formatDateTime(backup.createdAt, locale);
    if (!window.confirm(t('backups.confirm', { when }))) return;
    report(
      // Edits still on their way are stored first, so the before-restore backup holds them.
      useWalkStore
        .getState()
        .whenSaved(10_000)
        .then(() => unwrap(api().backups.restore({ id: backup.id })))
        .then(() => Promise.all([reloadApp(), reloadInspections(), load()]))
        .then(() => show({ kind: 'success', text: t('backups.restored', { when }) })),
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
            report(
              unwrap(api().backups.create())
                .then(load)
                .then(() => show({ kind: 'success', text: t('backups.created') })),
            )
          }
        >
          {t('backups.create')}
        </button>
      </div>
      {backups && backups.length === 0 && <p className="hint">{t('backups.none')}</p>}
      {backups && backups.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('backups.when')}</th>
              <th scope="col">{t('backups.reason')}</th>
              <th scope="col">{t('backups.inspections')}</th>
              <th scope="col">{t('backups.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('inspections.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(b.createdAt, locale)}</td>
                <td>{t(`backups.reasons.${b.reason}`)}</td>
                <td>{b.inspections}</td>
                <td>{formatBytes(b.bytes)}</td>
                <td>
                  <button type="button" className="button button-quiet" onClick={() => restore(b)}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
