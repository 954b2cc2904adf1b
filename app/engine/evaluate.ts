/**
 * evaluate(model, scenario): the rules applied to a copy of the baseline. Pure, deterministic, no I/O.
 *
 * How a scenario moves the numbers (see PROPAGATION.md beside this file for the full account):
 *  1. privacy rules cut data flows -> each receiving unit's data coverage -> its volume (coverage elasticity);
 *  2. splits change stakes and consolidation, and cut entry points -> each service's reach inside Alipay;
 *  3. market rules (interoperability, share caps) and fund caps move volume to rivals;
 *  4. capital rules set what each unit must hold; a shortfall is raised (cost of equity) or the book shrinks;
 *  5. revenue, attributable revenue, profit, users, shares and HHI follow from the volumes.
 * Rules of one type combine order-independently (products, minima, maxima), so the order of rules in a file
 * never matters: this is what makes the Shapley attribution well defined.
 */
import { read, readById, resolveAssumptions, type AssumptionValues } from "./assumptions";
import { hhi, redistributeShares } from "./markets";
import type { Model } from "./model";
import { indexModel, type ModelIndex } from "./model-index";
import type {
  CapitalResponse,
  Explanation,
  Headline,
  Result,
  ServiceStatus,
  UnitResult,
  Warning,
} from "./result";
import { ruleIdOf } from "../scenarios/ids";
import { paramValue } from "../scenarios/params";
import type { Rule, Scenario } from "../scenarios/schema";

export interface EvaluateOptions {
  /** What-if overrides of engine assumptions, applied after the scenario's own overrides. */
  assumptions?: Record<string, number>;
}

type RuleOf<T extends Rule["type"]> = Extract<Rule, { type: T }>;
interface Tagged<R> {
  rule: R;
  id: string;
}

/** Everything the pipeline computes; `headlineOf` and `buildResult` read it. */
interface State {
  a: AssumptionValues;
  flowKept: Map<string, number>;
  coverage: Map<string, number>;
  /** Volume factor of each unit from everything but the reach of its services. */
  volume: Map<string, number>;
  /** Users factor of each unit from everything but reach (differs from volume where books shrink). */
  userFactor: Map<string, number>;
  reach: Map<string, number>;
  integration: Map<string, number>;
  linkedOut: Map<string, string>;
  entryPointsRemoved: Map<string, Set<string>>;
  stake: Map<string, number>;
  consolidated: Map<string, boolean>;
  entity: Map<string, string>;
  balance: Map<string, number>;
  ownShare: Map<string, number>;
  required: Map<string, number>;
  held: Map<string, number>;
  shortfall: Map<string, number>;
  raised: Map<string, number>;
  response: Map<string, CapitalResponse>;
  groupRequired: number;
  groupShortfall: number;
  bureauCost: number;
  revenue: Map<string, number>;
  explanations: Explanation[];
  warnings: Warning[];
  explain: boolean;
}

const GROUP = "group";

function byType(scenario: Scenario) {
  const groups: { [T in Rule["type"]]?: Array<Tagged<RuleOf<T>>> } = {};
  scenario.rules.forEach((rule, i) => {
    const list = (groups[rule.type] ??= []) as Array<Tagged<Rule>>;
    list.push({ rule, id: ruleIdOf(rule, i) });
  });
  return <T extends Rule["type"]>(t: T) => (groups[t] ?? []) as Array<Tagged<RuleOf<T>>>;
}

const pct = (x: number) => `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.01 ? 2 : 1)}%`;
const bn = (x: number) => `${x.toFixed(1)} RMB bn`;

function matches(list: string[] | undefined, id: string) {
  return list === undefined || list.includes(id);
}

/** Run the pipeline. `explain` off skips sentence building (attribution runs this many times). */
function run(model: Model, scenario: Scenario, a: AssumptionValues, explain: boolean): State {
  const ix = indexModel(model);
  const rules = byType(scenario);
  const s: State = {
    a,
    flowKept: new Map(model.dataFlows.map((f) => [f.id, 1])),
    coverage: new Map(),
    volume: new Map(model.units.map((u) => [u.id, 1])),
    userFactor: new Map(model.units.map((u) => [u.id, 1])),
    reach: new Map(model.services.map((sv) => [sv.id, 1])),
    integration: new Map(),
    linkedOut: new Map(),
    entryPointsRemoved: new Map(),
    stake: new Map(model.units.map((u) => [u.id, u.antStake])),
    consolidated: new Map(model.units.map((u) => [u.id, u.consolidated])),
    entity: new Map(),
    balance: new Map(),
    ownShare: new Map(),
    required: new Map(),
    held: new Map(model.units.map((u) => [u.id, u.capitalHeld])),
    shortfall: new Map(),
    raised: new Map(),
    response: new Map(),
    groupRequired: 0,
    groupShortfall: 0,
    bureauCost: 0,
    revenue: new Map(),
    explanations: [],
    warnings: [],
    explain,
  };
  const explainRule = (
    ruleId: string | string[],
    text: string,
    assumptionIds: string[] = [],
    sourceKeys: string[] = [],
  ) => {
    if (s.explain)
      s.explanations.push({ ruleIds: Array.isArray(ruleId) ? ruleId : [ruleId], text, assumptionIds, sourceKeys });
  };
  // Which privacy rules touched each flow, so a unit's loss of coverage traces back to them.
  const flowRules = new Map<string, string[]>();
  const touch = (flowId: string, ruleId: string) => {
    const list = flowRules.get(flowId);
    if (!list) flowRules.set(flowId, [ruleId]);
    else if (!list.includes(ruleId)) list.push(ruleId);
  };
  const warn = (ruleId: string | null, text: string) => {
    if (s.explain) s.warnings.push({ ruleId, text });
  };
  const unitName = (id: string) => ix.unit.get(id)?.name ?? id;
  const checkUnits = (ruleId: string, ids: string[]) => {
    for (const id of ids) {
      if (id !== GROUP && !ix.unit.has(id)) warn(ruleId, `The model has no unit '${id}'; the rule ignores it.`);
    }
  };

  // ---- 1. Data privacy: flows kept -> coverage -> volume ----
  const hitFlows = (ruleId: string, hit: number) => {
    if (hit === 0) warn(ruleId, "No data flow in the model matches this rule, so it changes nothing.");
  };
  for (const { rule, id } of rules("consent-required")) {
    checkUnits(id, [...(rule.from ?? []), ...(rule.to ?? [])]);
    const c = paramValue(rule.consentRate);
    let hit = 0;
    for (const f of model.dataFlows) {
      if (rule.categories.includes(f.category) && matches(rule.from, f.fromUnit) && matches(rule.to, f.toUnit)) {
        s.flowKept.set(f.id, s.flowKept.get(f.id)! * c);
        touch(f.id, id);
        hit++;
      }
    }
    hitFlows(id, hit);
    explainRule(
      id,
      `Only the ${pct(c)} of users who opt in can have their ${rule.categories.join(", ")} data shared across units (${hit} flows).`,
      [],
      ["S49"],
    );
  }
  for (const { rule, id } of rules("data-ban")) {
    checkUnits(id, [...(rule.from ?? []), ...(rule.to ?? [])]);
    let hit = 0;
    for (const f of model.dataFlows) {
      if (rule.categories.includes(f.category) && matches(rule.from, f.fromUnit) && matches(rule.to, f.toUnit)) {
        s.flowKept.set(f.id, 0);
        touch(f.id, id);
        hit++;
      }
    }
    hitFlows(id, hit);
    explainRule(id, `${rule.categories.join(", ")} data no longer flows between units (${hit} flows stopped).`);
  }
  for (const { rule, id } of rules("credit-bureau")) {
    checkUnits(id, rule.to);
    const kept = paramValue(rule.coverageKept);
    let hit = 0;
    for (const f of model.dataFlows) {
      if (f.category === "credit-history" && rule.to.includes(f.toUnit)) {
        s.flowKept.set(f.id, s.flowKept.get(f.id)! * kept);
        touch(f.id, id);
        hit++;
      }
    }
    hitFlows(id, hit);
    explainRule(
      id,
      `Credit history reaches ${rule.to.map(unitName).join(", ")} only through a licensed bureau, which keeps ${pct(kept)} of its value.`,
      [],
      ["S45"],
    );
  }
  for (const { rule, id } of rules("retention-limit")) {
    const typical = read(a, "history-months-typical");
    const usable = Math.min(1, paramValue(rule.months) / typical);
    let hit = 0;
    for (const f of model.dataFlows) {
      if (rule.categories.includes(f.category)) {
        s.flowKept.set(f.id, s.flowKept.get(f.id)! * usable);
        touch(f.id, id);
        hit++;
      }
    }
    hitFlows(id, hit);
    explainRule(
      id,
      `Keeping ${paramValue(rule.months)} months of ${rule.categories.join(", ")} history leaves ${pct(usable)} of the ${typical} months models use.`,
      ["history-months-typical"],
    );
  }
  for (const u of model.units) {
    let coverage = 1;
    const drivers: string[] = [];
    for (const f of ix.flowsInto.get(u.id) ?? []) {
      coverage *= 1 - f.dependence * (1 - s.flowKept.get(f.id)!);
      for (const r of flowRules.get(f.id) ?? []) if (!drivers.includes(r)) drivers.push(r);
    }
    s.coverage.set(u.id, coverage);
    if (coverage < 1) {
      const e = readById(a, u.coverageElasticity);
      const factor = Math.max(0, 1 - e * (1 - coverage));
      s.volume.set(u.id, s.volume.get(u.id)! * factor);
      s.userFactor.set(u.id, s.userFactor.get(u.id)! * factor);
      explainRule(
        drivers,
        `${u.name} keeps ${pct(coverage)} of its data coverage; at an elasticity of ${e} its volume falls ${pct(1 - factor)}.`,
        [u.coverageElasticity],
      );
    }
  }

  // ---- 2. Anti-monopoly splits: stakes, consolidation, links, entry points ----
  const spunBy = new Map<string, { stake: number; entity: string; keepLinks: boolean; id: string }>();
  for (const { rule, id } of rules("spin-off")) {
    checkUnits(id, rule.units);
    const kept = paramValue(rule.stakeKept);
    for (const u of rule.units) {
      if (!ix.unit.has(u)) continue;
      const prev = spunBy.get(u);
      if (prev) warn(id, `${unitName(u)} is spun off by two rules; the lower stake kept applies.`);
      // The stricter rule wins, so the result does not depend on the order of rules.
      if (!prev || kept < prev.stake || (kept === prev.stake && !rule.keepLinks))
        spunBy.set(u, { stake: kept, entity: rule.entity, keepLinks: rule.keepLinks, id });
    }
  }
  for (const [u, sp] of spunBy) {
    const unit = ix.unit.get(u)!;
    const stake = unit.antStake * sp.stake;
    s.stake.set(u, stake);
    // Control is a majority: at 50% or less the entity is a joint venture, equity-accounted.
    s.consolidated.set(u, unit.consolidated && sp.stake > 0.5);
    s.entity.set(u, sp.entity);
    explainRule(
      sp.id,
      `${unit.name} moves into ${sp.entity}; Ant keeps ${pct(stake)}${s.consolidated.get(u) ? "" : ", so its revenue leaves Ant's consolidated revenue"}.`,
    );
  }
  for (const sv of model.services) {
    const main = ix.mainUnitOfService.get(sv.id);
    const sp = main ? spunBy.get(main) : undefined;
    if (sp && !sp.keepLinks) {
      s.linkedOut.set(sv.id, sp.entity);
      const retention = read(a, "linked-out-retention");
      s.reach.set(sv.id, s.reach.get(sv.id)! * retention);
      explainRule(
        sp.id,
        `${sv.name} is reachable only through a link to ${sp.entity}; ${pct(retention)} of its users follow the link.`,
        ["linked-out-retention"],
      );
    }
  }
  const recaptureOf = new Map<string, number>();
  for (const { rule, id } of rules("unbundle")) {
    const recapture = rule.recapture === undefined ? read(a, "entry-point-recapture") : paramValue(rule.recapture);
    for (const svId of rule.services) {
      const eps = ix.entryPoints.get(svId);
      if (!ix.service.has(svId)) {
        warn(id, `The model has no service '${svId}'; the rule ignores it.`);
        continue;
      }
      const removed = s.entryPointsRemoved.get(svId) ?? new Set<string>();
      const names = rule.entryPoints === "all" ? [...(eps?.keys() ?? [])] : rule.entryPoints;
      let hit = 0;
      for (const ep of names) {
        if (eps?.has(ep)) {
          removed.add(ep);
          hit++;
        }
      }
      if (hit === 0) warn(id, `${ix.service.get(svId)!.name} has none of the entry points this rule removes.`);
      s.entryPointsRemoved.set(svId, removed);
      recaptureOf.set(svId, Math.min(recaptureOf.get(svId) ?? 1, recapture));
      explainRule(
        id,
        `${ix.service.get(svId)!.name} loses ${names.join(", ")} inside Alipay; ${pct(recapture)} of the users who came that way find it another way.`,
        rule.recapture === undefined ? ["entry-point-recapture"] : [],
        ["S37"],
      );
    }
  }
  for (const sv of model.services) {
    const eps = ix.entryPoints.get(sv.id);
    let inApp = 0;
    let lost = 0;
    const removed = s.entryPointsRemoved.get(sv.id);
    for (const [ep, share] of eps ?? []) {
      if (removed?.has(ep)) lost += share;
      else inApp += share;
    }
    if (lost > 0) s.reach.set(sv.id, s.reach.get(sv.id)! * (1 - lost * (1 - recaptureOf.get(sv.id)!)));
    s.integration.set(sv.id, s.linkedOut.has(sv.id) ? 0 : inApp);
  }

  // Volume a unit keeps from the reach of the services it earns through (the rest of its revenue is unaffected).
  const reachFactor = (unitId: string) => {
    let g = 1;
    for (const [svId, share] of ix.servicesOfUnit.get(unitId) ?? []) g -= share * (1 - s.reach.get(svId)!);
    return Math.max(0, g);
  };
  const totalVolume = (unitId: string) => s.volume.get(unitId)! * reachFactor(unitId);
  const playerVolume = (unitIds: string[]) => {
    let num = 0;
    let den = 0;
    for (const u of unitIds) {
      const w = ix.unit.get(u)?.revenue ?? 0;
      num += w * totalVolume(u);
      den += w;
    }
    return den > 0 ? num / den : 1;
  };
  const scalePlayer = (unitIds: string[], m: number) => {
    for (const u of unitIds) {
      if (!s.volume.has(u)) continue;
      s.volume.set(u, s.volume.get(u)! * m);
      s.userFactor.set(u, s.userFactor.get(u)! * m);
    }
  };
  const findPlayer = (ruleId: string, marketId: string, playerId: string) => {
    const p = ix.playersOfMarket.get(marketId)?.find((x) => x.playerId === playerId);
    if (!p) warn(ruleId, `The model has no player '${playerId}' in market '${marketId}'; the rule ignores it.`);
    else if (p.unitIds.length === 0) warn(ruleId, `${p.name} is not an Ant player; only Ant's share is moved.`);
    return p && p.unitIds.length > 0 ? p : undefined;
  };

  // ---- 3. Markets: interoperability then share caps; fund size caps ----
  const shifts = new Map<string, { total: number; ids: string[] }>();
  for (const { rule, id } of rules("interoperability")) {
    const p = findPlayer(id, rule.market, rule.player);
    if (!p) continue;
    const key = `${rule.market}/${rule.player}`;
    const prev = shifts.get(key) ?? { total: 0, ids: [] };
    shifts.set(key, { total: prev.total + paramValue(rule.shareShift), ids: [...prev.ids, id] });
  }
  for (const [key, { total, ids }] of shifts) {
    const [marketId, playerId] = key.split("/");
    const p = ix.playersOfMarket.get(marketId)!.find((x) => x.playerId === playerId)!;
    const now = p.share * playerVolume(p.unitIds);
    const after = Math.max(0, now - total);
    if (now > 0) scalePlayer(p.unitIds, after / now);
    for (const id of ids)
      explainRule(
        id,
        `With rival wallets and codes accepted, ${p.name} gives up ${pct(Math.min(now, total))} of ${ix.market.get(marketId)?.name ?? marketId} to rivals (share ${pct(now)} -> ${pct(after)}).`,
        [],
        ["S62", "S63"],
      );
  }
  const caps = new Map<string, { cap: number; id: string }>();
  for (const { rule, id } of rules("market-share-cap")) {
    const p = findPlayer(id, rule.market, rule.player);
    if (!p) continue;
    const key = `${rule.market}/${rule.player}`;
    const cap = paramValue(rule.cap);
    if (!caps.has(key) || cap < caps.get(key)!.cap) caps.set(key, { cap, id });
  }
  for (const [key, { cap, id }] of caps) {
    const [marketId, playerId] = key.split("/");
    const p = ix.playersOfMarket.get(marketId)!.find((x) => x.playerId === playerId)!;
    const now = p.share * playerVolume(p.unitIds);
    if (now > cap) {
      scalePlayer(p.unitIds, cap / now);
      explainRule(id, `${p.name} is capped at ${pct(cap)} of ${ix.market.get(marketId)?.name}; ${pct(now - cap)} moves to rivals.`);
    } else {
      explainRule(id, `${p.name} holds ${pct(now)}, already under the ${pct(cap)} cap.`);
    }
  }
  const fundCaps = new Map<string, { max: number; id: string }>();
  for (const { rule, id } of rules("fund-size-cap")) {
    if (!ix.fund.has(rule.unit)) {
      warn(id, `The model has no fund in unit '${rule.unit}'; the rule ignores it.`);
      continue;
    }
    const max = paramValue(rule.maxAum);
    if (!fundCaps.has(rule.unit) || max < fundCaps.get(rule.unit)!.max) fundCaps.set(rule.unit, { max, id });
  }
  for (const [unitId, { max, id }] of fundCaps) {
    const fund = ix.fund.get(unitId)!;
    const aum = fund.aum * totalVolume(unitId);
    if (aum > max) {
      // Money leaves, users mostly stay (holdings per user are capped): only volume falls.
      s.volume.set(unitId, s.volume.get(unitId)! * (max / aum));
      explainRule(
        id,
        `${unitName(unitId)} must shrink from ${bn(aum)} to ${bn(max)} under management; ${bn(aum - max)} flows to rival funds and its fees fall ${pct(1 - max / aum)}.`,
        [],
        ["S43"],
      );
    } else explainRule(id, `${unitName(unitId)} manages ${bn(aum)}, under the ${bn(max)} cap.`);
  }

  // ---- 4. Capital: requirements, shortfall, raise or shrink ----
  interface Req {
    proportional: number;
    fixed: number;
    response: CapitalResponse;
    binding: string;
  }
  const reqs = new Map<string, Req>();
  const ownShareRule = new Map<string, { share: number; id: string }>();
  for (const { rule, id } of rules("co-lending")) {
    checkUnits(id, rule.units);
    for (const u of rule.units) {
      if (!ix.book.has(u)) {
        if (ix.unit.has(u)) warn(id, `${unitName(u)} has no credit book; the co-lending rule ignores it.`);
        continue;
      }
      const share = paramValue(rule.minOwnShare);
      if (!ownShareRule.has(u) || share > ownShareRule.get(u)!.share) ownShareRule.set(u, { share, id });
    }
  }
  for (const [u, book] of ix.book) {
    const balance = book.balance * totalVolume(u);
    s.balance.set(u, balance);
    const own = Math.max(book.ownShare, ownShareRule.get(u)?.share ?? 0);
    s.ownShare.set(u, own);
  }
  const ownBook = (u: string) => (s.balance.get(u) ?? 0) * (s.ownShare.get(u) ?? 0);
  const addReq = (u: string, kind: "proportional" | "fixed", amount: number, response: CapitalResponse, id: string) => {
    const r = reqs.get(u) ?? { proportional: 0, fixed: 0, response, binding: id };
    const current = Math.max(r.proportional, r.fixed);
    r[kind] = Math.max(r[kind], amount);
    if (amount > current || (amount === current && response === "raise")) {
      r.response = response;
      r.binding = id;
    }
    reqs.set(u, r);
  };
  const riskWeightOf = new Map<string, number>();
  for (const { rule } of rules("capital-ratio"))
    if (rule.riskWeight !== undefined)
      for (const u of rule.units) riskWeightOf.set(u, Math.max(riskWeightOf.get(u) ?? 0, paramValue(rule.riskWeight)));
  const rw = (u: string) => riskWeightOf.get(u) ?? read(a, "default-risk-weight");
  for (const { rule, id } of rules("capital-ratio")) {
    checkUnits(id, rule.units);
    for (const u of rule.units) {
      if (!ix.unit.has(u)) continue;
      addReq(u, "proportional", paramValue(rule.minRatio) * ownBook(u) * rw(u), rule.response, id);
    }
  }
  for (const [u, { id }] of ownShareRule) {
    const ratio = read(a, "min-capital-ratio");
    const response = rules("co-lending").find((r) => r.id === id)!.rule.response;
    addReq(u, "proportional", ratio * ownBook(u) * rw(u), response, id);
    const book = ix.book.get(u)!;
    explainRule(
      id,
      `${unitName(u)} must fund ${pct(s.ownShare.get(u)!)} of its loans itself (was ${pct(book.ownShare)}): its own-funded book grows to ${bn(ownBook(u))}, which at a ${pct(ratio)} ratio needs ${bn(ratio * ownBook(u) * rw(u))} of capital.`,
      ["min-capital-ratio", "default-risk-weight"],
      ["S30", "S36", "S75"],
    );
  }
  for (const { rule, id } of rules("leverage-cap")) {
    checkUnits(id, rule.units);
    for (const u of rule.units) {
      if (!ix.unit.has(u)) continue;
      addReq(u, "proportional", ownBook(u) / paramValue(rule.maxLeverage), rule.response, id);
    }
  }
  for (const { rule, id } of rules("min-capital")) {
    checkUnits(id, rule.units);
    const minimum = paramValue(rule.minimum);
    for (const u of rule.units) {
      if (u === GROUP) {
        s.groupRequired = Math.max(s.groupRequired, minimum);
        continue;
      }
      if (!ix.unit.has(u)) continue;
      addReq(u, "fixed", minimum, "raise", id);
    }
  }
  const coe = read(a, "cost-of-equity");
  const passThrough = read(a, "shrink-user-pass-through");
  for (const [u, r] of reqs) {
    const held = s.held.get(u)!;
    const required = Math.max(r.proportional, r.fixed);
    const shortfall = Math.max(0, required - held);
    s.shortfall.set(u, shortfall);
    s.response.set(u, r.response);
    if (shortfall === 0) {
      s.required.set(u, required);
      s.raised.set(u, 0);
      continue;
    }
    if (r.response === "raise" || r.proportional <= Math.max(held, r.fixed)) {
      s.required.set(u, required);
      s.raised.set(u, shortfall);
      s.held.set(u, held + shortfall);
      explainRule(
        r.binding,
        `${unitName(u)} needs ${bn(required)} of capital and holds ${bn(held)}: it raises ${bn(shortfall)}, costing ${bn(shortfall * coe)} a year at a ${pct(coe)} cost of equity.`,
        ["cost-of-equity"],
      );
    } else {
      // Shrink: a fixed minimum can only be raised; the proportional part is met by a smaller book.
      const newHeld = Math.max(held, r.fixed);
      const raised = newHeld - held;
      const k = newHeld / r.proportional;
      s.raised.set(u, raised);
      s.held.set(u, newHeld);
      // Required stays what the rules demand of the book before it shrinks, so a stricter rule never shows less.
      s.required.set(u, required);
      s.balance.set(u, (s.balance.get(u) ?? 0) * k);
      s.volume.set(u, s.volume.get(u)! * k);
      const users = Math.max(0, 1 - passThrough * (1 - k));
      s.userFactor.set(u, s.userFactor.get(u)! * users);
      explainRule(
        r.binding,
        `${unitName(u)} would need ${bn(required)} of capital but holds ${bn(newHeld)}: it shrinks its book by ${pct(1 - k)}, and its users fall ${pct(1 - users)}.`,
        ["shrink-user-pass-through"],
      );
    }
  }
  if (s.groupRequired > 0) {
    s.groupShortfall = Math.max(0, s.groupRequired - model.group.paidInCapital);
    const id = rules("min-capital").find((r) => r.rule.units.includes(GROUP))!.id;
    explainRule(
      id,
      s.groupShortfall > 0
        ? `The holding company needs ${bn(s.groupRequired)} of paid-in capital and has ${bn(model.group.paidInCapital)}: it raises ${bn(s.groupShortfall)}.`
        : `The holding company's ${bn(model.group.paidInCapital)} of paid-in capital meets the ${bn(s.groupRequired)} minimum.`,
      ["cost-of-equity"],
    );
  }
  for (const [u, short] of s.shortfall)
    if (short > 0)
      warn(
        reqs.get(u)!.binding,
        `Capital shortfall at ${unitName(u)}: ${bn(short)} (${s.response.get(u) === "raise" ? "raised" : "met by shrinking the book"}).`,
      );
  if (s.groupShortfall > 0) warn(null, `Capital shortfall at the holding company: ${bn(s.groupShortfall)} (raised).`);

  // Bureau fees: every query from a credit unit's borrowers; Ant's stake in the bureau returns its share.
  for (const { rule, id } of rules("credit-bureau")) {
    const queries = read(a, "bureau-queries-per-borrower");
    let borrowers = 0;
    for (const u of rule.to) {
      for (const [svId, share] of ix.servicesOfUnit.get(u) ?? []) {
        const users = ix.service.get(svId)!.users * s.reach.get(svId)! * s.userFactor.get(u)!;
        borrowers += users * share;
      }
    }
    // millions of borrowers x queries x RMB per query -> RMB bn
    const cost = (borrowers * queries * paramValue(rule.costPerQuery)) / 1000;
    const net = cost * (1 - paramValue(rule.bureauStake));
    s.bureauCost += net;
    explainRule(
      id,
      `About ${borrowers.toFixed(0)} m borrowers x ${queries} queries a year x ${paramValue(rule.costPerQuery)} RMB cost ${bn(cost)} a year in bureau fees, ${bn(net)} net of Ant's ${pct(paramValue(rule.bureauStake))} stake in the bureau.`,
      ["bureau-queries-per-borrower"],
      ["S46"],
    );
  }

  // ---- 5. Revenue ----
  const spread = read(a, "own-book-net-spread");
  for (const u of model.units) {
    let revenue = u.revenue * totalVolume(u.id);
    const book = ix.book.get(u.id);
    if (book) {
      // Loans Ant now funds itself earn a net interest spread instead of the partner bank's fee.
      revenue += s.balance.get(u.id)! * (s.ownShare.get(u.id)! - book.ownShare) * (spread - book.takeRate);
    }
    s.revenue.set(u.id, Math.max(0, revenue));
  }
  return s;
}

function sum<T>(items: Iterable<T>, f: (x: T) => number) {
  let total = 0;
  for (const x of items) total += f(x);
  return total;
}

function serviceUsers(model: Model, ix: ModelIndex, s: State, serviceId: string) {
  const sv = ix.service.get(serviceId)!;
  let num = 0;
  let den = 0;
  for (const [u, share] of ix.unitsOfService.get(serviceId) ?? []) {
    const w = (ix.unit.get(u)?.revenue ?? 0) * share;
    num += w * s.userFactor.get(u)!;
    den += w;
  }
  const factor = den > 0 ? num / den : 1;
  return sv.users * s.reach.get(serviceId)! * factor;
}

function headlineOf(model: Model, s: State): Headline {
  const ix = indexModel(model);
  const baselineRevenue = sum(model.units, (u) => (u.consolidated ? u.revenue : 0));
  const baselineAttributable = sum(model.units, (u) => u.antStake * u.revenue);
  const revenue = sum(model.units, (u) => (s.consolidated.get(u.id) ? s.revenue.get(u.id)! : 0));
  const attributable = sum(model.units, (u) => s.stake.get(u.id)! * s.revenue.get(u.id)!);
  const raised = sum(s.raised.values(), (x) => x) + s.groupShortfall;
  const shortfall = sum(s.shortfall.values(), (x) => x) + s.groupShortfall;
  const margin = read(s.a, "contribution-margin");
  const profit =
    model.group.netProfit +
    margin * (attributable - baselineAttributable) -
    read(s.a, "cost-of-equity") * raised -
    s.bureauCost;
  return {
    revenue: { baseline: baselineRevenue, scenario: revenue },
    attributableRevenue: { baseline: baselineAttributable, scenario: attributable },
    profit: { baseline: model.group.netProfit, scenario: profit },
    capitalShortfall: { baseline: 0, scenario: shortfall },
    capitalRaised: { baseline: 0, scenario: raised },
    serviceReach: {
      baseline: sum(model.services, (sv) => sv.users),
      scenario: sum(model.services, (sv) => serviceUsers(model, ix, s, sv.id)),
    },
  };
}

/** The assumption values a scenario runs with: the model's, then the scenario's overrides, then the what-if's. */
export function assumptionsFor(model: Model, scenario: Scenario, options: EvaluateOptions = {}): AssumptionValues {
  return resolveAssumptions(model, scenario.assumptions, options.assumptions);
}

/**
 * The headline only: what attribution needs, without building the full result. `resolved` lets a caller that
 * evaluates many subsets of one scenario resolve its assumptions once.
 */
export function evaluateHeadline(
  model: Model,
  scenario: Scenario,
  options: EvaluateOptions = {},
  resolved: AssumptionValues = assumptionsFor(model, scenario, options),
): Headline {
  return headlineOf(model, run(model, scenario, resolved, false));
}

/** Apply a scenario to the baseline model and return every figure against its baseline. */
export function evaluate(model: Model, scenario: Scenario, options: EvaluateOptions = {}): Result {
  const ix = indexModel(model);
  const s = run(model, scenario, assumptionsFor(model, scenario, options), true);
  const threshold = read(s.a, "reduced-threshold");

  const units: UnitResult[] = model.units.map((u) => {
    const book = ix.book.get(u.id);
    const fund = ix.fund.get(u.id);
    const revenue = s.revenue.get(u.id)!;
    let bookDelta: UnitResult["book"] = null;
    let ownDelta: UnitResult["ownFundedBook"] = null;
    if (book) {
      bookDelta = { baseline: book.balance, scenario: s.balance.get(u.id)! };
      ownDelta = { baseline: book.balance * book.ownShare, scenario: s.balance.get(u.id)! * s.ownShare.get(u.id)! };
    } else if (fund) {
      bookDelta = { baseline: fund.aum, scenario: fund.aum * (revenue / (u.revenue || 1)) };
    }
    return {
      id: u.id,
      name: u.name,
      entity: s.entity.get(u.id) ?? null,
      antStake: { baseline: u.antStake, scenario: s.stake.get(u.id)! },
      consolidated: { baseline: u.consolidated, scenario: s.consolidated.get(u.id)! },
      revenue: { baseline: u.revenue, scenario: revenue },
      attributableRevenue: { baseline: u.antStake * u.revenue, scenario: s.stake.get(u.id)! * revenue },
      dataCoverage: { baseline: 1, scenario: s.coverage.get(u.id)! },
      book: bookDelta,
      ownFundedBook: ownDelta,
      capitalRequired: { baseline: 0, scenario: s.required.get(u.id) ?? 0 },
      capitalHeld: { baseline: u.capitalHeld, scenario: s.held.get(u.id)! },
      shortfall: s.shortfall.get(u.id) ?? 0,
      capitalRaised: s.raised.get(u.id) ?? 0,
      response: s.response.get(u.id) ?? null,
    };
  });

  const services = model.services.map((sv) => {
    const users = serviceUsers(model, ix, s, sv.id);
    let revenue = 0;
    let baselineRevenue = 0;
    for (const [u, share] of ix.unitsOfService.get(sv.id) ?? []) {
      const unit = ix.unit.get(u)!;
      baselineRevenue += unit.revenue * share;
      // A unit's revenue splits over its services in proportion to each one's baseline share and reach.
      const weights = ix.servicesOfUnit.get(u)!;
      const total = weights.reduce((acc, [id, sh]) => acc + sh * s.reach.get(id)!, 0);
      const rest = 1 - weights.reduce((acc, [, sh]) => acc + sh, 0);
      const denom = total + Math.max(0, rest);
      revenue += denom > 0 ? (s.revenue.get(u)! * share * s.reach.get(sv.id)!) / denom : 0;
    }
    const eps = ix.entryPoints.get(sv.id);
    const baselineIntegration = sum(eps?.values() ?? [], (x) => x);
    const drop = sv.users > 0 ? 1 - users / sv.users : 0;
    const removed = s.entryPointsRemoved.get(sv.id);
    let status: ServiceStatus;
    let statusReason: string;
    if (users <= sv.users * 1e-9) {
      status = "gone";
      statusReason = "No users reach it any more.";
    } else if (s.linkedOut.has(sv.id)) {
      status = "linked-out";
      statusReason = `Reachable only through a link to ${s.linkedOut.get(sv.id)}.`;
    } else if (drop > threshold) {
      status = "reduced";
      statusReason = `Users fall ${pct(drop)}, more than the ${pct(threshold)} threshold.`;
    } else if (removed && removed.size > 0) {
      status = "reduced";
      statusReason = `Entry points removed from Alipay: ${[...removed].join(", ")}.`;
    } else {
      status = "integrated";
      statusReason =
        drop > 1e-9 ? `All entry points kept; users fall ${pct(drop)}, within the ${pct(threshold)} threshold.` : "Unchanged.";
    }
    return {
      id: sv.id,
      name: sv.name,
      users: { baseline: sv.users, scenario: users },
      integration: { baseline: baselineIntegration, scenario: s.integration.get(sv.id)! },
      revenue: { baseline: baselineRevenue, scenario: revenue },
      status,
      statusReason,
    };
  });

  const unitVolume = (u: string) => {
    const unit = ix.unit.get(u);
    if (!unit || unit.revenue === 0) return 1;
    const book = ix.book.get(u);
    // Market volume follows the book (not revenue, which also moves with the own-funded spread).
    if (book) return book.balance > 0 ? s.balance.get(u)! / book.balance : 1;
    return s.revenue.get(u)! / unit.revenue;
  };
  const markets = model.markets.map((m) => {
    const players = ix.playersOfMarket.get(m.id) ?? [];
    const factors = players.map((p) => {
      if (p.unitIds.length === 0) return null;
      const w = p.unitIds.map((u) => ix.unit.get(u)?.revenue ?? 0);
      const total = w.reduce((x, y) => x + y, 0);
      return total > 0 ? p.unitIds.reduce((acc, u, i) => acc + (w[i] * unitVolume(u)) / total, 0) : 1;
    });
    const after = redistributeShares(
      players.map((p) => p.share),
      factors,
    );
    const before = players.map((p) => p.share);
    const fragmented = players.map((p) => p.fragmented);
    return {
      id: m.id,
      name: m.name,
      players: players.map((p, i) => ({
        playerId: p.playerId,
        name: p.name,
        share: { baseline: before[i], scenario: after[i] },
        isAnt: p.unitIds.length > 0,
        fragmented: p.fragmented,
      })),
      hhi: { baseline: hhi(before, fragmented), scenario: hhi(after, fragmented) },
    };
  });

  const flows = model.dataFlows.map((f) => ({
    id: f.id,
    fromUnit: f.fromUnit,
    toUnit: f.toUnit,
    category: f.category,
    dependence: f.dependence,
    kept: s.flowKept.get(f.id)!,
  }));

  const used: Record<string, number> = {};
  for (const id of ix.engineAssumptions) used[id] = s.a[id];

  return {
    scenarioId: scenario.id,
    headline: headlineOf(model, s),
    units,
    services,
    markets,
    flows,
    explanations: s.explanations,
    warnings: s.warnings,
    assumptionsUsed: used,
  };
}
