/**
 * Stage 2, anti-monopoly splits: spin-offs change stakes and consolidation and may link services out of Alipay;
 * unbundling removes entry points. The result is each service's reach and integration. The stricter of two rules
 * on one unit or service wins, so the order of rules does not matter.
 */
import { read } from "../assumptions";
import { paramValue } from "../rules";
import { checkUnits, explain, pct, warn, type RulesByType, type State } from "../state";
import { entryPointPhrase, listText } from "../vocabulary";

interface SpinOff {
  stake: number;
  entity: string;
  keepLinks: boolean;
  id: string;
}

export function splitsStage(s: State, rules: RulesByType) {
  const spunBy = spinOffs(s, rules);
  linkOut(s, spunBy);
  unbundle(s, rules);
}

function spinOffs(s: State, rules: RulesByType) {
  const { ix } = s;
  const spunBy = new Map<number, SpinOff>();
  for (const { rule, id } of rules("spin-off")) {
    checkUnits(s, id, rule.units);
    const kept = paramValue(rule.stakeKept);
    for (const unitId of rule.units) {
      const u = ix.unitIx.get(unitId);
      if (u === undefined) continue;
      const prev = spunBy.get(u);
      if (prev) warn(s, id, `${ix.units[u].name} is spun off by two rules; the lower stake kept applies.`);
      if (!prev || kept < prev.stake || (kept === prev.stake && !rule.keepLinks))
        spunBy.set(u, { stake: kept, entity: rule.entity, keepLinks: rule.keepLinks, id });
    }
  }
  for (const [u, sp] of spunBy) {
    const unit = ix.units[u];
    s.stake[u] = unit.antStake * sp.stake;
    // Control is a majority: at 50% or less the entity is a joint venture, equity-accounted.
    s.consolidated[u] = unit.consolidated && sp.stake > 0.5;
    s.entity[u] = sp.entity;
    if (s.explain)
      explain(
        s,
        sp.id,
        `${unit.name} moves into ${sp.entity}; Ant keeps ${pct(s.stake[u])}${s.consolidated[u] ? "" : ", so its revenue leaves Ant's consolidated revenue and Ant counts its stake of the entity's result"}${!s.consolidated[u] && ix.book[u] && unit.consolidated ? "; as the platform Ant keeps a technology-service fee on every loan it brings the entity" : ""}.`,
        !s.consolidated[u] && ix.book[u] && unit.consolidated ? ["platform-fee-rate"] : [],
      );
  }
  return spunBy;
}

/** A service whose main unit is spun off without `keepLinks` is reachable only through a link (reach: `unbundle`). */
function linkOut(s: State, spunBy: Map<number, SpinOff>) {
  if (spunBy.size === 0) return;
  const retention = read(s.a, "linked-out-retention");
  s.ix.services.forEach((sv, i) => {
    const sp = spunBy.get(s.ix.mainUnitOfService[i]);
    if (!sp || sp.keepLinks) return;
    s.linkedOut[i] = sp.entity;
    if (s.explain)
      explain(
        s,
        sp.id,
        `${sv.name} is reachable only through a link to ${sp.entity}; ${pct(retention)} of its users follow the link.`,
        ["linked-out-retention"],
      );
  });
}

/**
 * Reach, with link-out and removed entry points composed once, path by path (order-free): every user who does
 * not come through a removed entry point keeps r = `linked-out-retention` if the service is linked out, else 1;
 * a user who came through a removed entry point keeps min(recapture, r), the stricter of the two cuts, never both:
 *   reach = lost x min(recapture, r) + (1 - lost) x r.
 * Without a link-out (r = 1) this is 1 - lost x (1 - recapture); without removals, r. Integration = traffic
 * share of the entry points kept (0 when linked out).
 */
function unbundle(s: State, rules: RulesByType) {
  const { ix } = s;
  const recaptureOf = new Map<number, number>();
  for (const { rule, id } of rules("unbundle")) {
    const recapture = rule.recapture === undefined ? read(s.a, "entry-point-recapture") : paramValue(rule.recapture);
    for (const svId of rule.services) {
      const i = ix.serviceIx.get(svId);
      if (i === undefined) {
        warn(s, id, `The model has no service '${svId}'; the rule ignores it.`);
        continue;
      }
      const eps = ix.entryPoints[i];
      const removed = (s.entryPointsRemoved[i] ??= new Set<string>());
      const names = rule.entryPoints === "all" ? ix.entryPointNames[i] : rule.entryPoints;
      let hit = 0;
      for (const ep of names) {
        if (eps.has(ep)) {
          removed.add(ep);
          hit++;
        }
      }
      if (hit === 0) warn(s, id, `${ix.services[i].name} has none of the entry points this rule removes.`);
      recaptureOf.set(i, Math.min(recaptureOf.get(i) ?? 1, recapture));
      if (s.explain)
        explain(
          s,
          id,
          `${ix.services[i].name} loses ${rule.entryPoints === "all" ? ix.entryPointNamesText[i] : listText(names.map(entryPointPhrase))} inside Alipay; ${pct(recapture)} of the users who came that way find it another way.`,
          rule.recapture === undefined ? ["entry-point-recapture"] : [],
          ["S37"],
        );
    }
  }
  const retention = s.linkedOut.some((x) => x !== undefined) ? read(s.a, "linked-out-retention") : 1;
  for (let i = 0; i < ix.services.length; i++) {
    const removed = s.entryPointsRemoved[i];
    // Nothing removed: every entry point is in the app (the index sums them in the same order).
    let inApp = removed === undefined ? ix.baselineIntegration[i] : 0;
    let lost = 0;
    if (removed !== undefined)
      for (const [ep, share] of ix.entryPointList[i]) {
        if (removed.has(ep)) lost += share;
        else inApp += share;
      }
    const linked = s.linkedOut[i] !== undefined;
    const others = linked ? retention : 1;
    // A path both cuts touch keeps the stricter factor, never their product.
    const viaRemoved = lost > 0 ? Math.min(recaptureOf.get(i)!, others) : 0;
    s.reach[i] *= lost * viaRemoved + (1 - lost) * others;
    s.integration[i] = linked ? 0 : inApp;
  }
}
