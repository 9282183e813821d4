import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useSignoffStore } from '../../stores/signoff-store';

interface Props {
  readonly label: string;
  /** After a new key was made (the sign-off form signs again). */
  readonly onReplaced?: () => void;
}

/**
 * "生成新密钥": only where this computer's key is missing or damaged, and only after the user read
 * what it means (earlier signatures still verify with the old public key; the change is recorded).
 */
export function ReplaceKeyButton({ label, onReplaced }: Props) {
  const { t } = useTranslation();
  const replaceKey = useSignoffStore((s) => s.replaceKey);
  const show = useFeedbackStore((s) => s.show);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const replace = async () => {
    if (!window.confirm(t('signoff.key.replaceConfirm'))) return;
    setBusy(true);
    setFailure(null);
    const result = await replaceKey();
    setBusy(false);
    if (!result.ok) {
      setFailure(result.message);
      return;
    }
    show({ kind: 'success', text: t('signoff.key.replaced') });
    onReplaced?.();
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void replace()} disabled={busy}>
        {label}
      </button>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
