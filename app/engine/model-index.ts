/**
 * What depends only on the model, computed once per model object and reused by every evaluation (Monte Carlo and
 * attribution evaluate one model thousands of times). Units, services and flows get dense numeric indexes, so an
 * evaluation's state is a handful of number arrays instead of maps or a clone of the model.
 */
import type { CreditBook, DataFlow, Fund, Market, MarketPlayer, Model, Service, Unit } from "./model";

/** A market player with its Ant units resolved to unit indexes. */
export interface IndexedPlayer extends MarketPlayer {
  units: number[];
}

export interface ModelIndex {
  model: Model;
  units: Unit[];
  services: Service[];
  flows: DataFlow[];
  /** unit id -> index into `units` (and into every per-unit array of the state). */
  unitIx: Map<string, number>;
  serviceIx: Map<string, number>;
  market: Map<string, Market>;
  /** Credit book and fund of each unit, by unit index (undefined where it has none). */
  book: Array<CreditBook | undefined>;
  fund: Array<Fund | undefined>;
  /** By unit index: whether it holds a financial licence (what a financial-holding-company test counts). */
  financial: boolean[];
  /** Indexes of the units that have a credit book. */
  bookUnits: number[];
  /** By service index: entry point -> traffic share. */
  entryPoints: Array<Map<string, number>>;
  /** By service index: [unit index, share of that unit's revenue earned through the service]. */
  unitsOfService: Array<Array<[number, number]>>;
  /** By unit index: [service index, share of the unit's revenue earned through it]. */
  servicesOfUnit: Array<Array<[number, number]>>;
  /** By service index: the unit earning most of its revenue (whose fate decides the service's), or -1. */
  mainUnitOfService: number[];
  /** By unit index: indexes of the flows into it. */
  flowsInto: number[][];
  flowIx: Map<string, number>;
  playersOfMarket: Map<string, IndexedPlayer[]>;
  /** Engine assumption ids (overridable). */
  engineAssumptions: Set<string>;
  baseline: { revenue: number; attributableRevenue: number; serviceReach: number };
}

const cache = new WeakMap<Model, ModelIndex>();

/** The index of a model (memoised on the model object, which the engine never mutates). */
export function indexModel(model: Model): ModelIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const units = model.units;
  const services = model.services;
  const unitIx = new Map(units.map((u, i) => [u.id, i]));
  const serviceIx = new Map(services.map((s, i) => [s.id, i]));
  const unitsOfService: Array<Array<[number, number]>> = services.map(() => []);
  const servicesOfUnit: Array<Array<[number, number]>> = units.map(() => []);
  for (const su of model.serviceUnits) {
    const s = serviceIx.get(su.serviceId);
    const u = unitIx.get(su.unitId);
    // A link to a unit or service the model lacks carries nothing (the seed's tests keep these consistent).
    if (s === undefined || u === undefined) continue;
    unitsOfService[s].push([u, su.revenueShare]);
    servicesOfUnit[u].push([s, su.revenueShare]);
  }
  const mainUnitOfService = unitsOfService.map((list) => {
    let best = -1;
    let bestRevenue = -1;
    for (const [u, share] of list) {
      const r = units[u].revenue * share;
      if (r > bestRevenue) {
        bestRevenue = r;
        best = u;
      }
    }
    return best;
  });
  const entryPoints = services.map(() => new Map<string, number>());
  for (const ep of model.serviceEntryPoints) {
    const s = serviceIx.get(ep.serviceId);
    if (s !== undefined) entryPoints[s].set(ep.entryPoint, ep.trafficShare);
  }
  const flowsInto: number[][] = units.map(() => []);
  model.dataFlows.forEach((f, i) => {
    const u = unitIx.get(f.toUnit);
    if (u !== undefined) flowsInto[u].push(i);
  });
  const book: Array<CreditBook | undefined> = units.map(() => undefined);
  for (const b of model.creditBooks) {
    const u = unitIx.get(b.unitId);
    if (u !== undefined) book[u] = b;
  }
  const fund: Array<Fund | undefined> = units.map(() => undefined);
  for (const f of model.funds) {
    const u = unitIx.get(f.unitId);
    if (u !== undefined) fund[u] = f;
  }
  const playersOfMarket = new Map<string, IndexedPlayer[]>();
  for (const p of model.marketPlayers) {
    const list = playersOfMarket.get(p.marketId) ?? [];
    list.push({ ...p, units: p.unitIds.flatMap((id) => (unitIx.has(id) ? [unitIx.get(id)!] : [])) });
    playersOfMarket.set(p.marketId, list);
  }
  let revenue = 0;
  let attributableRevenue = 0;
  for (const u of units) {
    if (u.consolidated) revenue += u.revenue;
    attributableRevenue += u.antStake * u.revenue;
  }
  const index: ModelIndex = {
    model,
    units,
    services,
    flows: model.dataFlows,
    unitIx,
    serviceIx,
    market: new Map(model.markets.map((m) => [m.id, m])),
    book,
    fund,
    // The seed writes "none (...)" for units without a licence.
    financial: units.map((u) => !/^none\b/i.test(u.licence.trim()) && u.licence.trim() !== ""),
    bookUnits: units.flatMap((_, i) => (book[i] ? [i] : [])),
    entryPoints,
    unitsOfService,
    servicesOfUnit,
    mainUnitOfService,
    flowsInto,
    flowIx: new Map(model.dataFlows.map((f, i) => [f.id, i])),
    playersOfMarket,
    engineAssumptions: new Set(model.assumptions.filter((a) => a.usedBy === "engine").map((a) => a.id)),
    baseline: { revenue, attributableRevenue, serviceReach: services.reduce((acc, s) => acc + s.users, 0) },
  };
  cache.set(model, index);
  return index;
}

/**
 * The index of a model that differs from `base` only in figures (capital held, users, paid-in capital: the same
 * units, services, flows, books, funds and markets, in the same order). It reuses the base's structure and re-reads
 * only what depends on figures, so Monte Carlo can draw seed figures without re-indexing the model every draw.
 */
export function indexFiguresOf(base: Model, variant: Model): ModelIndex {
  const hit = cache.get(variant);
  if (hit) return hit;
  const b = indexModel(base);
  const units = variant.units;
  const services = variant.services;
  const byUnit = <T extends { unitId: string }>(rows: T[], same: boolean, prev: Array<T | undefined>) => {
    if (same) return prev;
    const out: Array<T | undefined> = units.map(() => undefined);
    for (const r of rows) {
      const u = b.unitIx.get(r.unitId);
      if (u !== undefined) out[u] = r;
    }
    return out;
  };
  const mainUnitOfService = b.unitsOfService.map((list) => {
    let best = -1;
    let bestRevenue = -1;
    for (const [u, share] of list) {
      const r = units[u].revenue * share;
      if (r > bestRevenue) {
        bestRevenue = r;
        best = u;
      }
    }
    return best;
  });
  let revenue = 0;
  let attributableRevenue = 0;
  for (const u of units) {
    if (u.consolidated) revenue += u.revenue;
    attributableRevenue += u.antStake * u.revenue;
  }
  const index: ModelIndex = {
    ...b,
    model: variant,
    units,
    services,
    book: byUnit(variant.creditBooks, variant.creditBooks === base.creditBooks, b.book),
    fund: byUnit(variant.funds, variant.funds === base.funds, b.fund),
    mainUnitOfService,
    baseline: { revenue, attributableRevenue, serviceReach: services.reduce((acc, s) => acc + s.users, 0) },
  };
  cache.set(variant, index);
  return index;
}
