import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoneRecord } from '../../../shared/inspection/action-edits';
import { markedDone, newAction, reopenedAction } from '../../../shared/inspection/action-edits';
import type { CorrectiveAction, RegisterRow } from '../../../shared/inspection/schema';
import { isOverdue } from '../../../shared/inspection/summary';
import { ActionDoneDialog } from '../../components/ActionDoneDialog';
import type { ActionFormValues } from '../../components/ActionForm';
import { ActionForm } from '../../components/ActionForm';
import { useLocale } from '../../i18n/use-locale';
import { useLocked, useWalkStore } from '../../stores/walk-store';
import { formatDate } from '../../lib/format';

/** Corrective actions (整改措施) against one item: who does what by when, and whether it is done. */
export function ActionsBox({
  itemId,
  number,
  actions,
  rows,
  today,
}: {
  itemId: string;
  /** The item's number as the card shows it (1.3), naming the region. */
  number: string;
  actions: readonly CorrectiveAction[];
  /** The register's rows, to say which one an action is against. */
  rows: readonly RegisterRow[] | undefined;
  today: string;
}) {
  const { t } = useTranslation();
  const apply = useWalkStore((s) => s.apply);
  const locked = useLocked();
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<CorrectiveAction | null>(null);

  const add = (values: ActionFormValues) => {
    const action = newAction({ ...values, itemId }, crypto.randomUUID(), new Date().toISOString());
    if (apply([{ kind: 'action-put', action }])) setAdding(false);
  };
  const done = (action: CorrectiveAction, record: DoneRecord) =>
    apply([{ kind: 'action-put', action: markedDone(action, record, new Date().toISOString()) }]);

  return (
    // Named after its item: every item has one, and landmarks must be told apart.
    <section className="actions-box" aria-label={t('walk.actions.titleFor', { number })}>
      <h4>{t('walk.actions.title')}</h4>
      {actions.length > 0 && (
        <ul className="action-list">
          {actions.map((a) => (
            <ActionEntry
              key={a.id}
              action={a}
              row={a.rowId === undefined ? -1 : (rows ?? []).findIndex((r) => r.id === a.rowId)}
              today={today}
              locked={locked}
              onDone={() => setClosing(a)}
              onReopen={() => apply([{ kind: 'action-put', action: reopenedAction(a) }])}
              onDelete={() => apply([{ kind: 'action-delete', actionId: a.id }])}
            />
          ))}
        </ul>
      )}
      {locked ? null : adding ? (
        <ActionForm
          idPrefix={`action-${itemId}`}
          className="action-form"
          submitLabel={t('walk.actions.add')}
          onSubmit={add}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setAdding(true)}>
          {t('walk.actions.new')}
        </button>
      )}
      {closing && (
        <ActionDoneDialog
          description={closing.description}
          today={today}
          onDone={(record) => done(closing, record)}
          onClose={() => setClosing(null)}
        />
      )}
    </section>
  );
}

/** One action: what, who, by when, its row, and once done, when and what was done. */
function ActionEntry({
  action: a,
  row,
  today,
  locked,
  onDone,
  onReopen,
  onDelete,
}: {
  action: CorrectiveAction;
  /** Its row's position in the register; -1 when it is against the item. */
  row: number;
  today: string;
  locked: boolean;
  onDone: () => void;
  onReopen: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <li className={`action action-${a.state}`}>
      <span className="action-description">{a.description}</span>
      <span className="hint">
        {row >= 0 && `${t('actionsPage.row', { number: row + 1 })} · `}
        {a.owner && `${a.owner} · `}
        {t('walk.actions.due', { date: formatDate(a.due, locale) })}
      </span>
      {isOverdue(a, today) && <span className="tag tag-danger">{t('walk.actions.overdue')}</span>}
      {a.state === 'done' && <span className="tag tag-done">{t('actionsPage.done')}</span>}
      {!locked && (
        <span className="action-buttons">
          {a.state === 'open' ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={onDone}
              aria-label={t('actionsPage.markDoneNamed', { name: a.description })}
            >
              {t('actionsPage.markDone')}
            </button>
          ) : (
            <button
              type="button"
              className="button button-quiet"
              onClick={onReopen}
              aria-label={t('actionsPage.reopenNamed', { name: a.description })}
            >
              {t('actionsPage.reopen')}
            </button>
          )}
          <button
            type="button"
            className="button button-quiet"
            onClick={onDelete}
            aria-label={t('walk.actions.deleteNamed', { name: a.description })}
          >
            {t('walk.actions.delete')}
          </button>
        </span>
      )}
      {a.state === 'done' && (a.doneOn !== undefined || a.doneNote !== undefined) && (
        <p className="done-record">
          {a.doneOn !== undefined &&
            `${t('actionsPage.doneOn', { date: formatDate(a.doneOn, locale) })} `}
          {a.doneNote}
        </p>
      )}
    </li>
  );
}
