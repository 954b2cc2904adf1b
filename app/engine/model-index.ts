/**
 * What depends only on the model, computed once per model object and reused by every evaluation (Monte Carlo and
 * attribution evaluate one model thousands of times, and a page evaluates it on every request). Units, services and
 * flows get dense numeric indexes, so an evaluation's state is a handful of number arrays instead of maps or a clone
 * of the model; what a result shows of the baseline (a service's revenue and integration, a market's shares, HHI
 * and PBoC standing) and the state's initial arrays are computed here once, not per evaluation.
 */
import { hhi, pbocAssessment, type PbocStatus } from "./markets";
import type { CreditBook, DataFlow, Fund, Market, MarketPlayer, Model, Service, Unit } from "./model";
import { entryPointPhrase, listText } from "./vocabulary";

/** A market player with its Ant units resolved to unit indexes. */
export interface IndexedPlayer extends MarketPlayer {
  units: number[];
}

/** A market's players and its baseline figures (no rule changes them: shares are not drawn). */
export interface IndexedMarket {
  market: Market;
  players: IndexedPlayer[];
  /** The players' baseline shares, whether each is fragmented, and the HHI and PBoC standing on them. */
  before: number[];
  fragmented: boolean[];
  hhi: number;
  pboc: PbocStatus;
}

/** The state's starting arrays (createState copies them): figures by unit, and filled arrays by size. */
export interface InitialState {
  stake: number[];
  held: number[];
  consolidated: boolean[];
  unitZeros: number[];
  unitOnes: number[];
  unitNone: undefined[];
  unitNull: null[];
  serviceZeros: number[];
  serviceOnes: number[];
  serviceNone: undefined[];
  flowOnes: number[];
  flowNone: undefined[];
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
  /** The model's markets in order, each with its players and baseline figures. */
  markets: IndexedMarket[];
  /** Credit book and fund of each unit, by unit index (undefined where it has none). */
  book: Array<CreditBook | undefined>;
  fund: Array<Fund | undefined>;
  /** By unit index: whether it holds a financial licence (what a financial-holding-company test counts). */
  financial: boolean[];
  /** Indexes of the units that have a credit book. */
  bookUnits: number[];
  /** By service index: entry point -> traffic share; and the same as a list, in the map's order. */
  entryPoints: Array<Map<string, number>>;
  entryPointList: Array<Array<[string, number]>>;
  /** By service: its entry points' names in the map's order, and joined with ", " (what `all` removes, as a sentence lists them). */
  entryPointNames: string[][];
  entryPointNamesText: string[];
  /** By service index: the traffic share of all its entry points (its integration when none is removed). */
  baselineIntegration: number[];
  /** By service index: [unit index, share of that unit's revenue earned through the service]. */
  unitsOfService: Array<Array<[number, number]>>;
  /** By unit index: [service index, share of the unit's revenue earned through it]. */
  servicesOfUnit: Array<Array<[number, number]>>;
  /** By unit index: the share of its revenue earned outside its services (1 - the shares above, summed in order). */
  outsideShare: number[];
  /** By service index: the unit earning most of its revenue (whose fate decides the service's), or -1. */
  mainUnitOfService: number[];
  /** By service index: its baseline revenue (its units' revenue x share, summed in order). */
  baselineServiceRevenue: number[];
  /**
   * unitsOfService flattened: entries of service sv from `serviceUnitStart[sv]`, each its unit and its weight
   * (unit revenue x share), and by service the sum of its weights in order (a service's users weigh its units so).
   */
  serviceUnitStart: number[];
  serviceUnit: number[];
  serviceUnitWeight: number[];
  serviceWeightSum: number[];
  /** By unit index: indexes of the flows into it. */
  flowsInto: number[][];
  flowIx: Map<string, number>;
  playersOfMarket: Map<string, IndexedPlayer[]>;
  /** Engine assumption ids (overridable). */
  engineAssumptions: Set<string>;
  baseline: { revenue: number; attributableRevenue: number; serviceReach: number };
  initial: InitialState;
}

/** The part of the index that depends on the model's structure (ids, links, shares), not on its drawable figures. */
type Structure = Omit<
  ModelIndex,
  | "model"
  | "units"
  | "services"
  | "book"
  | "fund"
  | "bookUnits"
  | "mainUnitOfService"
  | "baselineServiceRevenue"
  | "baseline"
  | "initial"
  | "serviceUnitStart"
  | "serviceUnit"
  | "serviceUnitWeight"
  | "serviceWeightSum"
>;

const cache = new WeakMap<Model, ModelIndex>();

/** The index of a model (memoised on the model object, which the engine never mutates). */
export function indexModel(model: Model): ModelIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const index = withFigures(structureOf(model), model, null);
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
  const index = withFigures(indexModel(base), variant, indexModel(base));
  cache.set(variant, index);
  return index;
}

function structureOf(model: Model): Structure {
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
  const playersOfMarket = new Map<string, IndexedPlayer[]>();
  for (const p of model.marketPlayers) {
    const list = playersOfMarket.get(p.marketId) ?? [];
    list.push({ ...p, units: p.unitIds.flatMap((id) => (unitIx.has(id) ? [unitIx.get(id)!] : [])) });
    playersOfMarket.set(p.marketId, list);
  }
  return {
    flows: model.dataFlows,
    unitIx,
    serviceIx,
    market: new Map(model.markets.map((m) => [m.id, m])),
    markets: model.markets.map((market) => {
      const players = playersOfMarket.get(market.id) ?? [];
      const before = players.map((p) => p.share);
      const fragmented = players.map((p) => p.fragmented);
      return { market, players, before, fragmented, hhi: hhi(before, fragmented), pboc: pbocAssessment(before, fragmented) };
    }),
    // The seed writes "none (...)" for units without a licence.
    financial: units.map((u) => !/^none\b/i.test(u.licence.trim()) && u.licence.trim() !== ""),
    entryPoints,
    entryPointList: entryPoints.map((eps) => [...eps]),
    entryPointNames: entryPoints.map((eps) => [...eps.keys()]),
    entryPointNamesText: entryPoints.map((eps) => listText([...eps.keys()].map(entryPointPhrase))),
    baselineIntegration: entryPoints.map((eps) => {
      let inApp = 0;
      for (const x of eps.values()) inApp += x;
      return inApp;
    }),
    unitsOfService,
    servicesOfUnit,
    outsideShare: servicesOfUnit.map((list) => 1 - list.reduce((acc, [, share]) => acc + share, 0)),
    flowsInto,
    flowIx: new Map(model.dataFlows.map((f, i) => [f.id, i])),
    playersOfMarket,
    engineAssumptions: new Set(model.assumptions.filter((a) => a.usedBy === "engine").map((a) => a.id)),
  };
}

/** The structure with `model`'s figures; `prev` (an index of the same structure) lends the tables `model` shares. */
function withFigures(structure: Structure, model: Model, prev: ModelIndex | null): ModelIndex {
  const { unitIx, unitsOfService } = structure;
  const units = model.units;
  const services = model.services;
  const byUnit = <T extends { unitId: string }>(rows: T[], kept: Array<T | undefined> | undefined) => {
    if (kept) return kept;
    const out: Array<T | undefined> = units.map(() => undefined);
    for (const r of rows) {
      const u = unitIx.get(r.unitId);
      if (u !== undefined) out[u] = r;
    }
    return out;
  };
  const book = byUnit(model.creditBooks, prev && model.creditBooks === prev.model.creditBooks ? prev.book : undefined);
  const fund = byUnit(model.funds, prev && model.funds === prev.model.funds ? prev.fund : undefined);
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
  const baselineServiceRevenue = unitsOfService.map((list) => {
    let revenue = 0;
    for (const [u, share] of list) revenue += units[u].revenue * share;
    return revenue;
  });
  const serviceUnitStart = [0];
  const serviceUnit: number[] = [];
  const serviceUnitWeight = [0.5];
  serviceUnitWeight.length = 0;
  const serviceWeightSum = [0.5];
  serviceWeightSum.length = 0;
  for (const list of unitsOfService) {
    let sum = 0;
    for (const [u, share] of list) {
      const w = units[u].revenue * share;
      serviceUnit.push(u);
      serviceUnitWeight.push(w);
      sum += w;
    }
    serviceWeightSum.push(sum);
    serviceUnitStart.push(serviceUnit.length);
  }
  let revenue = 0;
  let attributableRevenue = 0;
  for (const u of units) {
    if (u.consolidated) revenue += u.revenue;
    attributableRevenue += u.antStake * u.revenue;
  }
  const nu = units.length;
  const ns = services.length;
  const nf = structure.flows.length;
  const filled = <T>(n: number, v: T): T[] => {
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(v);
    return out;
  };
  // Arrays of doubles from the start (a first element 0.5 sets the kind V8 keeps them in, unboxed): their copies
  // never change representation when an evaluation writes a fraction into them.
  const numbers = (n: number, v: number | ((i: number) => number)) => {
    const out = [0.5];
    out.length = 0;
    for (let i = 0; i < n; i++) out.push(typeof v === "number" ? v : v(i));
    return out;
  };
  return {
    ...structure,
    model,
    units,
    services,
    book,
    fund,
    bookUnits: units.flatMap((_, i) => (book[i] ? [i] : [])),
    mainUnitOfService,
    baselineServiceRevenue,
    serviceUnitStart,
    serviceUnit,
    serviceUnitWeight,
    serviceWeightSum,
    baseline: { revenue, attributableRevenue, serviceReach: services.reduce((acc, s) => acc + s.users, 0) },
    initial: {
      stake: numbers(nu, (i) => units[i].antStake),
      held: numbers(nu, (i) => units[i].capitalHeld),
      consolidated: units.map((u) => u.consolidated),
      unitZeros: numbers(nu, 0),
      unitOnes: numbers(nu, 1),
      unitNone: filled(nu, undefined),
      unitNull: filled(nu, null),
      serviceZeros: numbers(ns, 0),
      serviceOnes: numbers(ns, 1),
      serviceNone: filled(ns, undefined),
      flowOnes: numbers(nf, 1),
      flowNone: filled(nf, undefined),
    },
  };
}
