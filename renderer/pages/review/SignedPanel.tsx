import { useTranslation } from 'react-i18next';
import type { Signoff } from '../../../shared/inspection/schema';
import { ReopenButton } from '../../components/signoff/ReopenButton';
import { SignatureStatus } from '../../components/signoff/SignatureStatus';
import { useLocale } from '../../i18n/use-locale';
import { useOpenedWorkbook } from '../../lib/opened-workbook';
import { formatDate, formatDateTime } from '../../lib/format';
import { SignatureImage } from './SignatureImage';

/** A signed inspection: who signed, when, how, whether it still verifies, and reopening it. */
export function SignedPanel({ inspectionId, signoff }: { inspectionId: string; signoff: Signoff }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  // An opened workbook's signature is judged with the whole workbook, in its banner; it cannot
  // be reopened here.
  const workbook = useOpenedWorkbook();
  return (
    <section className="card review-card signed-panel" aria-labelledby="review-signed">
      <h2 id="review-signed">{t('signoff.signed.title')}</h2>
      <div className="signed-body">
        <dl className="fields">
          <div className="field-row">
            <dt>{t('signoff.form.signer')}</dt>
            <dd>{t('signoff.signed.signer', { signer: signoff.signer, title: signoff.title })}</dd>
          </div>
          <div className="field-row">
            <dt>{t('signoff.form.date')}</dt>
            <dd>{formatDate(signoff.date, locale)}</dd>
          </div>
          <div className="field-row">
            <dt>{t('signoff.signed.at')}</dt>
            <dd>{formatDateTime(signoff.signedAt, locale)}</dd>
          </div>
          <div className="field-row">
            <dt>{t('signoff.form.method')}</dt>
            <dd>{t(`signoff.method.${signoff.method}`)}</dd>
          </div>
          {signoff.comment !== undefined && (
            <div className="field-row">
              <dt>{t('signoff.form.comment')}</dt>
              <dd className="pre-line">{signoff.comment}</dd>
            </div>
          )}
        </dl>
        <SignatureImage
          image={signoff.image}
          alt={t(
            signoff.method === 'drawn' ? 'signoff.signed.drawnAlt' : 'signoff.signed.scanAlt',
            {
              signer: signoff.signer,
            },
          )}
        />
      </div>
      {workbook === null && (
        <>
          <SignatureStatus inspectionId={inspectionId} signedAt={signoff.signedAt} />
          <div className="toolbar">
            <ReopenButton inspectionId={inspectionId} signer={signoff.signer} />
            <span className="hint">{t('signoff.signed.reopenHint')}</span>
          </div>
        </>
      )}
    </section>
  );
}
