import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../shared/inspection/schema';
import type { Template } from '../../../shared/template/schema';
import { OpenedWorkbookContext } from '../../lib/opened-workbook';
import { hrefOf } from '../../lib/routes';
import { useReportError } from '../../lib/use-report-error';
import { useWorkbookStore } from '../../stores/workbook-store';
import { VerificationBanner } from './VerificationBanner';
import './workbook.css';

interface Props {
  /** The key the address names. */
  readonly workbookKey: string;
  /** The view: the walk-through, review, audit trail or report, fed the workbook's copy. */
  readonly children: (inspection: Inspection, template: Template) => ReactNode;
}

/**
 * An opened bureau workbook's page: its verification on top, then one of the inspection views,
 * the same components as for an inspection, read-only (OpenedWorkbookContext).
 */
export function WorkbookFrame({ workbookKey, children }: Props) {
  const { t } = useTranslation();
  const report = useReportError();
  const show = useWorkbookStore((s) => s.show);
  const current = useWorkbookStore((s) => s.current);
  const loadError = useWorkbookStore((s) => s.loadError);

  useEffect(() => {
    void show(workbookKey);
  }, [show, workbookKey]);

  const close = () => {
    report(useWorkbookStore.getState().close(workbookKey));
    window.location.hash = hrefOf('inspections');
  };

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
  if (!current || current.key !== workbookKey) return <p className="hint">{t('app.loading')}</p>;
  return (
    <OpenedWorkbookContext.Provider value={workbookKey}>
      <VerificationBanner workbook={current} onClose={close} />
      {children(current.inspection, current.template)}
    </OpenedWorkbookContext.Provider>
  );
}
