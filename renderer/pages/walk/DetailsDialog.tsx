import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Change } from '../../../shared/inspection/changes';
import { TERMS, TEXT_LIMITS } from '../../../shared/inspection/patterns';
import type { Inspection, Term } from '../../../shared/inspection/schema';
import { FormField } from '../../components/FormField';

interface Values {
  inspector: string;
  year: number;
  term: Term;
}

interface Props {
  readonly inspection: Inspection;
  /** Takes the edit; false when it was refused (the reason is already shown). */
  readonly onSave: (changes: readonly Change[]) => boolean;
  readonly onClose: () => void;
}

/**
 * The inspector and the term of an inspection, changed after it was created (a colleague takes
 * it over; it was started under the wrong term). Saved as one `details` change, only what differs.
 */
export function DetailsDialog({ inspection, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({
    defaultValues: {
      inspector: inspection.inspector,
      year: inspection.period.year,
      term: inspection.period.term,
    },
  });
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = (values: Values) => {
    const inspector = values.inspector.trim();
    const period = { year: Number(values.year), term: values.term };
    const samePeriod =
      period.year === inspection.period.year && period.term === inspection.period.term;
    const change: Change = {
      kind: 'details',
      ...(inspector !== inspection.inspector && { inspector }),
      ...(!samePeriod && { period }),
    };
    const nothing = change.inspector === undefined && change.period === undefined;
    if (nothing || onSave([change])) ref.current?.close();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="details-title" onClose={onClose}>
      <h2 id="details-title">{t('details.title')}</h2>
      <form className="form-grid" onSubmit={(e) => void handleSubmit(submit)(e)} noValidate>
        <FormField
          label={t('inspections.new.inspector')}
          required
          wide
          error={errors.inspector?.message}
          errorId="details-inspector-error"
        >
          <input
            autoFocus
            {...register('inspector', {
              validate: (v) => v.trim().length > 0 || t('form.required'),
              maxLength: {
                value: TEXT_LIMITS.inspector,
                message: t('form.maxLength', { n: TEXT_LIMITS.inspector }),
              },
            })}
            aria-invalid={errors.inspector ? true : undefined}
            aria-describedby={errors.inspector ? 'details-inspector-error' : undefined}
          />
        </FormField>
        <FormField
          label={t('inspections.new.year')}
          required
          error={errors.year?.message}
          errorId="details-year-error"
        >
          <input
            type="number"
            {...register('year', {
              required: t('form.required'),
              min: { value: 2000, message: t('inspections.new.yearRange') },
              max: { value: 2100, message: t('inspections.new.yearRange') },
              validate: (v) => Number.isInteger(v) || t('inspections.new.yearRange'),
              valueAsNumber: true,
            })}
            aria-invalid={errors.year ? true : undefined}
            aria-describedby={errors.year ? 'details-year-error' : undefined}
          />
        </FormField>
        <FormField label={t('inspections.new.term')}>
          <select {...register('term')}>
            {TERMS.map((term) => (
              <option key={term} value={term}>
                {t(`inspections.terms.${term}`)}
              </option>
            ))}
          </select>
        </FormField>
        <div className="form-actions wide">
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('details.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
