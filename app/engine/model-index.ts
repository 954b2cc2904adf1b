/**
 * Lookup tables over a Model, built once per model object and reused by every evaluation
 * (attribution evaluates a scenario hundreds of times against the same model).
 */
import type { CreditBook, DataFlow, Fund, Market, MarketPlayer, Model, Service, Unit } from "./model";

export interface ModelIndex {
  unit: Map<string, Unit>;
  service: Map<string, Service>;
  market: Map<string, Market>;
  book: Map<string, CreditBook>;
  fund: Map<string, Fund>;
  /** serviceId -> entry point -> traffic share */
  entryPoints: Map<string, Map<string, number>>;
  /** serviceId -> [unitId, share of that unit's revenue earned through the service] */
  unitsOfService: Map<string, Array<[string, number]>>;
  /** unitId -> [serviceId, share of the unit's revenue earned through it] */
  servicesOfUnit: Map<string, Array<[string, number]>>;
  /** The unit that earns most of a service's revenue: the one whose fate decides the service's. */
  mainUnitOfService: Map<string, string>;
  flowsInto: Map<string, DataFlow[]>;
  playersOfMarket: Map<string, MarketPlayer[]>;
  /** Engine assumption ids (overridable). */
  engineAssumptions: Set<string>;
}

const cache = new WeakMap<Model, ModelIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The index of a model (memoised on the model object, which the engine never mutates). */
export function indexModel(model: Model): ModelIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const unitsOfService = new Map<string, Array<[string, number]>>();
  const servicesOfUnit = new Map<string, Array<[string, number]>>();
  for (const su of model.serviceUnits) {
    push(unitsOfService, su.serviceId, [su.unitId, su.revenueShare] as [string, number]);
    push(servicesOfUnit, su.unitId, [su.serviceId, su.revenueShare] as [string, number]);
  }
  const unit = new Map(model.units.map((u) => [u.id, u]));
  const mainUnitOfService = new Map<string, string>();
  for (const [serviceId, list] of unitsOfService) {
    let best = "";
    let bestRevenue = -1;
    for (const [unitId, share] of list) {
      const r = (unit.get(unitId)?.revenue ?? 0) * share;
      if (r > bestRevenue) {
        bestRevenue = r;
        best = unitId;
      }
    }
    mainUnitOfService.set(serviceId, best);
  }
  const entryPoints = new Map<string, Map<string, number>>();
  for (const ep of model.serviceEntryPoints) {
    let m = entryPoints.get(ep.serviceId);
    if (!m) entryPoints.set(ep.serviceId, (m = new Map()));
    m.set(ep.entryPoint, ep.trafficShare);
  }
  const flowsInto = new Map<string, DataFlow[]>();
  for (const f of model.dataFlows) push(flowsInto, f.toUnit, f);
  const playersOfMarket = new Map<string, MarketPlayer[]>();
  for (const p of model.marketPlayers) push(playersOfMarket, p.marketId, p);
  const index: ModelIndex = {
    unit,
    service: new Map(model.services.map((s) => [s.id, s])),
    market: new Map(model.markets.map((m) => [m.id, m])),
    book: new Map(model.creditBooks.map((b) => [b.unitId, b])),
    fund: new Map(model.funds.map((f) => [f.unitId, f])),
    entryPoints,
    unitsOfService,
    servicesOfUnit,
    mainUnitOfService,
    flowsInto,
    playersOfMarket,
    engineAssumptions: new Set(model.assumptions.filter((a) => a.usedBy === "engine").map((a) => a.id)),
  };
  cache.set(model, index);
  return index;
}
