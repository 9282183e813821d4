import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { groupFingerprint } from '../../../shared/inspection/fingerprint';
import { ReplaceKeyButton } from '../../components/signoff/ReplaceKeyButton';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime } from '../../lib/format';
import { useReportError } from '../../lib/use-report-error';
import { useSignoffStore } from '../../stores/signoff-store';

/**
 * This installation's signing key: its fingerprint (what a school reads out to the bureau), when
 * it was made, the keys before it and why each was replaced; a missing or damaged key can be
 * replaced here, after the user agreed.
 */
export function SigningKeySection() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const report = useReportError();
  const key = useSignoffStore((s) => s.key);
  const loadKey = useSignoffStore((s) => s.loadKey);

  useEffect(() => {
    report(loadKey());
  }, [loadKey, report]);

  const earlier = key ? key.history.filter((k) => k.replacedAt !== undefined) : [];
  return (
    <section className="card" aria-labelledby="settings-signing-key">
      <h2 id="settings-signing-key">{t('signoff.key.title')}</h2>
      <p className="hint">{t('signoff.key.description')}</p>
      {key?.state === 'none' && <p>{t('signoff.key.none')}</p>}
      {key?.state === 'ok' && (
        <dl className="fields">
          <div className="field-row">
            <dt>{t('signoff.key.fingerprint')}</dt>
            <dd>
              <code className="fingerprint">{groupFingerprint(key.fingerprint)}</code>
            </dd>
          </div>
          <div className="field-row">
            <dt>{t('signoff.key.created')}</dt>
            <dd>{formatDateTime(key.createdAt, locale)}</dd>
          </div>
        </dl>
      )}
      {(key?.state === 'missing' || key?.state === 'damaged') && (
        <div className="key-trouble" role="alert">
          <p>{t(`signoff.key.${key.state}`)}</p>
          <ReplaceKeyButton label={t('signoff.key.replace')} />
        </div>
      )}
      {earlier.length > 0 && (
        <>
          <h3 className="key-history-title">{t('signoff.key.history')}</h3>
          <table className="data-table key-history">
            <thead>
              <tr>
                <th scope="col">{t('signoff.key.fingerprint')}</th>
                <th scope="col">{t('signoff.key.created')}</th>
                <th scope="col">{t('signoff.key.replacedAt')}</th>
                <th scope="col">{t('signoff.key.because')}</th>
              </tr>
            </thead>
            <tbody>
              {earlier.map((k) => (
                <tr key={k.fingerprint}>
                  <td>
                    <code className="fingerprint">{groupFingerprint(k.fingerprint)}</code>
                  </td>
                  <td className="nowrap">{formatDateTime(k.createdAt, locale)}</td>
                  <td className="nowrap">{formatDateTime(k.replacedAt!, locale)}</td>
                  <td>{k.replacedBecause ? t(`signoff.key.because_${k.replacedBecause}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
