import { useTranslation } from 'react-i18next';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import { periodLabel } from '../../../shared/inspection/period';
import type { RowAction } from '../../components/RowActions';
import { RowActions } from '../../components/RowActions';
import { TableHead } from '../../components/TableHead';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime, formatPercent } from '../../lib/format';
import { inspectionHref, inspectionViewHref } from '../../lib/routes';
import { useReportError } from '../../lib/use-report-error';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useInspectionsStore } from '../../stores/inspections-store';
import { BureauRowBadge } from './ImportBureauFeedback';

const COLUMNS = [
  'period',
  'school',
  'inspector',
  'state',
  'progress',
  'rate',
  'findings',
  'updated',
] as const;

interface Props {
  readonly shown: readonly InspectionSummary[];
  /** Starts a new inspection from this one (the dialog opens with it chosen). */
  readonly onDuplicate: (sourceId: string) => void;
}

/** The inspections, one row each: figures, and what can be done with it. */
export function InspectionsTable({ shown, onDuplicate }: Props) {
  const { t } = useTranslation();
  return (
    <table className="data-table inspections-table">
      <TableHead
        columns={COLUMNS.map((column) => t(`inspections.columns.${column}`))}
        actions={t('inspections.columns.actions')}
      />
      <tbody>
        {shown.map((s) => (
          <InspectionRow key={s.id} summary={s} onDuplicate={onDuplicate} />
        ))}
      </tbody>
    </table>
  );
}

function InspectionRow({
  summary: s,
  onDuplicate,
}: {
  summary: InspectionSummary;
  onDuplicate: (sourceId: string) => void;
}) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const label = pick(periodLabel(s.period));
  const actions = useRowActions(s, label, onDuplicate);
  return (
    <tr>
      <td>
        {s.trashedAt === undefined ? <a href={inspectionHref(s.id)}>{label}</a> : label}
        <div className="hint">
          {s.templateTitle
            ? `${pick(s.templateTitle)} ${s.template.version}`
            : t('inspections.templateMissing')}
        </div>
      </td>
      <td>{s.school.name}</td>
      <td>{s.inspector}</td>
      <td>
        <span className={`state state-${s.state}`}>{t(`inspections.states.${s.state}`)}</span>
        {s.trashedAt === undefined && (
          <div>
            <BureauRowBadge inspectionId={s.id} />
          </div>
        )}
      </td>
      <td>
        {s.figures && (
          <div className="progress" title={`${s.figures.answered}/${s.figures.applicable}`}>
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
      <RowActions className="row-actions" actions={actions} />
    </tr>
  );
}

/** Open, duplicate, export and trash a live inspection; restore or delete a trashed one. */
function useRowActions(
  s: InspectionSummary,
  label: string,
  onDuplicate: (sourceId: string) => void,
): readonly RowAction[] {
  const { t } = useTranslation();
  const trash = useInspectionsStore((st) => st.trash);
  const restore = useInspectionsStore((st) => st.restore);
  const purge = useInspectionsStore((st) => st.purge);
  const exportFile = useInspectionsStore((st) => st.exportFile);
  const show = useFeedbackStore((st) => st.show);
  const report = useReportError();
  const named = (key: 'open' | 'duplicate' | 'export' | 'trash' | 'restore') =>
    t(`inspections.${key}Named`, { name: label });

  if (s.trashedAt !== undefined) {
    return [
      {
        label: t('inspections.restore'),
        named: named('restore'),
        onClick: () => report(restore(s.id)),
      },
      {
        label: t('inspections.purge'),
        tone: 'danger',
        onClick: () => {
          if (window.confirm(t('inspections.purgeConfirm', { name: label }))) report(purge(s.id));
        },
      },
    ];
  }
  const onExport = () =>
    report(
      exportFile(s.id).then((fileName) =>
        show({ kind: 'success', text: t('inspections.exported', { file: fileName }) }),
      ),
    );
  return [
    // A signed one opens to be read: nothing in it can be changed until it is reopened.
    s.state === 'signed'
      ? {
          label: t('signoff.list.view'),
          named: t('signoff.list.viewNamed', { name: label }),
          href: inspectionHref(s.id),
        }
      : { label: t('inspections.open'), named: named('open'), href: inspectionHref(s.id) },
    {
      label: t('report.open'),
      named: t('report.openNamed', { name: label }),
      href: inspectionViewHref(s.id, 'report'),
    },
    {
      label: t('inspections.duplicate'),
      named: named('duplicate'),
      onClick: () => onDuplicate(s.id),
    },
    { label: t('inspections.export'), named: named('export'), onClick: onExport },
    {
      label: t('inspections.trash'),
      named: named('trash'),
      tone: 'danger',
      onClick: () => report(trash(s.id)),
    },
  ];
}
