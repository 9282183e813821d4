import { useTranslation } from 'react-i18next';
import type { Route } from '../lib/routes';
import { hrefOf, routesFor } from '../lib/routes';
import { Icon } from './icons';

export function Sidebar({
  current,
  version,
  role,
}: {
  current: Route;
  version: string | undefined;
  /** A bureau's copy hides the pages only schools use. */
  role?: 'school' | 'bureau' | undefined;
}) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark">
          <Icon name="shield" size={26} />
        </span>
        <span className="brand-text">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {routesFor(role).map((route) => (
            <li key={route}>
              <a
                className="nav-link"
                href={hrefOf(route)}
                aria-current={route === current ? 'page' : undefined}
              >
                <Icon name={route} />
                <span>{t(`nav.${route}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {version && <p className="sidebar-footer">{t('app.version', { version })}</p>}
    </aside>
  );
}
