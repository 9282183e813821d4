import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../lib/use-report-error';
import type { StorageNotice } from '../../../shared/storage-notice';
import { NoticeBanner } from '../../components/NoticeBanner';
import { useAppStore } from '../../stores/app-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useInspectionsStore } from '../../stores/inspections-store';
import { ProfileForm, profilePatch } from './ProfileForm';

/**
 * First run: the app cannot make an inspection without knowing the school. Asks for the profile,
 * or loads a sample school for someone who just wants to look around.
 */
export function FirstRunDialog({
  notices,
  onDismissNotices,
}: {
  notices: readonly StorageNotice[];
  onDismissNotices: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const reloadSettings = useAppStore((s) => s.load);
  const loadSample = useInspectionsStore((s) => s.loadSample);
  const report = useReportError();
  const showError = useFeedbackStore((s) => s.showError);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog wide"
      aria-labelledby="first-run-title"
      // The profile is needed before anything else; Esc does not dismiss this one.
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      {/* A damaged settings file is why the profile is asked for again: say so here. */}
      <NoticeBanner notices={notices} onDismiss={onDismissNotices} />
      <p className="lead">{t('firstRun.lead')}</p>
      <ProfileForm
        submitLabel={t('firstRun.save')}
        onSubmit={(values) =>
          updateSettings(profilePatch(values)).catch((error: unknown) =>
            showError(error, t('errors.crashTitle')),
          )
        }
      />
      <div className="dialog-footer">
        <p className="hint">{t('firstRun.sampleHint')}</p>
        <button
          type="button"
          className="button"
          onClick={() => report(loadSample().then(() => reloadSettings()))}
        >
          {t('firstRun.sample')}
        </button>
      </div>
    </dialog>
  );
}
