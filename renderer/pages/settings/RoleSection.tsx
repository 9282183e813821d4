import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BureauProfile } from '../../../shared/bureau/feedback';
import type { DataCounts } from '../../../shared/ipc/bureau';
import type { Role } from '../../../shared/settings';
import { hrefOf } from '../../lib/routes';
import { useReportError } from '../../lib/use-report-error';
import { useAppStore } from '../../stores/app-store';
import { useBureauStore } from '../../stores/bureau-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { BureauProfileForm } from './BureauProfileForm';

/**
 * 本机用途: whose copy this is, and the change to the other role, after a confirmation that says
 * what the data folder keeps (everything: the other role's data comes back when switched back).
 * A bureau's copy edits its name and district here.
 */
export function RoleSection() {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const show = useFeedbackStore((s) => s.show);
  const report = useReportError();
  const [switching, setSwitching] = useState(false);
  if (!settings) return null;
  const role: Role = settings.role ?? 'school';
  const other: Role = role === 'school' ? 'bureau' : 'school';
  return (
    <section className="card" aria-labelledby="settings-role">
      <h2 id="settings-role">{t('role.title')}</h2>
      <p>
        {t('role.current', { role: t(`role.${role}`) })}
        {role === 'bureau' && settings.bureau && ` · ${settings.bureau.name}`}
      </p>
      {role === 'bureau' && (
        <BureauProfileForm
          key={JSON.stringify(settings.bureau ?? null)}
          {...(settings.bureau && { initial: settings.bureau })}
          submitLabel={t('role.saveBureau')}
          onSubmit={(bureau) =>
            updateSettings({ bureau }).then(
              () => show({ kind: 'success', text: t('settings.profile.saved') }),
              (error: unknown) => report(Promise.reject(error)),
            )
          }
        />
      )}
      <p className="hint">{t('role.switchHint')}</p>
      <button type="button" className="button" onClick={() => setSwitching(true)}>
        {t(`role.switchTo.${other}`)}
      </button>
      {switching && (
        <RoleSwitchDialog to={other} bureau={settings.bureau} onClose={() => setSwitching(false)} />
      )}
    </section>
  );
}

function RoleSwitchDialog({
  to,
  bureau,
  onClose,
}: {
  to: Role;
  bureau: BureauProfile | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const counts = useBureauStore((s) => s.counts);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const showError = useFeedbackStore((s) => s.showError);
  const [held, setHeld] = useState<DataCounts | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    counts().then(setHeld, (error: unknown) => showError(error, t('errors.crashTitle')));
  }, [counts, showError, t]);
  const confirm = (patch: { role: Role; bureau?: BureauProfile }) =>
    updateSettings(patch).then(
      () => {
        onClose();
        window.location.replace(hrefOf(to === 'bureau' ? 'bureau' : 'inspections'));
      },
      (error: unknown) => showError(error, t('errors.crashTitle')),
    );
  const cancel = (
    <button type="button" className="button" onClick={onClose}>
      {t('role.cancel')}
    </button>
  );
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="role-switch-title"
      aria-describedby="role-switch-kept"
      onCancel={onClose}
    >
      <h2 id="role-switch-title">{t(`role.switchTo.${to}`)}</h2>
      <p>{t(`role.switchWhat.${to}`)}</p>
      <p id="role-switch-kept" role="status">
        {held === null
          ? t('app.loading')
          : t('role.kept', { inspections: held.inspections, submissions: held.submissions })}
      </p>
      {to === 'bureau' && !bureau ? (
        <BureauProfileForm
          submitLabel={t('role.confirm')}
          onSubmit={(profile) => confirm({ role: 'bureau', bureau: profile })}
          extra={cancel}
        />
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => void confirm({ role: to })}
          >
            {t('role.confirm')}
          </button>
          {cancel}
        </div>
      )}
    </dialog>
  );
}
