import { memo, useEffect, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Answer, CorrectiveAction, RegisterRow } from '../../../shared/inspection/schema';
import type { Finding, ItemResult } from '../../../shared/template/engine';
import type { Item } from '../../../shared/template/schema';
import { isIsoDate } from '../../../shared/template/dates';
import { futureDateProblems } from '../../../shared/template/past-dates';
import { checkValue } from '../../../shared/template/values';
import { DateField } from '../../components/DateField';
import { LegalBasisList } from '../../components/LegalBasisList';
import { useLocale } from '../../i18n/use-locale';
import { localToday } from '../../lib/local-today';
import { useLocked, useWalkStore } from '../../stores/walk-store';
import { ActionsBox } from './ActionsBox';
import type { FormValue } from './answer-value';
import { fromFormValue, toFormValue } from './answer-value';
import { EvidenceList } from './EvidenceList';
import { ItemField } from './ItemField';
import { RegisterTable } from './RegisterTable';
import { StatusBadge } from './StatusBadge';

interface Props {
  readonly item: Item;
  readonly number: string;
  readonly answer: Answer | undefined;
  readonly rows: readonly RegisterRow[] | undefined;
  readonly result: ItemResult;
  readonly actions: readonly CorrectiveAction[];
  readonly today: string;
  /** The content review, for the items its findings are evidence for (用工具检查网站内容…). */
  readonly toolHref?: string | undefined;
}

interface FormValues {
  value: FormValue;
  note: string;
}

/** One checklist item: its control, live status with reasons, guidance, note, evidence, actions. */
function ItemCardView({ item, number, answer, rows, result, actions, today, toolHref }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const apply = useWalkStore((s) => s.apply);
  const locked = useLocked(); // signed: everything shows, nothing changes
  const {
    register,
    subscribe,
    control,
    formState: { errors },
  } = useForm<FormValues>({
    defaultValues: { value: toFormValue(answer?.value), note: answer?.note ?? '' },
    mode: 'onChange',
  });

  // Every change the form sees is an edit: shown at once, saved within a second.
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          if (name === 'value') {
            apply([{ kind: 'answer', itemId: item.id, value: fromFormValue(item, values.value) }]);
          } else if (name === 'note') {
            apply([{ kind: 'note', itemId: item.id, note: values.note }]);
          }
        },
      }),
    [subscribe, apply, item],
  );

  const validate = (raw: FormValue) => {
    const value = fromFormValue(item, raw);
    if (value === null) return item.required ? t('form.required') : true;
    if (item.kind === 'date' && !isIsoDate(value)) return t('date.invalid');
    // The same judgement the engine makes: a mistyped value, or a date after today where only
    // a past one makes sense (a last update, a last review).
    const problem = checkValue(item, value)[0] ?? futureDateProblems(item, value, localToday())[0];
    return problem ? pick(problem.message) : true;
  };
  const errorId = `item-${item.id}-error`;
  const fieldError = errors.value?.message;
  const findings: readonly Finding[] = useMemo(
    () => [...result.reasons, ...result.warnings],
    [result.reasons, result.warnings],
  );

  return (
    <article
      className={`item-card item-${result.status}`}
      id={`item-${item.id}`}
      data-item-id={item.id}
      aria-labelledby={`item-${item.id}-prompt`}
    >
      <header className="item-head">
        <span className="item-number">{number}</span>
        <h3 id={`item-${item.id}-prompt`} className="item-prompt">
          {pick(item.prompt)}
          {item.required && (
            <span className="required" title={t('walk.required')}>
              {' '}
              *
            </span>
          )}
        </h3>
        <StatusBadge status={result.status} />
      </header>

      {item.kind === 'register' ? (
        <RegisterTable
          item={item}
          // Absent (not answered) and empty (confirmed: nothing to register) are different
          // answers: the register offers the second only while it is the first.
          rows={rows}
          findings={findings}
          problems={result.problems}
        />
      ) : (
        // Its own form: radio buttons group by form, so one item's choice never unchecks another's.
        <form
          className="item-field"
          onSubmit={(e) => e.preventDefault()}
          aria-label={pick(item.prompt)}
        >
          {item.kind === 'date' ? (
            <Controller
              name="value"
              control={control}
              rules={{ validate }}
              render={({ field }) => (
                <DateField
                  className="field-date"
                  label={pick(item.prompt)}
                  name={field.name}
                  value={typeof field.value === 'string' ? field.value : ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  disabled={locked}
                  aria-invalid={fieldError !== undefined || undefined}
                  aria-describedby={fieldError !== undefined ? errorId : undefined}
                />
              )}
            />
          ) : (
            <ItemField
              item={item}
              field={register('value', { validate })}
              invalid={fieldError !== undefined}
              describedBy={fieldError !== undefined ? errorId : undefined}
            />
          )}
          {fieldError !== undefined && (
            <p className="field-error" id={errorId} role="alert">
              {fieldError}
            </p>
          )}
        </form>
      )}

      {findings.length > 0 && (
        <ul className="findings" aria-label={t('walk.why')}>
          {findings
            .filter((f) => f.row === undefined)
            .map((f, index) => (
              <li key={index} className={`finding finding-${f.effect}`}>
                {pick(f.message)}
              </li>
            ))}
        </ul>
      )}

      {toolHref !== undefined && <ToolLink href={toolHref} />}

      {(item.guidance || item.basis.length > 0) && (
        <details className="guidance">
          <summary>{t('walk.guidance')}</summary>
          {item.guidance && <p className="guidance-text">{pick(item.guidance)}</p>}
          <LegalBasisList basis={item.basis} className="basis" />
        </details>
      )}

      <div className="item-extras">
        <label className="note-field">
          <span>{t('walk.note')}</span>
          <textarea rows={1} readOnly={locked} {...register('note')} />
        </label>
        {(item.evidence !== 'none' || (answer?.evidence.length ?? 0) > 0) && (
          <EvidenceList
            label={pick(item.prompt)}
            refs={answer?.evidence ?? []}
            required={item.evidence === 'required'}
            missing={item.evidence === 'required' && (answer?.evidence.length ?? 0) === 0}
            onAdd={(refs) => apply([{ kind: 'evidence-add', itemId: item.id, refs }])}
            onRemove={(sha256) => apply([{ kind: 'evidence-remove', itemId: item.id, sha256 }])}
          />
        )}
      </div>
      {(actions.length > 0 || ['non-compliant', 'partial'].includes(result.status)) && (
        <ActionsBox itemId={item.id} number={number} actions={actions} rows={rows} today={today} />
      )}
    </article>
  );
}

/** 用工具检查网站内容…: the content review, beside the items its findings are evidence for. */
function ToolLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <p className="item-tool">
      <a href={href}>{t('contentReview.fromItem')}</a>
    </p>
  );
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length &&
  a.every((f, i) => f.message['en-US'] === b[i]!.message['en-US'] && f.row === b[i]!.row);

/**
 * A keystroke in one item re-evaluates the whole inspection, but only cards whose answer or
 * judgement changed render again: the others compare equal here.
 */
export const ItemCard = memo(
  ItemCardView,
  (a, b) =>
    a.item === b.item &&
    a.answer === b.answer &&
    a.toolHref === b.toolHref &&
    a.rows === b.rows &&
    a.actions.length === b.actions.length &&
    a.actions.every((x, i) => x === b.actions[i]) &&
    a.result.status === b.result.status &&
    sameFindings(a.result.reasons, b.result.reasons) &&
    sameFindings(a.result.warnings, b.result.warnings) &&
    a.result.problems.length === b.result.problems.length &&
    a.result.problems.every(
      (p, i) =>
        p.message['en-US'] === b.result.problems[i]!.message['en-US'] &&
        p.row === b.result.problems[i]!.row,
    ),
);
