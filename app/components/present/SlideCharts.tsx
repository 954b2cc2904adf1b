/**
 * The charts of presentation mode: the scenario page's charts redrawn for a 16:9 slide, with type large enough
 * to read from the back of a room. Each SVG has a viewBox and is scaled by CSS to the slide (present.css), so
 * one drawing serves a projector, a laptop and the printed page.
 */
import { Bar, BarChart, CartesianGrid, Cell, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";

import { ChartFrame } from "~/components/charts/ChartFrame";
import { INK, OKABE_ITO, tint } from "~/components/charts/palette";
import { makeBottomTick, makeLeftTick } from "~/components/charts/svgText";
import { capitalUnits } from "~/components/scenario/CapitalSection";
import { signed } from "~/components/scenario/delta";
import { PATTERN } from "~/components/scenario/patterns";
import { STATUS_LABEL } from "~/components/scenario/ServicesSection";
import { niceTicks, waterfallSteps } from "~/components/scenario/WaterfallSection";
import { HHI_BANDS, type Attribution, type HhiBands, type Headline, type Result, type ServiceStatus } from "~/engine";
import { formatHhi, formatMillions, formatRmbBn } from "~/utils/format";

const FONT = 24;
const SMALL = 21;
const BASE_GREY = "#b8c2cc";

type BarLabelProps = { x?: number | string; y?: number | string; width?: number | string; height?: number | string; index?: number; value?: unknown };

const STATUS_FILL: Record<ServiceStatus, string> = {
  integrated: OKABE_ITO.blue,
  "linked-out": PATTERN.linkedOut,
  reduced: PATTERN.reduced,
  gone: OKABE_ITO.blue,
};

const ServiceTick = makeLeftTick((v) => String(v), 30, FONT);

/** Users per service, baseline and scenario, with each service's status as a word. */
export function ServicesSlideChart({ result }: { result: Pick<Result, "services"> }) {
  const data = [...result.services]
    .sort((a, b) => b.users.baseline - a.users.baseline)
    .map((s) => ({ id: s.id, name: s.name, baseline: s.users.baseline, scenario: s.users.scenario, status: s.status }));
  const max = Math.max(1, ...data.map((d) => Math.max(d.baseline, d.scenario)));
  const id = "present-services-chart";
  function ScenarioLabel(props: BarLabelProps) {
    const row = data[props.index ?? 0];
    if (!row) return null;
    return (
      <text x={Number(props.x ?? 0) + Number(props.width ?? 0) + 8} y={Number(props.y ?? 0) + Number(props.height ?? 0) / 2} dominantBaseline="central" fontSize={FONT} fill={INK.text}>
        {formatMillions(row.scenario)}
        {row.status === "integrated" ? null : <tspan fontWeight={700}> · {STATUS_LABEL[row.status]}</tspan>}
      </text>
    );
  }
  return (
    <ChartFrame
      id={id}
      title="Users reached per service, millions a year"
      description={`Horizontal bar chart: users of each of ${data.length} services at the baseline (grey) and in the scenario, with the status of any service that is no longer integrated.`}
      legend={[
        { label: "Baseline", color: BASE_GREY },
        { label: "Scenario: integrated", color: OKABE_ITO.blue },
        { label: "Linked out", color: OKABE_ITO.orange, pattern: "hatch" },
        { label: "Reduced", color: OKABE_ITO.vermillion, pattern: "hatch" },
      ]}
    >
      <BarChart id={id} width={1600} height={data.length * 54 + 50} data={data} layout="vertical" margin={{ top: 4, right: 260, bottom: 8, left: 8 }} barCategoryGap={5} barGap={1}>
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" domain={[0, Math.ceil(max / 100) * 100]} tickCount={6} tick={{ fill: INK.text, fontSize: SMALL }} stroke={INK.muted} interval={0} />
        <YAxis type="category" dataKey="name" width={400} tick={<ServiceTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="baseline" fill={BASE_GREY} isAnimationActive={false} />
        <Bar dataKey="scenario" isAnimationActive={false} label={<ScenarioLabel />}>
          {data.map((d) => (
            <Cell key={d.id} fill={STATUS_FILL[d.status]} stroke={d.status === "integrated" ? undefined : INK.text} strokeWidth={0.8} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

const WATERFALL_FILL = { total: OKABE_ITO.blue, up: OKABE_ITO.bluishGreen, down: OKABE_ITO.vermillion, none: INK.grid } as const;
const RuleTick = makeLeftTick((v) => String(v), 42, SMALL);
const ROW = 62;

function shortLabel(text: string) {
  return text.length > 120 ? `${text.slice(0, 118)}…` : text;
}

/** One waterfall of the pair; the second hides its rule names (the rows line up with the first's). */
function SlideWaterfall({ id, metric, title, attribution, headline, withLabels, moved }: { id: string; metric: "revenue" | "profit"; title: string; attribution: Attribution; headline: Headline; withLabels: boolean; moved: string[] }) {
  const steps = waterfallSteps(attribution, metric, headline[metric].baseline, moved);
  const data = steps.map((s) => ({ ...s, name: shortLabel(s.label), range: [s.low, s.high] as [number, number] }));
  const lo = Math.min(0, ...steps.map((s) => s.low));
  const hi = Math.max(...steps.map((s) => s.high));
  const ticks = niceTicks(lo, hi);
  function ValueLabel(props: BarLabelProps) {
    const s = steps[props.index ?? 0];
    if (!s) return null;
    return (
      <text x={Number(props.x ?? 0) + Number(props.width ?? 0) + 8} y={Number(props.y ?? 0) + Number(props.height ?? 0) / 2} dominantBaseline="central" fontSize={SMALL} fill={INK.text} fontWeight={s.kind === "total" ? 700 : 400}>
        {s.kind === "total" ? formatRmbBn(s.delta) : signed(s.delta, formatRmbBn)}
      </text>
    );
  }
  return (
    <ChartFrame
      id={id}
      title={title}
      description={`Waterfall chart of ${title}: the baseline, one floating bar per rule (its Shapley share of the change), and the scenario.`}
      legend={[
        { label: "Baseline / scenario", color: WATERFALL_FILL.total },
        { label: "Rule raises it (+)", color: WATERFALL_FILL.up },
        { label: "Rule lowers it (−)", color: WATERFALL_FILL.down },
      ]}
    >
      <BarChart id={id} width={withLabels ? 1080 : 560} height={data.length * ROW + 50} data={data} layout="vertical" margin={{ top: 4, right: 110, bottom: 8, left: 8 }} barCategoryGap={10}>
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" domain={[ticks[0]!, ticks[ticks.length - 1]!]} ticks={ticks} tick={{ fill: INK.text, fontSize: SMALL }} stroke={INK.muted} interval={0} />
        <YAxis type="category" dataKey="name" width={withLabels ? 500 : 1} tick={withLabels ? <RuleTick /> : false} interval={0} stroke={INK.muted} />
        <ReferenceLine x={0} stroke={INK.muted} />
        <Bar dataKey="range" isAnimationActive={false} label={<ValueLabel />}>
          {data.map((d) => (
            <Cell key={d.id} fill={WATERFALL_FILL[d.kind]} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** Revenue and profit from baseline to scenario, one bar per rule, side by side. */
export function WaterfallSlideCharts({ attribution, headline, moved = [] }: { attribution: Attribution; headline: Headline; moved?: string[] }) {
  return (
    <div className="slide-waterfalls">
      <SlideWaterfall id="present-waterfall-revenue-chart" metric="revenue" title="Revenue (consolidated), RMB bn a year" attribution={attribution} headline={headline} withLabels moved={moved} />
      <SlideWaterfall id="present-waterfall-profit-chart" metric="profit" title="Net profit, RMB bn a year" attribution={attribution} headline={headline} withLabels={false} moved={moved} />
    </div>
  );
}

const UnitTick = makeLeftTick((v) => String(v), 22, FONT);

function EndLabel(props: BarLabelProps) {
  if (typeof props.value !== "number") return null;
  return (
    <text x={Number(props.x ?? 0) + Number(props.width ?? 0) + 8} y={Number(props.y ?? 0) + Number(props.height ?? 0) / 2} dominantBaseline="central" fontSize={SMALL} fill={INK.text}>
      {formatRmbBn(props.value)}
    </text>
  );
}

/** Capital held before, required by the scenario, and held after, per unit with a book or a requirement. */
export function CapitalSlideChart({ result }: { result: Result }) {
  const units = capitalUnits(result);
  const data = units.map((u) => ({ id: u.id, name: u.name, heldBefore: u.capitalHeld.baseline, required: u.capitalRequired.scenario, heldAfter: u.capitalHeld.scenario }));
  const max = Math.max(1, ...data.map((d) => Math.max(d.heldBefore, d.required, d.heldAfter)));
  const id = "present-capital-chart";
  return (
    <ChartFrame
      id={id}
      title="Capital required and held per unit, RMB bn"
      description={`Horizontal bar chart: for ${data.length} units, capital held before the scenario, capital the scenario requires, and capital held after the unit responds.`}
      legend={[
        { label: "Held before", color: BASE_GREY },
        { label: "Required by the scenario", color: OKABE_ITO.vermillion, pattern: "hatch" },
        { label: "Held after", color: OKABE_ITO.blue },
      ]}
    >
      <BarChart id={id} width={1150} height={Math.max(3, data.length) * 150 + 50} data={data} layout="vertical" margin={{ top: 4, right: 90, bottom: 8, left: 8 }} barCategoryGap={12} barGap={2}>
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" domain={[0, Math.ceil(max / 5) * 5]} tick={{ fill: INK.text, fontSize: SMALL }} stroke={INK.muted} interval={0} />
        <YAxis type="category" dataKey="name" width={300} tick={<UnitTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="heldBefore" fill={BASE_GREY} isAnimationActive={false} label={<EndLabel />} />
        <Bar dataKey="required" fill={PATTERN.required} stroke={OKABE_ITO.vermillion} isAnimationActive={false} label={<EndLabel />} />
        <Bar dataKey="heldAfter" fill={OKABE_ITO.blue} isAnimationActive={false} label={<EndLabel />} />
      </BarChart>
    </ChartFrame>
  );
}

const MarketTick = makeBottomTick((v) => String(v), 18, FONT);

/** HHI per market before and after, against the chosen guidelines' bands. */
export function HhiSlideChart({ result, bands }: { result: Pick<Result, "markets">; bands: HhiBands }) {
  const b = HHI_BANDS[bands];
  const data = result.markets.map((m) => ({ name: m.name, baseline: Math.round(m.hhi.baseline), scenario: Math.round(m.hhi.scenario) }));
  const id = "present-hhi-chart";
  const TopLabel = (props: BarLabelProps) =>
    typeof props.value === "number" ? (
      <text x={Number(props.x ?? 0) + Number(props.width ?? 0) / 2} y={Number(props.y ?? 0) - 8} textAnchor="middle" fontSize={SMALL} fill={INK.text}>
        {formatHhi(props.value)}
      </text>
    ) : null;
  const bandLabel = (text: string) =>
    function BandLabel({ viewBox }: { viewBox?: { x?: number; y?: number; width?: number } }) {
      const { x = 0, y = 0, width = 0 } = viewBox ?? {};
      return (
        <text x={x + width - 8} y={y + 24} textAnchor="end" fontSize={SMALL} fill={INK.muted}>
          {text}
        </text>
      );
    };
  return (
    <ChartFrame
      id={id}
      title="Concentration (HHI, 0 to 10,000), before and after"
      description={`Bar chart of the HHI of ${data.length} markets before and after the scenario, against the ${b.label} bands at ${b.moderate} and ${b.high}.`}
      legend={[
        { label: "Before", color: BASE_GREY },
        { label: "After", color: OKABE_ITO.blue },
      ]}
    >
      <BarChart id={id} width={1040} height={640} data={data} margin={{ top: 30, right: 10, bottom: 10, left: 10 }} barGap={4}>
        <ReferenceArea y1={0} y2={b.moderate} fill={tint(OKABE_ITO.bluishGreen, 0.12)} ifOverflow="hidden" label={bandLabel("Unconcentrated")} />
        <ReferenceArea y1={b.moderate} y2={b.high} fill={tint(OKABE_ITO.yellow, 0.25)} ifOverflow="hidden" label={bandLabel("Moderate")} />
        <ReferenceArea y1={b.high} y2={10_000} fill={tint(OKABE_ITO.vermillion, 0.1)} ifOverflow="hidden" label={bandLabel("Highly concentrated")} />
        <CartesianGrid vertical={false} stroke={INK.grid} strokeDasharray="3 3" />
        <ReferenceLine y={b.moderate} stroke={INK.muted} strokeDasharray="6 3" />
        <ReferenceLine y={b.high} stroke={INK.muted} strokeDasharray="6 3" />
        <XAxis dataKey="name" interval={0} height={70} tick={<MarketTick />} stroke={INK.muted} />
        <YAxis type="number" domain={[0, 10_000]} ticks={[0, b.moderate, b.high, 5000, 7500, 10000]} interval={0} tickFormatter={(v: number) => formatHhi(v)} tick={{ fill: INK.text, fontSize: SMALL }} width={90} stroke={INK.muted} />
        <Bar dataKey="baseline" fill={BASE_GREY} isAnimationActive={false} label={<TopLabel />} maxBarSize={110} />
        <Bar dataKey="scenario" fill={OKABE_ITO.blue} isAnimationActive={false} label={<TopLabel />} maxBarSize={110} />
      </BarChart>
    </ChartFrame>
  );
}
