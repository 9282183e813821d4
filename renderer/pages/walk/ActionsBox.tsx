import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction } from '../../../shared/inspection/schema';
import { isOverdue } from '../../../shared/inspection/summary';
import { isIsoDate } from '../../../shared/template/dates';
import { DateField } from '../../components/DateField';
import { useLocale } from '../../i18n/use-locale';
import { FormField } from '../../components/FormField';
import { useLocked, useWalkStore } from '../../stores/walk-store';
import { formatDate } from '../../lib/format';

interface NewAction {
  description: string;
  owner: string;
  due: string;
}

/** Corrective actions (整改措施) against one item: who does what by when, and whether it is done. */
export function ActionsBox({
  itemId,
  number,
  actions,
  today,
}: {
  itemId: string;
  /** The item's number as the card shows it (1.3), naming the region. */
  number: string;
  actions: readonly CorrectiveAction[];
  today: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const apply = useWalkStore((s) => s.apply);
  const locked = useLocked();
  const [adding, setAdding] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<NewAction>({ defaultValues: { description: '', owner: '', due: '' } });

  const add = (values: NewAction) => {
    const action: CorrectiveAction = {
      id: crypto.randomUUID(),
      itemId,
      description: values.description.trim(),
      owner: values.owner.trim(),
      due: values.due,
      state: 'open',
      createdAt: new Date().toISOString(),
    };
    apply([{ kind: 'action-put', action }]);
    reset();
    setAdding(false);
  };
  const toggle = (action: CorrectiveAction) => {
    const reopened: CorrectiveAction = { ...action, state: 'open' };
    delete reopened.doneAt;
    const done: CorrectiveAction = { ...action, state: 'done', doneAt: new Date().toISOString() };
    apply([{ kind: 'action-put', action: action.state === 'open' ? done : reopened }]);
  };

  return (
    // Named after its item: every item has one, and landmarks must be told apart.
    <section className="actions-box" aria-label={t('walk.actions.titleFor', { number })}>
      <h4>{t('walk.actions.title')}</h4>
      {actions.length > 0 && (
        <ul className="action-list">
          {actions.map((a) => (
            <li key={a.id} className={`action action-${a.state}`}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={a.state === 'done'}
                  disabled={locked}
                  onChange={() => toggle(a)}
                />
                <span>{a.description}</span>
              </label>
              <span className="hint">
                {a.owner && `${a.owner} · `}
                {t('walk.actions.due', { date: formatDate(a.due, locale) })}
              </span>
              {isOverdue(a, today) && (
                <span className="tag tag-danger">{t('walk.actions.overdue')}</span>
              )}
              {!locked && (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => apply([{ kind: 'action-delete', actionId: a.id }])}
                  aria-label={t('walk.actions.deleteNamed', { name: a.description })}
                >
                  {t('walk.actions.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {locked ? null : adding ? (
        <form className="action-form" onSubmit={(e) => void handleSubmit(add)(e)} noValidate>
          <FormField
            label={t('walk.actions.description')}
            required
            wide
            error={errors.description?.message}
            errorId={`action-${itemId}-description-error`}
          >
            <input
              autoFocus
              {...register('description', {
                validate: (v) => v.trim().length > 0 || t('form.required'),
                maxLength: { value: 2000, message: t('form.maxLength', { n: 2000 }) },
              })}
              aria-invalid={errors.description ? true : undefined}
            />
          </FormField>
          <FormField label={t('walk.actions.owner')} error={errors.owner?.message}>
            <input
              {...register('owner', {
                maxLength: { value: 100, message: t('form.maxLength', { n: 100 }) },
              })}
              aria-invalid={errors.owner ? true : undefined}
            />
          </FormField>
          <FormField
            label={t('walk.actions.dueLabel')}
            required
            error={errors.due?.message}
            errorId={`action-${itemId}-due-error`}
          >
            <Controller
              name="due"
              control={control}
              rules={{
                required: t('form.required'),
                validate: (v) => isIsoDate(v) || t('date.invalid'),
              }}
              render={({ field }) => (
                <DateField
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  aria-invalid={errors.due ? true : undefined}
                  aria-describedby={errors.due ? `action-${itemId}-due-error` : undefined}
                />
              )}
            />
          </FormField>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary">
              {t('walk.actions.add')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setAdding(true)}>
          {t('walk.actions.new')}
        </button>
      )}
    </section>
  );
}
