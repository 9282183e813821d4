import { useState } from 'react';
import type { Control, FieldErrors, UseFormRegister, UseFormRegisterReturn } from 'react-hook-form';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { FORBIDDEN_CHARACTERS, TEXT_LIMITS } from '../../../shared/inspection/patterns';
import type { EvidenceRef, SignoffMethod } from '../../../shared/inspection/schema';
import { isIsoDate } from '../../../shared/template/dates';
import { DateField } from '../../components/DateField';
import { FieldMessage, FormField } from '../../components/FormField';
import { ReplaceKeyButton } from '../../components/signoff/ReplaceKeyButton';
import { localToday } from '../../lib/local-today';
import { useFeedbackStore } from '../../stores/feedback-store';
import type { Signature } from '../../stores/signoff-store';
import { useSignoffStore } from '../../stores/signoff-store';
import { ScanChooser } from './ScanChooser';
import { signaturePng } from './signature-image';
import { SignaturePad } from './SignaturePad';
import type { Pad } from './signature-strokes';
import { EMPTY_PAD, isEmpty } from './signature-strokes';

interface Values {
  signer: string;
  title: string;
  date: string;
  comment: string;
  method: SignoffMethod;
}

const KEY_TROUBLE: readonly (ErrorCode | 'unknown')[] = [
  'signing-key-missing',
  'signing-key-damaged',
];

/**
 * The principal's sign-off: name, title, date (today by default, never later), an optional
 * comment, and the signature, drawn on screen or signed on paper and scanned. Signing locks the
 * inspection; what goes wrong is said here, in words, and nothing typed is lost.
 */
export function SignoffForm({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const sign = useSignoffStore((s) => s.sign);
  const show = useFeedbackStore((s) => s.show);
  const [pad, setPad] = useState<Pad>(EMPTY_PAD);
  const [scan, setScan] = useState<EvidenceRef | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    defaultValues: { signer: '', title: '', date: localToday(), comment: '', method: 'drawn' },
    mode: 'onTouched',
  });
  const method = useWatch({ control, name: 'method' });

  const imageProblem = (chosen: SignoffMethod): string | null => {
    if (chosen === 'drawn') return isEmpty(pad) ? t('signoff.pad.empty') : null;
    return scan ? null : t('signoff.paper.missing');
  };

  const submit = async (values: Values) => {
    setFailure(null);
    const problem = imageProblem(values.method);
    setImageError(problem);
    if (problem) return;
    let signature: Signature;
    if (values.method === 'paper') signature = { method: 'paper', image: scan! };
    else {
      try {
        signature = { method: 'drawn', png: await signaturePng(pad.strokes) };
      } catch {
        setFailure({ code: 'unknown', message: t('signoff.pad.imageFailed') });
        return;
      }
    }
    const result = await sign(inspectionId, values, signature);
    if (result.ok) show({ kind: 'success', text: t('signoff.form.signed') });
    else setFailure(result);
  };
  const onSubmit = (event: React.FormEvent) => {
    // The signature is checked with the fields, so every problem shows at once.
    setImageError(imageProblem(method));
    void handleSubmit(submit)(event);
  };

  return (
    <section className="card review-card signoff" aria-labelledby="signoff-title">
      <h2 id="signoff-title">{t('signoff.form.title')}</h2>
      <p className="hint">{t('signoff.form.lead')}</p>
      <form className="form-grid signoff-form" onSubmit={onSubmit} noValidate>
        <SignerFields register={register} control={control} errors={errors} />
        <SignatureField
          method={method}
          methodField={register('method')}
          pad={pad}
          onPad={(next) => {
            setPad(next);
            if (!isEmpty(next)) setImageError(null);
          }}
          scan={scan}
          onScan={(chosen) => {
            setScan(chosen);
            setImageError(null);
          }}
          error={imageError}
        />
        {failure && (
          <div className="signoff-failure wide" role="alert">
            <p>{failure.message}</p>
            {KEY_TROUBLE.includes(failure.code as ErrorCode) && (
              <ReplaceKeyButton
                label={t('signoff.key.replaceAndSign')}
                onReplaced={() => void handleSubmit(submit)()}
              />
            )}
          </div>
        )}
        <div className="form-actions wide">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? t('signoff.form.signing') : t('signoff.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

interface SignatureFieldProps {
  readonly method: SignoffMethod;
  readonly methodField: UseFormRegisterReturn<'method'>;
  readonly pad: Pad;
  readonly onPad: (pad: Pad) => void;
  readonly scan: EvidenceRef | null;
  readonly onScan: (scan: EvidenceRef) => void;
  /** Why there is no signature to sign with, once the user tried. */
  readonly error: string | null;
}

/** The signature: drawn on the pad, or the scan of the page signed on paper. */
function SignatureField(props: SignatureFieldProps) {
  const { method, methodField, pad, onPad, scan, onScan, error } = props;
  const { t } = useTranslation();
  return (
    <fieldset className="signoff-method wide">
      <legend className="form-label">{t('signoff.form.method')}</legend>
      <div className="choice-row">
        {(['drawn', 'paper'] as const).map((m) => (
          <label key={m} className="choice">
            <input type="radio" value={m} {...methodField} />
            <span>{t(`signoff.method.${m}`)}</span>
          </label>
        ))}
      </div>
      {method === 'drawn' ? (
        <>
          <p className="hint" id="signature-pad-hint">
            {t('signoff.pad.hint')}
          </p>
          <SignaturePad
            pad={pad}
            onChange={onPad}
            label={t('signoff.pad.label')}
            describedBy={error ? 'signature-error' : 'signature-pad-hint'}
            invalid={error !== null}
          />
        </>
      ) : (
        <ScanChooser scan={scan} onChosen={onScan} invalid={error !== null} />
      )}
      <FieldMessage error={error ?? undefined} id="signature-error" />
    </fieldset>
  );
}

interface SignerFieldsProps {
  readonly register: UseFormRegister<Values>;
  readonly control: Control<Values>;
  readonly errors: FieldErrors<Values>;
}

/** Who signs, as what, on which day, and what they add. */
function SignerFields({ register, control, errors }: SignerFieldsProps) {
  const { t } = useTranslation();
  const text = (max: number) => ({
    validate: {
      filled: (v: string) => v.trim().length > 0 || t('form.required'),
      plain: (v: string) => !FORBIDDEN_CHARACTERS.test(v) || t('signoff.form.controlCharacters'),
    },
    maxLength: { value: max, message: t('form.maxLength', { n: max }) },
  });
  const described = (name: keyof Values) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `signoff-${name}-error` : undefined,
  });

  return (
    <>
      <FormField
        label={t('signoff.form.signer')}
        required
        error={errors.signer?.message}
        errorId="signoff-signer-error"
      >
        <input
          {...register('signer', text(TEXT_LIMITS.signer))}
          {...described('signer')}
          autoComplete="name"
        />
      </FormField>
      <FormField
        label={t('signoff.form.signerTitle')}
        required
        hint={t('signoff.form.signerTitleHint')}
        error={errors.title?.message}
        errorId="signoff-title-error"
      >
        <input
          {...register('title', text(TEXT_LIMITS.signerTitle))}
          {...described('title')}
          autoComplete="organization-title"
        />
      </FormField>
      <FormField
        label={t('signoff.form.date')}
        required
        error={errors.date?.message}
        errorId="signoff-date-error"
      >
        <Controller
          name="date"
          control={control}
          rules={{
            required: t('form.required'),
            validate: (v) =>
              !isIsoDate(v)
                ? t('date.invalid')
                : v > localToday()
                  ? t('signoff.form.futureDate')
                  : true,
          }}
          render={({ field }) => (
            <DateField
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              {...described('date')}
            />
          )}
        />
      </FormField>
      <FormField
        label={t('signoff.form.comment')}
        wide
        error={errors.comment?.message}
        errorId="signoff-comment-error"
      >
        <textarea
          rows={2}
          {...register('comment', {
            validate: (v) => !FORBIDDEN_CHARACTERS.test(v) || t('signoff.form.controlCharacters'),
            maxLength: {
              value: TEXT_LIMITS.signoffComment,
              message: t('form.maxLength', { n: TEXT_LIMITS.signoffComment }),
            },
          })}
          {...described('comment')}
        />
      </FormField>
    </>
  );
}
