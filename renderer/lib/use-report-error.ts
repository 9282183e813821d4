import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedbackStore } from '../stores/feedback-store';

/**
 * Runs an action from an event handler and shows its failure in the status line: the Node side's
 * message when it sent one, a generic one otherwise. Actions never fail silently.
 */
export function useReportError(): (action: Promise<unknown>) => void {
  const { t } = useTranslation();
  const showError = useFeedbackStore((s) => s.showError);
  return useCallback(
    (action) => {
      action.catch((error: unknown) => showError(error, t('errors.crashTitle')));
    },
    [showError, t],
  );
}
