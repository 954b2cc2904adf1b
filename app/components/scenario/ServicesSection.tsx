/** Alipay's integrated services before and after: users reached, status (as words and patterns), integration. */
import { ChartFrame } from "~/components/charts/ChartFrame";
import { INK, OKABE_ITO } from "~/components/charts/palette";
import { SpecChart } from "~/components/charts/SpecChart";
import { rangeLegend, rangeOf, rowsFrame, type BarChartSpec, type ChartRanges, type RowsSize } from "~/components/charts/spec";
import { DataTable } from "~/components/common/DataTable";
import { ChartWithTable, Section } from "~/components/common/Section";
import type { Result, ServiceStatus } from "~/engine";
import { formatCompact, formatMillions, formatPercent } from "~/utils/format";

import { signed } from "./delta";
import { memoBySlice } from "./memo";
import { chartRangesOf } from "./chart-ranges";
import { PATTERN } from "./patterns";
import { rangeColumn, type LiveRanges } from "./RangeCell";

const ID = "scenario-services-chart";
const ROW = 46;
export const BASE_GREY = "#b8c2cc";

export const STATUS_LABEL: Record<ServiceStatus, string> = {
  integrated: "integrated",
  "linked-out": "linked out",
  reduced: "reduced",
  gone: "gone",
};
export const STATUS_FILL: Record<ServiceStatus, string> = {
  integrated: OKABE_ITO.blue,
  "linked-out": PATTERN.linkedOut,
  reduced: PATTERN.reduced,
  gone: OKABE_ITO.blue,
};

type Row = { id: string; name: string; baseline: number; scenario: number; status: ServiceStatus };

/** The services chart as a spec: baseline and scenario users per service, the scenario with its 80% range. */
export function servicesChartSpec(result: Pick<Result, "services">, ranges: ChartRanges | null | undefined, opts: RowsSize & { baselineLabels: boolean }): BarChartSpec {
  const data: Row[] = [...result.services]
    .sort((a, b) => b.users.baseline - a.users.baseline)
    .map((s) => ({ id: s.id, name: s.name, baseline: s.users.baseline, scenario: s.users.scenario, status: s.status }));
  const scenarioRanges = data.map((d) => rangeOf(ranges?.services?.[d.id]?.users));
  const max = Math.max(1, ...data.map((d) => Math.max(d.baseline, d.scenario)), ...scenarioRanges.map((r) => r?.high ?? 0));
  const top = Math.ceil(max / 100) * 100;
  return {
    ...rowsFrame(opts, data.length, top),
    categories: data.map((d) => d.name),
    series: [
      {
        key: "baseline",
        values: data.map((d) => d.baseline),
        fill: BASE_GREY,
        labels: opts.baselineLabels ? data.map((d) => formatMillions(d.baseline)) : undefined,
        mutedLabels: true,
      },
      {
        key: "scenario",
        values: data.map((d) => d.scenario),
        fill: OKABE_ITO.blue,
        fills: data.map((d) => STATUS_FILL[d.status]),
        strokes: data.map((d) => (d.status === "integrated" ? undefined : INK.text)),
        strokeWidth: 0.5,
        labels: data.map((d) => ({ text: `${formatMillions(d.scenario)} · `, strong: STATUS_LABEL[d.status] })),
        ranges: ranges ? scenarioRanges : undefined,
      },
    ],
    formatTick: (v) => formatCompact(v, 0),
    categoryGap: 0.08,
    barGap: 1,
  };
}

function ServicesSectionView({ result, ranges: live }: { result: Result; ranges?: LiveRanges | null }) {
  const services = result.services;
  const ranges = chartRangesOf(live);
  const spec = servicesChartSpec(result, ranges, { id: ID, width: 900, row: ROW, font: 15, categorySize: 210, wrap: 24, right: 170, baselineLabels: true });
  const chart = (
    <ChartFrame
      id={ID}
      title="Users reached per service, millions a year: baseline and scenario"
      description={`Horizontal bar chart: for each of ${services.length} services, users reached at the baseline and in the scenario${ranges ? " with its 80% range" : ""}, with the service's status as a word. The numbers are in the table beside it.`}
      legend={[
        { label: "Baseline", color: BASE_GREY },
        { label: "Scenario: integrated", color: OKABE_ITO.blue },
        { label: "Scenario: linked out", color: OKABE_ITO.orange, pattern: "hatch" },
        { label: "Scenario: reduced", color: OKABE_ITO.vermillion, pattern: "hatch" },
        ...rangeLegend(ranges),
      ]}
      note="Status: integrated (all entry points kept), linked out (only a link to another entity), reduced (users fall more than the reduced-threshold assumption, or an entry point is removed), gone (no users)."
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );

  const table = (
    <DataTable
      id="services-result-table"
      scrollable
      caption="Services: users (millions a year), integration inside Alipay and status"
      rows={services}
      rowKey={(s) => s.id}
      columns={[
        { key: "name", header: "Service", cell: (s) => s.name },
        { key: "usersBaseline", header: "Users, baseline", numeric: true, cell: (s) => <span className="num">{formatMillions(s.users.baseline)}</span> },
        { key: "users", header: "Users, scenario", numeric: true, cell: (s) => <span className="num">{formatMillions(s.users.scenario)}</span> },
        ...rangeColumn<Result["services"][number]>("usersRange", live, (r, s) => r.tables.services[s.id]?.users, formatMillions),
        { key: "usersDelta", header: "Change", numeric: true, cell: (s) => <span className="num">{signed(s.users.scenario - s.users.baseline, formatMillions)}</span> },
        ...rangeColumn<Result["services"][number]>("usersDeltaRange", live, (r, s) => r.tables.services[s.id]?.usersDelta, (n) => signed(n, formatMillions)),
        {
          key: "integration",
          header: "Integration, before → after",
          numeric: true,
          cell: (s) => (
            <span className="num">
              {formatPercent(s.integration.baseline, 0)} → {formatPercent(s.integration.scenario, 0)}
            </span>
          ),
        },
        {
          key: "status",
          header: "Status",
          className: "wrap",
          cell: (s) => (
            <>
              <span className={`status status-${s.status}`}>{STATUS_LABEL[s.status]}</span>
              <span className="sub">{s.statusReason}</span>
            </>
          ),
        },
      ]}
    />
  );

  return (
    <Section
      id="services"
      title="Alipay's integrated services, before and after"
      intro={<p>Users each service reaches in a year, and how much of its traffic still comes through entry points inside Alipay.</p>}
    >
      <ChartWithTable chart={chart} table={table} wide />
    </Section>
  );
}

export const ServicesSection = memoBySlice(ServicesSectionView, (p) => [p.result.services, p.ranges?.pending, p.ranges?.value.tables.services, p.ranges?.value.draws]);
