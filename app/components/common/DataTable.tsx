/**
 * A plain, accessible table: a caption, column headers, the first column as row headers, numbers right-aligned.
 * Each chart on a page has one of these beside it, so every number is readable without JavaScript.
 * Rows carry `data-row-id` and cells `data-field`, which the browser tests use to find a figure.
 */
import type { ReactNode } from "react";

export type Column<T> = {
  /** Stable name of the field, written to `data-field`. */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** Extra class for the column's cells (e.g. to let long text wrap). */
  className?: string;
};

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  footer,
  id,
  className,
  scrollable,
}: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  footer?: ReactNode;
  id?: string;
  className?: string;
  /**
   * A table that may be wider than its column (e.g. with range columns beside its figures): its scrolling box is a
   * labelled region in the tab order, so a keyboard can scroll it too (axe: scrollable-region-focusable).
   */
  scrollable?: boolean;
}) {
  const captionId = scrollable && id ? `${id}-caption` : undefined;
  // Each column's cell class once, not once per cell (a scenario page has some 1,200 cells, rendered per new what-if).
  const classes = columns.map((c) => [c.numeric ? "numeric" : "", c.className ?? ""].filter(Boolean).join(" ") || undefined);
  return (
    <div
      className={`table-wrap${className ? ` ${className}` : ""}`}
      {...(captionId ? { tabIndex: 0, role: "region", "aria-labelledby": captionId } : {})}
    >
      <table id={id} className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? "numeric" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-row-id={rowKey(row)}>
              {columns.map((c, i) => {
                const cls = classes[i];
                return i === 0 ? (
                  <th key={c.key} scope="row" data-field={c.key} className={cls}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} data-field={c.key} className={cls}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}
