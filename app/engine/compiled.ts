/**
 * The compiled form: a scenario resolved against the model once, into flat numeric arrays, then evaluated many
 * times (Monte Carlo draws, attribution coalitions, sensitivity swings) without allocating.
 *
 * What compiling fixes: every id a rule names becomes an index (units, services, flows, entry points, players),
 * every rule parameter a slot of `params`, every assumption a slot of `assumptions`, every figure a draw may change
 * (capital held, users, stakes, books, funds, paid-in capital) a slot of `figures`. What an evaluation takes: those
 * three vectors and the set of rules switched on (a coalition, for attribution). It computes the same numbers as
 * the staged evaluator (`evaluate.ts`, `stages/`), in the same order of floating-point operations, so the results
 * are equal to the last bit (`compiled.test.ts` checks it on the library and on random stacks); the staged
 * evaluator stays the readable reference and the one that explains (sentences and warnings).
 * docs/decisions/020-compiled-engine.md.
 */
import { ENGINE_ASSUMPTIONS, resolveAssumptions, type EngineAssumption } from "./assumptions";
import type { Model } from "./model";
import { ABSENT, MaskTable } from "./mask-table";
import { indexModel, type ModelIndex } from "./model-index";
import { HEADLINE_KEYS, type Headline } from "./result";
import { isParam, type CapitalResponse, type EngineScenario, type Rule } from "./rules";
import { GROUP } from "./state";

// ---- The model, compiled once per model object ----

/** Slots of `figures`: the model's numbers a draw may change (the seed tables the uncertainty analysis draws). */
export interface FigureLayout {
  netProfit: number;
  paidInCapital: number;
  groupRevenue: number;
  /** + unit index */
  unitRevenue: number;
  unitStake: number;
  unitHeld: number;
  /** + service index */
  serviceUsers: number;
  /** + 5 x book row + 0 balance, 1 ownShare, 2 takeRate, 3 riskWeight, 4 lossRate */
  books: number;
  /** + 2 x fund row + 0 aum, 1 feeRate */
  funds: number;
  size: number;
}

export interface CompiledModel {
  ix: ModelIndex;
  nu: number;
  ns: number;
  nf: number;
  layout: FigureLayout;
  /** The model's figures, laid out as `layout` says. */
  figures: Float64Array;
  assumptionIds: string[];
  assumptionIx: Map<string, number>;
  /** Slot of each engine assumption (every one must be in the model, as `read` requires). */
  a: Record<EngineAssumption, number>;
  /** By unit: slot of its coverage elasticity (-1 if the model lacks it: read only where coverage falls). */
  elasticity: Int32Array;
  /** By unit: its book row and fund row (-1 if none): the last row naming it, as the index keeps. */
  bookRow: Int32Array;
  fundRow: Int32Array;
  consolidated: Uint8Array;
  financial: Uint8Array;
  /** Indexes of the units with a financial licence, ascending. */
  financialUnits: Int32Array;
  /** CSR lists: servicesOfUnit (service, share) and unitsOfService (unit, share), flows into each unit. */
  souStart: Int32Array;
  souService: Int32Array;
  souShare: Float64Array;
  uosStart: Int32Array;
  uosUnit: Int32Array;
  uosShare: Float64Array;
  fiStart: Int32Array;
  fiFlow: Int32Array;
  dependence: Float64Array;
  /** Entry points by service, in the model's order. */
  epStart: Int32Array;
  epShare: Float64Array;
  epName: string[];
  /** By service: the traffic share of all its entry points, summed in order (its integration when nothing is removed). */
  integration: Float64Array;
  /** Market players in the model's order within each market: CSR by market, their Ant units CSR by player. */
  mkStart: Int32Array;
  playerShare: Float64Array;
  playerAnt: Uint8Array;
  playerFragmented: boolean[];
  puStart: Int32Array;
  puUnit: Int32Array;
  /** (marketId, playerId) -> player index, first match as the stages find it. */
  playerOf: Map<string, number>;
  /** Figure slot of each (table, row id, field) a seed assumption may set. */
  figureSlot(table: string, rowId: string, field: string): number;
}

const compiledModels = new WeakMap<Model, CompiledModel>();

function csr<T>(lists: T[][], put: (item: T, k: number) => void): Int32Array {
  const start = new Int32Array(lists.length + 1);
  let k = 0;
  lists.forEach((list, i) => {
    start[i] = k;
    for (const item of list) put(item, k++);
  });
  start[lists.length] = k;
  return start;
}

export function compileModel(model: Model): CompiledModel {
  const hit = compiledModels.get(model);
  if (hit) return hit;
  const ix = indexModel(model);
  const nu = ix.units.length;
  const ns = ix.services.length;
  const nb = model.creditBooks.length;
  const nfu = model.funds.length;
  const layout: FigureLayout = {
    netProfit: 0,
    paidInCapital: 1,
    groupRevenue: 2,
    unitRevenue: 3,
    unitStake: 3 + nu,
    unitHeld: 3 + 2 * nu,
    serviceUsers: 3 + 3 * nu,
    books: 3 + 3 * nu + ns,
    funds: 3 + 3 * nu + ns + 5 * nb,
    size: 3 + 3 * nu + ns + 5 * nb + 2 * nfu,
  };
  const figures = new Float64Array(layout.size);
  figures[layout.netProfit] = model.group.netProfit;
  figures[layout.paidInCapital] = model.group.paidInCapital;
  figures[layout.groupRevenue] = model.group.revenue;
  ix.units.forEach((u, i) => {
    figures[layout.unitRevenue + i] = u.revenue;
    figures[layout.unitStake + i] = u.antStake;
    figures[layout.unitHeld + i] = u.capitalHeld;
  });
  ix.services.forEach((s, i) => (figures[layout.serviceUsers + i] = s.users));
  const BOOK_FIELDS = ["balance", "ownShare", "takeRate", "riskWeight", "lossRate"] as const;
  const FUND_FIELDS = ["aum", "feeRate"] as const;
  model.creditBooks.forEach((b, r) => BOOK_FIELDS.forEach((f, k) => (figures[layout.books + 5 * r + k] = b[f])));
  model.funds.forEach((f, r) => FUND_FIELDS.forEach((x, k) => (figures[layout.funds + 2 * r + k] = f[x])));
  const bookRow = new Int32Array(nu).fill(-1);
  model.creditBooks.forEach((b, r) => {
    const u = ix.unitIx.get(b.unitId);
    if (u !== undefined) bookRow[u] = r;
  });
  const fundRow = new Int32Array(nu).fill(-1);
  model.funds.forEach((f, r) => {
    const u = ix.unitIx.get(f.unitId);
    if (u !== undefined) fundRow[u] = r;
  });

  const assumptionIds = model.assumptions.map((a) => a.id);
  const assumptionIx = new Map<string, number>();
  assumptionIds.forEach((id, i) => {
    if (!assumptionIx.has(id)) assumptionIx.set(id, i);
  });
  // Built in one go (Object.fromEntries) rather than key by key: V8 then keeps it a fast object, and the stages read
  // it on every coalition and draw (built key by key it became a dictionary, a hash lookup per read).
  const a = Object.fromEntries(
    ENGINE_ASSUMPTIONS.map((id) => {
      const slot = assumptionIx.get(id);
      if (slot === undefined) throw new Error(`The model has no assumption '${id}' (the engine needs it)`);
      return [id, slot];
    }),
  ) as Record<EngineAssumption, number>;

  const souService: number[] = [];
  const souShare: number[] = [];
  const souStart = csr(ix.servicesOfUnit, ([sv, share]) => {
    souService.push(sv);
    souShare.push(share);
  });
  const uosUnit: number[] = [];
  const uosShare: number[] = [];
  const uosStart = csr(ix.unitsOfService, ([u, share]) => {
    uosUnit.push(u);
    uosShare.push(share);
  });
  const fiFlow: number[] = [];
  const fiStart = csr(ix.flowsInto, (f) => fiFlow.push(f));
  const epShare: number[] = [];
  const epName: string[] = [];
  const epStart = csr(
    ix.entryPoints.map((m) => [...m]),
    ([name, share]) => {
      epName.push(name);
      epShare.push(share);
    },
  );
  const players = model.markets.map((m) => ix.playersOfMarket.get(m.id) ?? []);
  const flatPlayers = players.flat();
  const playerOf = new Map<string, number>();
  let p = 0;
  const mkStart = csr(players, (pl) => {
    const key = `${pl.marketId}\u0000${pl.playerId}`;
    if (!playerOf.has(key)) playerOf.set(key, p);
    p++;
  });
  // Players of markets the model does not list are unreachable by the stages' lookups too (they go by market id).
  for (const [marketId, list] of ix.playersOfMarket)
    if (!model.markets.some((m) => m.id === marketId))
      for (const pl of list) {
        const key = `${marketId}\u0000${pl.playerId}`;
        if (!playerOf.has(key)) {
          playerOf.set(key, flatPlayers.length);
          flatPlayers.push(pl);
        }
      }
  const puUnit: number[] = [];
  const puStart = csr(
    flatPlayers.map((pl) => pl.units),
    (u) => puUnit.push(u),
  );
  const slotOf = new Map<string, number>();
  const key3 = (t: string, r: string, f: string) => `${t}\u0000${r}\u0000${f}`;
  slotOf.set(key3("group", "group", "netProfit"), layout.netProfit);
  slotOf.set(key3("group", "group", "paidInCapital"), layout.paidInCapital);
  slotOf.set(key3("group", "group", "revenue"), layout.groupRevenue);
  // A draw patches the first row with the id (as `applyDraw` does); units and services have one row per id.
  ix.units.forEach((u, i) => {
    for (const [f, base] of [
      ["revenue", layout.unitRevenue],
      ["antStake", layout.unitStake],
      ["capitalHeld", layout.unitHeld],
    ] as const)
      if (!slotOf.has(key3("units", u.id, f))) slotOf.set(key3("units", u.id, f), base + i);
  });
  ix.services.forEach((s, i) => {
    if (!slotOf.has(key3("services", s.id, "users"))) slotOf.set(key3("services", s.id, "users"), layout.serviceUsers + i);
  });
  model.creditBooks.forEach((b, r) =>
    BOOK_FIELDS.forEach((f, k) => {
      if (!slotOf.has(key3("creditBooks", b.unitId, f))) slotOf.set(key3("creditBooks", b.unitId, f), layout.books + 5 * r + k);
    }),
  );
  model.funds.forEach((fd, r) =>
    FUND_FIELDS.forEach((f, k) => {
      if (!slotOf.has(key3("funds", fd.unitId, f))) slotOf.set(key3("funds", fd.unitId, f), layout.funds + 2 * r + k);
    }),
  );

  const compiled: CompiledModel = {
    ix,
    nu,
    ns,
    nf: ix.flows.length,
    layout,
    figures,
    assumptionIds,
    assumptionIx,
    a,
    elasticity: Int32Array.from(ix.units, (u) => assumptionIx.get(u.coverageElasticity) ?? -1),
    bookRow,
    fundRow,
    consolidated: Uint8Array.from(ix.units, (u) => (u.consolidated ? 1 : 0)),
    financial: Uint8Array.from(ix.financial, (x) => (x ? 1 : 0)),
    financialUnits: Int32Array.from(ix.financial.flatMap((x, u) => (x ? [u] : []))),
    souStart,
    souService: Int32Array.from(souService),
    souShare: Float64Array.from(souShare),
    uosStart,
    uosUnit: Int32Array.from(uosUnit),
    uosShare: Float64Array.from(uosShare),
    fiStart,
    fiFlow: Int32Array.from(fiFlow),
    dependence: Float64Array.from(ix.flows, (f) => f.dependence),
    epStart,
    epShare: Float64Array.from(epShare),
    epName,
    integration: Float64Array.from(ix.services, (_, sv) => {
      let inApp = 0;
      for (let k = epStart[sv]; k < epStart[sv + 1]; k++) inApp += epShare[k];
      return inApp;
    }),
    mkStart,
    playerShare: Float64Array.from(flatPlayers, (pl) => pl.share),
    playerAnt: Uint8Array.from(flatPlayers, (pl) => (pl.unitIds.length > 0 ? 1 : 0)),
    playerFragmented: flatPlayers.map((pl) => pl.fragmented),
    puStart,
    puUnit: Int32Array.from(puUnit),
    playerOf,
    figureSlot: (table, rowId, field) => slotOf.get(key3(table, rowId, field)) ?? -1,
  };
  compiledModels.set(model, compiled);
  return compiled;
}

// ---- The rules, compiled per scenario ----

const RESPONSE: Record<CapitalResponse, number> = { raise: 0, shrink: 1, facilitate: 2 };
const RAISE = 0;
const FACILITATE = 2;
export const RESPONSES: CapitalResponse[] = ["raise", "shrink", "facilitate"];

interface FlowCut {
  i: number;
  flows: Int32Array;
  slot: number;
}
interface Bureau {
  i: number;
  units: Int32Array;
  cost: number;
  stake: number;
}
interface SpinOff {
  i: number;
  units: Int32Array;
  slot: number;
  keepLinks: boolean;
}
interface Unbundle {
  i: number;
  services: Int32Array;
  /** Per service in `services`: the entry-point slots (into `epStart`'s arrays) the rule removes. */
  eps: Int32Array[];
  recapture: number;
}
interface PlayerRule {
  i: number;
  player: number;
  slot: number;
}
interface FundCap {
  i: number;
  unit: number;
  slot: number;
}
interface Requirement {
  i: number;
  units: Int32Array;
  slot: number;
  response: number;
  riskWeight: number;
}
interface MinCapital {
  i: number;
  units: Int32Array;
  slot: number;
  group: boolean;
  controlled: number;
}

/** The rules of one scenario resolved against one model, with the vectors an evaluation starts from. */
export interface CompiledScenario {
  model: CompiledModel;
  n: number;
  /** Rule parameter values (the file's, or a what-if's as already applied to the scenario). */
  params: Float64Array;
  /** `<ruleIndex>.<field>` -> slot of `params`. */
  paramSlot: Map<string, number>;
  /** Assumption values after the scenario's overrides (and the caller's, if given to `compileScenario`). */
  assumptions: Float64Array;
  consent: FlowCut[];
  ban: FlowCut[];
  bureauCut: FlowCut[];
  retention: FlowCut[];
  bureau: Bureau[];
  spinOff: SpinOff[];
  spinEntity: string[];
  unbundle: Unbundle[];
  interop: PlayerRule[];
  shareCap: PlayerRule[];
  fundCap: FundCap[];
  ratio: Requirement[];
  coLending: Requirement[];
  leverage: Requirement[];
  minCapital: MinCapital[];
  fine: number[];
  fineRule: number[];
  /** Units a later-stage rule or a credit book can touch, and players a market rule names (what stages 3-5 reset). */
  laterUnits: Int32Array;
  laterPlayers: Int32Array;
  /** Bits of the rules stages 1 and 2 read (privacy and splits): what they leave depends on these alone. */
  firstMask: number;
  /**
   * The privacy rules' bits (what volume and users after stage 1 depend on) and the split rules' (stakes,
   * consolidation and reach after stage 2): the two stages never read each other's output.
   */
  privacyMask: number;
  splitsMask: number;
}

const FIRST_STAGE_TYPES = new Set<Rule["type"]>(["consent-required", "data-ban", "credit-bureau", "retention-limit", "spin-off", "unbundle"]);
const SPLIT_TYPES = new Set<Rule["type"]>(["spin-off", "unbundle"]);

const matches = (list: string[] | undefined, id: string) => list === undefined || list.includes(id);

/**
 * Compile a scenario against a model. `assumptions`, if given, are the caller's overrides (a what-if), applied
 * after the scenario's own, as `evaluate` does.
 */
export function compileScenario(model: Model, scenario: EngineScenario, assumptions?: Record<string, number>): CompiledScenario {
  const cm = compileModel(model);
  const { ix } = cm;
  const values = resolveAssumptions(model, scenario.assumptions, assumptions);
  const av = Float64Array.from(cm.assumptionIds, (id) => values[id]);
  const params: number[] = [];
  const paramSlot = new Map<string, number>();
  const slots: Array<Record<string, number>> = scenario.rules.map((rule, r) => {
    const out: Record<string, number> = {};
    for (const [field, v] of Object.entries(rule)) {
      if (!isParam(v)) continue;
      out[field] = params.length;
      paramSlot.set(`${r}.${field}`, params.length);
      params.push(typeof v === "number" ? v : v.value);
    }
    return out;
  });
  const unitsOf = (ids: string[]) => Int32Array.from(ids.flatMap((id) => (ix.unitIx.has(id) ? [ix.unitIx.get(id)!] : [])));
  const flowsWhere = (pick: (f: (typeof ix.flows)[number]) => boolean) =>
    Int32Array.from(ix.flows.flatMap((f, k) => (pick(f) ? [k] : [])));
  const c: CompiledScenario = {
    model: cm,
    n: scenario.rules.length,
    params: Float64Array.from(params),
    paramSlot,
    assumptions: av,
    consent: [],
    ban: [],
    bureauCut: [],
    retention: [],
    bureau: [],
    spinOff: [],
    spinEntity: [],
    unbundle: [],
    interop: [],
    shareCap: [],
    fundCap: [],
    ratio: [],
    coLending: [],
    leverage: [],
    minCapital: [],
    fine: [],
    fineRule: [],
    laterUnits: new Int32Array(0),
    laterPlayers: new Int32Array(0),
    firstMask: 0,
    privacyMask: 0,
    splitsMask: 0,
  };
  const playerFor = (market: string, player: string) => {
    const p = cm.playerOf.get(`${market}\u0000${player}`);
    return p === undefined || !cm.playerAnt[p] ? -1 : p;
  };
  const response = (r: CapitalResponse) => RESPONSE[r];
  scenario.rules.forEach((rule: Rule, i) => {
    const slot = slots[i];
    switch (rule.type) {
      case "consent-required":
        c.consent.push({
          i,
          slot: slot.consentRate,
          flows: flowsWhere((f) => rule.categories.includes(f.category) && matches(rule.from, f.fromUnit) && matches(rule.to, f.toUnit)),
        });
        break;
      case "data-ban":
        c.ban.push({
          i,
          slot: -1,
          flows: flowsWhere((f) => rule.categories.includes(f.category) && matches(rule.from, f.fromUnit) && matches(rule.to, f.toUnit)),
        });
        break;
      case "credit-bureau":
        c.bureauCut.push({
          i,
          slot: slot.coverageKept,
          flows: flowsWhere((f) => f.category === "credit-history" && rule.to.includes(f.toUnit)),
        });
        c.bureau.push({ i, units: unitsOf(rule.to), cost: slot.costPerQuery, stake: slot.bureauStake });
        break;
      case "retention-limit":
        c.retention.push({ i, slot: slot.months, flows: flowsWhere((f) => rule.categories.includes(f.category)) });
        break;
      case "spin-off":
        c.spinOff.push({ i, units: unitsOf(rule.units), slot: slot.stakeKept, keepLinks: rule.keepLinks });
        break;
      case "unbundle": {
        const services: number[] = [];
        const eps: Int32Array[] = [];
        for (const svId of rule.services) {
          const sv = ix.serviceIx.get(svId);
          if (sv === undefined) continue;
          services.push(sv);
          // In the order the rule names them (the order a result lists removed entry points in).
          const slotsOf: number[] = [];
          for (let k = cm.epStart[sv]; k < cm.epStart[sv + 1]; k++) slotsOf.push(k);
          const hit =
            rule.entryPoints === "all"
              ? slotsOf
              : rule.entryPoints.flatMap((ep) => slotsOf.filter((k) => cm.epName[k] === ep));
          eps.push(Int32Array.from(hit));
        }
        c.unbundle.push({ i, services: Int32Array.from(services), eps, recapture: slot.recapture ?? -1 });
        break;
      }
      case "interoperability":
        c.interop.push({ i, player: playerFor(rule.market, rule.player), slot: slot.shareShift });
        break;
      case "market-share-cap":
        c.shareCap.push({ i, player: playerFor(rule.market, rule.player), slot: slot.cap });
        break;
      case "fund-size-cap": {
        const u = ix.unitIx.get(rule.unit);
        c.fundCap.push({ i, unit: u === undefined || !ix.fund[u] ? -1 : u, slot: slot.maxAum });
        break;
      }
      case "capital-ratio":
        c.ratio.push({ i, units: unitsOf(rule.units), slot: slot.minRatio, response: response(rule.response), riskWeight: slot.riskWeight ?? -1 });
        break;
      case "co-lending":
        c.coLending.push({
          i,
          units: Int32Array.from(unitsOf(rule.units).filter((u) => ix.book[u] !== undefined)),
          slot: slot.minOwnShare,
          response: response(rule.response),
          riskWeight: -1,
        });
        break;
      case "leverage-cap":
        c.leverage.push({ i, units: unitsOf(rule.units), slot: slot.maxLeverage, response: response(rule.response), riskWeight: -1 });
        break;
      case "min-capital":
        c.minCapital.push({
          i,
          units: unitsOf(rule.units),
          slot: slot.minimum,
          group: rule.units.includes(GROUP),
          controlled: slot.controlledShare ?? -1,
        });
        break;
      case "fine":
        c.fine.push(slot.amount);
        c.fineRule.push(i);
        break;
    }
    c.spinEntity.push(rule.type === "spin-off" ? rule.entity : "");
    if (i < 31 && FIRST_STAGE_TYPES.has(rule.type)) c.firstMask |= 1 << i;
    if (i < 31 && SPLIT_TYPES.has(rule.type)) c.splitsMask |= 1 << i;
    else if (i < 31 && FIRST_STAGE_TYPES.has(rule.type)) c.privacyMask |= 1 << i;
  });
  const later = new Set<number>();
  for (let u = 0; u < cm.nu; u++) if (cm.bookRow[u] >= 0) later.add(u);
  for (const r of [...c.ratio, ...c.coLending, ...c.leverage, ...c.minCapital]) r.units.forEach((u) => later.add(u));
  for (const r of c.fundCap) if (r.unit >= 0) later.add(r.unit);
  c.laterUnits = Int32Array.from([...later].sort((x, y) => x - y));
  c.laterPlayers = Int32Array.from(new Set([...c.interop, ...c.shareCap].map((r) => r.player).filter((p) => p >= 0)));
  return c;
}

// ---- Evaluation ----

/** Headline vector layout: scenario values by `HEADLINE_KEYS` order, then the baselines in the same order. */
export const H = Object.fromEntries(HEADLINE_KEYS.map((k, i) => [k, i])) as Record<(typeof HEADLINE_KEYS)[number], number>;
export const NH = HEADLINE_KEYS.length;

/**
 * The working arrays of one evaluation, reused from one evaluation to the next (an evaluation overwrites every
 * array it reads before reading it). One per compiled scenario; evaluations are synchronous, so never shared.
 */
export class Work {
  readonly on: Uint8Array;
  readonly figures: Float64Array;
  readonly assumptions: Float64Array;
  readonly params: Float64Array;
  // derived from the figures
  readonly mainUnit: Int32Array;
  /** unitsOfService entries' revenue weights (unit revenue x share) and each service's sum of them (serviceUsers). */
  readonly uosWeight: Float64Array;
  readonly uosWeightSum: Float64Array;
  base = { revenue: 0, attributableRevenue: 0, serviceReach: 0 };
  // state by flow, unit, service, player
  readonly flowKept: Float64Array;
  readonly coverage: Float64Array;
  readonly volume: Float64Array;
  readonly userFactor: Float64Array;
  readonly stake: Float64Array;
  readonly consolidated: Uint8Array;
  readonly entity: Int32Array;
  readonly balance: Float64Array;
  readonly ownShare: Float64Array;
  readonly required: Float64Array;
  readonly held: Float64Array;
  readonly shortfall: Float64Array;
  readonly raised: Float64Array;
  readonly response: Int8Array;
  readonly facilitated: Float64Array;
  readonly revenue: Float64Array;
  readonly feeRevenue: Float64Array;
  readonly netInterest: Float64Array;
  readonly platformFee: Float64Array;
  readonly reach: Float64Array;
  /** By service: its users after the evaluation (set with the headline). */
  readonly users: Float64Array;
  /** By unit: the volume it keeps from its services' reach (`reachFactor`), set once reach is final. */
  readonly reachFactor: Float64Array;
  readonly integration: Float64Array;
  readonly linkedOut: Int32Array;
  readonly epRemoved: Uint8Array;
  /** By service: how many entry points are removed, listed in `epOrder` from `epStart[sv]` in removal order. */
  readonly epTouched: Uint8Array;
  readonly epCount: Int32Array;
  readonly epOrder: Int32Array;
  readonly recapture: Float64Array;
  // scratch for combining rules
  readonly spinStake: Float64Array;
  readonly spinKeep: Uint8Array;
  readonly spinRule: Int32Array;
  readonly olShare: Float64Array;
  readonly olResponse: Int8Array;
  readonly rw: Float64Array;
  readonly reqOn: Uint8Array;
  readonly reqProp: Float64Array;
  readonly reqFixed: Float64Array;
  readonly reqResponse: Int8Array;
  readonly playerTotal: Float64Array;
  readonly playerCap: Float64Array;
  readonly playerOrder: Int32Array;
  readonly fundMax: Float64Array;
  groupRule = false;
  groupRequired = 0;
  groupControlledShare = 0;
  groupShortfall = 0;
  bureauCost = 0;
  oneOffs = 0;
  /** Headline: scenario values then baselines (`H`). */
  readonly headline = new Float64Array(2 * NH);

  constructor(readonly c: CompiledScenario) {
    const m = c.model;
    const { nu, ns, nf } = m;
    const np = m.playerShare.length;
    this.on = new Uint8Array(c.n);
    this.figures = m.figures.slice();
    this.assumptions = c.assumptions.slice();
    this.params = c.params.slice();
    this.mainUnit = new Int32Array(ns);
    this.uosWeight = new Float64Array(m.uosUnit.length);
    this.uosWeightSum = new Float64Array(ns);
    const f = () => new Float64Array(nu);
    this.flowKept = new Float64Array(nf);
    this.coverage = f();
    this.volume = f();
    this.userFactor = f();
    this.stake = f();
    this.consolidated = new Uint8Array(nu);
    this.entity = new Int32Array(nu);
    this.balance = f();
    this.ownShare = f();
    this.required = f();
    this.held = f();
    this.shortfall = f();
    this.raised = f();
    this.response = new Int8Array(nu);
    this.facilitated = f();
    this.revenue = f();
    this.feeRevenue = f();
    this.netInterest = f();
    this.platformFee = f();
    this.reach = new Float64Array(ns);
    this.users = new Float64Array(ns);
    this.reachFactor = f();
    this.integration = new Float64Array(ns);
    this.linkedOut = new Int32Array(ns);
    this.epRemoved = new Uint8Array(m.epShare.length);
    this.epTouched = new Uint8Array(ns);
    this.epCount = new Int32Array(ns);
    this.epOrder = new Int32Array(m.epShare.length);
    this.recapture = new Float64Array(ns);
    this.spinStake = f();
    this.spinKeep = new Uint8Array(nu);
    this.spinRule = new Int32Array(nu);
    this.olShare = f();
    this.olResponse = new Int8Array(nu);
    this.rw = f();
    this.reqOn = new Uint8Array(nu);
    this.reqProp = f();
    this.reqFixed = f();
    this.reqResponse = new Int8Array(nu);
    this.playerTotal = new Float64Array(np);
    this.playerCap = new Float64Array(np);
    this.playerOrder = new Int32Array(np);
    this.fundMax = f();
    // The initial values of what only some units and players ever leave (laterStages resets just those).
    this.response.fill(-1);
    this.olShare.fill(Number.NaN);
    this.rw.fill(Number.NaN);
    this.fundMax.fill(Number.NaN);
    this.playerTotal.fill(Number.NaN);
    this.playerCap.fill(Number.NaN);
    this.prepare();
  }

  /** Reset the vectors to the scenario's own values. */
  reset() {
    this.figures.set(this.c.model.figures);
    this.assumptions.set(this.c.assumptions);
    this.params.set(this.c.params);
    this.prepare();
  }

  /** Recompute what depends on the figures (the main unit of each service, the baseline totals). */
  prepare() {
    const m = this.c.model;
    const F = this.figures;
    const L = m.layout;
    for (let sv = 0; sv < m.ns; sv++) {
      let best = -1;
      let bestRevenue = -1;
      for (let k = m.uosStart[sv]; k < m.uosStart[sv + 1]; k++) {
        const u = m.uosUnit[k];
        const r = F[L.unitRevenue + u] * m.uosShare[k];
        if (r > bestRevenue) {
          bestRevenue = r;
          best = u;
        }
      }
      this.mainUnit[sv] = best;
      let den = 0;
      for (let k = m.uosStart[sv]; k < m.uosStart[sv + 1]; k++) {
        const weight = F[L.unitRevenue + m.uosUnit[k]] * m.uosShare[k];
        this.uosWeight[k] = weight;
        den += weight;
      }
      this.uosWeightSum[sv] = den;
    }
    let revenue = 0;
    let attributableRevenue = 0;
    for (let u = 0; u < m.nu; u++) {
      if (m.consolidated[u]) revenue += F[L.unitRevenue + u];
      attributableRevenue += F[L.unitStake + u] * F[L.unitRevenue + u];
    }
    let serviceReach = 0;
    for (let sv = 0; sv < m.ns; sv++) serviceReach += F[L.serviceUsers + sv];
    this.base.revenue = revenue;
    this.base.attributableRevenue = attributableRevenue;
    this.base.serviceReach = serviceReach;
  }

  /** Switch on the rules in `mask` (bit i = rule i; at most 31 rules). */
  setMask(mask: number) {
    for (let i = 0; i < this.on.length; i++) this.on[i] = (mask >>> i) & 1;
  }

  setAll() {
    this.on.fill(1);
  }
}

/** Volume a unit keeps from the reach of the services it earns through (as `reachFactor` in state.ts). */
function reachFactor(w: Work, u: number): number {
  const m = w.c.model;
  let g = 1;
  for (let k = m.souStart[u]; k < m.souStart[u + 1]; k++) g -= m.souShare[k] * (1 - w.reach[m.souService[k]]);
  return Math.max(0, g);
}

/** Volume after everything but the reach of the unit's services, times that reach (reach is final after stage 2). */
const totalVolume = (w: Work, u: number) => w.volume[u] * w.reachFactor[u];

/** Run every stage on the rules switched on in `w.on`; the headline lands in `w.headline`. */
export function run(w: Work) {
  firstStages(w);
  laterStages(w);
}

/**
 * Stages 1 and 2 (privacy, splits): what they leave for the later stages is a function of the privacy and split
 * rules switched on only (`c.firstMask`), so attribution can keep it per coalition of those rules (`FirstStages`).
 */
export function firstStages(w: Work) {
  const c = w.c;
  const m = c.model;
  const { nu, ns, nf, layout: L } = m;
  const F = w.figures;
  const A = w.assumptions;
  const P = w.params;
  const on = w.on;
  const a = m.a;

  // -- state the first two stages own (plain loops: a fill per array costs more than the arrays are long)
  for (let f = 0; f < nf; f++) w.flowKept[f] = 1;
  for (let u = 0; u < nu; u++) {
    w.volume[u] = 1;
    w.userFactor[u] = 1;
    w.stake[u] = F[L.unitStake + u];
    w.consolidated[u] = m.consolidated[u];
    w.entity[u] = -1;
    w.spinStake[u] = Number.NaN;
  }
  for (let sv = 0; sv < ns; sv++) {
    w.reach[sv] = 1;
    w.linkedOut[sv] = -1;
    w.epTouched[sv] = 0;
    w.epCount[sv] = 0;
    w.recapture[sv] = 1;
  }
  for (let k = 0; k < w.epRemoved.length; k++) w.epRemoved[k] = 0;

  // -- 1. privacy: flows kept multiply, rule types in the stage's order
  let anyCut = false;
  for (const r of c.consent)
    if (on[r.i]) {
      anyCut = true;
      for (let k = 0; k < r.flows.length; k++) w.flowKept[r.flows[k]] *= P[r.slot];
    }
  for (const r of c.ban)
    if (on[r.i]) {
      anyCut = true;
      for (let k = 0; k < r.flows.length; k++) w.flowKept[r.flows[k]] = 0;
    }
  for (const r of c.bureauCut)
    if (on[r.i]) {
      anyCut = true;
      for (let k = 0; k < r.flows.length; k++) w.flowKept[r.flows[k]] *= P[r.slot];
    }
  for (const r of c.retention)
    if (on[r.i]) {
      anyCut = true;
      const usable = Math.min(1, P[r.slot] / A[a["history-months-typical"]]);
      for (let k = 0; k < r.flows.length; k++) w.flowKept[r.flows[k]] *= usable;
    }
  // With every flow kept whole, every coverage is 1 and no volume moves: the products can be skipped.
  for (let u = 0; u < nu && !anyCut; u++) w.coverage[u] = 1;
  for (let u = 0; u < nu && anyCut; u++) {
    let coverage = 1;
    for (let k = m.fiStart[u]; k < m.fiStart[u + 1]; k++) {
      const f = m.fiFlow[k];
      coverage *= 1 - m.dependence[f] * (1 - w.flowKept[f]);
    }
    w.coverage[u] = coverage;
    if (coverage >= 1) continue;
    const slot = m.elasticity[u];
    if (slot < 0) throw new Error(`The model has no assumption '${m.ix.units[u].coverageElasticity}' (the engine needs it)`);
    const factor = Math.max(0, 1 - A[slot] * (1 - coverage));
    w.volume[u] *= factor;
    w.userFactor[u] *= factor;
  }

  // -- 2. splits: the lowest stake kept wins (at a tie, the rule that cuts links)
  let anySpin = false;
  for (const r of c.spinOff) {
    if (!on[r.i]) continue;
    const kept = P[r.slot];
    for (let k = 0; k < r.units.length; k++) {
      const u = r.units[k];
      const prev = w.spinStake[u];
      if (prev !== prev || kept < prev || (kept === prev && !r.keepLinks)) {
        w.spinStake[u] = kept;
        w.spinKeep[u] = r.keepLinks ? 1 : 0;
        w.spinRule[u] = r.i;
        anySpin = true;
      }
    }
  }
  if (anySpin) {
    for (let u = 0; u < nu; u++) {
      const kept = w.spinStake[u];
      if (kept !== kept) continue;
      w.stake[u] = F[L.unitStake + u] * kept;
      w.consolidated[u] = m.consolidated[u] && kept > 0.5 ? 1 : 0;
      w.entity[u] = w.spinRule[u];
    }
    for (let sv = 0; sv < ns; sv++) {
      const main = w.mainUnit[sv];
      if (main < 0 || w.spinStake[main] !== w.spinStake[main] || w.spinKeep[main]) continue;
      w.linkedOut[sv] = w.spinRule[main];
    }
  }
  let anyUnbundle = false;
  for (const r of c.unbundle) {
    if (!on[r.i]) continue;
    anyUnbundle = true;
    const recapture = r.recapture < 0 ? A[a["entry-point-recapture"]] : P[r.recapture];
    for (let k = 0; k < r.services.length; k++) {
      const sv = r.services[k];
      const eps = r.eps[k];
      for (let e = 0; e < eps.length; e++)
        if (!w.epRemoved[eps[e]]) {
          w.epRemoved[eps[e]] = 1;
          w.epOrder[m.epStart[sv] + w.epCount[sv]++] = eps[e];
        }
      w.epTouched[sv] = 1;
      w.recapture[sv] = Math.min(w.recapture[sv], recapture);
    }
  }
  let anyLinked = false;
  for (let sv = 0; sv < ns; sv++) if (w.linkedOut[sv] >= 0) anyLinked = true;
  const retention = anyLinked ? A[a["linked-out-retention"]] : 1;
  // Nothing removed and nothing linked out: every reach stays 1, every integration its baseline sum.
  if (!anyLinked && !anyUnbundle) w.integration.set(m.integration);
  for (let sv = 0; sv < ns && (anyLinked || anyUnbundle); sv++) {
    let inApp = 0;
    let lost = 0;
    for (let k = m.epStart[sv]; k < m.epStart[sv + 1]; k++) {
      if (w.epRemoved[k]) lost += m.epShare[k];
      else inApp += m.epShare[k];
    }
    const linked = w.linkedOut[sv] >= 0;
    const others = linked ? retention : 1;
    const viaRemoved = lost > 0 ? Math.min(w.recapture[sv], others) : 0;
    w.reach[sv] *= lost * viaRemoved + (1 - lost) * others;
    w.integration[sv] = linked ? 0 : inApp;
  }
  // Reach is final here: each unit's reach factor (what totalVolume multiplies by) is computed once.
  for (let u = 0; u < nu; u++) w.reachFactor[u] = reachFactor(w, u);
}

/** Stages 3 to 5 (markets, capital, results) from the state the first stages left in `w`. */
export function laterStages(w: Work) {
  const c = w.c;
  const m = c.model;
  const { nu, ns, nf, layout: L } = m;
  const F = w.figures;
  const A = w.assumptions;
  const P = w.params;
  const on = w.on;
  const a = m.a;

  // -- state the later stages own: only units and players a later-stage rule or a book can touch ever leave their
  // initial values (set once in Work's constructor); capital held follows the figures, which a draw may change.
  for (let u = 0; u < nu; u++) w.held[u] = F[L.unitHeld + u];
  const touched = c.laterUnits;
  for (let k = 0; k < touched.length; k++) {
    const u = touched[k];
    w.balance[u] = 0;
    w.ownShare[u] = 0;
    w.required[u] = 0;
    w.shortfall[u] = 0;
    w.raised[u] = 0;
    w.response[u] = -1;
    w.facilitated[u] = 0;
    w.netInterest[u] = 0;
    w.platformFee[u] = 0;
    w.olShare[u] = Number.NaN;
    w.rw[u] = Number.NaN;
    w.reqOn[u] = 0;
    w.fundMax[u] = Number.NaN;
  }
  for (let k = 0; k < c.laterPlayers.length; k++) {
    const p = c.laterPlayers[k];
    w.playerTotal[p] = Number.NaN;
    w.playerCap[p] = Number.NaN;
  }
  w.groupRule = false;
  w.groupRequired = 0;
  w.groupControlledShare = 0;
  w.groupShortfall = 0;
  w.bureauCost = 0;
  w.oneOffs = 0;

  // -- 3. markets: shifts on one player add up, the lowest cap wins, the lowest fund maximum wins
  let np = 0;
  for (const r of c.interop) {
    if (!on[r.i] || r.player < 0) continue;
    const prev = w.playerTotal[r.player];
    if (prev !== prev) {
      w.playerOrder[np++] = r.player;
      w.playerTotal[r.player] = 0 + P[r.slot];
    } else w.playerTotal[r.player] = prev + P[r.slot];
  }
  for (let k = 0; k < np; k++) {
    const p = w.playerOrder[k];
    const now = m.playerShare[p] * playerVolume(w, p);
    const after = Math.max(0, now - w.playerTotal[p]);
    if (now > 0) scalePlayer(w, p, after / now);
  }
  np = 0;
  for (const r of c.shareCap) {
    if (!on[r.i] || r.player < 0) continue;
    const prev = w.playerCap[r.player];
    const cap = P[r.slot];
    if (prev !== prev) {
      w.playerOrder[np++] = r.player;
      w.playerCap[r.player] = cap;
    } else if (cap < prev) w.playerCap[r.player] = cap;
  }
  for (let k = 0; k < np; k++) {
    const p = w.playerOrder[k];
    const now = m.playerShare[p] * playerVolume(w, p);
    const cap = w.playerCap[p];
    if (now > cap) scalePlayer(w, p, cap / now);
  }
  let anyFund = false;
  for (const r of c.fundCap) {
    if (!on[r.i] || r.unit < 0) continue;
    const prev = w.fundMax[r.unit];
    const max = P[r.slot];
    if (prev !== prev || max < prev) w.fundMax[r.unit] = max;
    anyFund = true;
  }
  // Units a fund cap names are among the touched units (ascending, as a loop over every unit meets them).
  if (anyFund)
    for (let t = 0; t < touched.length; t++) {
      const u = touched[t];
      const max = w.fundMax[u];
      if (max !== max) continue;
      const aum = F[L.funds + 2 * m.fundRow[u]] * totalVolume(w, u);
      if (aum > max) w.volume[u] *= max / aum;
    }

  // -- 4. capital
  for (const r of c.coLending) {
    if (!on[r.i]) continue;
    const share = P[r.slot];
    for (let k = 0; k < r.units.length; k++) {
      const u = r.units[k];
      const prev = w.olShare[u];
      if (prev !== prev || share > prev) {
        w.olShare[u] = share;
        w.olResponse[u] = r.response;
      }
    }
  }
  // Every unit with a book is a touched unit.
  for (let t = 0; t < touched.length; t++) {
    const u = touched[t];
    const row = m.bookRow[u];
    if (row < 0) continue;
    const b = L.books + 5 * row;
    w.balance[u] = F[b] * totalVolume(w, u);
    const ol = w.olShare[u];
    w.ownShare[u] = Math.max(F[b + 1], ol === ol ? ol : 0);
  }
  for (const r of c.ratio)
    if (on[r.i] && r.riskWeight >= 0)
      for (let k = 0; k < r.units.length; k++) {
        const u = r.units[k];
        const prev = w.rw[u];
        w.rw[u] = Math.max(prev === prev ? prev : 0, P[r.riskWeight]);
      }
  const defaultRw = A[a["default-risk-weight"]];
  for (const r of c.ratio) {
    if (!on[r.i]) continue;
    const ratio = P[r.slot];
    for (let k = 0; k < r.units.length; k++) {
      const u = r.units[k];
      const rw = w.rw[u] === w.rw[u] ? w.rw[u] : defaultRw;
      addRequirement(w, u, false, ratio * (w.balance[u] * w.ownShare[u]) * rw, r.response);
    }
  }
  // Co-lending's own-share requirement: one per unit, after the ratio rules' (each unit's requirements combine
  // in the order they are met; units never mix, so unit order is free).
  if (c.coLending.length > 0) {
    const ratio = A[a["min-capital-ratio"]];
    for (let t = 0; t < touched.length; t++) {
      const u = touched[t];
      if (w.olShare[u] !== w.olShare[u]) continue;
      const rw = w.rw[u] === w.rw[u] ? w.rw[u] : defaultRw;
      addRequirement(w, u, false, ratio * (w.balance[u] * w.ownShare[u]) * rw, w.olResponse[u]);
    }
  }
  for (const r of c.leverage) {
    if (!on[r.i]) continue;
    const max = P[r.slot];
    for (let k = 0; k < r.units.length; k++) {
      const u = r.units[k];
      addRequirement(w, u, false, (w.balance[u] * w.ownShare[u]) / max, r.response);
    }
  }
  for (const r of c.minCapital) {
    if (!on[r.i]) continue;
    const minimum = P[r.slot];
    if (r.group) {
      w.groupRule = true;
      w.groupRequired = Math.max(w.groupRequired, minimum);
      if (r.controlled >= 0) w.groupControlledShare = Math.max(w.groupControlledShare, P[r.controlled]);
    }
    for (let k = 0; k < r.units.length; k++) addRequirement(w, r.units[k], true, minimum, RAISE);
  }
  // respond: raise the shortfall, or shrink (facilitate) the book by held / required
  const passThrough = A[a["shrink-user-pass-through"]];
  for (let t = 0; t < touched.length; t++) {
    const u = touched[t];
    if (!w.reqOn[u]) continue;
    const held = w.held[u];
    const prop = w.reqProp[u];
    const fixed = w.reqFixed[u];
    const required = Math.max(prop, fixed);
    const shortfall = Math.max(0, required - held);
    w.required[u] = required;
    w.shortfall[u] = shortfall;
    w.response[u] = w.reqResponse[u];
    if (shortfall === 0) continue;
    if (w.reqResponse[u] === RAISE || prop <= Math.max(held, fixed)) {
      w.raised[u] = shortfall;
      w.held[u] = held + shortfall;
    } else {
      const newHeld = Math.max(held, fixed);
      const k = newHeld / prop;
      const moved = w.balance[u] * (1 - k);
      w.raised[u] = newHeld - held;
      w.held[u] = newHeld;
      w.balance[u] *= k;
      w.volume[u] *= k;
      const taken = w.reqResponse[u] === FACILITATE ? A[a["bank-facilitation-appetite"]] : 0;
      w.facilitated[u] += moved * taken;
      const lost = (1 - k) * (1 - taken);
      const users = Math.max(0, 1 - passThrough * lost);
      w.userFactor[u] *= users;
    }
  }
  for (let k = 0; k < c.fine.length; k++) if (on[c.fineRule[k]]) w.oneOffs += P[c.fine[k]];
  if (w.groupRule) {
    let controlled = 0;
    // Over the financial units only: the same additions in the same order.
    const fin = m.financialUnits;
    for (let k = 0; k < fin.length; k++) if (w.consolidated[fin[k]]) controlled += w.held[fin[k]];
    w.groupRequired = Math.max(w.groupRequired, w.groupControlledShare * controlled);
    const capital = F[L.paidInCapital] - w.oneOffs;
    w.groupShortfall = Math.max(0, w.groupRequired - capital);
  }
  for (const r of c.bureau) {
    if (!on[r.i]) continue;
    const queries = A[a["bureau-queries-per-borrower"]];
    let borrowers = 0;
    for (let k = 0; k < r.units.length; k++) {
      const u = r.units[k];
      for (let j = m.souStart[u]; j < m.souStart[u + 1]; j++) {
        const sv = m.souService[j];
        borrowers += F[L.serviceUsers + sv] * w.reach[sv] * w.userFactor[u] * m.souShare[j];
      }
    }
    const cost = (borrowers * queries * P[r.cost]) / 1000;
    w.bureauCost += cost * (1 - P[r.stake]);
  }

  // -- 5. revenue, then the headline
  const fee = A[a["platform-fee-rate"]];
  for (let u = 0; u < nu; u++) {
    let feeRevenue = F[L.unitRevenue + u] * totalVolume(w, u);
    const row = m.bookRow[u];
    if (row >= 0) {
      const b = L.books + 5 * row;
      const expectedLoss = F[b + 4] * A[a["loss-given-default"]] * A[a["credit-loss-stress"]];
      const rate = A[a["own-book-yield"]] - A[a["own-book-funding-cost"]] - expectedLoss;
      w.netInterest[u] = w.balance[u] * (w.ownShare[u] - F[b + 1]) * (rate - F[b + 2]);
      feeRevenue += w.facilitated[u] * fee;
      if (!w.consolidated[u] && m.consolidated[u]) {
        w.platformFee[u] = (w.balance[u] + w.facilitated[u]) * fee;
        feeRevenue -= w.platformFee[u];
      }
    }
    w.feeRevenue[u] = feeRevenue;
    w.revenue[u] = Math.max(0, feeRevenue + w.netInterest[u]);
  }
  headline(w);
}

/**
 * Attribution's coalitions, run with what stages 1 and 2 leave kept per coalition of the rules they read. Stage 1
 * (privacy) leaves volume and users factors that depend on its rules only; stage 2 (splits) leaves stakes,
 * consolidation and reach that depend on its rules only (neither reads the other's output). Each part is kept by
 * its own key, so a coalition whose privacy rules and split rules have both been met before, in any combination,
 * starts from kept state: stage 1 and 2 run once per new key, and the kept tables stay small enough to sit in cache
 * (a 24-rule stack: 16 privacy and 64 split keys, where one table by the union held a thousand). Only the headline
 * (and what the later stages write) is valid after `run`: the first stages' own outputs (coverage, entity,
 * integration, links) are not restored.
 */
export class CoalitionRunner {
  private readonly privacyIndex = new MaskTable(16);
  private readonly splitsIndex = new MaskTable(16);
  private privacyPool: Float64Array;
  private splitsPool: Float64Array;
  private privacyUsed = 0;
  private splitsUsed = 0;
  private readonly privacyWidth: number;
  private readonly splitsWidth: number;
  /** The split key whose stakes, consolidation and reach are in `w` (the later stages change none of them). */
  private current = -1;

  constructor(readonly w: Work) {
    const { nu, ns } = w.c.model;
    this.privacyWidth = 2 * nu;
    this.splitsWidth = 3 * nu + ns;
    this.privacyPool = new Float64Array(this.privacyWidth * 16);
    this.splitsPool = new Float64Array(this.splitsWidth * 16);
  }

  run(mask: number) {
    const w = this.w;
    const { nu, ns } = w.c.model;
    w.setMask(mask);
    const pKey = mask & w.c.privacyMask;
    const sKey = mask & w.c.splitsMask;
    const pAt = this.privacyIndex.get(pKey);
    const sAt = this.splitsIndex.get(sKey);
    if (pAt === ABSENT || sAt === ABSENT) {
      firstStages(w);
      if (pAt === ABSENT) {
        if (this.privacyUsed + this.privacyWidth > this.privacyPool.length) this.privacyPool = grown(this.privacyPool);
        const o = this.privacyUsed;
        const pool = this.privacyPool;
        for (let u = 0; u < nu; u++) {
          pool[o + u] = w.volume[u];
          pool[o + nu + u] = w.userFactor[u];
        }
        this.privacyIndex.set(pKey, o);
        this.privacyUsed += this.privacyWidth;
      }
      if (sAt === ABSENT) {
        if (this.splitsUsed + this.splitsWidth > this.splitsPool.length) this.splitsPool = grown(this.splitsPool);
        const o = this.splitsUsed;
        const pool = this.splitsPool;
        for (let u = 0; u < nu; u++) {
          pool[o + u] = w.stake[u];
          pool[o + nu + u] = w.consolidated[u];
          pool[o + 2 * nu + u] = w.reachFactor[u];
        }
        for (let sv = 0; sv < ns; sv++) pool[o + 3 * nu + sv] = w.reach[sv];
        this.splitsIndex.set(sKey, o);
        this.splitsUsed += this.splitsWidth;
      }
    } else {
      // The later stages scale volume and users: those always come back; the rest only if another split key ran since.
      const pool = this.privacyPool;
      for (let u = 0; u < nu; u++) {
        w.volume[u] = pool[pAt + u];
        w.userFactor[u] = pool[pAt + nu + u];
      }
      if (sKey !== this.current) {
        const pool = this.splitsPool;
        for (let u = 0; u < nu; u++) {
          w.stake[u] = pool[sAt + u];
          w.consolidated[u] = pool[sAt + nu + u];
          w.reachFactor[u] = pool[sAt + 2 * nu + u];
        }
        for (let sv = 0; sv < ns; sv++) w.reach[sv] = pool[sAt + 3 * nu + sv];
      }
    }
    this.current = sKey;
    laterStages(w);
  }
}

function grown(pool: Float64Array): Float64Array {
  const out = new Float64Array(pool.length * 2);
  out.set(pool);
  return out;
}

/** One requirement on a unit, as `add` in stages/capital.ts: the largest binds, a tie goes to `raise`. */
function addRequirement(w: Work, u: number, fixed: boolean, amount: number, response: number) {
  if (!w.reqOn[u]) {
    w.reqOn[u] = 1;
    w.reqProp[u] = 0;
    w.reqFixed[u] = 0;
    w.reqResponse[u] = response;
  }
  const current = Math.max(w.reqProp[u], w.reqFixed[u]);
  if (fixed) w.reqFixed[u] = Math.max(w.reqFixed[u], amount);
  else w.reqProp[u] = Math.max(w.reqProp[u], amount);
  if (amount > current || (amount === current && response === RAISE)) w.reqResponse[u] = response;
}

function playerVolume(w: Work, p: number) {
  const m = w.c.model;
  let num = 0;
  let den = 0;
  for (let k = m.puStart[p]; k < m.puStart[p + 1]; k++) {
    const u = m.puUnit[k];
    const weight = w.figures[m.layout.unitRevenue + u];
    num += weight * totalVolume(w, u);
    den += weight;
  }
  return den > 0 ? num / den : 1;
}

function scalePlayer(w: Work, p: number, factor: number) {
  const m = w.c.model;
  for (let k = m.puStart[p]; k < m.puStart[p + 1]; k++) {
    const u = m.puUnit[k];
    w.volume[u] *= factor;
    w.userFactor[u] *= factor;
  }
}

/**
 * Users of every service into `w.users`: its users x reach x the revenue-weighted users factor of the units earning
 * through it. Filled in one loop rather than returned one by one (a returned double is boxed when not inlined).
 */
export function serviceUsers(w: Work) {
  const m = w.c.model;
  // The weights and their sums depend on the figures only: prepare() computes them (the same products and sums).
  const weight = w.uosWeight;
  for (let sv = 0; sv < m.ns; sv++) {
    let num = 0;
    for (let k = m.uosStart[sv]; k < m.uosStart[sv + 1]; k++) num += weight[k] * w.userFactor[m.uosUnit[k]];
    const den = w.uosWeightSum[sv];
    w.users[sv] = w.figures[m.layout.serviceUsers + sv] * w.reach[sv] * (den > 0 ? num / den : 1);
  }
}

/** The headline (as `headlineOf` in stages/results.ts) into `w.headline`. */
function headline(w: Work) {
  const m = w.c.model;
  const F = w.figures;
  const A = w.assumptions;
  const L = m.layout;
  let revenue = 0;
  let attributable = 0;
  let feeShare = 0;
  let interestShare = 0;
  let raised = w.groupShortfall;
  let raisedShare = w.groupShortfall;
  let shortfall = w.groupShortfall;
  for (let u = 0; u < m.nu; u++) {
    const stake = w.stake[u];
    const platform = w.platformFee[u];
    if (w.consolidated[u]) revenue += w.revenue[u];
    revenue += platform;
    attributable += stake * w.revenue[u] + platform;
    feeShare += stake * w.feeRevenue[u] + platform;
    interestShare += stake * w.netInterest[u];
    raised += w.raised[u];
    raisedShare += stake * w.raised[u];
    shortfall += w.shortfall[u];
  }
  serviceUsers(w);
  let reach = 0;
  for (let sv = 0; sv < m.ns; sv++) reach += w.users[sv];
  const netProfit = F[L.netProfit];
  const recurring =
    netProfit +
    A[m.a["contribution-margin"]] * (feeShare - w.base.attributableRevenue) +
    interestShare -
    A[m.a["cost-of-equity"]] * raisedShare -
    w.bureauCost;
  const multiple = A[m.a["valuation-multiple"]];
  const h = w.headline;
  h[H.revenue] = revenue;
  h[H.attributableRevenue] = attributable;
  h[H.profit] = recurring - w.oneOffs;
  h[H.capitalShortfall] = shortfall;
  h[H.capitalRaised] = raised;
  h[H.serviceReach] = reach;
  h[H.oneOffCharges] = w.oneOffs;
  h[H.equityValue] = recurring * multiple;
  h[NH + H.revenue] = w.base.revenue;
  h[NH + H.attributableRevenue] = w.base.attributableRevenue;
  h[NH + H.profit] = netProfit;
  h[NH + H.capitalShortfall] = 0;
  h[NH + H.capitalRaised] = 0;
  h[NH + H.serviceReach] = w.base.serviceReach;
  h[NH + H.oneOffCharges] = 0;
  h[NH + H.equityValue] = netProfit * multiple;
}

/** The headline vector as the `Headline` object `evaluateHeadline` returns. */
export function headlineObject(h: Float64Array): Headline {
  const out = {} as Headline;
  HEADLINE_KEYS.forEach((k, i) => (out[k] = { baseline: h[NH + i], scenario: h[i] }));
  return out;
}
