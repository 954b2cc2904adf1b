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
import { formatCompact, formatNumber, readableFixed, rmbBnDecimals } from "../utils/format";

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
  a: Readonly<AssumptionValues>;
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

export function createState(ix: ModelIndex, a: Readonly<AssumptionValues>, explain: boolean): State {
  // Copies of the index's starting arrays: no array is built element by element here.
  const init = ix.initial;
  return {
    ix,
    a,
    explain,
    explanations: [],
    warnings: [],
    flowKept: init.flowOnes.slice(),
    flowRules: init.flowNone.slice(),
    coverage: init.unitOnes.slice(),
    volume: init.unitOnes.slice(),
    userFactor: init.unitOnes.slice(),
    stake: init.stake.slice(),
    consolidated: init.consolidated.slice(),
    entity: init.unitNone.slice(),
    balance: init.unitZeros.slice(),
    ownShare: init.unitZeros.slice(),
    required: init.unitZeros.slice(),
    held: init.held.slice(),
    shortfall: init.unitZeros.slice(),
    raised: init.unitZeros.slice(),
    response: init.unitNull.slice(),
    facilitated: init.unitZeros.slice(),
    revenue: init.unitZeros.slice(),
    feeRevenue: init.unitZeros.slice(),
    netInterest: init.unitZeros.slice(),
    platformFee: init.unitZeros.slice(),
    reach: init.serviceOnes.slice(),
    integration: init.serviceZeros.slice(),
    linkedOut: init.serviceNone.slice(),
    entryPointsRemoved: init.serviceNone.slice(),
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

/**
 * |x| x 10^digits rounded as `x.toFixed(digits)` rounds it, or -1 where only toFixed knows: a full evaluation writes
 * dozens of figures into its sentences, and toFixed's exact decimal conversion was a sixth of its time. The scaled
 * value is rounded directly where that cannot differ from rounding x's exact value (|x| x 10^digits below 1e9, not
 * within 1e-6 of a tie: the product's error is under 1.2e-7 there). format.test.ts compares with toFixed.
 */
function roundedScaled(x: number, scale: 10 | 100): number {
  const p = (x < 0 ? -x : x) * scale;
  if (!(p < 1e9)) return -1; // large, infinite or NaN
  const whole = Math.floor(p);
  const frac = p - whole; // exact
  if (frac > 0.499999 && frac < 0.500001) return -1;
  return frac > 0.5 ? whole + 1 : whole;
}

/** `x.toFixed(digits)`, the same string, faster (see roundedScaled). */
export function toFixed(x: number, digits: 1 | 2): string {
  const scale = digits === 1 ? 10 : 100;
  const n = roundedScaled(x, scale);
  if (n < 0) return x.toFixed(digits);
  const r = n % scale;
  // toFixed writes "-" for any negative x (-0.01 -> "-0.0"), none for -0.
  return `${x < 0 ? "-" : ""}${(n - r) / scale}.${digits === 2 && r < 10 ? "0" : ""}${r}`;
}

/** A whole number >= 0 below 1e9 with thousands separators, as readableFixed groups it: 1190 -> "1,190". */
function grouped(w: number): string {
  if (w < 1000) return `${w}`;
  const k = w % 1000;
  return `${grouped((w - k) / 1000)},${k < 10 ? "00" : k < 100 ? "0" : ""}${k}`;
}

/**
 * Explanations print numbers as the pages do (decision 032): formatPercent's and formatRmbBn's text ("25%", "0.39%",
 * "1,190 RMB bn", "−2.43 RMB bn"), as `readableFixed(toFixed(...))` with the formatter's own rules (rmbBnDecimals,
 * zeros a percentage drops), written straight from the rounded integer: Intl's formatting costs four times toFixed's
 * on this path, and readableFixed's and the zeros' regular expressions were half of a sentence's cost. Where
 * roundedScaled defers to toFixed, so do these. format.test.ts checks both against that composition and the pages'.
 */
export const pct = (x: number) => {
  const digits = x !== 0 && Math.abs(x) < 0.01 ? 2 : 1;
  const scale = digits === 1 ? 10 : 100;
  const y = x * 100;
  const n = roundedScaled(y, scale);
  if (n < 0) return `${trimZeros(readableFixed(toFixed(y, digits)))}%`;
  const r = n % scale;
  // readableFixed: the true minus only on a figure that does not round to zero; a percentage drops trailing zeros.
  const sign = y < 0 && n > 0 ? "\u2212" : "";
  const decimals = r === 0 ? "" : digits === 1 ? `.${r}` : r % 10 === 0 ? `.${r / 10}` : r < 10 ? `.0${r}` : `.${r}`;
  return `${sign}${grouped((n - r) / scale)}${decimals}%`;
};
export const bn = (x: number) => {
  const d = rmbBnDecimals(x);
  const abs = Math.abs(x);
  if (d === 0) {
    // abs >= 1000: whole RMB bn, never zero.
    if (!(abs < 1e9)) return `${readableFixed(String(Math.sign(x) * Math.round(abs)))} RMB bn`;
    return `${x < 0 ? "\u2212" : ""}${grouped(Math.round(abs))} RMB bn`;
  }
  const scale = d === 1 ? 10 : 100;
  const n = roundedScaled(x, scale);
  if (n < 0) return `${readableFixed(toFixed(x, d))} RMB bn`;
  const r = n % scale;
  return `${x < 0 && n > 0 ? "\u2212" : ""}${grouped((n - r) / scale)}.${d === 2 && r < 10 ? "0" : ""}${r} RMB bn`;
};
/** "25.0" -> "25", "0.50" -> "0.5": a percentage drops the zeros its decimals do not need. */
const trimZeros = (t: string) => (t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t);

/** formatNumber(x) (no decimals), the same text written without Intl below 1e9 (format.test.ts compares them). */
export function wholeNumber(x: number): string {
  const abs = Math.abs(x);
  if (!(abs < 1e9)) return formatNumber(x);
  // Intl rounds half away from zero, as Math.round does on the magnitude; "-0" loses its sign (formatNumber's tidy).
  const k = Math.round(abs);
  return `${x < 0 && k > 0 ? "\u2212" : ""}${grouped(k)}`;
}

const compactTexts = new Map<number, string>();
/** formatCompact(x), remembered: a sentence prints rule parameters and assumptions, a few values each. */
export function compactNumber(x: number): string {
  let t = compactTexts.get(x);
  if (t === undefined) {
    t = formatCompact(x);
    if (compactTexts.size < 256) compactTexts.set(x, t);
  }
  return t;
}
