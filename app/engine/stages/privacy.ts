/**
 * Stage 1, data privacy: rules cut data flows -> each receiving unit's data coverage -> its volume and users
 * (through the unit's coverage elasticity). Flows kept multiply, so the order of rules does not matter.
 */
import { read, readById } from "../assumptions";
import { paramValue } from "../rules";
import { checkUnits, explain, pct, unitName, warn, type RulesByType, type State } from "../state";
import { categoryPhrase, listText } from "../vocabulary";

const matches = (list: string[] | undefined, id: string) => list === undefined || list.includes(id);
/** "transactions and merchant", "credit history": categories in words for the explanations. */
const categoriesText = (categories: readonly string[]) => listText(categories.map(categoryPhrase));
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Multiply the kept share of every flow `pick` selects; returns how many it hit. */
function cutFlows(s: State, ruleId: string, pick: (i: number) => boolean, kept: (current: number) => number) {
  let hit = 0;
  for (let i = 0; i < s.ix.flows.length; i++) {
    if (!pick(i)) continue;
    s.flowKept[i] = kept(s.flowKept[i]);
    if (s.explain) {
      const list = (s.flowRules[i] ??= []);
      if (!list.includes(ruleId)) list.push(ruleId);
    }
    hit++;
  }
  if (hit === 0) warn(s, ruleId, "No data flow in the model matches this rule, so it changes nothing.");
  return hit;
}

export function privacyStage(s: State, rules: RulesByType) {
  const flows = s.ix.flows;
  for (const { rule, id } of rules("consent-required")) {
    checkUnits(s, id, [...(rule.from ?? []), ...(rule.to ?? [])]);
    const c = paramValue(rule.consentRate);
    const pick = (i: number) =>
      rule.categories.includes(flows[i].category) && matches(rule.from, flows[i].fromUnit) && matches(rule.to, flows[i].toUnit);
    const hit = cutFlows(s, id, pick, (k) => k * c);
    if (s.explain)
      explain(
        s,
        id,
        `Only the ${pct(c)} of users who opt in can have their ${categoriesText(rule.categories)} data shared across units (${hit} flows).`,
        [],
        ["S49"],
      );
  }
  for (const { rule, id } of rules("data-ban")) {
    checkUnits(s, id, [...(rule.from ?? []), ...(rule.to ?? [])]);
    const pick = (i: number) =>
      rule.categories.includes(flows[i].category) && matches(rule.from, flows[i].fromUnit) && matches(rule.to, flows[i].toUnit);
    const hit = cutFlows(s, id, pick, () => 0);
    if (s.explain) explain(s, id, `${capitalised(categoriesText(rule.categories))} data no longer flows between units (${hit} flows stopped).`);
  }
  for (const { rule, id } of rules("credit-bureau")) {
    checkUnits(s, id, rule.to);
    const kept = paramValue(rule.coverageKept);
    cutFlows(s, id, (i) => flows[i].category === "credit-history" && rule.to.includes(flows[i].toUnit), (k) => k * kept);
    if (s.explain)
      explain(
        s,
        id,
        `Credit history reaches ${listText(rule.to.map((u) => unitName(s, u)))} only through a licensed bureau, which keeps ${pct(kept)} of its value.`,
        [],
        ["S45"],
      );
  }
  for (const { rule, id } of rules("retention-limit")) {
    const typical = read(s.a, "history-months-typical");
    const usable = Math.min(1, paramValue(rule.months) / typical);
    cutFlows(s, id, (i) => rule.categories.includes(flows[i].category), (k) => k * usable);
    if (s.explain)
      explain(
        s,
        id,
        `Keeping ${paramValue(rule.months)} months of ${categoriesText(rule.categories)} history leaves ${pct(usable)} of the ${typical} months models use.`,
        ["history-months-typical"],
      );
  }
  coverageToVolume(s);
}

const texts = new Map<number, string>();
/** `${x}`, remembered: an elasticity is one of a few values, and a double's shortest decimal is slow to find. */
function numberText(x: number): string {
  let t = texts.get(x);
  if (t === undefined) {
    t = `${x}`;
    if (texts.size < 256) texts.set(x, t);
  }
  return t;
}

/** A unit's coverage is the product over its inbound flows of 1 - dependence x (1 - kept). */
function coverageToVolume(s: State) {
  const { ix } = s;
  for (let u = 0; u < ix.units.length; u++) {
    let coverage = 1;
    for (const f of ix.flowsInto[u]) coverage *= 1 - ix.flows[f].dependence * (1 - s.flowKept[f]);
    s.coverage[u] = coverage;
    if (coverage >= 1) continue;
    const unit = ix.units[u];
    const e = readById(s.a, unit.coverageElasticity);
    const factor = Math.max(0, 1 - e * (1 - coverage));
    s.volume[u] *= factor;
    s.userFactor[u] *= factor;
    if (s.explain) {
      const drivers: string[] = [];
      for (const f of ix.flowsInto[u]) for (const r of s.flowRules[f] ?? []) if (!drivers.includes(r)) drivers.push(r);
      explain(
        s,
        drivers,
        `${unit.name} keeps ${pct(coverage)} of its data coverage; at an elasticity of ${numberText(e)} its volume falls ${pct(1 - factor)}.`,
        [unit.coverageElasticity],
      );
    }
  }
}
