/**
 * The compare page's charts. Each draws every chosen scenario on ONE axis (sharedAxis), names each bar with its
 * scenario's letter as well as its colour, and has a table with the same numbers beside it (CompareTables).
 * recharts 2 renders the SVG on the server: fixed sizes, chart ids and interval={0} keep hydration identical.
 */
import { Bar, BarChart, CartesianGrid, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";

import { HHI_BANDS } from "~/engine/markets";
import { formatCompact, formatHhi, formatMillions, formatRmbBn } from "~/utils/format";

import { ChartFrame, type LegendItem } from "../charts/ChartFrame";
import { INK, OKABE_ITO, tint } from "../charts/palette";
import { makeLeftTick } from "../charts/svgText";
import { METRICS } from "../library/headline";
import { BASELINE_COLOUR, sharedAxis, type CompareColumn, type CompareView } from "./view";

const BANDS = HHI_BANDS["2010"];
const WIDTH = 900;
const FONT = 14;

type LabelProps = { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown };

/** A label past the end of a horizontal bar (left of it for a negative value): "A −48.1". */
function endLabel(prefix: string, format: (v: number) => string) {
  return function EndLabel({ x = 0, y = 0, width = 0, height = 0, value }: LabelProps) {
    if (typeof value !== "number") return null;
    const x0 = Number(x);
    const x1 = x0 + Number(width);
    const negative = value < 0;
    const text = `${prefix} ${value > 0 ? "+" : ""}${format(value)}`.replace("-", "\u2212");
    return (
      <text
        x={negative ? Math.min(x0, x1) - 5 : Math.max(x0, x1) + 5}
        y={Number(y) + Number(height) / 2}
        dominantBaseline="central"
        textAnchor={negative ? "end" : "start"}
        fill={INK.text}
        fontSize={FONT}
      >
        {text}
      </text>
    );
  };
}

/** A plain label (no sign) past the end of a horizontal bar: "A 450". */
function valueLabel(prefix: string, format: (v: number) => string) {
  return function ValueLabel({ x = 0, y = 0, width = 0, height = 0, value }: LabelProps) {
    if (typeof value !== "number") return null;
    return (
      <text x={Number(x) + Number(width) + 5} y={Number(y) + Number(height) / 2} dominantBaseline="central" fill={INK.text} fontSize={FONT}>
        {`${prefix} ${format(value)}`}
      </text>
    );
  };
}

function legendFor(columns: CompareColumn[], withBaseline: boolean): LegendItem[] {
  const items = columns.map((c) => ({ label: `${c.letter}: ${c.title}`, color: c.colour }));
  return withBaseline ? [{ label: "Base: baseline, mid-2020", color: BASELINE_COLOUR }, ...items] : items;
}

const LeftTick = makeLeftTick((v) => String(v), 22, 15);

/** The four money headlines: change against the baseline, RMB bn, one axis for every metric and scenario. */
export function HeadlineDeltaChart({ view }: { view: CompareView }) {
  const keys = ["revenue", "attributableRevenue", "profit", "capitalShortfall"] as const;
  const rows = keys.map((k) => {
    const row = view.headline.find((h) => h.key === k)!;
    const d: Record<string, number | string> = { name: METRICS[k].label };
    row.scenario.forEach((v, i) => (d[`s${i}`] = v - row.baseline));
    return d;
  });
  const all = rows.flatMap((r) => view.columns.map((_, i) => r[`s${i}`] as number));
  const axis = sharedAxis(all, 0.28, 6);
  const n = view.columns.length;
  const height = keys.length * (n * 24 + 30) + 50;
  const id = "compare-headline-chart";
  return (
    <ChartFrame
      id={id}
      title="Change against the baseline, RMB bn a year (one axis for all)"
      description={`Grouped horizontal bar chart of the change in revenue, Ant's attributable revenue, net profit and capital shortfall for ${n} scenarios, on one shared axis in RMB bn. The numbers are in the headline table.`}
      legend={legendFor(view.columns, false)}
      note="Bars left of zero are falls, right of zero rises; each bar is labelled with its scenario's letter and value."
    >
      <BarChart id={id} width={WIDTH} height={height} data={rows} layout="vertical" margin={{ top: 5, right: 20, bottom: 20, left: 5 }} barCategoryGap={14} barGap={2}>
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" domain={axis.domain} ticks={axis.ticks} interval={0} tickFormatter={(v: number) => formatCompact(v, 1)} tick={{ fill: INK.text, fontSize: FONT }} stroke={INK.muted} />
        <YAxis type="category" dataKey="name" width={200} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <ReferenceLine x={0} stroke={INK.text} strokeWidth={1.5} />
        {view.columns.map((c, i) => {
          const L = endLabel(c.letter, formatRmbBn);
          return <Bar key={c.ref} dataKey={`s${i}`} name={c.letter} fill={c.colour} stroke={INK.text} strokeWidth={0.5} isAnimationActive={false} label={<L />} barSize={20} />;
        })}
      </BarChart>
    </ChartFrame>
  );
}

/** Users reached per integrated service: baseline and each scenario, millions, one axis. */
export function ServiceUsersCompareChart({ view }: { view: CompareView }) {
  const changed = view.services.filter((s) => s.scenario.some((v) => Math.abs(v - s.baseline) > 1e-9));
  const id = "compare-services-chart";
  if (changed.length === 0) {
    return <p className="chart-note">None of the chosen scenarios changes the users of any service: see the table.</p>;
  }
  const rows = changed.map((s) => {
    const d: Record<string, number | string> = { name: s.name, base: s.baseline };
    s.scenario.forEach((v, i) => (d[`s${i}`] = v));
    return d;
  });
  const axis = sharedAxis(changed.flatMap((s) => [s.baseline, ...s.scenario]), 0.14, 6);
  const n = view.columns.length + 1;
  const height = changed.length * (n * 18 + 22) + 50;
  const BaseLabel = valueLabel("Base", formatMillions);
  return (
    <ChartFrame
      id={id}
      title="Users reached per service, millions a year (one axis for all)"
      description={`Grouped horizontal bar chart of the users reached by ${changed.length} services that change in at least one scenario: the baseline and ${view.columns.length} scenarios on one axis in millions. The numbers are in the table.`}
      legend={legendFor(view.columns, true)}
      note={
        changed.length < view.services.length
          ? `${view.services.length - changed.length} services no chosen scenario changes are in the table only.`
          : undefined
      }
    >
      <BarChart id={id} width={WIDTH} height={height} data={rows} layout="vertical" margin={{ top: 5, right: 20, bottom: 20, left: 5 }} barCategoryGap={12} barGap={1}>
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" domain={axis.domain} ticks={axis.ticks} interval={0} tickFormatter={(v: number) => formatCompact(v, 1)} tick={{ fill: INK.text, fontSize: FONT }} stroke={INK.muted} />
        <YAxis type="category" dataKey="name" width={220} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="base" name="Base" fill={BASELINE_COLOUR} stroke={INK.text} strokeWidth={0.5} isAnimationActive={false} label={<BaseLabel />} barSize={15} />
        {view.columns.map((c, i) => {
          const L = valueLabel(c.letter, formatMillions);
          return <Bar key={c.ref} dataKey={`s${i}`} name={c.letter} fill={c.colour} stroke={INK.text} strokeWidth={0.5} isAnimationActive={false} label={<L />} barSize={15} />;
        })}
      </BarChart>
    </ChartFrame>
  );
}

/** Capital shortfall and how it is met, per scenario, RMB bn, one axis. */
export function CapitalCompareChart({ view }: { view: CompareView }) {
  const id = "compare-capital-chart";
  if (view.capital.every((c) => c.shortfall === 0 && c.raised === 0)) {
    return <p className="chart-note">None of the chosen scenarios leaves a capital shortfall: see the table.</p>;
  }
  const rows = view.columns.map((c, i) => ({
    name: `${c.letter}: ${c.title}`,
    shortfall: view.capital[i]!.shortfall,
    raised: view.capital[i]!.raised,
    shrunk: view.capital[i]!.shrunk,
  }));
  const axis = sharedAxis(rows.flatMap((r) => [r.shortfall, r.raised, r.shrunk]), 0.3, 6);
  const height = rows.length * 3 * 22 + rows.length * 26 + 50;
  const ShortLabel = valueLabel("Shortfall", formatRmbBn);
  const RaisedLabel = valueLabel("Raised", formatRmbBn);
  const ShrunkLabel = valueLabel("By shrinking", formatRmbBn);
  return (
    <ChartFrame
      id={id}
      title="Capital shortfall and how it is met, RMB bn (one axis for all)"
      description={`Grouped horizontal bar chart of the capital shortfall, the capital raised, and the part met by shrinking books for ${rows.length} scenarios on one axis in RMB bn. The numbers are in the table.`}
      legend={[
        { label: "Shortfall before the response", color: OKABE_ITO.vermillion },
        { label: "Raised (hatched)", color: OKABE_ITO.blue, pattern: "hatch" },
        { label: "Met by shrinking books", color: OKABE_ITO.skyBlue },
      ]}
      note="Each bar is labelled with what it measures."
    >
      <BarChart id={id} width={WIDTH} height={height} data={rows} layout="vertical" margin={{ top: 5, right: 20, bottom: 20, left: 5 }} barCategoryGap={14} barGap={2}>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={OKABE_ITO.blue} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2.5" />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" domain={axis.domain} ticks={axis.ticks} interval={0} tickFormatter={(v: number) => formatCompact(v, 1)} tick={{ fill: INK.text, fontSize: FONT }} stroke={INK.muted} />
        <YAxis type="category" dataKey="name" width={230} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="shortfall" fill={OKABE_ITO.vermillion} stroke={INK.text} strokeWidth={0.5} isAnimationActive={false} label={<ShortLabel />} barSize={18} />
        <Bar dataKey="raised" fill={`url(#${id}-hatch)`} stroke={INK.text} strokeWidth={0.5} isAnimationActive={false} label={<RaisedLabel />} barSize={18} />
        <Bar dataKey="shrunk" fill={OKABE_ITO.skyBlue} stroke={INK.text} strokeWidth={0.5} isAnimationActive={false} label={<ShrunkLabel />} barSize={18} />
      </BarChart>
    </ChartFrame>
  );
}

/** A band's name above the plot, as plain SVG text (recharts' own Text wraps differently on server and client). */
function BandTick({ x = 0, y = 0, payload }: { x?: number | string; y?: number | string; payload?: { value: unknown } }) {
  const band = BAND_TICKS.find((b) => b.at === payload?.value);
  // The middle band is narrow: its name goes on a row of its own so it never runs into its neighbours'.
  return (
    <text x={Number(x)} y={Number(y) - (band?.row ? 20 : 4)} textAnchor="middle" fill={INK.muted} fontSize={13}>
      {band?.label ?? ""}
    </text>
  );
}

const BAND_TICKS = [
  { at: BANDS.moderate / 2, label: "Unconcentrated", row: 0 },
  { at: (BANDS.moderate + BANDS.high) / 2, label: "Moderately concentrated", row: 1 },
  { at: (BANDS.high + 10_000) / 2, label: "Highly concentrated", row: 0 },
];

/** HHI per market: baseline and each scenario against the 2010 US guidelines' bands, 0 to 10,000. */
export function HhiCompareChart({ view }: { view: CompareView }) {
  const id = "compare-hhi-chart";
  const rows = view.markets.map((m) => {
    const d: Record<string, number | string> = { name: m.name, base: Math.round(m.baseline) };
    m.scenario.forEach((v, i) => (d[`s${i}`] = Math.round(v)));
    return d;
  });
  const n = view.columns.length + 1;
  const height = rows.length * (n * 20 + 34) + 80;
  const BaseLabel = valueLabel("Base", formatHhi);
  return (
    <ChartFrame
      id={id}
      title="Concentration: HHI by market, baseline and each scenario (0 to 10,000, one axis for all)"
      description={`Grouped horizontal bar chart of the Herfindahl-Hirschman index of ${rows.length} markets, baseline and ${view.columns.length} scenarios, against the bands at 1,500 and 2,500. The numbers are in the table.`}
      legend={legendFor(view.columns, true)}
      note="HHI = sum of the squared shares in percent; fragmented remainders count as 0. Bands (shaded, named above the plot): 2010 US Horizontal Merger Guidelines, 1,500 and 2,500."
    >
      <BarChart id={id} width={WIDTH} height={height} data={rows} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 5 }} barCategoryGap={16} barGap={2}>
        <ReferenceArea x1={0} x2={BANDS.moderate} fill={tint(OKABE_ITO.bluishGreen, 0.14)} ifOverflow="hidden" />
        <ReferenceArea x1={BANDS.moderate} x2={BANDS.high} fill={tint(OKABE_ITO.yellow, 0.3)} ifOverflow="hidden" />
        <ReferenceArea x1={BANDS.high} x2={10_000} fill={tint(OKABE_ITO.vermillion, 0.1)} ifOverflow="hidden" />
        <CartesianGrid horizontal={false} stroke={INK.grid} strokeDasharray="3 3" />
        <ReferenceLine x={BANDS.moderate} stroke={INK.muted} strokeDasharray="6 3" />
        <ReferenceLine x={BANDS.high} stroke={INK.muted} strokeDasharray="6 3" />
        <XAxis type="number" domain={[0, 10_000]} ticks={[0, 1500, 2500, 5000, 7500, 10000]} interval={0} tickFormatter={(v: number) => formatHhi(v)} tick={{ fill: INK.text, fontSize: FONT }} stroke={INK.muted} />
        {/* The bands' names on a second axis above the plot, where no bar or label can cover them. */}
        <XAxis
          xAxisId="bands"
          orientation="top"
          type="number"
          domain={[0, 10_000]}
          ticks={BAND_TICKS.map((b) => b.at)}
          interval={0}
          tick={<BandTick />}
          tickLine={false}
          axisLine={false}
          height={40}
        />
        <YAxis type="category" dataKey="name" width={200} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="base" fill={BASELINE_COLOUR} stroke={INK.text} strokeWidth={0.5} isAnimationActive={false} label={<BaseLabel />} barSize={16} />
        {view.columns.map((c, i) => {
          const L = valueLabel(c.letter, formatHhi);
          return <Bar key={c.ref} dataKey={`s${i}`} fill={c.colour} stroke={INK.text} strokeWidth={0.5} isAnimationActive={false} label={<L />} barSize={16} />;
        })}
      </BarChart>
    </ChartFrame>
  );
}
