import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../shared/inspection/schema';
import type { Template } from '../../shared/template/schema';
import { hrefOf } from '../lib/routes';

interface Props {
  /** The inspection the address names. */
  readonly id: string;
  readonly loadError: string | null;
  readonly inspection: Inspection | null;
  readonly template: Template | null;
  readonly children: (inspection: Inspection, template: Template) => ReactNode;
}

/**
 * One open inspection's page while it loads: why it could not be opened (with the way back),
 * "loading" until the one the address names is there, then the page itself.
 */
export function LoadedInspection({ id, loadError, inspection, template, children }: Props) {
  const { t } = useTranslation();
  if (loadError) {
    return (
      <div className="banner banner-error" role="alert">
        <p>{loadError}</p>
        <a className="button" href={hrefOf('inspections')}>
          {t('walk.backToList')}
        </a>
      </div>
    );
  }
  if (!inspection || !template || inspection.id !== id)
    return <p className="hint">{t('app.loading')}</p>;
  return <>{children(inspection, template)}</>;
}
