import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FORBIDDEN_CHARACTERS, TEXT_LIMITS } from '../../../shared/inspection/patterns';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useSignoffStore } from '../../stores/signoff-store';
import { FormField } from '../FormField';

interface Props {
  readonly inspectionId: string;
  /** Who signed, as the warning names them. */
  readonly signer: string;
  /** A reason to start from, which the user may edit (the bureau's, when it returned it). */
  readonly initialReason?: string;
  /** The button's own words, where "重新打开" alone would say too little. */
  readonly label?: string;
}

/** "重新打开": voids the sign-off, with a reason, after saying what that means. */
export function ReopenButton({ inspectionId, signer, initialReason, label }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {label ?? t('signoff.reopen.button')}
      </button>
      {open && (
        <ReopenDialog
          inspectionId={inspectionId}
          signer={signer}
          initialReason={initialReason}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function ReopenDialog({
  inspectionId,
  signer,
  initialReason,
  onClose,
}: Props & { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const reopen = useSignoffStore((s) => s.reopen);
  const show = useFeedbackStore((s) => s.show);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<{ reason: string }>({ defaultValues: { reason: initialReason ?? '' } });
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = async ({ reason }: { reason: string }) => {
    setFailure(null);
    const result = await reopen(inspectionId, reason);
    if (!result.ok) {
      setFailure(result.message);
      return;
    }
    show({ kind: 'success', text: t('signoff.reopen.done') });
    ref.current?.close();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="reopen-title" onClose={onClose}>
      <h2 id="reopen-title">{t('signoff.reopen.title')}</h2>
      <p className="notice-inline">{t('signoff.reopen.warning', { signer })}</p>
      <form className="form-grid" onSubmit={(e) => void handleSubmit(submit)(e)} noValidate>
        <FormField
          label={t('signoff.reopen.reason')}
          required
          wide
          hint={t('signoff.reopen.reasonHint')}
          error={errors.reason?.message}
          errorId="reopen-reason-error"
        >
          <input
            autoFocus
            {...register('reason', {
              validate: {
                filled: (v) => v.trim().length > 0 || t('form.required'),
                plain: (v) => !FORBIDDEN_CHARACTERS.test(v) || t('signoff.form.controlCharacters'),
              },
              maxLength: {
                value: TEXT_LIMITS.reopenReason,
                message: t('form.maxLength', { n: TEXT_LIMITS.reopenReason }),
              },
            })}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? 'reopen-reason-error' : undefined}
          />
        </FormField>
        {failure && (
          <p className="field-error wide" role="alert">
            {failure}
          </p>
        )}
        <div className="form-actions wide">
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={isSubmitting}>
            {t('signoff.reopen.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
