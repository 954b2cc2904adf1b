import type { Model, Unit } from "~/engine/model";
import { REVENUE_BASES_NOTE } from "~/engine/revenue-bases";
import { formatCompact, formatPercent, formatRmbBn } from "~/utils/format";

import { UnitsChart } from "./charts";
import { DataTable } from "../common/DataTable";
import { figColumn, nameColumn } from "./columns";
import { ProvenanceMarks } from "./Provenance";
import { ChartWithTable, Section, yesNo } from "../common/Section";

const idOf = (row: { id: string }) => row.id;

const SEGMENT_LABELS: Record<Unit["segment"], string> = {
  payments: "Payments",
  credit: "Credit",
  investment: "Investment",
  insurance: "Insurance",
  innovation: "Innovation",
};

export function UnitsSection({
  model,
  scenariosByUnit = {},
}: {
  model: Model;
  /** unitId -> library scenarios whose result changes the unit (links into them). */
  scenariosByUnit?: Record<string, Array<{ id: string; title: string }>>;
}) {
  const assumptionValue = new Map(model.assumptions.map((a) => [a.id, a.value]));
  const units = [...model.units].sort((a, b) => b.revenue - a.revenue);
  const consolidatedRevenue = units.filter((u) => u.consolidated).reduce((s, u) => s + u.revenue, 0);
  const attributable = units.reduce((s, u) => s + u.antStake * u.revenue, 0);
  const table = (
    <DataTable<Unit>
      id="units-table"
      caption="Units of Ant Group (segment · licence): stake, consolidation, annual revenue and capital held (RMB bn)"
      rows={units}
      rowKey={(u) => u.id}
      columns={[
        nameColumn<Unit>("name", "Unit", (u) => u.name, (u) => `${SEGMENT_LABELS[u.segment]} · ${u.licence}`, "wrap"),
        figColumn<Unit>("antStake", "Ant's stake", "units", idOf, (u) => formatPercent(u.antStake)),
        { key: "consolidated", header: "Consolidated", cell: (u) => yesNo(u.consolidated) },
        figColumn<Unit>("revenue", "Revenue", "units", idOf, (u) => formatRmbBn(u.revenue)),
        figColumn<Unit>("capitalHeld", "Capital held", "units", idOf, (u) => formatRmbBn(u.capitalHeld)),
        {
          key: "coverageElasticity",
          header: "Data elasticity",
          numeric: true,
          cell: (u) => (
            <>
              <span className="num">{formatCompact(assumptionValue.get(u.coverageElasticity) ?? Number.NaN, 2)}</span>
              <ProvenanceMarks sourceKeys={[]} assumptionId={u.coverageElasticity} />
            </>
          ),
        },
      ]}
      footer={
        <>
          <tr>
            <th scope="row" colSpan={3}>
              Consolidated units, total
            </th>
            <td className="numeric" data-field="consolidatedRevenue">
              <span className="num">{formatRmbBn(consolidatedRevenue)}</span>
            </td>
            <td colSpan={2} />
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              Ant&apos;s attributable share (stake × revenue), all units
            </th>
            <td className="numeric" data-field="attributableRevenue">
              <span className="num">{formatRmbBn(attributable)}</span>
            </td>
            <td colSpan={2} />
          </tr>
        </>
      }
    />
  );
  return (
    <Section
      id="units"
      title="Units"
      intro={
        <>
          <p>
            The group&apos;s units as they stood in mid-2020, with Ant&apos;s stake, whether the unit&apos;s revenue
            is consolidated, its annual revenue and the capital it holds. &quot;Data elasticity&quot; links to the
            assumption for how a unit&apos;s volume responds when it loses data.
          </p>
          <p data-testid="revenue-bases">{REVENUE_BASES_NOTE}</p>
        </>
      }
    >
      <ChartWithTable fit chart={<UnitsChart model={model} />} table={table} />
      <DataTable<Unit>
        id="unit-scenarios-table"
        caption="Library scenarios that change each unit (its revenue, stake, data, book or capital)"
        rows={units}
        rowKey={(u) => u.id}
        columns={[
          nameColumn<Unit>("name", "Unit", (u) => u.name),
          {
            key: "scenarios",
            header: "Scenarios",
            className: "wrap",
            cell: (u) => {
              const list = scenariosByUnit[u.id] ?? [];
              return list.length === 0 ? (
                <span className="sub">none in the library</span>
              ) : (
                <ul className="scenario-links">
                  {list.map((sc) => (
                    <li key={sc.id}>
                      <a href={`/scenarios/${sc.id}`}>{sc.title}</a>
                    </li>
                  ))}
                </ul>
              );
            },
          },
        ]}
      />
    </Section>
  );
}
