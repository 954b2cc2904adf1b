/**
 * The columns the /model page's tables are built from: a model figure with its provenance marks, a figure
 * computed from the ones beside it ("= …"), and a row's name with a muted second line. One definition for the
 * units, services, markets and credit tables, so every figure on the page is marked the same way.
 */
import type { ReactNode } from "react";

import type { Column } from "../common/DataTable";
import { Fig } from "./Provenance";

/** A model figure (`table`.`field` of the row `rowId`), followed by the sources or assumption it rests on. */
export function figColumn<T>(key: string, header: string, table: string, rowId: (row: T) => string, text: (row: T) => string, field = key): Column<T> {
  return { key, header, numeric: true, cell: (row) => <Fig text={text(row)} table={table} rowId={rowId(row)} field={field} /> };
}

/** A figure computed from the figures beside it: its header starts with "=" (the section's intro says so). */
export function computedColumn<T>(key: string, header: string, text: (row: T) => string): Column<T> {
  return { key, header: `= ${header}`, numeric: true, cell: (row) => <span className="num">{text(row)}</span> };
}

/** A row's name, with a muted line under it when `sub` gives one. */
export function nameColumn<T>(key: string, header: string, name: (row: T) => ReactNode, sub?: (row: T) => ReactNode, className?: string): Column<T> {
  return {
    key,
    header,
    className,
    cell: (row) => {
      const second = sub?.(row);
      return (
        <>
          {name(row)}
          {second ? <span className="sub">{second}</span> : null}
        </>
      );
    },
  };
}
