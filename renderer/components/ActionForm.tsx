import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '../../shared/inspection/patterns';
import { isIsoDate } from '../../shared/template/dates';
import { DateField } from './DateField';
import { FormField } from './FormField';

export interface ActionFormValues {
  description: string;
  owner: string;
  due: string;
}

interface Props {
  /** Makes the fields' ids unique on a page with several forms. */
  readonly idPrefix: string;
  readonly defaultValues?: Partial<ActionFormValues>;
  readonly submitLabel: string;
  readonly onSubmit: (values: ActionFormValues) => void | Promise<void>;
  readonly onCancel: () => void;
  readonly className?: string;
}

/**
 * A new corrective action: what will be done, by whom, by when. The walk-through shows it under
 * an item, the 整改 page in a dialog for a flagged register row; both check it the same way.
 */
export function ActionForm({
  idPrefix,
  defaultValues,
  submitLabel,
  onSubmit,
  onCancel,
  className,
}: Props) {
  const { t } = useTranslation();
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ActionFormValues>({
    defaultValues: { description: '', owner: '', due: '', ...defaultValues },
  });
  const descriptionError = `${idPrefix}-description-error`;
  const dueError = `${idPrefix}-due-error`;
  const max = (n: number) => ({ value: n, message: t('form.maxLength', { n }) });

  return (
    <form
      className={className ? `form-grid ${className}` : 'form-grid'}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      noValidate
    >
      <FormField
        label={t('walk.actions.description')}
        required
        wide
        error={errors.description?.message}
        errorId={descriptionError}
      >
        <input
          autoFocus
          {...register('description', {
            validate: (v) => v.trim().length > 0 || t('form.required'),
            maxLength: max(TEXT_LIMITS.actionDescription),
          })}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? descriptionError : undefined}
        />
      </FormField>
      <FormField label={t('walk.actions.owner')} error={errors.owner?.message}>
        <input
          {...register('owner', { maxLength: max(TEXT_LIMITS.actionOwner) })}
          aria-invalid={errors.owner ? true : undefined}
        />
      </FormField>
      <FormField
        label={t('walk.actions.dueLabel')}
        required
        error={errors.due?.message}
        errorId={dueError}
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
              aria-describedby={errors.due ? dueError : undefined}
            />
          )}
        />
      </FormField>
      <div className="form-actions wide">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
