interface Props {
  readonly columns: readonly string[];
  /** A last column over the rows' buttons, named for screen readers only. */
  readonly actions?: string;
}

/** A data table's column headings. */
export function TableHead({ columns, actions }: Props) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <th scope="col" key={index}>
            {column}
          </th>
        ))}
        {actions !== undefined && (
          <th scope="col">
            <span className="visually-hidden">{actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
