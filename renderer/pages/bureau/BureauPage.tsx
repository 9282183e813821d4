import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { hrefOf, locationFromHash, useHash } from '../../lib/routes';
import { useAppStore } from '../../stores/app-store';
import { useBureauStore } from '../../stores/bureau-store';
import { Dashboard } from './Dashboard';
import { SubmissionReview } from './SubmissionReview';
import './bureau.css';

/** 汇总: the district dashboard, or the review of the submission the address names. */
export function BureauPage() {
  const { submission } = locationFromHash(useHash());
  const role = useAppStore((s) => s.settings?.role);
  const load = useBureauStore((s) => s.load);
  useEffect(() => {
    if (role === 'bureau') void load();
  }, [load, role]);
  if (role !== 'bureau') return <SchoolCopy />;
  return submission === undefined ? <Dashboard /> : <SubmissionReview sha256={submission} />;
}

/** A school's copy: 汇总 is the bureau's; say how to make this copy one. */
function SchoolCopy() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.bureau.title')} lead={t('pages.bureau.lead')} />
      <section className="card">
        <p>{t('bureau.schoolCopy')}</p>
        <a className="button" href={hrefOf('settings')}>
          {t('coming.goSettings')}
        </a>
      </section>
    </>
  );
}
