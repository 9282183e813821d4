import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSummary } from '../../../shared/ipc/scan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime } from '../../lib/format';
import { useScanStore, useScansLocked } from '../../stores/scan-store';
import { sourceLabel } from './source-label';
import { FINDING_STATE_LIST } from './states';

/**
 * The inspection's saved scans, newest first, each with 打开 and 移除 (after a confirmation; not
 * on a signed inspection, whose scans are read-only).
 */
export function ScanHistory() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const scans = useScanStore((s) => s.scans);
  const shownId = useScanStore((s) => s.report?.id);
  const show = useScanStore((s) => s.show);
  const locked = useScansLocked();
  const [removing, setRemoving] = useState<ScanSummary | null>(null);
  const id = useId();
  return (
    <section className="card scan-history" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('contentReview.history.title')}</h2>
      {scans.length === 0 ? (
        <p className="hint">{t('contentReview.history.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('contentReview.history.date')}</th>
                <th scope="col">{t('contentReview.history.source')}</th>
                <th scope="col">{t('contentReview.history.counts')}</th>
                <th scope="col">{t('contentReview.history.attached')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('contentReview.history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {scans.map((scan) => {
                const when = formatDateTime(scan.startedAt, locale);
                return (
                  <tr key={scan.id} aria-current={scan.id === shownId ? 'true' : undefined}>
                    <td className="nowrap">
                      {when}
                      {!scan.complete && (
                        <span className="pill">{t('contentReview.history.incomplete')}</span>
                      )}
                    </td>
                    <td className="source-text">{sourceLabel(scan.source, t)}</td>
                    <td>
                      {t('contentReview.history.scanned', { count: scan.scanned })} ·{' '}
                      {FINDING_STATE_LIST.map(
                        (state) => `${t(`contentReview.states.${state}`)} ${scan.byState[state]}`,
                      ).join(t('contentReview.listSeparator'))}
                    </td>
                    <td>
                      {scan.attached === null
                        ? t('contentReview.history.notAttached')
                        : t('contentReview.history.attachedAt', {
                            time: formatDateTime(scan.attached.at, locale),
                          })}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('contentReview.history.openLabel', { when })}
                        onClick={() => void show(scan.id)}
                      >
                        {t('contentReview.history.open')}
                      </button>
                      {!locked && (
                        <button
                          type="button"
                          className="button button-small button-danger"
                          aria-label={t('contentReview.history.removeLabel', { when })}
                          onClick={() => setRemoving(scan)}
                        >
                          {t('contentReview.history.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {removing && <RemoveDialog scan={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
}

function RemoveDialog({ scan, onClose }: { scan: ScanSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const remove = useScanStore((s) => s.remove);
  const busy = useScanStore((s) => s.busy === 'remove');
  return (
    <ConfirmDialog
      title={t('contentReview.history.removeTitle')}
      subject={`${formatDateTime(scan.startedAt, locale)} · ${sourceLabel(scan.source, t)}`}
      what={
        scan.attached === null
          ? t('contentReview.history.removeWhat')
          : t('contentReview.history.removeAttached')
      }
      confirmLabel={t('contentReview.history.removeConfirm')}
      cancelLabel={t('contentReview.history.cancel')}
      busy={busy}
      onConfirm={(close) => void remove(scan.id).then(close)}
      onClose={onClose}
    />
  );
}
