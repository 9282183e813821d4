import { useTranslation } from 'react-i18next';
import { useFeedbackStore } from '../stores/feedback-store';

/** The window's one live region: errors and confirmations are read out as well as shown. */
export function StatusLine() {
  const { t } = useTranslation();
  const current = useFeedbackStore((s) => s.current);
  const clear = useFeedbackStore((s) => s.clear);
  return (
    <div className="status-line" role="status" aria-live="polite">
      {current && (
        <p className={`status status-${current.kind}`}>
          <span>{current.text}</span>
          {current.action && (
            <button type="button" className="button" onClick={current.action.run}>
              {current.action.label}
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={clear}>
            {t('notices.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
