/**
 * The column-header block every compare table shares: the headline metric's row header (its label and unit) and
 * one column per scenario, headed by its letter and a link to its page, its cells carrying `data-field` = the
 * column's `s` value (DataTable writes the key).
 */
import type { ReactNode } from "react";

import type { HeadlineKey } from "~/engine/result";

import type { Column } from "../common/DataTable";
import { METRICS } from "../library/headline";
import type { CompareColumn } from "./view";

export function ColumnHead({ column }: { column: CompareColumn }) {
  return (
    <>
      <span className="key-letter" style={{ borderColor: column.colour }} aria-hidden="true">
        {column.letter}
      </span>
      <a href={column.href}>
        <span className="visually-hidden">{column.letter}: </span>
        {column.title}
      </a>
    </>
  );
}

/** One column per scenario, headed by its letter and title; `cell` gets the row and the column's index. */
export function scenarioColumns<T>(columns: CompareColumn[], cell: (row: T, i: number) => ReactNode): Column<T>[] {
  return columns.map((c, i) => ({ key: c.ref, header: <ColumnHead column={c} />, numeric: true, cell: (row: T) => cell(row, i) }));
}

/** The row header of a headline table: the metric's label with its unit under it. */
export function metricColumn<T extends { key: HeadlineKey }>(): Column<T> {
  return {
    key: "metric",
    header: "Headline",
    cell: (r) => (
      <>
        {METRICS[r.key].label}
        <span className="sub">{METRICS[r.key].unitLong}</span>
      </>
    ),
  };
}

/** "80% range 15.1 to 30.2" under a compare cell's figure, with the band's ends for tests; nothing without a band. */
export function BandSub({ band, format }: { band: { p10: number; p90: number } | undefined | null; format: (v: number) => string }) {
  if (!band) return null;
  return (
    <span className="sub" data-band="value" data-p10={band.p10} data-p90={band.p90}>
      80% range {format(band.p10)} to {format(band.p90)}
    </span>
  );
}
