import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useReportError } from '../../lib/use-report-error';
import { useTemplatesStore } from '../../stores/templates-store';
import { ComparePanel } from './ComparePanel';
import { ImportPanel } from './ImportPanel';
import { TemplateList } from './TemplateList';
import { TemplateViewer } from './TemplateViewer';

export function TemplatesPage() {
  const { t } = useTranslation();
  const summaries = useTemplatesStore((s) => s.summaries);
  const open = useTemplatesStore((s) => s.open);
  const comparison = useTemplatesStore((s) => s.comparison);
  const busy = useTemplatesStore((s) => s.busy);
  const load = useTemplatesStore((s) => s.load);
  const importFile = useTemplatesStore((s) => s.importFile);
  const report = useReportError();

  useEffect(() => {
    report(load());
  }, [load, report]);

  const onFile = (file: File | undefined) => {
    if (!file) return;
    report(importFile(file));
  };

  return (
    <>
      <PageHeader title={t('pages.templates.title')} lead={t('pages.templates.lead')} />
      <div className="toolbar">
        <label className={`button button-primary${busy ? ' is-busy' : ''}`}>
          <input
            type="file"
            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          {busy ? t('templates.importing') : t('templates.import')}
        </label>
        <span className="hint">{t('templates.importHint')}</span>
      </div>
      <ImportPanel />
      {summaries && <TemplateList summaries={summaries} />}
      {open && <TemplateViewer template={open} />}
      {comparison && <ComparePanel comparison={comparison} />}
    </>
  );
}
