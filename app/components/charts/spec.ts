/**
 * A bar chart as data (decision 022): the categories, the series with their values, printed labels and 80% ranges,
 * the value axis and the shaded bands. One spec is drawn two ways with the same geometry: as plain SVG
 * (PlainBarChart: the server's render and the first render in the browser, so hydration matches) and with recharts
 * once the page has hydrated (RechartsBarChart). Labels are strings here, so both print the same text.
 * Pure: no React, no DOM.
 */
import { INK, OKABE_ITO, tint } from "./palette";
import { wrapWords } from "./svgText";

/** An 80% range: the 10th and 90th percentiles over the draws. */
export interface RangeMark {
  low: number;
  high: number;
}

export interface BarLabel {
  text: string;
  /** Printed bold after the text (e.g. a service's status). */
  strong?: string;
  bold?: boolean;
}

export interface BarSeries {
  key: string;
  /** A number, a floating bar [from, to], or null for no bar. */
  values: Array<number | [number, number] | null>;
  fill: string;
  /** Per-item fills and strokes (e.g. by status or direction), else `fill` / `stroke`. */
  fills?: Array<string | undefined>;
  stroke?: string;
  strokes?: Array<string | undefined>;
  strokeWidth?: number;
  labels?: Array<BarLabel | string | null>;
  /** Smaller, muted labels (a baseline beside its scenario). */
  mutedLabels?: boolean;
  /** The 80% range of each item (null: the figure is not drawn, e.g. a reported baseline). */
  ranges?: Array<RangeMark | null>;
}

export interface BarChartSpec {
  id: string;
  /** rows: horizontal bars, categories down the left; columns: vertical bars, categories along the bottom. */
  orientation: "rows" | "columns";
  categories: string[];
  series: BarSeries[];
  domain: [number, number];
  ticks: number[];
  formatTick: (v: number) => string;
  /** Nominal size in chart units; the drawing scales to its container. */
  width: number;
  height: number;
  /** Label size in chart units at the nominal size (today's 14-15 px on a desk, 21-24 on a slide). */
  fontSize: number;
  /** Space for the category labels: their column's width (rows) or their row's height (columns). */
  categorySize: number;
  /** Characters per line of a category label. */
  wrap: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Room for the value axis' tick labels: height under the plot (rows) or width left of it (columns). */
  valueAxisSize?: number;
  /** Gap between categories, a fraction of a category's band, and between bars of one category, units. */
  categoryGap?: number;
  barGap?: number;
  maxBarSize?: number;
  areas?: Array<{ from: number; to: number; fill: string; label?: string }>;
  lines?: Array<{ at: number; stroke: string; dash?: string; width?: number }>;
  /** Dashed grid lines (the HHI charts). */
  dashedGrid?: boolean;
}

export interface Geometry {
  width: number;
  height: number;
  font: number;
  plot: { x: number; y: number; w: number; h: number };
  categorySize: number;
  valueAxisSize: number;
  /** Position of a value on the value axis. */
  scale: (v: number) => number;
  /** Centre of category i across the category axis, and one bar's thickness and offset within its band. */
  band: number;
  barSize: number;
  barGap: number;
  categoryGapPx: number;
  centre: (i: number) => number;
  barStart: (i: number, s: number) => number;
}

/**
 * Where everything goes for a drawing `width` x `height` with labels `font` high. With the nominal size and
 * font this is the spec as written; the browser's recharts version passes the measured box and the label size
 * of `--chart-font-size`, and the label column grows with the font.
 */
export function geometry(spec: BarChartSpec, size?: { width: number; height: number; font: number }): Geometry {
  const width = size?.width ?? spec.width;
  const height = size?.height ?? spec.height;
  const font = size?.font ?? spec.fontSize;
  const k = font / spec.fontSize;
  const ky = height / spec.height;
  const kx = width / spec.width;
  const m = spec.margin;
  const rows = spec.orientation === "rows";
  // Label columns and the room for printed values grow with the label size, not with the drawing's width.
  const categorySize = Math.round(spec.categorySize * k);
  const valueAxisSize = Math.round((spec.valueAxisSize ?? (rows ? 30 : 64)) * k);
  const left = Math.round(m.left * kx);
  const right = Math.round(m.right * k);
  const top = Math.round(m.top * ky);
  const bottom = Math.round(m.bottom * ky);
  const plot = rows
    ? { x: left + categorySize, y: top, w: width - left - right - categorySize, h: height - top - bottom - valueAxisSize }
    : { x: left + valueAxisSize, y: top, w: width - left - right - valueAxisSize, h: height - top - bottom - categorySize };
  const [d0, d1] = spec.domain;
  const span = d1 - d0 || 1;
  const scale = rows ? (v: number) => plot.x + ((v - d0) / span) * plot.w : (v: number) => plot.y + plot.h - ((v - d0) / span) * plot.h;
  const n = Math.max(1, spec.categories.length);
  const along = rows ? plot.h : plot.w;
  const band = along / n;
  const categoryGapPx = band * (spec.categoryGap ?? 0.1);
  const s = Math.max(1, spec.series.length);
  const barGap = (spec.barGap ?? 4) * (rows ? ky : kx);
  let barSize = (band - 2 * categoryGapPx - (s - 1) * barGap) / s;
  if (spec.maxBarSize) barSize = Math.min(barSize, spec.maxBarSize * (rows ? ky : kx));
  barSize = Math.max(1, barSize);
  const start = rows ? plot.y : plot.x;
  const centre = (i: number) => start + band * (i + 0.5);
  const groupSize = s * barSize + (s - 1) * barGap;
  const barStart = (i: number, j: number) => centre(i) - groupSize / 2 + j * (barSize + barGap);
  return { width, height, font, plot, categorySize, valueAxisSize, scale, band, barSize, barGap, categoryGapPx, centre, barStart };
}

/** The value a bar ends at (the far end of a floating bar), where its label and range are measured from. */
export function barEnd(v: number | [number, number]): number {
  return Array.isArray(v) ? v[1] : v;
}

export function labelOf(l: BarLabel | string | null | undefined): BarLabel | null {
  if (l == null) return null;
  return typeof l === "string" ? { text: l } : l;
}

/** Lines of a category label (the label column grows with the font, so the characters per line stay). */
export function categoryLines(spec: BarChartSpec, i: number): string[] {
  return wrapWords(spec.categories[i] ?? "", spec.wrap);
}

/** Number of range marks a spec draws: one per plotted item that has a range. */
export function rangeMarkCount(spec: BarChartSpec): number {
  let n = 0;
  for (const s of spec.series) s.values.forEach((v, i) => (v !== null && s.ranges?.[i] ? n++ : 0));
  return n;
}

/** A domain that holds every bar and every range, starting at 0 unless values are negative. */
export function domainOf(spec: Pick<BarChartSpec, "series">, pad = 0.05): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const s of spec.series)
    s.values.forEach((v, i) => {
      if (v === null) return;
      for (const x of Array.isArray(v) ? v : [v]) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      const r = s.ranges?.[i];
      if (r) {
        lo = Math.min(lo, r.low);
        hi = Math.max(hi, r.high);
      }
    });
  const span = hi - lo || 1;
  return [lo < 0 ? lo - span * pad : 0, hi + span * pad];
}

/** Round axis ticks covering lo..hi: about five steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = Math.max(hi - lo, 1e-9);
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? p * 10;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= Math.ceil(hi / step) * step + step / 2; t += step) ticks.push(Number(t.toFixed(6)));
  return ticks;
}

/** The legend line that says what a range mark is. */
export function rangeLegendLabel(draws: number, stale = false): string {
  return `80% range: 10th to 90th percentile over ${draws.toLocaleString("en-GB")} draws${stale ? " (updating…)" : ""}`;
}

/** The 80% ranges a page has for its charts (computed on the server; `stale` once a slider has moved since). */
export interface ChartRanges {
  draws: number;
  stale: boolean;
  headline?: Partial<Record<string, { p10: number; p90: number }>>;
  services?: Partial<Record<string, { users: { p10: number; p90: number } }>>;
  units?: Partial<Record<string, { capitalRequired: { p10: number; p90: number } }>>;
  markets?: Partial<Record<string, { hhi?: { p10: number; p90: number }; antShare?: { p10: number; p90: number } }>>;
  /** Data coverage by receiving unit. */
  coverage?: Partial<Record<string, { p10: number; p90: number }>>;
}

/** A band's 80% range as a mark, or null without one. */
export function rangeOf(band: { p10: number; p90: number } | undefined | null): RangeMark | null {
  return band ? { low: band.p10, high: band.p90 } : null;
}

/** The legend line for a chart whose marks came from `ranges`. */
export function rangeLegend(ranges: ChartRanges | null | undefined): Array<{ label: string; color: string; pattern: "range" }> {
  return ranges ? [{ label: rangeLegendLabel(ranges.draws, ranges.stale), color: "#1a1a1a", pattern: "range" }] : [];
}

/** How big a horizontal-bar chart is drawn: the page and the deck draw the same chart at their own sizes. */
export interface RowsSize {
  id: string;
  width: number;
  /** Height of one category's row. */
  row: number;
  font: number;
  categorySize: number;
  wrap: number;
  /** Room right of the plot for the printed values. */
  right: number;
}

/** The sizing fields of a horizontal-bar spec with `count` rows, from zero up to `top`. */
export function rowsFrame(size: RowsSize, count: number, top: number) {
  return {
    id: size.id,
    orientation: "rows" as const,
    domain: [0, top] as [number, number],
    ticks: niceTicks(0, top).filter((t) => t <= top),
    width: size.width,
    height: Math.max(1, count) * size.row + 40,
    fontSize: size.font,
    categorySize: size.categorySize,
    wrap: size.wrap,
    margin: { top: 5, right: size.right, bottom: 10, left: 5 },
  };
}

/**
 * An HHI chart's concentration bands: three shaded areas named `labels` (below `moderate`, between, above `high`,
 * up to 10,000) and dashed lines at the two thresholds. `tints`: each area's strength.
 */
export function hhiShading(b: { moderate: number; high: number }, labels: [string, string, string], tints: [number, number, number] = [0.12, 0.25, 0.1]): Pick<BarChartSpec, "areas" | "lines"> {
  return {
    areas: [
      { from: 0, to: b.moderate, fill: tint(OKABE_ITO.bluishGreen, tints[0]), label: labels[0] },
      { from: b.moderate, to: b.high, fill: tint(OKABE_ITO.yellow, tints[1]), label: labels[1] },
      { from: b.high, to: 10_000, fill: tint(OKABE_ITO.vermillion, tints[2]), label: labels[2] },
    ],
    lines: [
      { at: b.moderate, stroke: INK.muted, dash: "6 3" },
      { at: b.high, stroke: INK.muted, dash: "6 3" },
    ],
  };
}
