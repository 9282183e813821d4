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

/**
 * One labelled control of a form, with its hint and, when the value is wrong, why. The line the
 * message takes is always there, empty while the value is fine: a message that appears when a
 * field loses its focus (the press on a button elsewhere) moves nothing, so that button is still
 * under the pointer when it is released and the click is not lost.
 */
export function FormField({ label, required, wide, hint, error, errorId, children }: Props) {
  return (
    <label className={wide ? 'form-field wide' : 'form-field'}>
      <span className="form-label">
        {label}
        {required && ' *'}
      </span>
      {children}
      {hint !== undefined && <small className="hint">{hint}</small>}
      <FieldMessage error={error} id={errorId} />
    </label>
  );
}

/** A field's message line: one line high whether or not there is anything to say. */
export function FieldMessage({ error, id }: { error: string | undefined; id?: string }) {
  return (
    <span className="field-message">
      {error && (
        <span className="field-error" id={id} role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
