/**
 * Figures the /model page derives from the model for display: HHI per market, revenue by service and unit,
 * and a lookup from a figure to its provenance. Pure functions of the Model, so the page and its tests agree.
 */
import { concentration, HHI_BANDS, hhi as hhiOfShares } from "~/engine/markets";
import type { MarketPlayer, Model, Provenance } from "~/engine/model";
import { triangular } from "~/engine/random";

/** 2010 US Horizontal Merger Guidelines: below 1,500 unconcentrated, 1,500-2,500 moderately, above 2,500 highly. */
export const HHI_BANDS_2010 = HHI_BANDS["2010"];

export type HhiBand = "unconcentrated" | "moderately concentrated" | "highly concentrated";

/** The engine's HHI (app/engine/markets.ts) of a market's players: one computation for the page and the engine. */
export function hhi(players: Pick<MarketPlayer, "share" | "fragmented">[]): number {
  return hhiOfShares(
    players.map((p) => p.share),
    players.map((p) => p.fragmented),
  );
}

const BAND_NAMES = { unconcentrated: "unconcentrated", moderate: "moderately concentrated", high: "highly concentrated" } as const;

/** The 2010 US guidelines' band an HHI falls in, named for a reader: the engine's `concentration`. */
export function hhiBand(value: number): HhiBand {
  return BAND_NAMES[concentration(value, "2010")];
}

export type MarketView = {
  id: string;
  name: string;
  measure: string;
  players: (MarketPlayer & { isAnt: boolean; square: number })[];
  shareTotal: number;
  hhi: number;
  band: HhiBand;
};

/** Markets with their players (largest first), each player's squared share and the market's HHI. */
export function marketViews(model: Model): MarketView[] {
  return model.markets.map((m) => {
    const players = model.marketPlayers
      .filter((p) => p.marketId === m.id)
      .map((p) => ({ ...p, isAnt: p.unitIds.length > 0, square: p.fragmented ? 0 : (p.share * 100) ** 2 }))
      .sort((a, b) => Number(a.fragmented) - Number(b.fragmented) || b.share - a.share);
    const value = hhi(players);
    return {
      id: m.id,
      name: m.name,
      measure: m.measure,
      players,
      shareTotal: players.reduce((s, p) => s + p.share, 0),
      hhi: value,
      band: hhiBand(value),
    };
  });
}

export type ServiceUnitLink = {
  serviceId: string;
  unitId: string;
  unitName: string;
  /** Share of the unit's revenue earned through the service. */
  revenueShare: number;
  /** Unit revenue x share: RMB bn a year the unit earns through the service. */
  revenue: number;
};

export type ServiceView = {
  id: string;
  name: string;
  description: string;
  users: number;
  units: ServiceUnitLink[];
  /** Sum of the revenue the units earn through the service, RMB bn. */
  revenue: number;
  entryPoints: { entryPoint: string; trafficShare: number }[];
};

/** Services in model order, each with the units powering it (largest revenue first) and its entry points. */
export function serviceViews(model: Model): ServiceView[] {
  const unitById = new Map(model.units.map((u) => [u.id, u]));
  return model.services.map((s) => {
    const units = model.serviceUnits
      .filter((l) => l.serviceId === s.id)
      .map((l) => {
        const unit = unitById.get(l.unitId);
        return {
          serviceId: s.id,
          unitId: l.unitId,
          unitName: unit?.name ?? l.unitId,
          revenueShare: l.revenueShare,
          revenue: (unit?.revenue ?? 0) * l.revenueShare,
        };
      })
      .sort((a, b) => b.revenue - a.revenue);
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      users: s.users,
      units,
      revenue: units.reduce((sum, l) => sum + l.revenue, 0),
      entryPoints: model.serviceEntryPoints
        .filter((e) => e.serviceId === s.id)
        .map((e) => ({ entryPoint: e.entryPoint, trafficShare: e.trafficShare }))
        .sort((a, b) => b.trafficShare - a.trafficShare),
    };
  });
}

/** Table and field names compared without case or separators, so "credit_books.own_share" = "creditBooks.ownShare". */
function norm(name: string): string {
  return name.replace(/[_\-\s]/g, "").toLowerCase();
}

export type ProvenanceLookup = (table: string, rowId: string, field: string) => Provenance | undefined;

/** Index of the model's provenance rows by (table, rowId, field). */
export function provenanceLookup(model: Model): ProvenanceLookup {
  const index = new Map<string, Provenance>();
  for (const p of model.provenance) index.set(`${norm(p.table)}|${p.rowId}|${norm(p.field)}`, p);
  return (table, rowId, field) => index.get(`${norm(table)}|${rowId}|${norm(field)}`);
}

/** Assumption id -> its number in the assumptions table ("A1", "A2", …), for compact markers. */
export function assumptionNumbers(model: Model): Map<string, number> {
  return new Map(model.assumptions.map((a, i) => [a.id, i + 1]));
}

/** A model figure's 80% range: the 10th and 90th percentiles of its assumption's distribution. */
export type InputRange = { low: number; high: number; assumptionId: string };

/**
 * The 80% range of a baseline figure that *is* a ranged assumption's value (the provenance names the assumption and
 * the figure equals its value): P10 and P90 of the triangular distribution on low / value / high that the draws use
 * (engine/random.ts `triangular` is its inverse CDF). A sourced fact, or a figure computed from an assumption (a
 * revenue built from a share of a total), has none: the page says so rather than invent one.
 */
export function inputRange(model: Model, lookup: ProvenanceLookup, table: string, rowId: string, field: string, value: number): InputRange | null {
  const id = lookup(table, rowId, field)?.assumptionId;
  const a = id ? model.assumptions.find((x) => x.id === id) : undefined;
  if (!a || !(a.high > a.low) || Math.abs(value - a.value) > 1e-9 * Math.max(1, Math.abs(a.value))) return null;
  return { low: triangular(0.1, a.low, a.value, a.high), high: triangular(0.9, a.low, a.value, a.high), assumptionId: a.id };
}
