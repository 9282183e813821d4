import { useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import { periodKey, periodLabel, periodOf } from '../../../shared/inspection/period';
import { TERMS, TEXT_LIMITS } from '../../../shared/inspection/patterns';
import type { Term } from '../../../shared/inspection/schema';
import type { TemplateSummary } from '../../../shared/template/summary';
import { FormField } from '../../components/FormField';
import { useLocale } from '../../i18n/use-locale';
import type { NewInspectionInput } from '../../stores/inspections-store';
import { localToday } from '../../lib/local-today';

interface Values {
  template: string;
  year: number;
  term: Term;
  inspector: string;
  sourceId: string;
  withAnswers: boolean;
}

interface Props {
  readonly templates: readonly TemplateSummary[];
  readonly defaultTemplate: string;
  readonly previous: readonly InspectionSummary[];
  /** Preselected "start from" inspection (the Duplicate button). */
  readonly sourceId?: string;
  readonly inspector: string;
  readonly onCreate: (input: NewInspectionInput) => Promise<void>;
  readonly onClose: () => void;
}

const refKey = (t: { id: string; version: string }) => `${t.id}@${t.version}`;

/** Create this term's inspection, blank or started from an earlier one. */
export function NewInspectionDialog(props: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const current = periodOf(localToday());
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    defaultValues: {
      template: props.defaultTemplate,
      year: current.year,
      term: current.term,
      inspector: props.inspector,
      sourceId: props.sourceId ?? '',
      withAnswers: false,
    },
  });
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const sourceId = useWatch({ control, name: 'sourceId' });
  const sorted = [...props.previous].sort((a, b) =>
    periodKey(b.period).localeCompare(periodKey(a.period)),
  );

  const submit = async (values: Values) => {
    const template = props.templates.find((x) => refKey(x) === values.template);
    await props.onCreate({
      ...(template && { template: { id: template.id, version: template.version } }),
      period: { year: Number(values.year), term: values.term },
      inspector: values.inspector.trim(),
      ...(values.sourceId !== '' && { sourceId: values.sourceId, withAnswers: values.withAnswers }),
    });
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="new-inspection-title"
      onClose={props.onClose}
    >
      <h2 id="new-inspection-title">{t('inspections.new.title')}</h2>
      <form className="form-grid" onSubmit={(e) => void handleSubmit(submit)(e)} noValidate>
        <FormField label={t('inspections.new.template')} wide>
          <select {...register('template')}>
            {props.templates.map((x) => (
              <option key={refKey(x)} value={refKey(x)}>
                {pick(x.title)} · {x.version}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          label={t('inspections.new.year')}
          error={errors.year?.message}
          errorId="new-inspection-year-error"
        >
          <input
            type="number"
            {...register('year', {
              required: t('form.required'),
              min: { value: 2000, message: t('inspections.new.yearRange') },
              max: { value: 2100, message: t('inspections.new.yearRange') },
              valueAsNumber: true,
            })}
            aria-invalid={errors.year ? true : undefined}
            aria-describedby={errors.year ? 'new-inspection-year-error' : undefined}
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
        <FormField
          label={t('inspections.new.inspector')}
          required
          wide
          error={errors.inspector?.message}
          errorId="new-inspection-inspector-error"
        >
          <input
            {...register('inspector', {
              validate: (v) => v.trim().length > 0 || t('form.required'),
              maxLength: {
                value: TEXT_LIMITS.inspector,
                message: t('form.maxLength', { n: TEXT_LIMITS.inspector }),
              },
            })}
            aria-invalid={errors.inspector ? true : undefined}
            aria-describedby={errors.inspector ? 'new-inspection-inspector-error' : undefined}
          />
        </FormField>
        <FormField label={t('inspections.new.source')} wide hint={t('inspections.new.sourceHint')}>
          <select {...register('sourceId')}>
            <option value="">{t('inspections.new.blank')}</option>
            {sorted.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(periodLabel(s.period))} · {s.school.name} · {s.inspector}
              </option>
            ))}
          </select>
        </FormField>
        {sourceId !== '' && (
          <label className="checkbox wide">
            <input type="checkbox" {...register('withAnswers')} />
            <span>{t('inspections.new.withAnswers')}</span>
          </label>
        )}
        <div className="form-actions wide">
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {t('inspections.new.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
