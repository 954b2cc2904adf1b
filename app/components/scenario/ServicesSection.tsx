/** Alipay's integrated services before and after: users reached, status (as words and patterns), integration. */
import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from "recharts";

import { ChartFrame } from "~/components/charts/ChartFrame";
import { INK, OKABE_ITO } from "~/components/charts/palette";
import { makeLeftTick } from "~/components/charts/svgText";
import { DataTable } from "~/components/common/DataTable";
import { ChartWithTable, Section } from "~/components/common/Section";
import type { Result, ServiceStatus } from "~/engine";
import { formatMillions, formatPercent } from "~/utils/format";

import { signed } from "./delta";
import { memoBySlice } from "./memo";
import { PATTERN } from "./patterns";
import { rangeColumn, type LiveRanges } from "./RangeCell";

const ID = "scenario-services-chart";
const ROW = 46;
const LeftTick = makeLeftTick((v) => String(v), 24, 15);

export const STATUS_LABEL: Record<ServiceStatus, string> = {
  integrated: "integrated",
  "linked-out": "linked out",
  reduced: "reduced",
  gone: "gone",
};
const STATUS_FILL: Record<ServiceStatus, string> = {
  integrated: OKABE_ITO.blue,
  "linked-out": PATTERN.linkedOut,
  reduced: PATTERN.reduced,
  gone: OKABE_ITO.blue,
};

type Row = { id: string; name: string; baseline: number; scenario: number; status: ServiceStatus };

function ServicesSectionView({ result, ranges }: { result: Result; ranges?: LiveRanges | null }) {
  const services = result.services;
  const data: Row[] = [...services]
    .sort((a, b) => b.users.baseline - a.users.baseline)
    .map((s) => ({ id: s.id, name: s.name, baseline: s.users.baseline, scenario: s.users.scenario, status: s.status }));

  function ScenarioLabel(props: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; index?: number }) {
    const row = data[props.index ?? 0];
    if (!row) return null;
    const x = Number(props.x ?? 0) + Number(props.width ?? 0) + 6;
    const y = Number(props.y ?? 0) + Number(props.height ?? 0) / 2;
    return (
      <text x={x} y={y} dominantBaseline="central" fontSize={15} fill={INK.text}>
        {formatMillions(row.scenario)} · <tspan fontWeight={700}>{STATUS_LABEL[row.status]}</tspan>
      </text>
    );
  }
  function BaselineLabel(props: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; index?: number }) {
    const row = data[props.index ?? 0];
    if (!row) return null;
    return (
      <text
        x={Number(props.x ?? 0) + Number(props.width ?? 0) + 6}
        y={Number(props.y ?? 0) + Number(props.height ?? 0) / 2}
        dominantBaseline="central"
        fontSize={13}
        fill={INK.muted}
      >
        {formatMillions(row.baseline)}
      </text>
    );
  }

  const max = Math.max(1, ...data.map((d) => Math.max(d.baseline, d.scenario)));
  const chart = (
    <ChartFrame
      id={ID}
      title="Users reached per service, millions a year: baseline and scenario"
      description={`Horizontal bar chart: for each of ${data.length} services, users reached at the baseline and in the scenario, with the service's status as a word. The numbers are in the table beside it.`}
      legend={[
        { label: "Baseline", color: "#b8c2cc" },
        { label: "Scenario: integrated", color: OKABE_ITO.blue },
        { label: "Scenario: linked out", color: OKABE_ITO.orange, pattern: "hatch" },
        { label: "Scenario: reduced", color: OKABE_ITO.vermillion, pattern: "hatch" },
      ]}
      note="Status: integrated (all entry points kept), linked out (only a link to another entity), reduced (users fall more than the reduced-threshold assumption, or an entry point is removed), gone (no users)."
    >
      <BarChart
        id={ID}
        width={900}
        height={data.length * ROW + 40}
        data={data}
        layout="vertical"
        margin={{ top: 5, right: 150, bottom: 10, left: 5 }}
        barCategoryGap={6}
        barGap={1}
      >
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" domain={[0, Math.ceil(max / 100) * 100]} tickCount={6} tick={{ fill: INK.text, fontSize: 14 }} stroke={INK.muted} interval={0} />
        <YAxis type="category" dataKey="name" width={210} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="baseline" name="Baseline" fill="#b8c2cc" isAnimationActive={false} label={<BaselineLabel />} />
        <Bar dataKey="scenario" name="Scenario" isAnimationActive={false} label={<ScenarioLabel />}>
          {data.map((d) => (
            <Cell key={d.id} fill={STATUS_FILL[d.status]} stroke={d.status === "integrated" ? undefined : INK.text} strokeWidth={0.5} />
          ))}
        </Bar>
      </BarChart>
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
        ...rangeColumn<Result["services"][number]>("usersRange", ranges, (r, s) => r.tables.services[s.id]?.users, formatMillions),
        { key: "usersDelta", header: "Change", numeric: true, cell: (s) => <span className="num">{signed(s.users.scenario - s.users.baseline, formatMillions)}</span> },
        ...rangeColumn<Result["services"][number]>("usersDeltaRange", ranges, (r, s) => r.tables.services[s.id]?.usersDelta, (n) => signed(n, formatMillions)),
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

export const ServicesSection = memoBySlice(ServicesSectionView, (p) => [p.result.services, p.ranges?.pending, p.ranges?.value.tables.services]);
