export interface RowAction {
  readonly label: string;
  /** The label with the row's name, for screen readers ("Open Autumn 2026"). */
  readonly named?: string;
  readonly onClick?: () => void;
  /** A link styled as a button, instead of a button. */
  readonly href?: string;
  readonly tone?: 'quiet' | 'danger';
}

interface Props {
  readonly actions: readonly RowAction[];
  readonly className?: string;
  /** The tone of every action that does not name its own. */
  readonly tone?: RowAction['tone'];
}

/** The buttons at the end of a table row, in their cell. */
export function RowActions({ actions, className, tone: rowTone }: Props) {
  return (
    <td className={className}>
      {actions.map(({ label, named, onClick, href, tone = rowTone }) =>
        href === undefined ? (
          <button
            key={label}
            type="button"
            className={tone ? `button button-${tone}` : 'button'}
            onClick={onClick}
            aria-label={named}
          >
            {label}
          </button>
        ) : (
          <a key={label} className="button" href={href} aria-label={named}>
            {label}
          </a>
        ),
      )}
    </td>
  );
}
