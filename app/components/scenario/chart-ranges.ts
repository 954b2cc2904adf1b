/**
 * The charts' range marks from the page's live ranges (decision 022): the server's for the loaded values, the Web
 * Worker's after a slider move (decision 023). While the worker computes, the marks of the earlier values stay and
 * the legend says they are being updated (the tables say "updating…").
 */
import type { ChartRanges } from "~/components/charts/spec";

import type { LiveRanges } from "./RangeCell";

export function chartRangesOf(ranges: LiveRanges | null | undefined): ChartRanges | null {
  if (!ranges) return null;
  const { value, pending } = ranges;
  return { draws: value.draws, stale: pending, headline: value.headline, services: value.tables.services, units: value.tables.units, markets: value.tables.markets, coverage: value.tables.flows.coverage };
}
