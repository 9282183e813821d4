import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { hrefOf } from '../../lib/routes';
import { useBureauStore } from '../../stores/bureau-store';
import { useFeedbackStore } from '../../stores/feedback-store';

/**
 * 移除 a stored submission (a school sent the wrong file, or a test file came in): after a
 * confirmation that says the file is not deleted but kept in the data folder's bureau/removed/,
 * it leaves the store and the page goes back to the dashboard.
 */
export function RemoveSubmission({ sha256, school }: { sha256: string; school: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <section className="card" aria-labelledby="bureau-remove">
      <h2 id="bureau-remove">{t('bureau.remove.title')}</h2>
      <p className="hint">{t('bureau.remove.hint')}</p>
      <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
        {t('bureau.remove.button')}
      </button>
      {asking && <RemoveDialog sha256={sha256} school={school} onClose={() => setAsking(false)} />}
    </section>
  );
}

function RemoveDialog({
  sha256,
  school,
  onClose,
}: {
  sha256: string;
  school: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useBureauStore((s) => s.remove);
  const show = useFeedbackStore((s) => s.show);
  const showError = useFeedbackStore((s) => s.showError);
  const [busy, setBusy] = useState(false);
  const confirm = (close: () => void) => {
    setBusy(true);
    remove(sha256).then(
      () => {
        close();
        show({ kind: 'success', text: t('bureau.remove.done', { school }) });
        window.location.hash = hrefOf('bureau');
      },
      (error: unknown) => {
        setBusy(false);
        showError(error, t('errors.crashTitle'));
      },
    );
  };
  return (
    <ConfirmDialog
      title={t('bureau.remove.dialogTitle')}
      subject={school}
      what={t('bureau.remove.kept')}
      confirmLabel={t('bureau.remove.confirm')}
      cancelLabel={t('bureau.remove.cancel')}
      busy={busy}
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}
