/**
 * The compare page's charts. Each draws every chosen scenario on ONE axis (sharedAxis), names each bar with its
 * scenario's letter as well as its colour, and has a table with the same numbers beside it (CompareTables).
 * Each is a chart spec: plain SVG from the server, recharts after hydration (decision 022); the headline and
 * capital charts carry the 80% ranges of the page's common draws, the services and HHI charts those of each
 * column's services and markets on the same draws (compare-bands.ts, one pass with the headline draws). The baseline's bars carry none.
 */
import { HHI_BANDS } from "~/engine/markets";
import type { HeadlineKey } from "~/engine/result";
import type { Band } from "~/engine/uncertainty";
import { formatCompact, formatHhi, formatMillions, formatRmbBn } from "~/utils/format";

import { ChartFrame, type LegendItem } from "../charts/ChartFrame";
import { HatchDefs } from "../charts/HatchDefs";
import { INK, OKABE_ITO } from "../charts/palette";
import { SpecChart } from "../charts/SpecChart";
import { hhiShading, rangeLegend, rangeOf, type BarChartSpec, type BarSeries, type ChartRanges } from "../charts/spec";
import type { CompareFigureBands } from "~/scenarios/compare-bands";

import { METRICS } from "../library/headline";
import { BASELINE_COLOUR, sharedAxis, type CompareColumn, type CompareView } from "./view";

const BANDS = HHI_BANDS["2010"];
const WIDTH = 900;
const FONT = 14;

/** The 80% ranges /compare has: per headline metric, one band per column (its figure, and its change). */
export interface CompareChartBands {
  draws: number;
  headline: Record<HeadlineKey, Band[]>;
  delta: Record<HeadlineKey, Band[]>;
}

function legendFor(columns: CompareColumn[], withBaseline: boolean): LegendItem[] {
  const items = columns.map((c) => ({ label: `${c.letter}: ${c.title}`, color: c.colour }));
  return withBaseline ? [{ label: "Base: baseline, mid-2020", color: BASELINE_COLOUR }, ...items] : items;
}

/** "A −48.1" / "A +2.0": a scenario's letter and its signed value. */
function signedLabel(letter: string, v: number, format: (v: number) => string): string {
  return `${letter} ${v > 0 ? "+" : ""}${format(v)}`.replace("-", "\u2212");
}

/** The sizing every compare chart shares: horizontal bars, one axis for all. */
function compareFrame(id: string, categories: string[], height: number, axis: { domain: [number, number]; ticks: number[] }, categorySize: number) {
  return {
    id,
    orientation: "rows" as const,
    categories,
    domain: axis.domain,
    ticks: axis.ticks,
    formatTick: (v: number) => formatCompact(v, 1),
    width: WIDTH,
    height,
    fontSize: FONT,
    categorySize,
    wrap: 22,
    margin: { top: 5, right: 90, bottom: 20, left: 5 },
    barGap: 2,
  };
}

/** The four money headlines: change against the baseline, RMB bn, one axis for every metric and scenario. */
export function HeadlineDeltaChart({ view, bands }: { view: CompareView; bands?: CompareChartBands | null }) {
  const keys = ["revenue", "attributableRevenue", "profit", "capitalShortfall"] as const;
  const rows = keys.map((k) => view.headline.find((h) => h.key === k)!);
  const n = view.columns.length;
  const series: BarSeries[] = view.columns.map((c, i) => {
    const values = rows.map((r) => r.scenario[i]! - r.baseline);
    return {
      key: c.ref,
      values,
      fill: c.colour,
      stroke: INK.text,
      strokeWidth: 0.5,
      labels: values.map((v) => signedLabel(c.letter, v, formatRmbBn)),
      ranges: bands ? keys.map((k) => rangeOf(bands.delta[k]?.[i])) : undefined,
    };
  });
  const all = series.flatMap((s) => [...(s.values as number[]), ...(s.ranges ?? []).flatMap((r) => (r ? [r.low, r.high] : []))]);
  const axis = sharedAxis(all, 0.28, 6);
  const id = "compare-headline-chart";
  const spec: BarChartSpec = {
    ...compareFrame(id, keys.map((k) => METRICS[k].label), keys.length * (n * 24 + 30) + 50, axis, 200),
    series,
    lines: [{ at: 0, stroke: INK.text, width: 1.5 }],
    maxBarSize: 20,
  };
  const ranges: ChartRanges | null = bands ? { draws: bands.draws, stale: false } : null;
  return (
    <ChartFrame
      id={id}
      title="Change against the baseline, RMB bn a year (one axis for all)"
      description={`Grouped horizontal bar chart of the change in revenue, Ant's attributable revenue, net profit and capital shortfall for ${n} scenarios${bands ? ", each with its 80% range" : ""}, on one shared axis in RMB bn. The numbers are in the headline table.`}
      legend={[...legendFor(view.columns, false), ...rangeLegend(ranges)]}
      note="Bars left of zero are falls, right of zero rises; each bar is labelled with its scenario's letter and value."
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );
}

/** Users reached per integrated service: baseline and each scenario, millions, one axis. */
export function ServiceUsersCompareChart({ view, bands }: { view: CompareView; bands?: CompareFigureBands | null }) {
  const changed = view.services.filter((s) => s.scenario.some((v) => Math.abs(v - s.baseline) > 1e-9));
  const id = "compare-services-chart";
  if (changed.length === 0) {
    return <p className="chart-note">None of the chosen scenarios changes the users of any service: see the table.</p>;
  }
  const rangesOf = (i: number) => (bands ? changed.map((s) => rangeOf(bands.services[i]?.[s.id])) : undefined);
  const ends = view.columns.flatMap((_, i) => (rangesOf(i) ?? []).flatMap((r) => (r ? [r.low, r.high] : [])));
  const axis = sharedAxis([...changed.flatMap((s) => [s.baseline, ...s.scenario]), ...ends], 0.14, 6);
  const n = view.columns.length + 1;
  const spec: BarChartSpec = {
    ...compareFrame(id, changed.map((s) => s.name), changed.length * (n * 18 + 22) + 50, axis, 220),
    series: [
      { key: "base", values: changed.map((s) => s.baseline), fill: BASELINE_COLOUR, stroke: INK.text, strokeWidth: 0.5, labels: changed.map((s) => `Base ${formatMillions(s.baseline)}`) },
      ...view.columns.map((c, i) => ({
        key: c.ref,
        values: changed.map((s) => s.scenario[i]!),
        fill: c.colour,
        stroke: INK.text,
        strokeWidth: 0.5,
        labels: changed.map((s) => `${c.letter} ${formatMillions(s.scenario[i]!)}`),
        ranges: rangesOf(i),
      })),
    ],
    maxBarSize: 15,
  };
  const ranges: ChartRanges | null = bands ? { draws: bands.draws, stale: false } : null;
  return (
    <ChartFrame
      id={id}
      title="Users reached per service, millions a year (one axis for all)"
      description={`Grouped horizontal bar chart of the users reached by ${changed.length} services that change in at least one scenario: the baseline and ${view.columns.length} scenarios${bands ? ", each scenario with its 80% range," : ""} on one axis in millions. The numbers are in the table.`}
      legend={[...legendFor(view.columns, true), ...rangeLegend(ranges)]}
      note={[
        changed.length < view.services.length ? `${view.services.length - changed.length} services no chosen scenario changes are in the table only.` : "",
        bands ? "The baseline's bars carry no range: the ranges are of each scenario's figure." : "",
      ]
        .filter(Boolean)
        .join(" ") || undefined}
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );
}

/** Capital shortfall and how it is met, per scenario, RMB bn, one axis. */
export function CapitalCompareChart({ view, bands }: { view: CompareView; bands?: CompareChartBands | null }) {
  const id = "compare-capital-chart";
  if (view.capital.every((c) => c.shortfall === 0 && c.raised === 0)) {
    return <p className="chart-note">None of the chosen scenarios leaves a capital shortfall: see the table.</p>;
  }
  const cols = view.columns;
  const shortfallRanges = bands ? cols.map((_, i) => rangeOf(bands.headline.capitalShortfall?.[i])) : undefined;
  const raisedRanges = bands ? cols.map((_, i) => rangeOf(bands.headline.capitalRaised?.[i])) : undefined;
  const values = view.capital.flatMap((c) => [c.shortfall, c.raised, c.shrunk]);
  const extremes = [...(shortfallRanges ?? []), ...(raisedRanges ?? [])].flatMap((r) => (r ? [r.low, r.high] : []));
  const axis = sharedAxis([...values, ...extremes], 0.3, 6);
  const spec: BarChartSpec = {
    ...compareFrame(id, cols.map((c) => `${c.letter}: ${c.title}`), cols.length * 3 * 22 + cols.length * 26 + 50, axis, 230),
    series: [
      { key: "shortfall", values: view.capital.map((c) => c.shortfall), fill: OKABE_ITO.vermillion, stroke: INK.text, strokeWidth: 0.5, labels: view.capital.map((c) => `Shortfall ${formatRmbBn(c.shortfall)}`), ranges: shortfallRanges },
      { key: "raised", values: view.capital.map((c) => c.raised), fill: `url(#${id}-hatch)`, stroke: INK.text, strokeWidth: 0.5, labels: view.capital.map((c) => `Raised ${formatRmbBn(c.raised)}`), ranges: raisedRanges },
      { key: "shrunk", values: view.capital.map((c) => c.shrunk), fill: OKABE_ITO.skyBlue, stroke: INK.text, strokeWidth: 0.5, labels: view.capital.map((c) => `Without new capital ${formatRmbBn(c.shrunk)}`) },
    ],
    maxBarSize: 18,
  };
  const ranges: ChartRanges | null = bands ? { draws: bands.draws, stale: false } : null;
  return (
    <ChartFrame
      id={id}
      title="Capital shortfall and how it is met, RMB bn (one axis for all)"
      description={`Grouped horizontal bar chart of the capital shortfall, the capital raised, and the part met without new capital (books shrunk or loans moved onto partner banks' books) for ${cols.length} scenarios on one axis in RMB bn${bands ? ", shortfall and raised with their 80% ranges" : ""}. The numbers are in the table.`}
      legend={[
        { label: "Shortfall before the response", color: OKABE_ITO.vermillion },
        { label: "Raised (hatched)", color: OKABE_ITO.blue, pattern: "hatch" },
        { label: "Met without new capital (books shrunk or loans moved to banks)", color: OKABE_ITO.skyBlue },
        ...rangeLegend(ranges),
      ]}
      note={`Each bar is labelled with what it measures.${bands ? " The part met without new capital is the shortfall less what is raised: no range of its own." : ""}`}
    >
      {/* The hatch the "raised" bars refer to. */}
      <HatchDefs id={id} color={OKABE_ITO.blue} line={2.5} />
      <SpecChart spec={spec} />
    </ChartFrame>
  );
}

/** HHI per market: baseline and each scenario against the 2010 US guidelines' bands, 0 to 10,000. */
export function HhiCompareChart({ view, bands }: { view: CompareView; bands?: CompareFigureBands | null }) {
  const id = "compare-hhi-chart";
  const n = view.columns.length + 1;
  const markets = view.markets;
  const spec: BarChartSpec = {
    ...compareFrame(id, markets.map((m) => m.name), markets.length * (n * 20 + 34) + 80, { domain: [0, 10_000], ticks: [0, 1500, 2500, 5000, 7500, 10000] }, 200),
    formatTick: (v) => formatHhi(v),
    margin: { top: 44, right: 90, bottom: 10, left: 5 },
    series: [
      { key: "base", values: markets.map((m) => Math.round(m.baseline)), fill: BASELINE_COLOUR, stroke: INK.text, strokeWidth: 0.5, labels: markets.map((m) => `Base ${formatHhi(m.baseline)}`) },
      ...view.columns.map((c, i) => ({
        key: c.ref,
        values: markets.map((m) => Math.round(m.scenario[i]!)),
        fill: c.colour,
        stroke: INK.text,
        strokeWidth: 0.5,
        labels: markets.map((m) => `${c.letter} ${formatHhi(m.scenario[i]!)}`),
        ranges: bands ? markets.map((m) => rangeOf(bands.hhi[i]?.[m.id])) : undefined,
      })),
    ],
    maxBarSize: 16,
    dashedGrid: true,
    // The bands' names go above the plot, on alternate rows, where no bar or label can cover them.
    ...hhiShading(BANDS, ["Unconcentrated", "Moderately concentrated", "Highly concentrated"], [0.14, 0.3, 0.1]),
  };
  return (
    <ChartFrame
      id={id}
      title="Concentration: HHI by market, baseline and each scenario (0 to 10,000, one axis for all)"
      description={`Grouped horizontal bar chart of the Herfindahl-Hirschman index of ${markets.length} markets, baseline and ${view.columns.length} scenarios${bands ? ", each scenario with its 80% range," : ""} against the bands at 1,500 and 2,500. The numbers are in the table.`}
      legend={[...legendFor(view.columns, true), ...rangeLegend(bands ? { draws: bands.draws, stale: false } : null)]}
      note={`HHI = sum of the squared shares in percent; fragmented remainders count as 0. Bands (shaded, named above the plot): 2010 US Horizontal Merger Guidelines, 1,500 and 2,500.${bands ? " The baseline's bars carry no range: the ranges are of each scenario's figure." : ""}`}
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );
}
