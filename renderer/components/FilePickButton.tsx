import { useRef } from 'react';

interface Props {
  readonly label: string;
  /** The input's accept list: extensions and media types. */
  readonly accept: string;
  readonly testId: string;
  readonly busy?: boolean;
  readonly onFile: (file: File) => void;
}

/**
 * A button that opens the system's file chooser for one file. The input itself is hidden from
 * the keyboard and screen readers, so the button is the one control they meet; the input is
 * cleared after each pick, so the same file can be chosen again.
 */
export function FilePickButton({ label, accept, testId, busy = false, onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        disabled={busy}
        aria-busy={busy || undefined}
      >
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
