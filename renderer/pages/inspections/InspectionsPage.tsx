import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import { periodKey } from '../../../shared/inspection/period';
import { inspectionHref } from '../../lib/routes';
import { useReportError } from '../../lib/use-report-error';
import { PageHeader } from '../../components/PageHeader';
import { useAppStore } from '../../stores/app-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useInspectionsStore } from '../../stores/inspections-store';
import { useTemplatesStore } from '../../stores/templates-store';
import { ImportBureauFeedback } from './ImportBureauFeedback';
import { ImportInspection } from './ImportInspection';
import { InspectionFilters } from './InspectionFilters';
import type { StateFilter } from './InspectionFilters';
import { InspectionsTable } from './InspectionsTable';
import { LeftBehindReport } from './LeftBehindReport';
import { NewInspectionDialog } from './NewInspectionDialog';
import { OpenWorkbook } from './OpenWorkbook';

/** The inspections: new, import, filter, and each one's figures and actions. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const summaries = useInspectionsStore((s) => s.summaries);
  const load = useInspectionsStore((s) => s.load);
  const create = useInspectionsStore((s) => s.create);
  const templates = useTemplatesStore((s) => s.summaries);
  const loadTemplates = useTemplatesStore((s) => s.load);
  const settings = useAppStore((s) => s.settings);
  const showError = useFeedbackStore((s) => s.showError);
  const report = useReportError();
  const [filter, setFilter] = useState<StateFilter>('all');
  const [period, setPeriod] = useState('all');
  const [dialog, setDialog] = useState<{ sourceId?: string } | null>(null);

  useEffect(() => {
    report(load());
    report(loadTemplates());
  }, [load, loadTemplates, report]);

  const periods = useMemo(() => {
    const seen = new Map<string, InspectionSummary['period']>();
    for (const s of summaries ?? []) seen.set(periodKey(s.period), s.period);
    return [...seen.entries()].sort(([a], [b]) => b.localeCompare(a));
  }, [summaries]);

  if (summaries === null || templates === null || !settings)
    return <p className="hint">{t('app.loading')}</p>;
  const live = summaries.filter((s) => s.trashedAt === undefined);
  const trashed = summaries.filter((s) => s.trashedAt !== undefined);
  const shown = (filter === 'trash' ? trashed : live).filter(
    (s) =>
      (filter === 'all' || filter === 'trash' || s.state === filter) &&
      (period === 'all' || periodKey(s.period) === period),
  );
  const defaultTemplate = templates.find((x) => x.isDefault) ?? templates[0];

  const onCreate = async (input: Parameters<typeof create>[0]) => {
    try {
      const summary = await create(input);
      setDialog(null);
      // A duplicate that left something behind stays here to say what (LeftBehindReport).
      if (useInspectionsStore.getState().lastDuplicate === null)
        window.location.hash = inspectionHref(summary.id);
    } catch (error) {
      // The dialog stays open with what was entered; the reason shows in the status line.
      showError(error, t('errors.crashTitle'));
    }
  };

  return (
    <>
      <PageHeader title={t('pages.inspections.title')} lead={t('pages.inspections.lead')} />
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={() => setDialog({})}
          disabled={!settings.profile}
        >
          {t('inspections.newButton')}
        </button>
        <ImportInspection />
        <ImportBureauFeedback />
        <OpenWorkbook />
        <LeftBehindReport />
        <span className="spacer" />
        <InspectionFilters
          filter={filter}
          onFilter={setFilter}
          period={period}
          onPeriod={setPeriod}
          periods={periods}
          trashed={trashed.length}
        />
      </div>
      {!settings.profile && <p className="notice-inline">{t('inspections.needProfile')}</p>}
      {shown.length === 0 ? (
        <div className="empty card">
          <p>{filter === 'trash' ? t('inspections.trashEmpty') : t('inspections.empty')}</p>
          {filter !== 'trash' && <p className="hint">{t('inspections.emptyHint')}</p>}
        </div>
      ) : (
        <InspectionsTable shown={shown} onDuplicate={(sourceId) => setDialog({ sourceId })} />
      )}
      {dialog && defaultTemplate && (
        <NewInspectionDialog
          templates={templates}
          defaultTemplate={`${defaultTemplate.id}@${defaultTemplate.version}`}
          previous={live}
          sourceId={dialog.sourceId}
          inspector={settings.inspector ?? ''}
          onCreate={onCreate}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
