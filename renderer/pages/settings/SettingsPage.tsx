import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/i18n/locale';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageHeader } from '../../components/PageHeader';
import { PathRow } from '../../components/PathRow';
import { useAppStore } from '../../stores/app-store';
import { useReportError } from '../../lib/use-report-error';
import { BackupsSection } from './BackupsSection';
import { ProfileForm, profilePatch } from './ProfileForm';
import { RoleSection } from './RoleSection';
import { SigningKeySection } from './SigningKeySection';
import { useFeedbackStore } from '../../stores/feedback-store';

export function SettingsPage() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const settings = useAppStore((s) => s.settings);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const show = useFeedbackStore((s) => s.show);
  const report = useReportError();
  if (!info || !settings) return null;

  const chooseLanguage = (language: Locale) => {
    report(setLanguage(language));
  };

  return (
    <>
      <PageHeader title={t('pages.settings.title')} lead={t('pages.settings.lead')} />
      <RoleSection />
      {settings.role !== 'bureau' && (
        <section className="card" aria-labelledby="settings-profile">
          <h2 id="settings-profile">{t('settings.profile.title')}</h2>
          <p className="hint">{t('settings.profile.description')}</p>
          <ProfileForm
            key={JSON.stringify(settings.profile ?? null) + (settings.inspector ?? '')}
            initial={
              settings.profile
                ? { ...settings.profile, inspector: settings.inspector ?? '' }
                : undefined
            }
            submitLabel={t('settings.profile.save')}
            onSubmit={(values) =>
              updateSettings(profilePatch(values)).then(
                () => show({ kind: 'success', text: t('settings.profile.saved') }),
                (error: unknown) => report(Promise.reject(error)),
              )
            }
          />
        </section>
      )}
      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language.title')}</h2>
        <p className="hint">{t('settings.language.description')}</p>
        <LanguageSwitch
          name="settings-language"
          value={settings.language}
          onChange={chooseLanguage}
        />
      </section>
      <section className="card" aria-labelledby="settings-data">
        <h2 id="settings-data">{t('settings.data.title')}</h2>
        <dl className="fields">
          <PathRow
            label={t('settings.data.folder')}
            path={info.dataDir}
            hint={t('settings.data.folderHint')}
          />
          <PathRow
            label={t('settings.data.log')}
            path={info.logFile}
            hint={t('settings.data.logHint')}
          />
        </dl>
      </section>
      <BackupsSection />
      {settings.role !== 'bureau' && <SigningKeySection />}
      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about.title')}</h2>
        <dl className="fields">
          <div className="field-row">
            <dt>{t('settings.about.version')}</dt>
            <dd>{info.version}</dd>
          </div>
          <div className="field-row">
            <dt>{t('settings.about.shell')}</dt>
            <dd>{t(`settings.about.shell_${info.shell}`)}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
