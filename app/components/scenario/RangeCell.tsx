/**
 * An "80% range" column for the page's tables: P10 to P90 of a figure in its own format, server-rendered for the
 * loaded values; while the Web Worker computes the ranges of values just moved, the cell says so instead of
 * showing a range that belongs to other values.
 */
import type { Column } from "~/components/common/DataTable";
import type { Band } from "~/engine/uncertainty";

import { rangeText, type PageRanges } from "./ranges";

/** The ranges a table shows, and whether newer ones are being computed. */
export interface LiveRanges {
  value: PageRanges;
  /** The what-if moved and the worker has not answered yet (the ranges belong to earlier values). */
  pending: boolean;
}

export function RangeCell({ band, format, pending }: { band: Band | undefined; format: (n: number) => string; pending: boolean }) {
  if (pending)
    return (
      <span className="range range-pending" data-pending="true">
        updating…
      </span>
    );
  if (!band) return <span className="sub-none">—</span>;
  return (
    <span className="num range" data-p10={band.p10} data-p90={band.p90}>
      {rangeText(band, format)}
    </span>
  );
}

/** A table column with the 80% range of a row's figure; none when the page has no ranges. */
export function rangeColumn<T>(
  key: string,
  ranges: LiveRanges | null | undefined,
  band: (r: PageRanges, row: T) => Band | undefined,
  format: (n: number) => string,
  header = "80% range",
): Column<T>[] {
  if (!ranges) return [];
  return [
    {
      key,
      header: <span className="range-header">{header}</span>,
      numeric: true,
      cell: (row) => <RangeCell band={band(ranges.value, row)} format={format} pending={ranges.pending} />,
    },
  ];
}
