import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { useWalkStore } from '../../stores/walk-store';
import { formatDateTime } from '../../lib/format';

/** Saved / saving / failed, and what to do: always visible while an inspection is open. */
export function SaveIndicator() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const status = useWalkStore((s) => s.status);
  const retryNow = useWalkStore((s) => s.retryNow);
  return (
    <div
      className={`save-indicator save-${status.kind}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {status.kind === 'saved' && (
        <span>
          {status.at
            ? t('walk.save.savedAt', { time: formatDateTime(status.at, locale) })
            : t('walk.save.saved')}
        </span>
      )}
      {status.kind === 'pending' && <span>{t('walk.save.pending')}</span>}
      {status.kind === 'saving' && <span>{t('walk.save.saving')}</span>}
      {status.kind === 'failed' && (
        <>
          <span>
            {t('walk.save.failed', { seconds: Math.round(status.retryInMs / 1000) })}{' '}
            {status.message}
          </span>
          <button type="button" className="button button-quiet" onClick={retryNow}>
            {t('walk.save.retry')}
          </button>
        </>
      )}
      {status.kind === 'refused' && (
        <span>
          {t('walk.save.refused')} {status.message}
        </span>
      )}
    </div>
  );
}
