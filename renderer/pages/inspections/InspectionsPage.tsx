import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import { periodKey, periodLabel } from '../../../shared/inspection/period';
import { inspectionHref } from '../../lib/routes';
import { useReportError } from '../../lib/use-report-error';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/use-locale';
import { useAppStore } from '../../stores/app-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useInspectionsStore } from '../../stores/inspections-store';
import { useTemplatesStore } from '../../stores/templates-store';
import { formatDateTime, formatPercent } from '../../lib/format';
import { ImportInspection } from './ImportInspection';
import { NewInspectionDialog } from './NewInspectionDialog';

type StateFilter = 'all' | 'draft' | 'ready' | 'signed' | 'trash';

/** The inspections: new, import, filter, and each one's figures and actions. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const summaries = useInspectionsStore((s) => s.summaries);
  const load = useInspectionsStore((s) => s.load);
  const create = useInspectionsStore((s) => s.create);
  const trash = useInspectionsStore((s) => s.trash);
  const restore = useInspectionsStore((s) => s.restore);
  const purge = useInspectionsStore((s) => s.purge);
  const exportFile = useInspectionsStore((s) => s.exportFile);
  const templates = useTemplatesStore((s) => s.summaries);
  const loadTemplates = useTemplatesStore((s) => s.load);
  const settings = useAppStore((s) => s.settings);
  const show = useFeedbackStore((s) => s.show);
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
      window.location.hash = inspectionHref(summary.id);
    } catch (error) {
      // The dialog stays open with what was entered; the reason shows in the status line.
      showError(error, t('errors.crashTitle'));
    }
  };
  const onExport = (id: string) =>
    report(
      exportFile(id).then((fileName) =>
        show({ kind: 'success', text: t('inspections.exported', { file: fileName }) }),
      ),
    );

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
        <span className="spacer" />
        <label className="inline-field">
          <span>{t('inspections.filter.state')}</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as StateFilter)}>
            <option value="all">{t('inspections.filter.all')}</option>
            <option value="draft">{t('inspections.states.draft')}</option>
            <option value="ready">{t('inspections.states.ready')}</option>
            <option value="signed">{t('inspections.states.signed')}</option>
            <option value="trash">
              {t('inspections.filter.trash', { count: trashed.length })}
            </option>
          </select>
        </label>
        <label className="inline-field">
          <span>{t('inspections.filter.period')}</span>
          <select value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="all">{t('inspections.filter.allPeriods')}</option>
            {periods.map(([key, p]) => (
              <option key={key} value={key}>
                {pick(periodLabel(p))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!settings.profile && <p className="notice-inline">{t('inspections.needProfile')}</p>}
      {shown.length === 0 ? (
        <div className="empty card">
          <p>{filter === 'trash' ? t('inspections.trashEmpty') : t('inspections.empty')}</p>
          {filter !== 'trash' && <p className="hint">{t('inspections.emptyHint')}</p>}
        </div>
      ) : (
        <table className="data-table inspections-table">
          <thead>
            <tr>
              <th scope="col">{t('inspections.columns.period')}</th>
              <th scope="col">{t('inspections.columns.school')}</th>
              <th scope="col">{t('inspections.columns.inspector')}</th>
              <th scope="col">{t('inspections.columns.state')}</th>
              <th scope="col">{t('inspections.columns.progress')}</th>
              <th scope="col">{t('inspections.columns.rate')}</th>
              <th scope="col">{t('inspections.columns.findings')}</th>
              <th scope="col">{t('inspections.columns.updated')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('inspections.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => {
              const label = pick(periodLabel(s.period));
              return (
                <tr key={s.id}>
                  <td>
                    {s.trashedAt === undefined ? <a href={inspectionHref(s.id)}>{label}</a> : label}
                    <div className="hint">
                      {s.templateTitle ? pick(s.templateTitle) : t('inspections.templateMissing')}
                    </div>
                  </td>
                  <td>{s.school.name}</td>
                  <td>{s.inspector}</td>
                  <td>
                    <span className={`state state-${s.state}`}>
                      {t(`inspections.states.${s.state}`)}
                    </span>
                  </td>
                  <td>
                    {s.figures && (
                      <div
                        className="progress"
                        title={`${s.figures.answered}/${s.figures.applicable}`}
                      >
                        <progress
                          max={1}
                          value={s.figures.progress}
                          aria-label={t('inspections.columns.progress')}
                        />
                        <span>{formatPercent(s.figures.progress)}</span>
                      </div>
                    )}
                  </td>
                  <td>{formatPercent(s.figures?.complianceRate ?? null)}</td>
                  <td>
                    {s.figures && (
                      <>
                        {t('inspections.findingsCount', { count: s.figures.findings })}
                        {s.figures.overdueActions > 0 && (
                          <div className="overdue">
                            {t('inspections.overdue', { count: s.figures.overdueActions })}
                          </div>
                        )}
                      </>
                    )}
                  </td>
                  <td>{formatDateTime(s.updatedAt, locale)}</td>
                  <td className="row-actions">
                    {s.trashedAt === undefined ? (
                      <>
                        <a
                          className="button"
                          href={inspectionHref(s.id)}
                          aria-label={t('inspections.openNamed', { name: label })}
                        >
                          {t('inspections.open')}
                        </a>
                        <button
                          type="button"
                          className="button"
                          onClick={() => setDialog({ sourceId: s.id })}
                          aria-label={t('inspections.duplicateNamed', { name: label })}
                        >
                          {t('inspections.duplicate')}
                        </button>
                        <button
                          type="button"
                          className="button"
                          onClick={() => onExport(s.id)}
                          aria-label={t('inspections.exportNamed', { name: label })}
                        >
                          {t('inspections.export')}
                        </button>
                        <button
                          type="button"
                          className="button button-danger"
                          onClick={() => report(trash(s.id))}
                          aria-label={t('inspections.trashNamed', { name: label })}
                        >
                          {t('inspections.trash')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="button"
                          onClick={() => report(restore(s.id))}
                          aria-label={t('inspections.restoreNamed', { name: label })}
                        >
                          {t('inspections.restore')}
                        </button>
                        <button
                          type="button"
                          className="button button-danger"
                          onClick={() => {
                            if (window.confirm(t('inspections.purgeConfirm', { name: label })))
                              report(purge(s.id));
                          }}
                        >
                          {t('inspections.purge')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
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
