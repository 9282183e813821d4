import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../shared/inspection/schema';
import { ReopenButton } from '../../components/signoff/ReopenButton';
import { SignatureStatus } from '../../components/signoff/SignatureStatus';
import { useLocale } from '../../i18n/use-locale';
import { formatDate } from '../../lib/format';
import { useOpenedWorkbook } from '../../lib/opened-workbook';
import { inspectionViewHref } from '../../lib/routes';

/**
 * Over a signed inspection's walk-through: who signed and when, that nothing can be changed,
 * whether the signature still holds, and the one way on (reopen, with a reason).
 */
export function LockBanner({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { signoff } = inspection;
  // An opened workbook has its own banner: its verification, and no reopening.
  const workbook = useOpenedWorkbook();
  if (inspection.state !== 'signed' || !signoff || workbook !== null) return null;
  return (
    <section className="lock-banner" aria-labelledby="lock-banner-title">
      <div className="lock-banner-text">
        {/* Not a heading: the section's title stays the page's one h2 under its h1. */}
        <p id="lock-banner-title" className="lock-banner-title">
          {t('signoff.lock.banner', {
            signer: signoff.signer,
            title: signoff.title,
            date: formatDate(signoff.date, locale),
          })}
        </p>
        <SignatureStatus inspectionId={inspection.id} signedAt={signoff.signedAt} compact />
      </div>
      <div className="lock-banner-actions">
        <a className="button" href={inspectionViewHref(inspection.id, 'review')}>
          {t('signoff.lock.review')}
        </a>
        <ReopenButton inspectionId={inspection.id} signer={signoff.signer} />
      </div>
    </section>
  );
}
