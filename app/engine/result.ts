/**
 * What `evaluate(model, scenario)` returns. Every figure carries its baseline beside the scenario value.
 * Money in RMB bn, users in millions, shares/rates/coverage as fractions.
 */
import type { PbocStatus } from "./markets";
import type { DataCategory } from "./model";

export interface Delta {
  baseline: number;
  scenario: number;
}

export type ServiceStatus = "integrated" | "linked-out" | "reduced" | "gone";
export type { CapitalResponse } from "./rules";
import type { CapitalResponse } from "./rules";

export interface Headline {
  /** Consolidated revenue. */
  revenue: Delta;
  /** Sum over units of Ant's stake x revenue (consolidated or not), plus platform fees from units it no longer controls. */
  attributableRevenue: Delta;
  /** Net profit attributable to Ant in the scenario's year: recurring profit less one-off charges. */
  profit: Delta;
  /** Capital required beyond capital held, before the units respond. */
  capitalShortfall: Delta;
  /** Capital the units raise to meet the shortfall (the rest is met by shrinking books). */
  capitalRaised: Delta;
  /** Sum of users reached over Alipay's integrated services (a user of two services counts twice). */
  serviceReach: Delta;
  /** One-off charges in the scenario's year (fines): in `profit`, outside recurring profit and equity value. */
  oneOffCharges: Delta;
  /** Illustrative: recurring attributable profit (profit + one-off charges) x the valuation multiple. */
  equityValue: Delta;
}
export type HeadlineKey = keyof Headline;
export const HEADLINE_KEYS = [
  "revenue",
  "attributableRevenue",
  "profit",
  "capitalShortfall",
  "capitalRaised",
  "serviceReach",
  "oneOffCharges",
  "equityValue",
] as const satisfies readonly HeadlineKey[];

export interface UnitResult {
  id: string;
  name: string;
  /** Name of the entity the unit sits in after the scenario (null: still Ant Group). */
  entity: string | null;
  antStake: Delta;
  consolidated: { baseline: boolean; scenario: boolean };
  revenue: Delta;
  attributableRevenue: Delta;
  /** Share of the unit's baseline data value it still receives, 0..1. */
  dataCoverage: Delta;
  /** Credit book balance (credit units) or fund AUM (funds), RMB bn; null for others. */
  book: Delta | null;
  ownFundedBook: Delta | null;
  capitalRequired: Delta;
  capitalHeld: Delta;
  /** Required beyond held before the response. */
  shortfall: number;
  capitalRaised: number;
  response: CapitalResponse | null;
  /** Loans moved onto partner banks' books by a `facilitate` response, RMB bn (Ant keeps a platform fee on them). */
  facilitated: number;
  /** Technology-service fees this unit, no longer controlled, pays Ant as the platform (in Ant's revenue), RMB bn. */
  platformFee: number;
  /** Net interest on own-funded loans beyond the baseline's (after funding cost and expected loss), RMB bn. */
  netInterest: number;
}

/** The holding company: its capital after raises and one-off charges, against what a group minimum requires. */
export interface GroupResult {
  capital: Delta;
  required: number;
  shortfall: number;
  oneOffCharges: number;
}

export interface ServiceResult {
  id: string;
  name: string;
  users: Delta;
  /** Share of the service's traffic that still reaches it through entry points inside Alipay, 0..1. */
  integration: Delta;
  revenue: Delta;
  status: ServiceStatus;
  /** Why the status is what it is, in plain language. */
  statusReason: string;
}

export interface PlayerResult {
  playerId: string;
  name: string;
  share: Delta;
  isAnt: boolean;
  fragmented: boolean;
}

export interface MarketResult {
  id: string;
  name: string;
  players: PlayerResult[];
  /** Herfindahl-Hirschman index on shares in percent, 0..10,000. */
  hhi: Delta;
  /** Against the PBoC's share thresholds for payment institutions (S82-S84): see `pbocAssessment`. */
  pboc: { baseline: PbocStatus; scenario: PbocStatus };
}

export interface FlowResult {
  id: string;
  fromUnit: string;
  toUnit: string;
  category: DataCategory;
  dependence: number;
  /** Share of the flow that still reaches the receiving unit, 0..1 (baseline 1). */
  kept: number;
}

/** A plain-language sentence on what drove a change, traceable to its rule, assumptions and sources. */
export interface Explanation {
  /** The rules that drove it (several where rules act together, e.g. two privacy rules on one unit). */
  ruleIds: string[];
  text: string;
  assumptionIds: string[];
  sourceKeys: string[];
}

export interface Warning {
  ruleId: string | null;
  text: string;
}

export interface Result {
  scenarioId: string;
  headline: Headline;
  group: GroupResult;
  units: UnitResult[];
  services: ServiceResult[];
  markets: MarketResult[];
  flows: FlowResult[];
  explanations: Explanation[];
  warnings: Warning[];
  /** Engine assumption values used (after the scenario's overrides), by id. */
  assumptionsUsed: Record<string, number>;
}

/** How much each rule contributed to each headline change (Shapley values; they add up to the total). */
export interface Attribution {
  ruleIds: string[];
  ruleLabels: string[];
  /**
   * `standardError` (by rule) is present when a group was sampled: 0 for rules attributed exactly. A sampled
   * value is within SAMPLED_BOUND_SE standard errors of the exact one (attribution.ts).
   */
  metrics: Record<HeadlineKey, { total: number; byRule: number[]; standardError?: number[] }>;
  /** The interaction groups the rules were attributed in, each exactly or by sampled permutations. */
  groups?: AttributionGroup[];
}

export interface AttributionGroup {
  ruleIds: string[];
  method: "exact" | "sampled";
  permutations?: number;
}
