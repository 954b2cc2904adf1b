/**
 * From the baseline to the scenario, one bar per rule: the Shapley attribution of revenue and profit
 * (attribution.ts). Each rule's bar floats from the running total before it to the one after; they add up
 * exactly to the scenario's value.
 */
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, XAxis, YAxis } from "recharts";

import { ChartFrame } from "~/components/charts/ChartFrame";
import { INK, OKABE_ITO } from "~/components/charts/palette";
import { makeLeftTick } from "~/components/charts/svgText";
import { DataTable } from "~/components/common/DataTable";
import { Section } from "~/components/common/Section";
import type { Attribution, Headline } from "~/engine";
import { formatRmbBn } from "~/utils/format";

import { direction, signed } from "./delta";
import { memoBySlice } from "./memo";

type Step = { id: string; label: string; kind: "total" | "up" | "down" | "none"; delta: number; low: number; high: number; end: number };

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

const FILL = { total: OKABE_ITO.blue, up: OKABE_ITO.bluishGreen, down: OKABE_ITO.vermillion, none: INK.grid } as const;
const LeftTick = makeLeftTick((v) => String(v), 32, 14);

/** Round axis ticks covering lo..hi: about five steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(lo: number, hi: number): number[] {
  const span = Math.max(hi - lo, 1e-9);
  const raw = span / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? p * 10;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= Math.ceil(hi / step) * step + step / 2; t += step) ticks.push(Number(t.toFixed(6)));
  return ticks;
}

function shortLabel(text: string) {
  return text.length > 90 ? `${text.slice(0, 88)}…` : text;
}

function Waterfall({ id, title, steps }: { id: string; title: string; steps: Step[] }) {
  const data = steps.map((s) => ({ ...s, name: shortLabel(s.label), range: [s.low, s.high] as [number, number] }));
  const lo = Math.min(0, ...steps.map((s) => s.low));
  const hi = Math.max(...steps.map((s) => s.high));
  const ticks = niceTicks(lo, hi);
  function ValueLabel(props: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; index?: number }) {
    const s = steps[props.index ?? 0];
    if (!s) return null;
    const text = s.kind === "total" ? formatRmbBn(s.delta) : signed(s.delta, formatRmbBn);
    const x = Number(props.x ?? 0) + Number(props.width ?? 0) + 6;
    return (
      <text x={x} y={Number(props.y ?? 0) + Number(props.height ?? 0) / 2} dominantBaseline="central" fontSize={15} fill={INK.text} fontWeight={s.kind === "total" ? 700 : 400}>
        {text}
      </text>
    );
  }
  return (
    <ChartFrame
      id={id}
      title={title}
      description={`Waterfall chart of ${title}: the baseline, one floating bar per rule (its Shapley share of the change), and the scenario. The numbers are in the table below.`}
      legend={[
        { label: "Baseline / scenario", color: FILL.total },
        { label: "Rule raises it (+)", color: FILL.up },
        { label: "Rule lowers it (−)", color: FILL.down },
      ]}
    >
      <BarChart id={id} width={640} height={data.length * 50 + 40} data={data} layout="vertical" margin={{ top: 5, right: 70, bottom: 10, left: 5 }} barCategoryGap={8}>
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" domain={[ticks[0], ticks[ticks.length - 1]]} ticks={ticks} tick={{ fill: INK.text, fontSize: 14 }} stroke={INK.muted} interval={0} />
        <YAxis type="category" dataKey="name" width={250} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <ReferenceLine x={0} stroke={INK.muted} />
        <Bar dataKey="range" isAnimationActive={false} label={<ValueLabel />}>
          {data.map((d) => (
            <Cell key={d.id} fill={FILL[d.kind]} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** The "Updating…" note and flag follow at once; the charts and table wait for the attribution (below). */
export function WaterfallSection({
  attribution,
  headline,
  pending,
  moved = [],
}: {
  attribution: Attribution;
  headline: Headline;
  pending: boolean;
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
        <WaterfallBody attribution={attribution} revenueBaseline={headline.revenue.baseline} profitBaseline={headline.profit.baseline} moved={moved} />
      </div>
    </Section>
  );
}

function WaterfallBodyView({ attribution, revenueBaseline, profitBaseline, moved }: { attribution: Attribution; revenueBaseline: number; profitBaseline: number; moved: string[] }) {
  const revenue = waterfallSteps(attribution, "revenue", revenueBaseline, moved);
  const profit = waterfallSteps(attribution, "profit", profitBaseline, moved);
  const rows = revenue.map((r, i) => ({ ...r, profit: profit[i] }));
  return (
    <>
      <div className="waterfalls">
        <Waterfall id="waterfall-revenue-chart" title="Revenue (consolidated), RMB bn a year" steps={revenue} />
        <Waterfall id="waterfall-profit-chart" title="Net profit, RMB bn a year" steps={profit} />
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
const WaterfallBody = memoBySlice(WaterfallBodyView, (p) => [p.attribution.metrics.revenue, p.attribution.metrics.profit, p.revenueBaseline, p.profitBaseline, p.moved]);
