import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BureauProfile } from '../../../shared/bureau/feedback';
import { FormField } from '../../components/FormField';

/** The longest bureau name and district (FEEDBACK_LIMITS.bureauName; here without zod). */
const MAX = 100;

interface Props {
  readonly initial?: BureauProfile;
  readonly submitLabel: string;
  readonly onSubmit: (bureau: BureauProfile) => Promise<void>;
  /** Another button beside the submit one (a dialog's 取消). */
  readonly extra?: React.ReactNode;
}

/** The bureau (区教育局) this copy belongs to: its name and district. */
export function BureauProfileForm({ initial, submitLabel, onSubmit, extra }: Props) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<BureauProfile>({
    defaultValues: initial ?? { name: '', district: '' },
    mode: 'onTouched',
  });
  const rules = {
    validate: (v: string) => v.trim().length > 0 || t('form.required'),
    maxLength: { value: MAX, message: t('form.maxLength', { n: MAX }) },
  };
  const field = (name: keyof BureauProfile) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `bureau-${name}-error` : undefined,
  });
  return (
    <form
      className="form-grid"
      noValidate
      onSubmit={(e) =>
        void handleSubmit((v) => onSubmit({ name: v.name.trim(), district: v.district.trim() }))(e)
      }
    >
      <FormField
        label={t('role.bureauName')}
        required
        hint={t('role.bureauNameHint')}
        error={errors.name?.message}
        errorId="bureau-name-error"
      >
        <input {...register('name', rules)} {...field('name')} autoComplete="organization" />
      </FormField>
      <FormField
        label={t('role.bureauDistrict')}
        required
        error={errors.district?.message}
        errorId="bureau-district-error"
      >
        <input {...register('district', rules)} {...field('district')} />
      </FormField>
      <div className="form-actions wide">
        <button
          type="submit"
          className="button button-primary"
          disabled={isSubmitting || (initial !== undefined && !isDirty && extra === undefined)}
        >
          {submitLabel}
        </button>
        {extra}
      </div>
    </form>
  );
}
