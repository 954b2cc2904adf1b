/**
 * Data flows between units, by category, before and after: each receiving unit's data coverage (chart, with its
 * 80% range), a units x categories matrix of the value still received beside each unit's coverage and its range,
 * and every flow in a table with the 80% range of its share kept.
 */
import { ChartFrame } from "~/components/charts/ChartFrame";
import { OKABE_ITO, tint } from "~/components/charts/palette";
import { SpecChart } from "~/components/charts/SpecChart";
import { rangeLegend, rangeOf, type BarChartSpec } from "~/components/charts/spec";
import { DataTable } from "~/components/common/DataTable";
import { ChartWithTable, Section } from "~/components/common/Section";
import { DATA_CATEGORIES } from "~/engine/vocabulary";
import type { FlowResult, Result } from "~/engine";
import type { NameLookup } from "~/scenarios/describe-rule";
import { formatPercent, formatShare } from "~/utils/format";

import { chartRangesOf } from "./chart-ranges";
import { memoBySlice } from "./memo";
import { RangeCell, rangeColumn, type LiveRanges } from "./RangeCell";

const ID = "scenario-coverage-chart";

/** Per receiving unit and category: the share of the flows' value (weighted by dependence) still received. */
export function flowMatrix(flows: FlowResult[]) {
  const cells = new Map<string, { weight: number; kept: number; count: number }>();
  for (const f of flows) {
    const key = `${f.toUnit}|${f.category}`;
    const c = cells.get(key) ?? { weight: 0, kept: 0, count: 0 };
    c.weight += f.dependence;
    c.kept += f.dependence * f.kept;
    c.count += 1;
    cells.set(key, c);
  }
  const units = [...new Set(flows.map((f) => f.toUnit))];
  const categories = DATA_CATEGORIES.filter((cat) => flows.some((f) => f.category === cat));
  const kept = (unit: string, category: string) => {
    const c = cells.get(`${unit}|${category}`);
    if (!c) return null;
    return c.weight > 0 ? c.kept / c.weight : 1;
  };
  return { units, categories, kept };
}

function FlowsSectionView({ result, names, ranges: live }: { result: Result; names: NameLookup; ranges?: LiveRanges | null }) {
  const name = (id: string) => names(id) ?? id;
  const { units, categories, kept } = flowMatrix(result.flows);
  const coverage = result.units.filter((u) => units.includes(u.id));
  const data = coverage.map((u) => ({ id: u.id, name: u.name, baseline: u.dataCoverage.baseline, scenario: u.dataCoverage.scenario }));
  const ranges = chartRangesOf(live);
  // Coverage and shares kept read with one decimal, as the chart labels them (decision 032).
  const percent1 = formatShare;

  const spec: BarChartSpec = {
    id: ID,
    orientation: "rows",
    categories: data.map((d) => d.name),
    series: [
      {
        key: "scenario",
        values: data.map((d) => d.scenario),
        fill: OKABE_ITO.skyBlue,
        stroke: OKABE_ITO.blue,
        labels: data.map((d) => formatShare(d.scenario)),
        ranges: ranges ? data.map((d) => rangeOf(ranges.coverage?.[d.id])) : undefined,
      },
    ],
    domain: [0, 1],
    ticks: [0, 0.25, 0.5, 0.75, 1],
    formatTick: (v) => formatPercent(v, 0),
    width: 560,
    height: data.length * 40 + 40,
    fontSize: 14,
    categorySize: 170,
    wrap: 18,
    margin: { top: 5, right: 64, bottom: 10, left: 5 },
    categoryGap: 0.08,
  };
  const chart = (
    <ChartFrame
      id={ID}
      title="Data coverage of each receiving unit, % of its baseline data value"
      description={`Horizontal bar chart: for ${data.length} units that receive data from other units, the share of their baseline data value still received in the scenario${ranges ? " with its 80% range" : ""}. The numbers are in the table beside it.`}
      legend={[{ label: "Scenario coverage (baseline = 100%)", color: OKABE_ITO.skyBlue }, ...rangeLegend(ranges)]}
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );

  const matrix = (
    // A labelled region in the tab order: on a narrow screen the matrix scrolls, and a keyboard must reach it too.
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="flow-matrix-caption">
      <table id="flow-matrix" className="data-table flow-matrix">
        <caption id="flow-matrix-caption">
          Data value still received, by receiving unit and category (— no such flow; before: 100% wherever a flow exists), and
          each unit&apos;s data coverage{live ? " with its 80% range" : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Receiving unit</th>
            <th scope="col" className="numeric">
              Coverage
            </th>
            {categories.map((c) => (
              <th key={c} scope="col" className="numeric">
                {c.replace("-", " ")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u} data-row-id={u}>
              <th scope="row">{name(u)}</th>
              <td data-field="coverage" className="numeric">
                <span className="num">{formatShare(result.units.find((x) => x.id === u)?.dataCoverage.scenario ?? 1)}</span>
                {live ? (
                  <span className="sub">
                    <RangeCell band={live.value.tables.flows.coverage[u]} format={percent1} pending={live.pending} />
                  </span>
                ) : null}
              </td>
              {categories.map((c) => {
                const k = kept(u, c);
                return (
                  <td
                    key={c}
                    data-field={c}
                    className="numeric"
                    style={k === null || k >= 0.9995 ? undefined : { backgroundColor: tint(OKABE_ITO.vermillion, 0.15 + 0.45 * (1 - k)) }}
                  >
                    {k === null ? <span className="sub-none">—</span> : <span className="num">{formatPercent(k, 0)}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <Section
      id="data-flows"
      title="Data flows between units, before and after"
      intro={<p>Each flow carries a dependence: how much the receiving unit's performance rests on it (an assumption). Privacy rules cut the share kept; a unit's coverage is the product over its flows of 1 − dependence × (1 − kept).</p>}
    >
      <ChartWithTable chart={chart} table={matrix} wide />
      <details className="flows-details">
        <summary>All {result.flows.length} data flows: from, to, category, dependence, kept</summary>
        <DataTable
          id="flows-table"
          scrollable
          caption="Data flows between units"
          rows={result.flows}
          rowKey={(f) => f.id}
          columns={[
            { key: "from", header: "From", cell: (f) => name(f.fromUnit) },
            { key: "to", header: "To", cell: (f) => name(f.toUnit) },
            { key: "category", header: "Category", cell: (f) => f.category.replace("-", " ") },
            { key: "dependence", header: "Dependence", numeric: true, cell: (f) => <span className="num">{formatPercent(f.dependence, 0)}</span> },
            { key: "kept", header: "Kept, before → after", numeric: true, cell: (f) => <span className="num">100% → {formatPercent(f.kept, 1)}</span> },
            ...rangeColumn<FlowResult>("keptRange", live, (r, f) => r.tables.flows.kept[f.id], percent1),
          ]}
        />
      </details>
    </Section>
  );
}

export const FlowsSection = memoBySlice(FlowsSectionView, (p) => [
  p.result.flows,
  p.result.units.map((u) => u.dataCoverage.scenario),
  p.ranges?.pending,
  p.ranges?.value.tables.flows,
  p.ranges?.value.draws,
]);
