import { useEffect, useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DoneRecord } from '../../shared/inspection/action-edits';
import { doneOnProblem } from '../../shared/inspection/action-edits';
import { TEXT_LIMITS } from '../../shared/inspection/patterns';
import { DateField } from './DateField';
import { FormField } from './FormField';

interface Props {
  /** What the action says, so the person knows which one they are closing. */
  readonly description: string;
  readonly today: string;
  /** Saves; true when saved (the dialog closes), false to stay open with what was typed. */
  readonly onDone: (record: DoneRecord) => Promise<boolean> | boolean;
  readonly onClose: () => void;
}

/**
 * Marking a corrective action done asks for the record the bureau reads: what was done
 * (整改情况) and the day it was finished (完成日期, not after today). The walk-through and the 整改
 * page both use this one dialog; the save pipeline refuses "done" without the two.
 */
export function ActionDoneDialog({ description, today, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<DoneRecord>({ defaultValues: { doneNote: '', doneOn: today } });
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = async (record: DoneRecord) => {
    if (await onDone({ doneOn: record.doneOn, doneNote: record.doneNote.trim() }))
      ref.current?.close();
  };
  const dateMessage = (value: string) => {
    if (value === '') return t('form.required');
    const problem = doneOnProblem(value, today);
    if (problem === 'invalid') return t('date.invalid');
    return problem === 'future' ? t('actionsPage.doneDialog.future') : true;
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="action-done-title" onClose={onClose}>
      <h2 id="action-done-title">{t('actionsPage.doneDialog.title')}</h2>
      <p className="dialog-subject">{description}</p>
      <form className="form-grid" onSubmit={(e) => void handleSubmit(submit)(e)} noValidate>
        <FormField
          label={t('actionsPage.doneDialog.note')}
          required
          wide
          hint={t('actionsPage.doneDialog.noteHint')}
          error={errors.doneNote?.message}
          errorId="action-done-note-error"
        >
          <textarea
            autoFocus
            rows={3}
            {...register('doneNote', {
              validate: (v) => v.trim().length > 0 || t('form.required'),
              maxLength: {
                value: TEXT_LIMITS.actionDoneNote,
                message: t('form.maxLength', { n: TEXT_LIMITS.actionDoneNote }),
              },
            })}
            aria-invalid={errors.doneNote ? true : undefined}
            aria-describedby={errors.doneNote ? 'action-done-note-error' : undefined}
          />
        </FormField>
        <FormField
          label={t('actionsPage.doneDialog.date')}
          required
          error={errors.doneOn?.message}
          errorId="action-done-date-error"
        >
          <Controller
            name="doneOn"
            control={control}
            rules={{ validate: dateMessage }}
            render={({ field }) => (
              <DateField
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                aria-invalid={errors.doneOn ? true : undefined}
                aria-describedby={errors.doneOn ? 'action-done-date-error' : undefined}
              />
            )}
          />
        </FormField>
        <div className="form-actions wide">
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {t('actionsPage.doneDialog.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
