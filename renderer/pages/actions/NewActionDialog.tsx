import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormValues } from '../../components/ActionForm';
import { ActionForm } from '../../components/ActionForm';

interface Props {
  /** What the action is for, as the person reads it (the register, the row). */
  readonly subject: string;
  readonly defaultDescription: string;
  /** Saves; true when saved (the dialog closes), false to stay open with what was typed. */
  readonly onAdd: (values: ActionFormValues) => Promise<boolean>;
  readonly onClose: () => void;
}

/** A new corrective action on a flagged register row: what, who, by when. */
export function NewActionDialog({ subject, defaultDescription, onAdd, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-action-title" onClose={onClose}>
      <h2 id="new-action-title">{t('actionsPage.newDialog.title')}</h2>
      <p className="dialog-subject">{subject}</p>
      <ActionForm
        idPrefix="new-action"
        defaultValues={{ description: defaultDescription }}
        submitLabel={t('walk.actions.add')}
        onSubmit={async (values) => {
          if (await onAdd(values)) ref.current?.close();
        }}
        onCancel={() => ref.current?.close()}
      />
    </dialog>
  );
}
