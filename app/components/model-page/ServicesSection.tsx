import type { Model } from "~/engine/model";
import { ENTRY_POINTS } from "~/engine/vocabulary";
import { formatMillions, formatPercent, formatRmbBn } from "~/utils/format";

import { ServiceUnitMatrix } from "../charts/ServiceUnitMatrix";
import { ServiceUsersChart } from "./charts";
import { DataTable } from "../common/DataTable";
import { serviceViews, type ServiceUnitLink, type ServiceView } from "../common/model-views";
import { figColumn, nameColumn } from "./columns";
import { Fig } from "./Provenance";
import { ChartWithTable, Section } from "../common/Section";

const ENTRY_POINT_LABELS: Record<(typeof ENTRY_POINTS)[number], string> = {
  "home-screen": "Home screen",
  "checkout-default": "Checkout default",
  search: "Search",
  "mini-program": "Mini program",
  "payment-result": "Payment result page",
  "wealth-tab": "Wealth tab",
};

function entryPointLabel(id: string): string {
  return (ENTRY_POINT_LABELS as Record<string, string>)[id] ?? id;
}

type LinkRow = ServiceUnitLink & { serviceName: string; first: boolean; span: number };

export function ServicesSection({ model }: { model: Model }) {
  const services = serviceViews(model);
  const linkRows: LinkRow[] = services.flatMap((s) =>
    s.units.map((l, i) => ({ ...l, serviceName: s.name, first: i === 0, span: s.units.length })),
  );

  const matrixTable = (
    <div className="table-wrap">
      <table id="service-units-table" className="data-table grouped">
        <caption>Units powering each service: share of the unit&apos;s revenue earned through it, and that revenue</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Unit</th>
            <th scope="col" className="numeric">
              Share of unit&apos;s revenue
            </th>
            <th scope="col" className="numeric">
              Revenue via service, RMB bn
            </th>
          </tr>
        </thead>
        <tbody>
          {linkRows.map((r) => (
            <tr key={`${r.serviceId}/${r.unitId}`} data-row-id={`${r.serviceId}/${r.unitId}`} className={r.first ? "group-start" : undefined}>
              {r.first ? (
                <th scope="rowgroup" rowSpan={r.span} data-field="service">
                  {r.serviceName}
                </th>
              ) : null}
              <td data-field="unit">{r.unitName}</td>
              <td className="numeric" data-field="revenueShare">
                <Fig text={formatPercent(r.revenueShare)} table="serviceUnits" rowId={`${r.serviceId}/${r.unitId}`} field="revenueShare" />
              </td>
              <td className="numeric" data-field="revenue">
                <span className="num">{formatRmbBn(r.revenue)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-note">Revenue via service = the unit&apos;s revenue × the share it earns through the service.</p>
    </div>
  );

  const usersTable = (
    <DataTable<ServiceView>
      id="services-table"
      caption="Alipay's integrated services: users reached a year (millions) and the entry points they come through"
      rows={[...services].sort((a, b) => b.users - a.users)}
      rowKey={(s) => s.id}
      columns={[
        nameColumn<ServiceView>("name", "Service", (s) => s.name, (s) => s.description, "wrap"),
        figColumn<ServiceView>("users", "Users, m", "services", (s) => s.id, (s) => formatMillions(s.users)),
        {
          key: "entryPoints",
          header: "Entry points (share of traffic)",
          className: "wrap",
          cell: (s) =>
            s.entryPoints.length === 0 ? (
              "—"
            ) : (
              <ul className="inline-list">
                {s.entryPoints.map((e) => (
                  <li key={e.entryPoint}>
                    {entryPointLabel(e.entryPoint)}{" "}
                    <Fig
                      text={formatPercent(e.trafficShare, 0)}
                      table="serviceEntryPoints"
                      rowId={`${s.id}/${e.entryPoint}`}
                      field="trafficShare"
                    />
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );

  return (
    <Section
      id="services"
      title="Alipay's integrated services"
      intro={
        <p>
          The services a user meets inside Alipay, the units that power each one and the revenue they earn through
          it, the users each service reaches and the entry points that bring them.
        </p>
      }
    >
      <ChartWithTable wide chart={<ServiceUnitMatrix services={services} />} table={matrixTable} />
      <ChartWithTable fit chart={<ServiceUsersChart model={model} />} table={usersTable} />
    </Section>
  );
}
