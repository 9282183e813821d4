import { useTranslation } from 'react-i18next';
import type { Reopened } from '../../../shared/inspection/schema';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime } from '../../lib/format';

/** Sign-offs voided by a reopen, kept with why: the history a later signature stands on. */
export function VoidedSignoffs({ reopened }: { reopened: readonly Reopened[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (reopened.length === 0) return null;
  return (
    <section className="card review-card" aria-labelledby="review-voided">
      <h2 id="review-voided">{t('signoff.voided.title', { count: reopened.length })}</h2>
      <p className="hint">{t('signoff.voided.lead')}</p>
      <table className="data-table voided">
        <thead>
          <tr>
            <th scope="col">{t('signoff.voided.signer')}</th>
            <th scope="col">{t('signoff.voided.signedAt')}</th>
            <th scope="col">{t('signoff.voided.reopenedAt')}</th>
            <th scope="col">{t('signoff.voided.reason')}</th>
            <th scope="col">{t('signoff.voided.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {[...reopened].reverse().map((r) => (
            <tr key={r.at}>
              <td>
                {t('signoff.signed.signer', { signer: r.signoff.signer, title: r.signoff.title })}
              </td>
              <td className="nowrap">{formatDateTime(r.signoff.signedAt, locale)}</td>
              <td className="nowrap">{formatDateTime(r.at, locale)}</td>
              <td>{r.reason}</td>
              <td>
                <code className="hash" title={r.signoff.contentHash}>
                  {r.signoff.contentHash.slice(0, 16)}…
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
