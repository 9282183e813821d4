import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../lib/use-report-error';
import type { Role } from '../../../shared/settings';
import type { StorageNotice } from '../../../shared/storage-notice';
import { hrefOf } from '../../lib/routes';
import { NoticeBanner } from '../../components/NoticeBanner';
import { useAppStore } from '../../stores/app-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useInspectionsStore } from '../../stores/inspections-store';
import { BureauProfileForm } from './BureauProfileForm';
import { ProfileForm, profilePatch } from './ProfileForm';
import { RoleChoice } from './RoleChoice';

/**
 * First run: whose copy this is (a school's, or a bureau's: 区教育局), then what that role needs.
 * A school's cannot make an inspection without knowing the school: asks for the profile, or loads
 * a sample school for someone who just wants to look around. A bureau's asks its name and
 * district, and opens on 汇总.
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
  const [role, setRole] = useState<Role>(useAppStore.getState().settings?.role ?? 'school');
  const failed = (error: unknown) => showError(error, t('errors.crashTitle'));

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
      <RoleChoice value={role} onChange={setRole} />
      {role === 'bureau' ? (
        <>
          <p className="lead">{t('role.bureauLead')}</p>
          <BureauProfileForm
            submitLabel={t('firstRun.save')}
            onSubmit={(bureau) =>
              updateSettings({ role: 'bureau', bureau }).then(
                () => window.location.replace(hrefOf('bureau')),
                failed,
              )
            }
          />
        </>
      ) : (
        <>
          <p className="lead">{t('firstRun.lead')}</p>
          <ProfileForm
            submitLabel={t('firstRun.save')}
            onSubmit={(values) =>
              updateSettings({ role: 'school', ...profilePatch(values) }).catch(failed)
            }
          />
        </>
      )}
      {role === 'school' && (
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
      )}
    </dialog>
  );
}
