/**
 * A compact result: the headline figures against the baseline, and each service's users and status. Used by the
 * builder's live preview and by a saved variant's page. Changes read as sign, arrow and word, never colour alone.
 */
import { DataTable } from "~/components/common/DataTable";
import { ARROW, direction, signed, tone, WORD } from "~/components/scenario/delta";
import { HEADLINE_KEYS, type Headline, type HeadlineKey, type ServiceResult } from "~/engine/result";
import { formatMillions, formatRelativeChange, formatRmbBn } from "~/utils/format";

const HEADLINE_ROWS: Record<HeadlineKey, { label: string; unit: string; format: (n: number) => string }> = {
  revenue: { label: "Revenue (consolidated)", unit: "RMB bn a year", format: formatRmbBn },
  attributableRevenue: { label: "Ant's attributable revenue", unit: "RMB bn a year", format: formatRmbBn },
  profit: { label: "Net profit", unit: "RMB bn a year", format: formatRmbBn },
  capitalShortfall: { label: "Capital shortfall", unit: "RMB bn", format: formatRmbBn },
  capitalRaised: { label: "Capital raised", unit: "RMB bn", format: formatRmbBn },
  serviceReach: { label: "Users reached by Alipay's services", unit: "m users", format: formatMillions },
  oneOffCharges: { label: "One-off charges (fines)", unit: "RMB bn, that year", format: formatRmbBn },
  equityValue: { label: "Equity value (illustrative)", unit: "RMB bn, recurring profit × multiple", format: formatRmbBn },
};

/** "▲ up +2.6 (+4.1%)", "■ no change". */
export function changeText(baseline: number, value: number, format: (n: number) => string): string {
  const delta = value - baseline;
  const dir = direction(delta);
  if (dir === "none") return `${ARROW.none} no change`;
  const rel = Math.abs(baseline) > 1e-9 ? formatRelativeChange(delta, baseline) : null;
  const pct = rel ? ` (${rel})` : "";
  return `${ARROW[dir]} ${WORD[dir]} ${signed(delta, format)}${pct}`;
}

export function HeadlineTable({ headline, id, caption }: { headline: Headline; id: string; caption: string }) {
  return (
    <DataTable
      id={id}
      className="compact-table"
      caption={caption}
      rows={HEADLINE_KEYS.map((key) => ({ key, ...headline[key] }))}
      rowKey={(r) => r.key}
      columns={[
        {
          key: "label",
          header: "Figure",
          cell: (r) => (
            <>
              {HEADLINE_ROWS[r.key].label}
              <span className="sub">{HEADLINE_ROWS[r.key].unit}</span>
            </>
          ),
        },
        { key: "baseline", header: "Baseline", numeric: true, cell: (r) => HEADLINE_ROWS[r.key].format(r.baseline) },
        { key: "scenario", header: "Scenario", numeric: true, cell: (r) => HEADLINE_ROWS[r.key].format(r.scenario) },
        {
          key: "change",
          header: "Change",
          numeric: true,
          cell: (r) => {
            const delta = r.scenario - r.baseline;
            return (
              <span className={`delta-${direction(delta)} tone-${tone(r.key, delta)}`} data-tone={tone(r.key, delta)}>
                {changeText(r.baseline, r.scenario, HEADLINE_ROWS[r.key].format)}
              </span>
            );
          },
        },
      ]}
    />
  );
}

const STATUS_LABEL: Record<ServiceResult["status"], string> = {
  integrated: "integrated",
  "linked-out": "linked out",
  reduced: "reduced",
  gone: "gone",
};

export function ServicesTable({ services, id, caption }: { services: ServiceResult[]; id: string; caption: string }) {
  return (
    <DataTable
      id={id}
      className="compact-table"
      caption={caption}
      rows={services}
      rowKey={(s) => s.id}
      columns={[
        { key: "name", header: "Service", cell: (s) => s.name },
        { key: "baseline", header: "Users, baseline (m)", numeric: true, cell: (s) => formatMillions(s.users.baseline) },
        { key: "users", header: "Users, scenario (m)", numeric: true, cell: (s) => formatMillions(s.users.scenario) },
        {
          key: "status",
          header: "Status",
          cell: (s) => <span className={`status status-${s.status}`}>{STATUS_LABEL[s.status]}</span>,
        },
      ]}
    />
  );
}
