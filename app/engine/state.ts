/**
 * One evaluation's working state, and what every stage shares: the rules grouped by type, explanations and
 * warnings, and the volume a unit keeps from the reach of its services.
 *
 * Designed for many evaluations of one model (Monte Carlo, attribution): the model is never copied; what depends
 * only on it sits in the memoised `ModelIndex`; the state is a few flat arrays indexed like `ix.units`,
 * `ix.services` and `ix.flows`. With `explain` off no sentence is built.
 */
import type { AssumptionValues } from "./assumptions";
import type { ModelIndex } from "./model-index";
import type { CapitalResponse, Explanation, Warning } from "./result";
import { ruleIdOf, type EngineScenario, type Rule, type RuleOf, type RuleType } from "./rules";

export interface Tagged<R> {
  rule: R;
  id: string;
}

/** The scenario's rules by type, each with its id (`rules("spin-off")`). */
export type RulesByType = <T extends RuleType>(type: T) => Array<Tagged<RuleOf<T>>>;

export function groupRules(scenario: EngineScenario): RulesByType {
  const groups: Partial<Record<RuleType, Array<Tagged<Rule>>>> = {};
  scenario.rules.forEach((rule, i) => {
    (groups[rule.type] ??= []).push({ rule, id: ruleIdOf(rule, i) });
  });
  const none: never[] = [];
  return <T extends RuleType>(t: T) => (groups[t] ?? none) as Array<Tagged<RuleOf<T>>>;
}

export interface State {
  ix: ModelIndex;
  a: AssumptionValues;
  explain: boolean;
  explanations: Explanation[];
  warnings: Warning[];
  // By flow index.
  flowKept: number[];
  /** Which privacy rules touched each flow (only while explaining), so lost coverage traces back to them. */
  flowRules: Array<string[] | undefined>;
  // By unit index.
  coverage: number[];
  /** Volume factor from everything but the reach of the unit's services. */
  volume: number[];
  /** Users factor from everything but reach (differs from volume where books shrink). */
  userFactor: number[];
  stake: number[];
  consolidated: boolean[];
  entity: Array<string | undefined>;
  /** Credit book balance (0 for units without a book). */
  balance: number[];
  ownShare: number[];
  required: number[];
  held: number[];
  shortfall: number[];
  raised: number[];
  response: Array<CapitalResponse | null>;
  /** Balance moved onto partner banks' books by `facilitate`, earning the platform fee. */
  facilitated: number[];
  /** Revenue of the unit's own entity: fee-type revenue + net interest (see results.ts). */
  revenue: number[];
  /** Fee-type revenue (volume-driven fees, facilitation fees, less platform fees paid to Ant): costs follow it. */
  feeRevenue: number[];
  /** Net interest on own-funded loans beyond the baseline's, already after funding cost and expected loss. */
  netInterest: number[];
  /** Technology-service fees a deconsolidated credit unit pays Ant as the platform (Ant's own revenue). */
  platformFee: number[];
  // By service index.
  reach: number[];
  integration: number[];
  linkedOut: Array<string | undefined>;
  entryPointsRemoved: Array<Set<string> | undefined>;
  // Group.
  /** Whether a `min-capital` rule names the holding company, and its test: minimum, share of controlled capital. */
  groupRule: boolean;
  groupRequired: number;
  groupControlledShare: number;
  groupShortfall: number;
  bureauCost: number;
  /** One-off charges (fines) in the scenario's year. */
  oneOffs: number;
}

const filled = <T>(n: number, v: T): T[] => new Array<T>(n).fill(v);

export function createState(ix: ModelIndex, a: AssumptionValues, explain: boolean): State {
  const nu = ix.units.length;
  const ns = ix.services.length;
  const nf = ix.flows.length;
  return {
    ix,
    a,
    explain,
    explanations: [],
    warnings: [],
    flowKept: filled(nf, 1),
    flowRules: filled<string[] | undefined>(nf, undefined),
    coverage: filled(nu, 1),
    volume: filled(nu, 1),
    userFactor: filled(nu, 1),
    stake: ix.units.map((u) => u.antStake),
    consolidated: ix.units.map((u) => u.consolidated),
    entity: filled<string | undefined>(nu, undefined),
    balance: filled(nu, 0),
    ownShare: filled(nu, 0),
    required: filled(nu, 0),
    held: ix.units.map((u) => u.capitalHeld),
    shortfall: filled(nu, 0),
    raised: filled(nu, 0),
    response: filled<CapitalResponse | null>(nu, null),
    facilitated: filled(nu, 0),
    revenue: filled(nu, 0),
    feeRevenue: filled(nu, 0),
    netInterest: filled(nu, 0),
    platformFee: filled(nu, 0),
    reach: filled(ns, 1),
    integration: filled(ns, 0),
    linkedOut: filled<string | undefined>(ns, undefined),
    entryPointsRemoved: filled<Set<string> | undefined>(ns, undefined),
    groupRule: false,
    groupRequired: 0,
    groupControlledShare: 0,
    groupShortfall: 0,
    bureauCost: 0,
    oneOffs: 0,
  };
}

/** Record why a change happened. Callers building costly text check `s.explain` first. */
export function explain(
  s: State,
  ruleId: string | string[],
  text: string,
  assumptionIds: string[] = [],
  sourceKeys: string[] = [],
) {
  if (s.explain) s.explanations.push({ ruleIds: Array.isArray(ruleId) ? ruleId : [ruleId], text, assumptionIds, sourceKeys });
}

export function warn(s: State, ruleId: string | null, text: string) {
  if (s.explain) s.warnings.push({ ruleId, text });
}

export const GROUP = "group";

/** Warn about ids a rule names that the model lacks ('group' is the holding company). */
export function checkUnits(s: State, ruleId: string, ids: string[]) {
  if (!s.explain) return;
  for (const id of ids)
    if (id !== GROUP && !s.ix.unitIx.has(id)) warn(s, ruleId, `The model has no unit '${id}'; the rule ignores it.`);
}

export const unitName = (s: State, id: string) => {
  const u = s.ix.unitIx.get(id);
  return u === undefined ? id : s.ix.units[u].name;
};

/** Volume a unit keeps from the reach of the services it earns through (the rest of its revenue is unaffected). */
export function reachFactor(s: State, u: number): number {
  let g = 1;
  for (const [sv, share] of s.ix.servicesOfUnit[u]) g -= share * (1 - s.reach[sv]);
  return Math.max(0, g);
}

export const totalVolume = (s: State, u: number) => s.volume[u] * reachFactor(s, u);

export const pct = (x: number) => `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.01 ? 2 : 1)}%`;
export const bn = (x: number) => `${x.toFixed(1)} RMB bn`;
