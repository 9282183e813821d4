import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  PHONE_PATTERN,
  SCHOOL_CODE_PATTERN,
  STAGES,
  TEXT_LIMITS,
} from '../../../shared/inspection/patterns';
import type { SchoolProfile } from '../../../shared/inspection/schema';
import { FormField } from '../../components/FormField';

export interface ProfileValues extends SchoolProfile {
  readonly inspector: string;
}

const EMPTY: ProfileValues = {
  name: '',
  code: '',
  district: '',
  stage: 'primary',
  address: '',
  contactName: '',
  contactPhone: '',
  inspector: '',
};

interface Props {
  readonly initial?: Partial<ProfileValues>;
  readonly submitLabel: string;
  readonly onSubmit: (values: ProfileValues) => Promise<void>;
}

/** The school profile and the inspector's name, checked field by field as the user types. */
export function ProfileForm({ initial, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ProfileValues>({ defaultValues: { ...EMPTY, ...initial }, mode: 'onTouched' });

  const required = { value: true, message: t('form.required') };
  const trimmed = (value: string) => value.trim().length > 0 || t('form.required');
  const max = (n: number) => ({ value: n, message: t('form.maxLength', { n }) });
  const requiredText = (n: number) => ({ required, validate: trimmed, maxLength: max(n) });
  // The field's error, and the control's link to it.
  const shown = (name: keyof ProfileValues) => ({
    error: errors[name]?.message,
    errorId: `profile-${name}-error`,
  });
  const described = (name: keyof ProfileValues) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `profile-${name}-error` : undefined,
  });

  return (
    <form className="form-grid" onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
      <FormField label={t('profile.name')} required wide {...shown('name')}>
        <input
          {...register('name', requiredText(TEXT_LIMITS.schoolName))}
          {...described('name')}
          autoComplete="organization"
        />
      </FormField>
      <FormField label={t('profile.code')} required hint={t('profile.codeHint')} {...shown('code')}>
        <input
          {...register('code', {
            required,
            pattern: { value: SCHOOL_CODE_PATTERN, message: t('profile.codeFormat') },
          })}
          {...described('code')}
          inputMode="numeric"
        />
      </FormField>
      <FormField label={t('profile.stage')} required>
        <select {...register('stage', { required })}>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`profile.stages.${stage}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('profile.district')} required {...shown('district')}>
        <input
          {...register('district', requiredText(TEXT_LIMITS.district))}
          {...described('district')}
        />
      </FormField>
      <FormField label={t('profile.address')} {...shown('address')}>
        <input
          {...register('address', { maxLength: max(TEXT_LIMITS.address) })}
          {...described('address')}
        />
      </FormField>
      <FormField label={t('profile.contactName')} {...shown('contactName')}>
        <input
          {...register('contactName', { maxLength: max(TEXT_LIMITS.contactName) })}
          {...described('contactName')}
        />
      </FormField>
      <FormField label={t('profile.contactPhone')} {...shown('contactPhone')}>
        <input
          {...register('contactPhone', {
            pattern: { value: PHONE_PATTERN, message: t('profile.phoneFormat') },
          })}
          {...described('contactPhone')}
          inputMode="tel"
        />
      </FormField>
      <FormField label={t('profile.inspector')} required {...shown('inspector')}>
        <input
          {...register('inspector', requiredText(TEXT_LIMITS.inspector))}
          {...described('inspector')}
          autoComplete="name"
        />
      </FormField>
      <div className="form-actions wide">
        <button
          type="submit"
          className="button button-primary"
          disabled={isSubmitting || (!isDirty && initial?.name !== undefined)}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Splits the form's values into the settings they are saved as. */
export function profilePatch({ inspector, ...profile }: ProfileValues) {
  const trim = (s: string) => s.trim();
  return {
    profile: {
      ...profile,
      name: trim(profile.name),
      code: trim(profile.code),
      district: trim(profile.district),
      address: trim(profile.address),
      contactName: trim(profile.contactName),
      contactPhone: trim(profile.contactPhone),
    },
    inspector: trim(inspector),
  };
}
