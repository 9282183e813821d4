import { useTranslation } from 'react-i18next';
import { hrefOf } from '../lib/routes';
import { Icon } from '../components/icons';
import { PageHeader } from '../components/PageHeader';

type ComingPage = 'bureau';

/** Says plainly what a page will do once its feature lands, and what the user can do now. */
export function ComingSoonPage({ page }: { page: ComingPage }) {
  const { t } = useTranslation();
  const items = t(`pages.${page}.items`, { returnObjects: true });
  return (
    <>
      <PageHeader title={t(`pages.${page}.title`)} lead={t(`pages.${page}.lead`)} />
      <section className="empty-state" aria-labelledby={`empty-${page}`}>
        <div className="empty-icon">
          <Icon name={page} size={32} />
        </div>
        <div className="empty-body">
          <h2 id={`empty-${page}`}>
            {t(`pages.${page}.empty`)}
            <span className="badge">{t('coming.badge')}</span>
          </h2>
          <p>{t('coming.intro')}</p>
          <ul className="checklist">
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p className="muted">{t('coming.meanwhile')}</p>
          <a className="button" href={hrefOf('settings')}>
            {t('coming.goSettings')}
          </a>
        </div>
      </section>
    </>
  );
}
