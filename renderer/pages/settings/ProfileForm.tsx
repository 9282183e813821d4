import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  PHONE_PATTERN,
  SCHOOL_CODE_PATTERN,
  STAGES,
  TEXT_LIMITS,
} from '../../../shared/inspection/patterns';
import type { SchoolProfile } from '../../../shared/inspection/schema';

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
  const error = (name: keyof ProfileValues) =>
    errors[name]?.message ? (
      <p className="field-error" id={`profile-${name}-error`} role="alert">
        {errors[name]?.message}
      </p>
    ) : null;
  const described = (name: keyof ProfileValues) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `profile-${name}-error` : undefined,
  });

  return (
    <form className="form-grid" onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
      <label className="form-field wide">
        <span>{t('profile.name')} *</span>
        <input
          {...register('name', {
            required,
            validate: trimmed,
            maxLength: max(TEXT_LIMITS.schoolName),
          })}
          {...described('name')}
          autoComplete="organization"
        />
        {error('name')}
      </label>
      <label className="form-field">
        <span>{t('profile.code')} *</span>
        <input
          {...register('code', {
            required,
            pattern: { value: SCHOOL_CODE_PATTERN, message: t('profile.codeFormat') },
          })}
          {...described('code')}
          inputMode="numeric"
        />
        <small className="hint">{t('profile.codeHint')}</small>
        {error('code')}
      </label>
      <label className="form-field">
        <span>{t('profile.stage')} *</span>
        <select {...register('stage', { required })}>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`profile.stages.${stage}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        <span>{t('profile.district')} *</span>
        <input
          {...register('district', {
            required,
            validate: trimmed,
            maxLength: max(TEXT_LIMITS.district),
          })}
          {...described('district')}
        />
        {error('district')}
      </label>
      <label className="form-field wide">
        <span>{t('profile.address')}</span>
        <input
          {...register('address', { maxLength: max(TEXT_LIMITS.address) })}
          {...described('address')}
        />
        {error('address')}
      </label>
      <label className="form-field">
        <span>{t('profile.contactName')}</span>
        <input
          {...register('contactName', { maxLength: max(TEXT_LIMITS.contactName) })}
          {...described('contactName')}
        />
        {error('contactName')}
      </label>
      <label className="form-field">
        <span>{t('profile.contactPhone')}</span>
        <input
          {...register('contactPhone', {
            pattern: { value: PHONE_PATTERN, message: t('profile.phoneFormat') },
          })}
          {...described('contactPhone')}
          inputMode="tel"
        />
        {error('contactPhone')}
      </label>
      <label className="form-field">
        <span>{t('profile.inspector')} *</span>
        <input
          {...register('inspector', {
            required,
            validate: trimmed,
            maxLength: max(TEXT_LIMITS.inspector),
          })}
          {...described('inspector')}
          autoComplete="name"
        />
        {error('inspector')}
      </label>
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
