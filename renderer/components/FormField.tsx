import type { ReactNode } from 'react';

interface Props {
  readonly label: string;
  /** Must be filled in: the label says so with " *". */
  readonly required?: boolean;
  /** Takes the whole row of the form grid. */
  readonly wide?: boolean;
  readonly hint?: string;
  /** What is wrong with the value, in the user's language; nothing shows while it is fine. */
  readonly error?: string;
  /** The error's id, for the control's aria-describedby. */
  readonly errorId?: string;
  /** The control itself: an input or a select, registered by the form. */
  readonly children: ReactNode;
}

/** One labelled control of a form, with its hint and, when the value is wrong, why. */
export function FormField({ label, required, wide, hint, error, errorId, children }: Props) {
  return (
    <label className={wide ? 'form-field wide' : 'form-field'}>
      <span>
        {label}
        {required && ' *'}
      </span>
      {children}
      {hint !== undefined && <small className="hint">{hint}</small>}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </label>
  );
}
