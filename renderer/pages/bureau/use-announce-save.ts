import { useTranslation } from 'react-i18next';
import type { SaveResult } from '../../stores/bureau-store';
import { useFeedbackStore } from '../../stores/feedback-store';

/** Says in the status line where a saved file went (nothing when the dialog was cancelled). */
export function useAnnounceSave(): (result: SaveResult) => void {
  const { t } = useTranslation();
  const show = useFeedbackStore((s) => s.show);
  return (result) => {
    if (result.kind === 'cancelled') return;
    show({
      kind: 'success',
      text:
        result.kind === 'downloaded'
          ? t('export.downloaded', { file: result.fileName })
          : t('export.saved', { path: result.path }),
    });
  };
}
