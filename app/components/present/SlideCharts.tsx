/**
 * The charts of presentation mode: the scenario page's charts (the same chart specs, decision 022) drawn for a
 * 16:9 slide, with type large enough to read from the back of a room, each with the 80% range marks of the
 * scenario page. The slide gives each chart its box (present.css): the plain SVG scales into it, and recharts
 * then draws at the box's size.
 */
import { ChartFrame } from "~/components/charts/ChartFrame";
import { OKABE_ITO } from "~/components/charts/palette";
import { SpecChart } from "~/components/charts/SpecChart";
import { rangeLegend, rangeOf, type ChartRanges } from "~/components/charts/spec";
import { capitalChartSpec } from "~/components/scenario/CapitalSection";
import { hhiChartSpec } from "~/components/scenario/MarketsSection";
import { BASE_GREY, servicesChartSpec } from "~/components/scenario/ServicesSection";
import { WATERFALL_FILL, waterfallSpec, waterfallSteps } from "~/components/scenario/WaterfallSection";
import type { Attribution, HhiBands, Headline, Result } from "~/engine";

const FONT = 24;
const SMALL = 21;

/** Users per service, baseline and scenario, with each service's status as a word. */
export function ServicesSlideChart({ result, ranges }: { result: Pick<Result, "services">; ranges?: ChartRanges | null }) {
  const id = "present-services-chart";
  const spec = servicesChartSpec(result, ranges, { id, width: 1600, row: 54, font: FONT, categorySize: 400, wrap: 30, right: 300, baselineLabels: false });
  return (
    <ChartFrame
      id={id}
      title="Users reached per service, millions a year"
      description={`Horizontal bar chart: users of each of ${result.services.length} services at the baseline (grey) and in the scenario${ranges ? " with its 80% range" : ""}, with each service's status.`}
      legend={[
        { label: "Baseline", color: BASE_GREY },
        { label: "Scenario: integrated", color: OKABE_ITO.blue },
        { label: "Linked out", color: OKABE_ITO.orange, pattern: "hatch" },
        { label: "Reduced", color: OKABE_ITO.vermillion, pattern: "hatch" },
        ...rangeLegend(ranges),
      ]}
    >
      <SpecChart spec={spec} fit="box" fontVar={false} />
    </ChartFrame>
  );
}

/** One waterfall of the pair; the second hides its rule names (the rows line up with the first's). */
function SlideWaterfall({ id, metric, title, attribution, headline, withLabels, moved, ranges }: { id: string; metric: "revenue" | "profit"; title: string; attribution: Attribution; headline: Headline; withLabels: boolean; moved: string[]; ranges?: ChartRanges | null }) {
  const steps = waterfallSteps(attribution, metric, headline[metric].baseline, moved);
  const range = rangeOf(ranges?.headline?.[metric]);
  const spec = waterfallSpec(steps, range, {
    id,
    width: withLabels ? 1080 : 560,
    row: 62,
    font: SMALL,
    categorySize: withLabels ? 500 : 1,
    wrap: 42,
    right: 120,
    labelMax: 120,
  });
  return (
    <ChartFrame
      id={id}
      title={title}
      description={`Waterfall chart of ${title}: the baseline, one floating bar per rule (its Shapley share of the change), and the scenario${range ? " with its 80% range" : ""}.`}
      legend={[
        { label: "Baseline / scenario", color: WATERFALL_FILL.total },
        { label: "Rule raises it (+)", color: WATERFALL_FILL.up },
        { label: "Rule lowers it (−)", color: WATERFALL_FILL.down },
        ...(range ? rangeLegend(ranges) : []),
      ]}
    >
      <SpecChart spec={spec} fit="box" fontVar={false} />
    </ChartFrame>
  );
}

/** Revenue and profit from baseline to scenario, one bar per rule, side by side. */
export function WaterfallSlideCharts({ attribution, headline, moved = [], ranges }: { attribution: Attribution; headline: Headline; moved?: string[]; ranges?: ChartRanges | null }) {
  return (
    <div className="slide-waterfalls">
      <SlideWaterfall id="present-waterfall-revenue-chart" metric="revenue" title="Revenue (consolidated), RMB bn a year" attribution={attribution} headline={headline} withLabels moved={moved} ranges={ranges} />
      <SlideWaterfall id="present-waterfall-profit-chart" metric="profit" title="Net profit, RMB bn a year" attribution={attribution} headline={headline} withLabels={false} moved={moved} ranges={ranges} />
    </div>
  );
}

/** Capital held before, required by the scenario, and held after, per unit with a book or a requirement. */
export function CapitalSlideChart({ result, ranges }: { result: Result; ranges?: ChartRanges | null }) {
  const id = "present-capital-chart";
  const spec = capitalChartSpec(result, ranges, { id, width: 1150, row: 150, font: 22, categorySize: 300, wrap: 22, right: 110 });
  return (
    <ChartFrame
      id={id}
      title="Capital required and held per unit, RMB bn"
      description={`Horizontal bar chart: for ${spec.categories.length} units, capital held before the scenario, capital the scenario requires${ranges ? " with its 80% range" : ""}, and capital held after the unit responds.`}
      legend={[
        { label: "Held before", color: BASE_GREY },
        { label: "Required by the scenario", color: OKABE_ITO.vermillion, pattern: "hatch" },
        { label: "Held after", color: OKABE_ITO.blue },
        ...rangeLegend(ranges),
      ]}
    >
      <SpecChart spec={spec} fit="box" fontVar={false} />
    </ChartFrame>
  );
}

/** HHI per market before and after, against the chosen guidelines' bands. */
export function HhiSlideChart({ result, bands, ranges }: { result: Pick<Result, "markets">; bands: HhiBands; ranges?: ChartRanges | null }) {
  const id = "present-hhi-chart";
  const spec = hhiChartSpec(result, bands, ranges, { id, width: 1040, height: 640, font: SMALL, categorySize: 70, wrap: 18, maxBarSize: 110, short: true });
  return (
    <ChartFrame
      id={id}
      title="Concentration (HHI, 0 to 10,000), before and after"
      description={`Bar chart of the HHI of ${result.markets.length} markets before and after the scenario${ranges ? " with its 80% range" : ""}, against the bands at the chosen guidelines' thresholds.`}
      legend={[{ label: "Before", color: BASE_GREY }, { label: "After", color: OKABE_ITO.blue }, ...rangeLegend(ranges)]}
    >
      <SpecChart spec={spec} fit="box" fontVar={false} />
    </ChartFrame>
  );
}
