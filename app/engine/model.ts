/**
 * The baseline model of Ant Group (mid-2020) as the engine sees it.
 *
 * This zod schema is the one definition of the model's shape: the database layer assembles a Model and parses
 * it here, `/api/model` serves it, and the engine takes it as input. Pure and isomorphic (no I/O).
 * Money is in RMB bn, users in millions, shares and rates as fractions (0.3 = 30%).
 */
import { z } from "zod";

import { DATA_CATEGORIES, ENTRY_POINTS, SEGMENTS, SLUG_MESSAGE, SLUG_PATTERN } from "./vocabulary";

export { DATA_CATEGORIES, ENTRY_POINTS, SEGMENTS } from "./vocabulary";

export const slug = z.string().regex(SLUG_PATTERN, SLUG_MESSAGE);

export const dataCategory = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof dataCategory>;

export const entryPoint = z.enum(ENTRY_POINTS);
export type EntryPoint = z.infer<typeof entryPoint>;

export const segment = z.enum(SEGMENTS);

const fraction = z.number().min(0).max(1);
const nonNegative = z.number().min(0);

export const sourceSchema = z.object({ key: z.string().regex(/^S\d+$/), citation: z.string().min(1) });

/** A figure of a fact in the register, in the unit it was reported in, with the date it describes. */
export const factFigureSchema = z.object({ label: z.string().min(1), value: z.number(), unit: z.string().min(1), date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/) });

/**
 * A fact of the project's register (db/seed/facts.ts): public reporting, with its figures and source keys. Not
 * part of the Model the engine evaluates (it is not sent to the browser); the /model page and the back-test read it.
 */
export const factSchema = z.object({
  id: slug,
  topic: z.string().min(1),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  text: z.string().min(1),
  figures: z.array(factFigureSchema),
  sourceKeys: z.array(z.string().regex(/^S\d+$/)).min(1),
});

export const assumptionSchema = z.object({
  id: slug,
  label: z.string().min(1),
  value: z.number(),
  low: z.number(),
  high: z.number(),
  unit: z.string().min(1),
  rationale: z.string().min(1),
  sourceKeys: z.array(z.string()),
  /** "engine": a coefficient a formula reads by name (a scenario may override it); "seed": a data figure. */
  usedBy: z.enum(["engine", "seed"]),
});

export const unitSchema = z.object({
  id: slug,
  name: z.string(),
  segment,
  description: z.string(),
  licence: z.string(),
  /** Ant's economic stake, 0..1. */
  antStake: fraction,
  /** Whether the unit's revenue is in Ant's consolidated revenue. */
  consolidated: z.boolean(),
  /** Annual revenue, RMB bn (annualised from H1 2020). */
  revenue: nonNegative,
  /** Capital held, RMB bn. */
  capitalHeld: nonNegative,
  /** Engine assumption giving how the unit's volume responds to lost data coverage. */
  coverageElasticity: slug,
});

export const serviceSchema = z.object({
  id: slug,
  name: z.string(),
  description: z.string(),
  /** Users reached in a year, millions. */
  users: nonNegative,
});

export const serviceEntryPointSchema = z.object({
  serviceId: slug,
  entryPoint,
  /** Share of the service's users who reach it through this entry point. */
  trafficShare: fraction,
});

export const serviceUnitSchema = z.object({
  serviceId: slug,
  unitId: slug,
  /** Share of the unit's revenue earned through this service. */
  revenueShare: fraction,
});

export const dataFlowSchema = z.object({
  id: slug,
  fromUnit: slug,
  toUnit: slug,
  category: dataCategory,
  /** How much the receiving unit's performance rests on this flow, 0..1 (assumption). */
  dependence: fraction,
});

export const creditBookSchema = z.object({
  unitId: slug,
  /** Outstanding balance, RMB bn. */
  balance: nonNegative,
  /** Share funded on Ant's own balance sheet (the rest by partner banks). */
  ownShare: fraction,
  /** Annual fee on the whole balance. */
  takeRate: fraction,
  riskWeight: z.number().min(0).max(5),
  lossRate: fraction,
});

export const fundSchema = z.object({
  unitId: slug,
  /** Assets under management, RMB bn. */
  aum: nonNegative,
  feeRate: fraction,
});

export const marketSchema = z.object({
  id: slug,
  name: z.string(),
  measure: z.string(),
});

export const marketPlayerSchema = z.object({
  marketId: slug,
  playerId: slug,
  name: z.string(),
  share: fraction,
  /** Ant units whose volume is this player's volume (empty for rivals). */
  unitIds: z.array(slug),
  /** Many small firms lumped together: counted as atomistic (no square) in HHI. */
  fragmented: z.boolean(),
});

export const regulatoryParameterSchema = z.object({
  id: slug,
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  inForceAtBaseline: z.boolean(),
  sourceKeys: z.array(z.string()),
});

export const provenanceSchema = z.object({
  table: z.string(),
  rowId: z.string(),
  field: z.string(),
  sourceKeys: z.array(z.string()),
  assumptionId: slug.nullable(),
  note: z.string(),
});

export const groupSchema = z.object({
  /** Consolidated annual revenue, RMB bn. */
  revenue: nonNegative,
  /** Annual net profit, RMB bn. */
  netProfit: z.number(),
  /** Paid-in capital of the group's holding company, RMB bn (what a holding-company minimum is met from). */
  paidInCapital: nonNegative,
  asOf: z.string(),
});

export const modelSchema = z.object({
  group: groupSchema,
  units: z.array(unitSchema),
  services: z.array(serviceSchema),
  serviceEntryPoints: z.array(serviceEntryPointSchema),
  serviceUnits: z.array(serviceUnitSchema),
  dataFlows: z.array(dataFlowSchema),
  creditBooks: z.array(creditBookSchema),
  funds: z.array(fundSchema),
  markets: z.array(marketSchema),
  marketPlayers: z.array(marketPlayerSchema),
  regulatoryParameters: z.array(regulatoryParameterSchema),
  sources: z.array(sourceSchema),
  assumptions: z.array(assumptionSchema),
  provenance: z.array(provenanceSchema),
});

export type Model = z.infer<typeof modelSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type DataFlow = z.infer<typeof dataFlowSchema>;
export type CreditBook = z.infer<typeof creditBookSchema>;
export type Fund = z.infer<typeof fundSchema>;
export type Market = z.infer<typeof marketSchema>;
export type MarketPlayer = z.infer<typeof marketPlayerSchema>;
export type Assumption = z.infer<typeof assumptionSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Fact = z.infer<typeof factSchema>;
export type FactFigure = z.infer<typeof factFigureSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
