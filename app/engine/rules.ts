/**
 * The rules the engine applies, as plain TypeScript types: the engine's side of the scenario format.
 *
 * The zod schema (`app/scenarios/schema.ts`) validates files and is checked at compile time to produce exactly
 * these types (a type-level equality there), so a field added on one side and not the other fails `tsc`.
 * Free of zod and of anything outside `app/engine` (the engine runs in the browser).
 */
import type { DATA_CATEGORIES, ENTRY_POINTS } from "./vocabulary";

export type DataCategory = (typeof DATA_CATEGORIES)[number];
export type EntryPoint = (typeof ENTRY_POINTS)[number];

/** A numeric parameter: a value, or a range (what a what-if slider may move) with the value used by default. */
export type Param = number | { low: number; high: number; value: number };

/** The value a parameter takes unless a what-if overrides it. */
export function paramValue(p: Param): number {
  return typeof p === "number" ? p : p.value;
}

/** Whether a rule field holds a numeric parameter (a number or a low/high/value range). */
export function isParam(v: unknown): v is Param {
  return (
    typeof v === "number" ||
    (typeof v === "object" && v !== null && "value" in v && "low" in v && "high" in v && typeof v.value === "number")
  );
}

/**
 * How a unit meets a capital shortfall: raise capital, shrink its book, or facilitate (move the loans it cannot
 * fund onto partner banks' books, as far as the banks take them, and keep a platform fee).
 */
export type CapitalResponse = "raise" | "shrink" | "facilitate";

type RuleBase = {
  id?: string | undefined;
  label: string;
  note?: string | undefined;
};

// ---- Data privacy ----
export type ConsentRequiredRule = RuleBase & {
  type: "consent-required";
  categories: DataCategory[];
  from?: string[] | undefined;
  to?: string[] | undefined;
  consentRate: Param;
};
export type DataBanRule = RuleBase & {
  type: "data-ban";
  categories: DataCategory[];
  from?: string[] | undefined;
  to?: string[] | undefined;
};
export type CreditBureauRule = RuleBase & {
  type: "credit-bureau";
  to: string[];
  coverageKept: Param;
  costPerQuery: Param;
  bureauStake: Param;
};
export type RetentionLimitRule = RuleBase & {
  type: "retention-limit";
  categories: DataCategory[];
  months: Param;
};

// ---- Anti-monopoly ----
export type SpinOffRule = RuleBase & {
  type: "spin-off";
  units: string[];
  entity: string;
  stakeKept: Param;
  keepLinks: boolean;
};
export type UnbundleRule = RuleBase & {
  type: "unbundle";
  services: string[];
  entryPoints: "all" | EntryPoint[];
  recapture?: Param | undefined;
};
export type InteroperabilityRule = RuleBase & {
  type: "interoperability";
  market: string;
  player: string;
  shareShift: Param;
};
export type MarketShareCapRule = RuleBase & {
  type: "market-share-cap";
  market: string;
  player: string;
  cap: Param;
};

// ---- Capital ----
export type CapitalRatioRule = RuleBase & {
  type: "capital-ratio";
  units: string[];
  minRatio: Param;
  riskWeight?: Param | undefined;
  response: CapitalResponse;
};
export type CoLendingRule = RuleBase & {
  type: "co-lending";
  units: string[];
  minOwnShare: Param;
  response: CapitalResponse;
};
export type LeverageCapRule = RuleBase & {
  type: "leverage-cap";
  units: string[];
  maxLeverage: Param;
  response: CapitalResponse;
};
export type MinCapitalRule = RuleBase & {
  type: "min-capital";
  units: string[];
  minimum: Param;
  /** On `group`: the holding company also holds at least this share of the capital of the financial units it controls. */
  controlledShare?: Param | undefined;
};
export type FundSizeCapRule = RuleBase & {
  type: "fund-size-cap";
  unit: string;
  maxAum: Param;
};

// ---- One-off charges ----
export type FineRule = RuleBase & {
  type: "fine";
  /** RMB bn, paid once in the year of `date`. */
  amount: Param;
  date: string;
};

export type Rule =
  | ConsentRequiredRule
  | DataBanRule
  | CreditBureauRule
  | RetentionLimitRule
  | SpinOffRule
  | UnbundleRule
  | InteroperabilityRule
  | MarketShareCapRule
  | CapitalRatioRule
  | CoLendingRule
  | LeverageCapRule
  | MinCapitalRule
  | FundSizeCapRule
  | FineRule;
export type RuleType = Rule["type"];
export type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;

/** What the engine needs of a scenario: its id, its rules and its assumption overrides. */
export interface EngineScenario {
  id: string;
  rules: Rule[];
  assumptions?: Record<string, number> | undefined;
}

/** The id of a rule: its own `id`, or `rule-N` for the rule at 0-based `index`. */
export function ruleIdOf(rule: { id?: string | undefined }, index: number): string {
  return rule.id ?? `rule-${index + 1}`;
}

/** The ids of a scenario's rules, in order. */
export function ruleIds(scenario: { rules: ReadonlyArray<{ id?: string | undefined }> }): string[] {
  return scenario.rules.map(ruleIdOf);
}
