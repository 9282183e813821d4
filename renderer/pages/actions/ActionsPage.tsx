import { useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/i18n/locale';
import type {
  ActionCounts,
  ActionFilter,
  ListedAction,
  ListedFlaggedRow,
} from '../../../shared/inspection/action-filter';
import { listActions, NO_FILTER } from '../../../shared/inspection/action-filter';
import type { DoneRecord } from '../../../shared/inspection/action-edits';
import { ActionDoneDialog } from '../../components/ActionDoneDialog';
import type { ActionFormValues } from '../../components/ActionForm';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/use-locale';
import { useReportError } from '../../lib/use-report-error';
import { useActionsStore } from '../../stores/actions-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { ActionFilters } from './ActionFilters';
import { ActionsTable } from './ActionsTable';
import { inspectionText, itemText, rowText } from './action-text';
import { FlaggedRows } from './FlaggedRows';
import { NewActionDialog } from './NewActionDialog';
import './actions.css';

/**
 * 整改: every corrective action of every inspection, overdue first, with what each is about and
 * where to fix it; marking one done records what was done and when; register rows flagged
 * without an action get one from here.
 */
export function ActionsPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const overview = useActionsStore((s) => s.overview);
  const load = useActionsStore((s) => s.load);
  const markDone = useActionsStore((s) => s.markDone);
  const add = useActionsStore((s) => s.add);
  const show = useFeedbackStore((s) => s.show);
  const showError = useFeedbackStore((s) => s.showError);
  const report = useReportError();
  const [filter, setFilter] = useState<ActionFilter>(NO_FILTER);
  const [doneFor, setDoneFor] = useState<ListedAction | null>(null);
  const [newFor, setNewFor] = useState<ListedFlaggedRow | null>(null);
  const listTitle = useRef<HTMLHeadingElement>(null);
  const saved = useRef(false);

  useEffect(() => {
    report(load());
  }, [load, report]);
  const listing = useMemo(() => overview && listActions(overview, filter), [overview, filter]);
  if (!overview || !listing) return <p className="hint">{t('app.loading')}</p>;

  const withoutTemplate = overview.inspections.filter(
    (i) => i.templateTitle === null && i.actions.length > 0,
  );
  const anyAction = overview.inspections.some((i) => i.actions.length > 0);

  const saveDone = async (record: DoneRecord) => {
    if (!doneFor) return false;
    const { inspection, entry } = doneFor;
    try {
      await markDone(inspection.id, entry.action, record);
      show({
        kind: 'success',
        text: t('actionsPage.savedDone', { name: entry.action.description }),
      });
      saved.current = true;
      return true;
    } catch (error) {
      showError(error, t('errors.crashTitle'));
      return false;
    }
  };
  const saveNew = async (values: ActionFormValues) => {
    if (!newFor) return false;
    const { inspection, flag } = newFor;
    try {
      await add(inspection.id, { ...values, itemId: flag.item.itemId, rowId: flag.row.rowId });
      show({
        kind: 'success',
        text: t('actionsPage.savedNew', { name: values.description.trim() }),
      });
      saved.current = true;
      return true;
    } catch (error) {
      showError(error, t('errors.crashTitle'));
      return false;
    }
  };
  // After a save the button pressed is gone (the action is done, the row has one): once the
  // dialog has closed, the list's heading takes the focus, where the eyes are.
  const close = () => {
    setDoneFor(null);
    setNewFor(null);
    if (saved.current) listTitle.current?.focus();
    saved.current = false;
  };

  return (
    <>
      <PageHeader title={t('pages.actions.title')} lead={t('pages.actions.lead')} />
      <Counts counts={listing.counts} />
      <ActionFilters filter={filter} onFilter={setFilter} inspections={overview.inspections} />
      {withoutTemplate.length > 0 && (
        <p className="notice-inline">
          {t('actionsPage.templateMissing')}{' '}
          {new Intl.ListFormat(locale).format(
            withoutTemplate.map((i) => inspectionText(i, t, pick)),
          )}
        </p>
      )}
      <section aria-labelledby="actions-list-title">
        <h2 id="actions-list-title" ref={listTitle} tabIndex={-1} className="actions-list-title">
          {t('actionsPage.listTitle')}
        </h2>
        {listing.actions.length > 0 ? (
          <ActionsTable actions={listing.actions} onMarkDone={setDoneFor} />
        ) : (
          <div className="empty card">
            <p>{anyAction ? t('actionsPage.noMatch') : t('actionsPage.empty')}</p>
            {!anyAction && <p className="hint">{t('actionsPage.emptyHint')}</p>}
          </div>
        )}
      </section>
      {listing.flagged.length > 0 && <FlaggedRows flagged={listing.flagged} onAdd={setNewFor} />}
      {doneFor && (
        <ActionDoneDialog
          description={doneFor.entry.action.description}
          today={overview.today}
          onDone={saveDone}
          onClose={close}
        />
      )}
      {newFor && (
        <NewActionDialog
          subject={`${inspectionText(newFor.inspection, t, pick)} · ${itemText(newFor.flag.item, t, pick)} · ${rowText(newFor.flag.row, t, pick)}`}
          defaultDescription={defaultDescription(newFor, t, pick)}
          onAdd={saveNew}
          onClose={close}
        />
      )}
    </>
  );
}

/** What the rule says, and which row: "已逾期未整改：弱口令", to start the description from. */
function defaultDescription(
  { flag }: ListedFlaggedRow,
  t: TFunction,
  pick: (text: Bilingual) => string,
): string {
  const why = flag.messages.map(pick).join(t('actionsPage.messageSeparator'));
  const label = pick(flag.row.label);
  return label === '' ? why : t('actionsPage.descriptionFor', { why, label });
}

function Counts({ counts }: { counts: ActionCounts }) {
  const { t } = useTranslation();
  const figures = ['total', 'open', 'overdue', 'done'] as const;
  return (
    <dl className="action-counts" aria-label={t('actionsPage.counts.label')}>
      {figures.map((figure) => (
        <div
          key={figure}
          className={figure === 'overdue' && counts.overdue > 0 ? 'count is-overdue' : 'count'}
        >
          <dt>{t(`actionsPage.counts.${figure}`)}</dt>
          <dd>{counts[figure]}</dd>
        </div>
      ))}
    </dl>
  );
}
