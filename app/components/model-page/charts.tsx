/**
 * The /model page's charts as specs (decision 022): plain SVG from the server, recharts after hydration. A figure
 * that is a ranged assumption's value carries its 80% range (P10-P90 of the assumption's triangular distribution,
 * `inputRange`); each chart names the figures it shows without one (sourced facts, or figures computed from
 * assumptions) instead of inventing a range.
 */
import type { Model } from "~/engine/model";
import { formatCompact, formatHhi, formatMillions, formatPercent, formatRmbBn, formatShare } from "~/utils/format";

import { ChartFrame, type LegendItem } from "../charts/ChartFrame";
import { HatchDefs } from "../charts/HatchDefs";
import { OKABE_ITO } from "../charts/palette";
import { SpecChart } from "../charts/SpecChart";
import { hhiShading, niceTicks, rowsFrame, type BarChartSpec, type RangeMark } from "../charts/spec";
import { HHI_BANDS_2010, inputRange, provenanceLookup, type MarketView } from "../common/model-views";

const RANGE_LEGEND: LegendItem = {
  label: "80% range of the input: 10th to 90th percentile of its assumption (triangular on low / value / high)",
  color: "#1a1a1a",
  pattern: "range",
};

/** Ant's players in vermillion, rivals in blue, fragmented remainders in grey; the names say it too. */
export const MARKET_COLORS = { ant: OKABE_ITO.vermillion, rival: OKABE_ITO.blue, fragmented: "#8c8c8c" } as const;

/** How a player is labelled in charts: Ant's players are marked so colour is never the only cue. */
export function playerLabel(p: { name: string; isAnt: boolean }): string {
  return p.isAnt && !/\bAnt\b/.test(p.name) ? `${p.name} (Ant)` : p.name;
}

/** "A, B and C" */
function listed(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The sentence naming what a chart shows without a range, or that every figure has one. */
function withoutRange(what: string, names: string[], why: string): string {
  return names.length === 0 ? `Every ${what} shown carries its range.` : `No range on ${listed(names)}: ${why}.`;
}

/** The top of a value axis that holds every value and range end. */
function topOf(values: number[], ranges: Array<RangeMark | null>): number {
  const max = Math.max(1e-9, ...values, ...ranges.map((r) => r?.high ?? 0));
  const ticks = niceTicks(0, max);
  return ticks[ticks.length - 1]! >= max ? ticks[ticks.length - 1]! : max;
}

const mark = (r: { low: number; high: number } | null): RangeMark | null => (r ? { low: r.low, high: r.high } : null);

export function UnitsChart({ model }: { model: Model }) {
  const id = "units-chart";
  const lookup = provenanceLookup(model);
  const units = [...model.units].sort((a, b) => b.revenue - a.revenue);
  const revenue = units.map((u) => mark(inputRange(model, lookup, "units", u.id, "revenue", u.revenue)));
  const capital = units.map((u) => mark(inputRange(model, lookup, "units", u.id, "capitalHeld", u.capitalHeld)));
  const top = topOf([...units.map((u) => u.revenue), ...units.map((u) => u.capitalHeld)], [...revenue, ...capital]);
  const spec: BarChartSpec = {
    ...rowsFrame({ id, width: 760, row: 50, font: 15, categorySize: 200, wrap: 22, right: 64 }, units.length, top),
    categories: units.map((u) => u.name),
    series: [
      { key: "revenue", values: units.map((u) => u.revenue), fill: OKABE_ITO.blue, labels: units.map((u) => formatRmbBn(u.revenue)), ranges: revenue },
      {
        key: "capitalHeld",
        values: units.map((u) => u.capitalHeld),
        fill: `url(#${id}-hatch)`,
        stroke: OKABE_ITO.orange,
        labels: units.map((u) => formatRmbBn(u.capitalHeld)),
        ranges: capital,
      },
    ],
    formatTick: (v) => formatCompact(v, 0),
    categoryGap: 0.1,
    barGap: 2,
  };
  const why = "those figures are sourced, or computed from a sourced total and an assumed share (the units table links each to its source or assumption)";
  const without = (ranges: Array<RangeMark | null>, what: string) => {
    const names = units.filter((_, i) => !ranges[i]).map((u) => u.name);
    return names.length === 0 ? [] : [`the ${what} of ${listed(names)}`];
  };
  const missing = [...without(revenue, "revenue"), ...without(capital, "capital held")];
  return (
    <ChartFrame
      id={id}
      title="Revenue and capital held by unit, RMB bn"
      description={`Horizontal bar chart of annual revenue and capital held for ${units.length} units, largest revenue first, each figure that is an assumption with its 80% range. The numbers are in the units table.`}
      legend={[{ label: "Revenue (annual)", color: OKABE_ITO.blue }, { label: "Capital held (hatched)", color: OKABE_ITO.orange, pattern: "hatch" }, RANGE_LEGEND]}
      note={missing.length === 0 ? "Every figure shown carries its range." : `No range on ${missing.join("; nor on ")}: ${why}.`}
    >
      {/* The hatch the capital bars refer to. */}
      <HatchDefs id={id} color={OKABE_ITO.orange} />
      <SpecChart spec={spec} />
    </ChartFrame>
  );
}

export function ServiceUsersChart({ model }: { model: Model }) {
  const id = "service-users-chart";
  const lookup = provenanceLookup(model);
  const services = [...model.services].sort((a, b) => b.users - a.users);
  const ranges = services.map((s) => mark(inputRange(model, lookup, "services", s.id, "users", s.users)));
  const top = topOf(services.map((s) => s.users), ranges);
  const spec: BarChartSpec = {
    ...rowsFrame({ id, width: 760, row: 40, font: 15, categorySize: 230, wrap: 26, right: 60 }, services.length, top),
    categories: services.map((s) => s.name),
    series: [{ key: "users", values: services.map((s) => s.users), fill: OKABE_ITO.bluishGreen, labels: services.map((s) => formatMillions(s.users)), ranges }],
    formatTick: (v) => formatCompact(v, 0),
    categoryGap: 0.12,
  };
  return (
    <ChartFrame
      id={id}
      title="Users reached per service, millions a year"
      description={`Horizontal bar chart of the users each of ${services.length} services reaches, largest first, each figure that is an assumption with its 80% range. The numbers are in the services table.`}
      legend={[{ label: "Users (millions a year)", color: OKABE_ITO.bluishGreen }, RANGE_LEGEND]}
      note={withoutRange(
        "service",
        services.filter((_, i) => !ranges[i]).map((s) => s.name),
        "their users are sourced, or computed from a sourced figure and an assumed share",
      )}
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );
}

export function HhiChart({ markets }: { markets: MarketView[] }) {
  const id = "hhi-chart";
  const b = HHI_BANDS_2010;
  const spec: BarChartSpec = {
    id,
    orientation: "columns",
    categories: markets.map((m) => m.name),
    series: [{ key: "hhi", values: markets.map((m) => Math.round(m.hhi)), fill: OKABE_ITO.blue, labels: markets.map((m) => formatHhi(m.hhi)) }],
    domain: [0, 10_000],
    ticks: [0, b.moderate, b.high, 5000, 7500, 10000],
    formatTick: (v) => formatHhi(v),
    width: 760,
    height: 420,
    fontSize: 15,
    categorySize: 60,
    wrap: 18,
    margin: { top: 24, right: 10, bottom: 10, left: 10 },
    categoryGap: 0.2,
    maxBarSize: 90,
    dashedGrid: true,
    ...hhiShading(b, [`Unconcentrated (< ${formatHhi(b.moderate)})`, "Moderately concentrated", `Highly concentrated (> ${formatHhi(b.high)})`]),
  };
  return (
    <ChartFrame
      id={id}
      title="Concentration: HHI by market (0 to 10,000)"
      description={`Bar chart of the Herfindahl-Hirschman index of ${markets.length} markets against the 2010 US merger guidelines bands at 1,500 and 2,500. The numbers are in the table beside the chart.`}
      note="HHI = sum of the squared shares in percent. Fragmented remainders count as 0. Bands: 2010 US Horizontal Merger Guidelines. No 80% range: the HHI is computed from the shares, and the draws do not draw market shares (the shares that are assumptions show their own range in the charts below)."
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );
}

export function MarketSharesChart({ model, market }: { model: Model; market: MarketView }) {
  const id = `market-${market.id}-chart`;
  const lookup = provenanceLookup(model);
  const players = market.players;
  const ranges = players.map((p) => mark(inputRange(model, lookup, "marketPlayers", `${market.id}/${p.playerId}`, "share", p.share)));
  const kind = (p: (typeof players)[number]) => (p.isAnt ? "ant" : p.fragmented ? "fragmented" : "rival");
  const domainMax = Math.min(1, Math.ceil((Math.max(0.1, ...players.map((p) => p.share), ...ranges.map((r) => r?.high ?? 0)) + 0.08) * 10) / 10);
  const ticks = Array.from({ length: Math.round(domainMax * 10) + 1 }, (_, i) => i / 10).filter((_, i, all) => all.length <= 6 || i % 2 === 0);
  const spec: BarChartSpec = {
    ...rowsFrame({ id, width: 520, row: 46, font: 14, categorySize: 190, wrap: 24, right: 56 }, players.length, domainMax),
    ticks,
    categories: players.map(playerLabel),
    series: [
      {
        key: "share",
        values: players.map((p) => p.share),
        fill: MARKET_COLORS.rival,
        fills: players.map((p) => MARKET_COLORS[kind(p)]),
        labels: players.map((p) => formatShare(p.share)),
        ranges,
      },
    ],
    formatTick: (v) => formatPercent(v, 0),
    categoryGap: 0.12,
  };
  const ranged = ranges.some(Boolean);
  return (
    <ChartFrame
      id={id}
      title={`${market.name}: shares`}
      hideTitle
      description={`Horizontal bar chart of the shares of ${players.length} players in ${market.name}${ranged ? ", each share that is an assumption with its 80% range" : ""}. The numbers are in the table below.`}
      legend={ranged ? [RANGE_LEGEND] : undefined}
      note={withoutRange(
        "share",
        players.filter((_, i) => !ranges[i]).map(playerLabel),
        "sourced, or the remainder once the others are set",
      )}
    >
      <SpecChart spec={spec} />
    </ChartFrame>
  );
}
