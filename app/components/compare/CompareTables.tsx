/**
 * The numbers behind each compare chart, readable without JavaScript. Columns: the baseline, then each
 * scenario (its letter and a link to its page); cells carry `data-field` = the scenario's `s` value.
 */
import { concentration } from "~/engine/markets";
import type { HeadlineKey } from "~/engine/result";
import { formatHhi, formatMillions, formatRmbBn } from "~/utils/format";

import { DataTable } from "../common/DataTable";
import { DeltaText } from "../library/DeltaText";
import { METRICS } from "../library/headline";
import type { CompareFigureBands } from "~/scenarios/compare-bands";

import { BandSub, metricColumn, scenarioColumns } from "./columns";
import type { CapitalRow, CompareView, HeadlineRow, MarketRow, ServiceRow } from "./view";

function ValueAndDelta({ value, baseline, format, unit, metric }: { value: number; baseline: number; format: (v: number) => string; unit?: string; metric?: HeadlineKey }) {
  return (
    <>
      <span className="num">{format(value)}</span>
      <span className="sub">
        <DeltaText delta={value - baseline} baseline={baseline} format={format} unit={unit} metric={metric} />
      </span>
    </>
  );
}

const BASE_HEAD = (
  <>
    Baseline<span className="sub">mid-2020</span>
  </>
);

export function HeadlineTable({ view }: { view: CompareView }) {
  return (
    <DataTable<HeadlineRow>
      id="compare-headline-table"
      className="compare-table"
      caption="Headline figures: the baseline, each scenario, and its change against the baseline"
      rows={view.headline}
      rowKey={(r) => r.key}
      columns={[
        metricColumn<HeadlineRow>(),
        { key: "baseline", header: BASE_HEAD, numeric: true, className: "baseline-col", cell: (r) => <span className="num">{METRICS[r.key].format(r.baseline)}</span> },
        ...scenarioColumns<HeadlineRow>(view.columns, (r, i) => (
          <ValueAndDelta value={r.scenario[i]!} baseline={r.baseline} format={METRICS[r.key].format} metric={r.key} />
        )),
      ]}
    />
  );
}

const STATUS: Record<string, string> = { integrated: "integrated", "linked-out": "linked out", reduced: "reduced", gone: "gone" };

export function ServicesTable({ view, bands }: { view: CompareView; bands?: CompareFigureBands | null }) {
  return (
    <DataTable<ServiceRow>
      id="compare-services-table"
      className="compare-table"
      caption={`Users reached per integrated service, millions a year, with the change${bands ? ", the 80% range" : ""} and the service's status`}
      rows={view.services}
      rowKey={(r) => r.id}
      columns={[
        { key: "service", header: "Service", cell: (r) => r.name },
        { key: "baseline", header: BASE_HEAD, numeric: true, className: "baseline-col", cell: (r) => <span className="num">{formatMillions(r.baseline)}</span> },
        ...scenarioColumns<ServiceRow>(view.columns, (r, i) => (
          <>
            <ValueAndDelta value={r.scenario[i]!} baseline={r.baseline} format={formatMillions} />
            <BandSub band={bands?.services[i]?.[r.id]} format={formatMillions} />
            {r.status[i] !== "integrated" ? <span className="sub">{STATUS[r.status[i]!] ?? r.status[i]}</span> : null}
          </>
        )),
      ]}
      footer={
        <tr>
          <th scope="row">All services</th>
          <td className="numeric baseline-col" data-field="baseline">
            <span className="num">{formatMillions(view.services.reduce((s, r) => s + r.baseline, 0))}</span>
          </td>
          {view.columns.map((c, i) => (
            <td key={c.ref} className="numeric" data-field={c.ref}>
              <span className="num">{formatMillions(view.services.reduce((s, r) => s + r.scenario[i]!, 0))}</span>
            </td>
          ))}
        </tr>
      }
    />
  );
}

type CapitalTableRow = { key: "shortfall" | "raised" | "shrunk" | "units"; label: string; unit: string };
const CAPITAL_ROWS: CapitalTableRow[] = [
  { key: "shortfall", label: "Capital shortfall", unit: "RMB bn, required beyond held before the units respond" },
  { key: "raised", label: "Raised", unit: "RMB bn of new capital" },
  { key: "shrunk", label: "Met without new capital", unit: "RMB bn, shortfall less raised: books shrunk or loans moved to banks" },
  { key: "units", label: "Units short of capital", unit: "shortfall, RMB bn, and response" },
];

function unitsCell(c: CapitalRow) {
  if (c.units.length === 0) return <span className="sub">none</span>;
  return (
    <ul className="unit-list">
      {c.units.map((u) => (
        <li key={u.id}>
          {u.name}: <span className="num">{formatRmbBn(u.shortfall)}</span>
          {u.response ? `, ${u.response === "raise" ? "raises" : "shrinks"}` : ""}
        </li>
      ))}
    </ul>
  );
}

export function CapitalTable({ view }: { view: CompareView }) {
  return (
    <DataTable<CapitalTableRow>
      id="compare-capital-table"
      className="compare-table"
      caption="Capital: the shortfall each scenario creates and how the units meet it (the baseline has none)"
      rows={CAPITAL_ROWS}
      rowKey={(r) => r.key}
      columns={[
        {
          key: "measure",
          header: "Measure",
          cell: (r) => (
            <>
              {r.label}
              <span className="sub">{r.unit}</span>
            </>
          ),
        },
        ...scenarioColumns<CapitalTableRow>(view.columns, (r, i) => {
          const c = view.capital[i]!;
          return r.key === "units" ? unitsCell(c) : <span className="num">{formatRmbBn(c[r.key])}</span>;
        }),
      ]}
    />
  );
}

const BAND_WORDS = { unconcentrated: "unconcentrated", moderate: "moderately concentrated", high: "highly concentrated" } as const;

function HhiCell({ value, baseline, band }: { value: number; baseline?: number; band?: { p10: number; p90: number } }) {
  return (
    <>
      <span className="num">{formatHhi(value)}</span>
      {baseline !== undefined ? (
        <span className="sub">
          <DeltaText delta={value - baseline} baseline={baseline} format={formatHhi} />
        </span>
      ) : null}
      <BandSub band={band} format={formatHhi} />
      <span className="sub">{BAND_WORDS[concentration(value)]}</span>
    </>
  );
}

export function HhiTable({ view, bands }: { view: CompareView; bands?: CompareFigureBands | null }) {
  return (
    <DataTable<MarketRow>
      id="compare-hhi-table"
      className="compare-table"
      caption={`HHI per market (0 to 10,000)${bands ? " with its 80% range" : ""} and its band under the 2010 US guidelines (1,500 and 2,500)`}
      rows={view.markets}
      rowKey={(r) => r.id}
      columns={[
        { key: "market", header: "Market", cell: (r) => r.name },
        { key: "baseline", header: BASE_HEAD, numeric: true, className: "baseline-col", cell: (r) => <HhiCell value={r.baseline} /> },
        ...scenarioColumns<MarketRow>(view.columns, (r, i) => <HhiCell value={r.scenario[i]!} baseline={r.baseline} band={bands?.hhi[i]?.[r.id]} />),
      ]}
    />
  );
}
