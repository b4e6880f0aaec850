import type { HTMLAttributes, ReactNode } from 'react';

export interface Column<Row> {
  title: string;
  cell: (row: Row) => ReactNode;
  /** Names the cell for tests and styles (`data-field`). */
  field?: string;
}

/**
 * A table of rows, the first column heading each row (screen readers announce it with every
 * cell); `rowProps` adds attributes to a row.
 */
export const DataTable = <Row,>({
  rows,
  columns,
  rowKey,
  caption,
  rowProps,
}: {
  rows: Row[];
  columns: Array<Column<Row>>;
  rowKey: (row: Row) => string;
  caption?: string;
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
}) => (
  <table className="periods">
    {caption && <caption>{caption}</caption>}
    <thead>
      <tr>
        {columns.map((column) => (
          <th scope="col" key={column.title}>
            {column.title}
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {rows.map((row) => (
        <tr key={rowKey(row)} {...rowProps?.(row)}>
          {columns.map((column, index) =>
            index === 0 ? (
              <th scope="row" key={column.title} data-field={column.field}>
                {column.cell(row)}
              </th>
            ) : (
              <td key={column.title} data-field={column.field}>
                {column.cell(row)}
              </td>
            ),
          )}
        </tr>
      ))}
    </tbody>
  </table>
);
