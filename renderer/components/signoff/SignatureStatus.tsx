import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { groupFingerprint } from '../../../shared/inspection/fingerprint';
import { useReportError } from '../../lib/use-report-error';
import { useSignoffStore } from '../../stores/signoff-store';

interface Props {
  readonly inspectionId: string;
  /** When the shown sign-off was made: a new one is checked again. */
  readonly signedAt: string;
  /** One line (the walk-through's banner) instead of the review page's block. */
  readonly compact?: boolean;
}

/**
 * Whether a signed inspection still verifies: the stored content checked against its signature
 * on the Node side, every time it is shown. A signature that no longer holds is said loudly and
 * never signed again silently: the way on is to reopen it.
 */
export function SignatureStatus({ inspectionId, signedAt, compact }: Props) {
  const { t } = useTranslation();
  const report = useReportError();
  const loadCheck = useSignoffStore((s) => s.loadCheck);
  const check = useSignoffStore((s) => (s.check?.id === inspectionId ? s.check.result : null));

  useEffect(() => {
    report(loadCheck(inspectionId));
  }, [loadCheck, inspectionId, signedAt, report]);

  const className = compact ? 'signature-status compact' : 'signature-status';
  if (!check) {
    return (
      <p className={`${className} signature-checking`} role="status">
        {t('signoff.status.checking')}
      </p>
    );
  }
  if (check.status === 'unsigned') return null;
  if (check.status === 'valid') {
    return (
      <div className={`${className} signature-valid`} role="status">
        <strong>{t('signoff.status.valid')}</strong>
        {!compact && <span>{t('signoff.status.validHint')}</span>}
        <span className="fingerprint-line">
          {t('signoff.status.fingerprint')}{' '}
          <code className="fingerprint">{groupFingerprint(check.fingerprint)}</code>{' '}
          <span className={check.ownKey ? 'key-own' : 'key-other'}>
            {check.ownKey ? t('signoff.status.ownKey') : t('signoff.status.otherKey')}
          </span>
        </span>
      </div>
    );
  }
  return (
    <div className={`${className} signature-broken`} role="alert">
      <strong>
        {check.status === 'changed' ? t('signoff.status.changed') : t('signoff.status.invalid')}
      </strong>
      <span>
        {check.status === 'changed'
          ? t('signoff.status.changedHint')
          : t('signoff.status.invalidHint')}
      </span>
      {!compact && (
        <span className="fingerprint-line">
          {t('signoff.status.fingerprint')}{' '}
          <code className="fingerprint">{groupFingerprint(check.fingerprint)}</code>
        </span>
      )}
    </div>
  );
}
