import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadedInspection } from '../../components/LoadedInspection';
import { countByKind } from '../../../shared/inspection/audit-filter';
import { auditLines } from '../../../shared/inspection/audit-text';
import { periodLabel } from '../../../shared/inspection/period';
import type { Inspection } from '../../../shared/inspection/schema';
import type { Template } from '../../../shared/template/schema';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime } from '../../lib/format';
import { useInspectionLinks } from '../../lib/opened-workbook';
import { useAuditStore } from '../../stores/audit-store';
import { AuditEntryItem } from './AuditEntryItem';
import { AuditFilters } from './AuditFilters';
import { AuditPager } from './AuditPager';
import { useAuditView } from './use-audit-view';
import './audit.css';

/** An inspection's audit trail (经过记录): everything that happened to it, filterable. */
export function AuditPage({ id }: { id: string }) {
  const open = useAuditStore((s) => s.open);
  const inspection = useAuditStore((s) => s.inspection);
  const template = useAuditStore((s) => s.template);
  const loadError = useAuditStore((s) => s.loadError);

  useEffect(() => {
    void open(id);
    return () => useAuditStore.getState().close();
  }, [open, id]);

  return (
    <LoadedInspection id={id} loadError={loadError} inspection={inspection} template={template}>
      {(loaded, pinned) => <AuditTrail inspection={loaded} template={pinned} />}
    </LoadedInspection>
  );
}

/** The audit trail of an inspection, or of an opened workbook's (as signed). */
export function AuditTrail({
  inspection,
  template,
}: {
  inspection: Inspection;
  template: Template;
}) {
  const { t } = useTranslation();
  const links = useInspectionLinks();
  const { locale, pick } = useLocale();
  const lines = useMemo(() => auditLines(inspection, template), [inspection, template]);
  const counts = useMemo(() => countByKind(lines), [lines]);
  const view = useAuditView(lines, locale);
  const { signoff } = inspection;
  const top = useRef<HTMLParagraphElement>(null);
  // Another page starts at its top, where the reader (and the keyboard focus) goes too.
  const turnTo = (page: number) => {
    view.setPage(page);
    top.current?.focus();
    top.current?.scrollIntoView?.({ block: 'start' });
  };

  return (
    <div className="audit">
      <header className="audit-header">
        <a href={links.section(inspection.id)} className="back-link">
          {t('audit.back')}
        </a>
        <h1>{t('audit.title')}</h1>
        <p className="hint">
          {inspection.school.name} · {pick(periodLabel(inspection.period))} ·{' '}
          {t('walk.inspector', { name: inspection.inspector })}
        </p>
        <p className="audit-lead">{t('audit.lead')}</p>
      </header>
      {signoff && (
        <p className="notice-inline audit-signed-notice">
          {t('audit.signedNotice', {
            signer: `${signoff.signer} ${signoff.title}`,
            time: formatDateTime(signoff.signedAt, locale),
            count: signoff.auditCount,
          })}
        </p>
      )}
      {inspection.reopened.length > 0 && (
        <p className="hint">{t('audit.voidedNotice', { count: inspection.reopened.length })}</p>
      )}
      <AuditFilters
        template={template}
        form={view.form}
        onForm={view.setForm}
        order={view.order}
        onOrder={view.setOrder}
        counts={counts}
      />
      <p className="audit-count" role="status" ref={top} tabIndex={-1}>
        {t('audit.count', { total: lines.length, shown: view.shownCount })}
      </p>
      {view.visible.length === 0 ? (
        <p className="empty-note">{t('audit.none')}</p>
      ) : (
        <ol className="audit-list" aria-label={t('audit.list')}>
          {view.visible.map((line) => (
            <AuditEntryItem
              key={line.index}
              line={line}
              afterSigning={signoff !== undefined && line.index >= signoff.auditCount}
            />
          ))}
        </ol>
      )}
      {view.pages > 1 && <AuditPager current={view.page} pages={view.pages} onPage={turnTo} />}
    </div>
  );
}
