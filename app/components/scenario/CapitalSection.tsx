/** Capital required against capital held per unit, the shortfall and how it is met (raise, shrink or facilitate). */
import { ChartFrame } from "~/components/charts/ChartFrame";
import { OKABE_ITO } from "~/components/charts/palette";
import { SpecChart } from "~/components/charts/SpecChart";
import { rangeLegend, rangeOf, rowsFrame, type BarChartSpec, type ChartRanges, type RowsSize } from "~/components/charts/spec";
import { DataTable } from "~/components/common/DataTable";
import { ChartWithTable, Section } from "~/components/common/Section";
import type { Result, UnitResult } from "~/engine";
import { formatCompact, formatRmbBn } from "~/utils/format";

import { chartRangesOf } from "./chart-ranges";
import { memoBySlice } from "./memo";
import { PATTERN } from "./patterns";
import { rangeColumn, type LiveRanges } from "./RangeCell";
import { BASE_GREY } from "./ServicesSection";

const ID = "scenario-capital-chart";
const RESPONSE = { raise: "raises capital", shrink: "shrinks its book", facilitate: "moves loans to partner banks" } as const;

/** Units a capital chart is about: those with a credit book or fund, or a requirement under the scenario. */
export function capitalUnits(result: Result): UnitResult[] {
  return result.units.filter((u) => u.book !== null || u.capitalRequired.scenario > 0 || u.shortfall > 0);
}

/** Capital held before, required (with its 80% range) and held after, per unit, as a spec. */
export function capitalChartSpec(result: Result, ranges: ChartRanges | null | undefined, opts: RowsSize): BarChartSpec {
  const units = capitalUnits(result);
  const required = units.map((u) => rangeOf(ranges?.units?.[u.id]?.capitalRequired));
  const max = Math.max(1, ...units.map((u) => Math.max(u.capitalHeld.baseline, u.capitalRequired.scenario, u.capitalHeld.scenario)), ...required.map((r) => r?.high ?? 0));
  const top = Math.ceil(max / 5) * 5;
  const label = (v: number) => formatRmbBn(v);
  return {
    ...rowsFrame(opts, units.length, top),
    categories: units.map((u) => u.name),
    series: [
      { key: "heldBefore", values: units.map((u) => u.capitalHeld.baseline), fill: BASE_GREY, labels: units.map((u) => label(u.capitalHeld.baseline)) },
      {
        key: "required",
        values: units.map((u) => u.capitalRequired.scenario),
        fill: PATTERN.required,
        stroke: OKABE_ITO.vermillion,
        labels: units.map((u) => label(u.capitalRequired.scenario)),
        ranges: ranges ? required : undefined,
      },
      { key: "heldAfter", values: units.map((u) => u.capitalHeld.scenario), fill: OKABE_ITO.blue, labels: units.map((u) => label(u.capitalHeld.scenario)) },
    ],
    formatTick: (v) => formatCompact(v, 0),
    categoryGap: 0.1,
    barGap: 1,
  };
}

function CapitalSectionView({ result, ranges: live }: { result: Result; ranges?: LiveRanges | null }) {
  const ranges = chartRangesOf(live);
  const units = capitalUnits(result);
  const spec = capitalChartSpec(result, ranges, { id: ID, width: 640, row: 78, font: 15, categorySize: 170, wrap: 18, right: 80 });
  const shortfall = result.headline.capitalShortfall.scenario;
  const chart = (
    <ChartFrame
      id={ID}
      title="Capital required and held per unit, RMB bn"
      description={`Horizontal bar chart: for ${units.length} units, capital held before the scenario, capital the scenario requires${ranges ? " with its 80% range" : ""}, and capital held after the unit responds. The numbers are in the table beside it.`}
      legend={[
        { label: "Held before", color: BASE_GREY },
        { label: "Required by the scenario", color: OKABE_ITO.vermillion, pattern: "hatch" },
        { label: "Held after (with capital raised)", color: OKABE_ITO.blue },
        ...rangeLegend(ranges),
      ]}
      note={`Required capital is shown before the unit responds, so a stricter rule never shows less. A unit that shrinks its book keeps the capital it held.${ranges ? " The range is drawn on the requirement: held capital is the model's input or follows from it." : ""}`}
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );
  const table = (
    <DataTable
      id="capital-table"
      scrollable
      caption={`Capital per unit, RMB bn (total shortfall ${formatRmbBn(shortfall)}, raised ${formatRmbBn(result.headline.capitalRaised.scenario)})`}
      rows={units}
      rowKey={(u) => u.id}
      columns={[
        { key: "name", header: "Unit", cell: (u) => u.name },
        {
          key: "book",
          header: "Book / AUM, before → after",
          numeric: true,
          cell: (u) =>
            u.book ? (
              <>
                <span className="num">
                  {formatRmbBn(u.book.baseline)} → {formatRmbBn(u.book.scenario)}
                </span>
                {u.ownFundedBook ? (
                  <span className="sub">
                    own-funded {formatRmbBn(u.ownFundedBook.baseline)} → {formatRmbBn(u.ownFundedBook.scenario)}
                  </span>
                ) : null}
              </>
            ) : (
              "—"
            ),
        },
        { key: "heldBefore", header: "Held before", numeric: true, cell: (u) => <span className="num">{formatRmbBn(u.capitalHeld.baseline)}</span> },
        { key: "required", header: "Required", numeric: true, cell: (u) => <span className="num">{formatRmbBn(u.capitalRequired.scenario)}</span> },
        ...rangeColumn<UnitResult>("requiredRange", live, (r, u) => r.tables.units[u.id]?.capitalRequired, formatRmbBn),
        { key: "shortfall", header: "Shortfall", numeric: true, cell: (u) => <span className="num">{formatRmbBn(u.shortfall)}</span> },
        ...rangeColumn<UnitResult>("shortfallRange", live, (r, u) => r.tables.units[u.id]?.capitalShortfall, formatRmbBn),
        {
          key: "response",
          header: "Met by",
          cell: (u) =>
            u.response ? (
              <>
                {RESPONSE[u.response]}
                {u.capitalRaised > 0 ? (
                  <span className="sub" data-field="raised">
                    raised <span className="num">{formatRmbBn(u.capitalRaised)}</span>
                  </span>
                ) : null}
              </>
            ) : (
              "—"
            ),
        },
        { key: "heldAfter", header: "Held after", numeric: true, cell: (u) => <span className="num">{formatRmbBn(u.capitalHeld.scenario)}</span> },
      ]}
    />
  );
  return (
    <Section id="capital" title="Capital: required against held, and how a shortfall is met">
      <ChartWithTable chart={chart} table={table} wide />
    </Section>
  );
}

export const CapitalSection = memoBySlice(CapitalSectionView, (p) => [
  capitalUnits(p.result),
  p.result.headline.capitalShortfall,
  p.result.headline.capitalRaised,
  p.ranges?.pending,
  p.ranges?.value.tables.units,
]);
