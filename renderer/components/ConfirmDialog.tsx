import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';

interface Props {
  readonly title: string;
  /** What is about to go (a school's submission, a scan), shown under the title. */
  readonly subject: ReactNode;
  /** What confirming does: the dialog's description. */
  readonly what: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  /** The confirmed action is under way: the button is disabled meanwhile. */
  readonly busy: boolean;
  /** Runs the action; calls `close` when it is done and the dialog should go. */
  readonly onConfirm: (close: () => void) => void;
  readonly onClose: () => void;
}

/**
 * A modal question before something is removed: the title, what goes, what confirming does, a
 * danger button and 取消 (focused, so Enter does not remove by mistake; Escape cancels too).
 * The content review's 移除 of a scan and the bureau's 移除 of a submission both use it.
 */
export function ConfirmDialog(props: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const close = () => ref.current?.close();
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-what`}
      onClose={props.onClose}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      <p className="dialog-subject">{props.subject}</p>
      <p id={`${id}-what`}>{props.what}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={props.busy}
          aria-busy={props.busy || undefined}
          onClick={() => props.onConfirm(close)}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button" autoFocus onClick={close}>
          {props.cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
