/**
 * From the baseline to the scenario, one bar per rule: the Shapley attribution of revenue and profit
 * (attribution.ts). Each rule's bar floats from the running total before it to the one after; they add up
 * exactly to the scenario's value.
 */
import { ChartFrame } from "~/components/charts/ChartFrame";
import { INK, OKABE_ITO } from "~/components/charts/palette";
import { SpecChart } from "~/components/charts/SpecChart";
import { niceTicks, rangeLegend, rangeOf, rowsFrame, type BarChartSpec, type ChartRanges, type RangeMark, type RowsSize } from "~/components/charts/spec";
import { DataTable } from "~/components/common/DataTable";
import { Section } from "~/components/common/Section";
import type { Attribution, Headline } from "~/engine";
import { formatCompact, formatRmbBn } from "~/utils/format";

import { direction, signed } from "./delta";
import { chartRangesOf } from "./chart-ranges";
import { memoBySlice } from "./memo";
import type { LiveRanges } from "./RangeCell";

export type Step = { id: string; label: string; kind: "total" | "up" | "down" | "none"; delta: number; low: number; high: number; end: number };

/** Waterfall steps for one metric; a rule the what-if moved says so in its label (it may quote the file's number). */
export function waterfallSteps(attribution: Attribution, metric: "revenue" | "profit", start: number, moved: readonly string[] = []): Step[] {
  const steps: Step[] = [{ id: "baseline", label: "Baseline", kind: "total", delta: start, low: Math.min(0, start), high: Math.max(0, start), end: start }];
  let running = start;
  attribution.ruleIds.forEach((id, i) => {
    const d = attribution.metrics[metric].byRule[i];
    const next = running + d;
    const label = attribution.ruleLabels[i] ?? id;
    steps.push({ id, label: moved.includes(id) ? `${label} (what-if)` : label, kind: direction(d), delta: d, low: Math.min(running, next), high: Math.max(running, next), end: next });
    running = next;
  });
  // The attribution's own total (not the headline's), so a deferred attribution never mixes two states.
  const end = start + attribution.metrics[metric].total;
  steps.push({ id: "scenario", label: "Scenario", kind: "total", delta: end, low: Math.min(0, end), high: Math.max(0, end), end });
  return steps;
}

export const WATERFALL_FILL = { total: OKABE_ITO.blue, up: OKABE_ITO.bluishGreen, down: OKABE_ITO.vermillion, none: INK.grid } as const;

export { niceTicks };

function shortLabel(text: string, max = 90) {
  return text.length > max ? `${text.slice(0, max - 2)}…` : text;
}

/**
 * A waterfall as a spec: one floating bar per step; the scenario's total carries the 80% range of the metric
 * (the rules' Shapley shares are exact splits of one change and have no range of their own).
 */
export function waterfallSpec(
  steps: Step[],
  range: RangeMark | null,
  opts: RowsSize & { labelMax: number },
): BarChartSpec {
  const lo = Math.min(0, ...steps.map((s) => s.low), range?.low ?? 0);
  const hi = Math.max(...steps.map((s) => s.high), range?.high ?? 0);
  const ticks = niceTicks(lo, hi);
  return {
    ...rowsFrame(opts, steps.length, 1),
    categories: steps.map((s) => (opts.categorySize > 1 ? shortLabel(s.label, opts.labelMax) : "")),
    series: [
      {
        key: "range",
        values: steps.map((s) => [s.low, s.high] as [number, number]),
        fill: WATERFALL_FILL.total,
        fills: steps.map((s) => WATERFALL_FILL[s.kind]),
        labels: steps.map((s) => ({ text: s.kind === "total" ? formatRmbBn(s.delta) : signed(s.delta, formatRmbBn), bold: s.kind === "total" })),
        ranges: range ? steps.map((s) => (s.id === "scenario" ? range : null)) : undefined,
      },
    ],
    domain: [ticks[0]!, ticks[ticks.length - 1]!],
    ticks,
    formatTick: (v) => formatCompact(v, 0),
    categoryGap: 0.12,
    lines: [{ at: 0, stroke: INK.muted }],
  };
}

function Waterfall({ id, title, steps, range, ranges }: { id: string; title: string; steps: Step[]; range: RangeMark | null; ranges: ChartRanges | null | undefined }) {
  const spec = waterfallSpec(steps, range, { id, width: 640, row: 50, font: 14, categorySize: 250, wrap: 32, right: 80, labelMax: 90 });
  return (
    <ChartFrame
      id={id}
      title={title}
      description={`Waterfall chart of ${title}: the baseline, one floating bar per rule (its Shapley share of the change), and the scenario${range ? " with its 80% range" : ""}. The numbers are in the table below.`}
      legend={[
        { label: "Baseline / scenario", color: WATERFALL_FILL.total },
        { label: "Rule raises it (+)", color: WATERFALL_FILL.up },
        { label: "Rule lowers it (−)", color: WATERFALL_FILL.down },
        ...(range ? rangeLegend(ranges) : []),
      ]}
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );
}

/** The "Updating…" note and flag follow at once; the charts and table wait for the attribution (below). */
export function WaterfallSection({
  attribution,
  headline,
  pending,
  moved = [],
  ranges,
}: {
  attribution: Attribution;
  headline: Headline;
  pending: boolean;
  /** The page's 80% ranges (the scenario's totals carry the headline's). */
  ranges?: LiveRanges | null;
  /** Rules the what-if moved (`rulesMovedByWhatIf`). */
  moved?: string[];
}) {
  return (
    <Section
      id="waterfall"
      title="From baseline to scenario: what each rule does to revenue and profit"
      intro={
        <p>
          Each rule's share of the change is its Shapley value: its effect averaged over every order in which the
          rules could be added, so the shares add up to the total and do not depend on the order of the file.
          {pending ? <span className="pending"> Updating…</span> : null}
        </p>
      }
    >
      <div className="waterfalls-body" data-pending={pending ? "true" : "false"}>
        <WaterfallBody attribution={attribution} revenueBaseline={headline.revenue.baseline} profitBaseline={headline.profit.baseline} moved={moved} ranges={chartRangesOf(ranges)} />
      </div>
    </Section>
  );
}

function WaterfallBodyView({ attribution, revenueBaseline, profitBaseline, moved, ranges }: { attribution: Attribution; revenueBaseline: number; profitBaseline: number; moved: string[]; ranges?: ChartRanges | null }) {
  const revenue = waterfallSteps(attribution, "revenue", revenueBaseline, moved);
  const profit = waterfallSteps(attribution, "profit", profitBaseline, moved);
  const rows = revenue.map((r, i) => ({ ...r, profit: profit[i] }));
  return (
    <>
      <div className="waterfalls">
        <Waterfall id="waterfall-revenue-chart" title="Revenue (consolidated), RMB bn a year" steps={revenue} range={rangeOf(ranges?.headline?.revenue)} ranges={ranges} />
        <Waterfall id="waterfall-profit-chart" title="Net profit, RMB bn a year" steps={profit} range={rangeOf(ranges?.headline?.profit)} ranges={ranges} />
      </div>
      <DataTable
        id="waterfall-table"
        caption="Change attributed to each rule, RMB bn a year (running total after the rule)"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { key: "step", header: "Step", className: "wrap", cell: (r) => (r.kind === "total" ? <strong>{r.label}</strong> : <>{r.label} <code className="sub">{r.id}</code></>) },
          { key: "revenue", header: "Revenue", numeric: true, cell: (r) => <span className="num">{r.kind === "total" ? formatRmbBn(r.delta) : signed(r.delta, formatRmbBn)}</span> },
          { key: "revenueRunning", header: "Revenue after", numeric: true, cell: (r) => <span className="num">{formatRmbBn(r.end)}</span> },
          { key: "profit", header: "Profit", numeric: true, cell: (r) => <span className="num">{r.kind === "total" ? formatRmbBn(r.profit.delta) : signed(r.profit.delta, formatRmbBn)}</span> },
          { key: "profitRunning", header: "Profit after", numeric: true, cell: (r) => <span className="num">{formatRmbBn(r.profit.end)}</span> },
        ]}
      />
    </>
  );
}

// Only the baselines of the headline are drawn here: they never move with a slider, so the urgent render of a
// slider change (new headline, pending = true) does not redraw these charts; the deferred attribution does.
const WaterfallBody = memoBySlice(WaterfallBodyView, (p) => [p.attribution.metrics.revenue, p.attribution.metrics.profit, p.revenueBaseline, p.profitBaseline, p.moved, p.ranges]);
