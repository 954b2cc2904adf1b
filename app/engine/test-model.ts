/**
 * A tiny model for engine tests: small enough to compute expectations by hand (openfisca-style situations).
 * Not the seeded Ant Group model: tests of the real model live with the seed and the scenario library.
 */
import { ENGINE_ASSUMPTIONS } from "./assumptions";
import { modelSchema, type Model } from "./model";
import type { EngineScenario as Scenario } from "./rules";

const engineDefaults: Record<(typeof ENGINE_ASSUMPTIONS)[number], [number, number, number]> = {
  "credit-coverage-elasticity": [0.5, 0.2, 0.9],
  "personalisation-coverage-elasticity": [0.2, 0.05, 0.4],
  "payments-coverage-elasticity": [0.05, 0, 0.15],
  "contribution-margin": [0.5, 0.3, 0.7],
  "cost-of-equity": [0.1, 0.08, 0.15],
  "own-book-yield": [0.1, 0.07, 0.15],
  "own-book-funding-cost": [0.05, 0.03, 0.06],
  "loss-given-default": [1, 0.7, 1],
  "credit-loss-stress": [1, 1, 3],
  "min-capital-ratio": [0.1, 0.08, 0.125],
  "default-risk-weight": [1, 0.75, 1.5],
  "linked-out-retention": [0.8, 0.5, 0.95],
  "entry-point-recapture": [0.25, 0.1, 0.5],
  "reduced-threshold": [0.25, 0.1, 0.4],
  "shrink-user-pass-through": [1, 0.5, 1],
  "bureau-queries-per-borrower": [4, 1, 12],
  "history-months-typical": [36, 24, 60],
  "platform-fee-rate": [0.02, 0.01, 0.03],
  "bank-facilitation-appetite": [0.8, 0.5, 1],
  "valuation-multiple": [50, 20, 60],
};

export function tinyModel(): Model {
  return modelSchema.parse({
    group: { revenue: 75, netProfit: 20, paidInCapital: 4, asOf: "2020-06-30" },
    units: [
      { id: "pay", name: "Pay", segment: "payments", description: "", licence: "payment", antStake: 1, consolidated: true, revenue: 50, capitalHeld: 10, coverageElasticity: "payments-coverage-elasticity" },
      { id: "hb", name: "Pay later", segment: "credit", description: "", licence: "micro-lender", antStake: 1, consolidated: true, revenue: 20, capitalHeld: 2, coverageElasticity: "credit-coverage-elasticity" },
      { id: "fund", name: "Fund", segment: "investment", description: "", licence: "fund", antStake: 0.5, consolidated: true, revenue: 5, capitalHeld: 1, coverageElasticity: "personalisation-coverage-elasticity" },
      { id: "bank", name: "Bank", segment: "credit", description: "", licence: "bank", antStake: 0.3, consolidated: false, revenue: 10, capitalHeld: 8, coverageElasticity: "credit-coverage-elasticity" },
    ],
    services: [
      { id: "pay-svc", name: "Pay service", description: "", users: 700 },
      { id: "later", name: "Pay later service", description: "", users: 400 },
      { id: "mmf", name: "Fund service", description: "", users: 500 },
      { id: "sme", name: "Small business loans", description: "", users: 20 },
    ],
    serviceEntryPoints: [
      { serviceId: "pay-svc", entryPoint: "home-screen", trafficShare: 0.6 },
      { serviceId: "pay-svc", entryPoint: "checkout-default", trafficShare: 0.4 },
      { serviceId: "later", entryPoint: "checkout-default", trafficShare: 0.6 },
      { serviceId: "later", entryPoint: "home-screen", trafficShare: 0.2 },
      { serviceId: "mmf", entryPoint: "wealth-tab", trafficShare: 0.5 },
      { serviceId: "sme", entryPoint: "home-screen", trafficShare: 0.3 },
    ],
    serviceUnits: [
      { serviceId: "pay-svc", unitId: "pay", revenueShare: 1 },
      { serviceId: "later", unitId: "hb", revenueShare: 1 },
      { serviceId: "mmf", unitId: "fund", revenueShare: 1 },
      { serviceId: "sme", unitId: "bank", revenueShare: 1 },
    ],
    dataFlows: [
      { id: "pay-to-hb-transactions", fromUnit: "pay", toUnit: "hb", category: "transactions", dependence: 0.4 },
      { id: "bank-to-hb-credit", fromUnit: "bank", toUnit: "hb", category: "credit-history", dependence: 0.2 },
      { id: "pay-to-fund-behaviour", fromUnit: "pay", toUnit: "fund", category: "behaviour", dependence: 0.2 },
    ],
    creditBooks: [
      { unitId: "hb", balance: 1000, ownShare: 0.02, takeRate: 0.02, riskWeight: 1, lossRate: 0.01 },
    ],
    funds: [{ unitId: "fund", aum: 1000, feeRate: 0.005 }],
    markets: [
      { id: "payments", name: "Payments", measure: "volume" },
      { id: "credit", name: "Credit", measure: "balance" },
      { id: "funds", name: "Funds", measure: "AUM" },
    ],
    marketPlayers: [
      { marketId: "payments", playerId: "alipay", name: "Alipay", share: 0.5, unitIds: ["pay"], fragmented: false },
      { marketId: "payments", playerId: "rival", name: "Rival", share: 0.3, unitIds: [], fragmented: false },
      { marketId: "payments", playerId: "others", name: "Others", share: 0.2, unitIds: [], fragmented: true },
      { marketId: "credit", playerId: "ant", name: "Ant", share: 0.2, unitIds: ["hb"], fragmented: false },
      { marketId: "credit", playerId: "banks", name: "Banks", share: 0.8, unitIds: [], fragmented: false },
      { marketId: "funds", playerId: "fund", name: "Fund", share: 0.25, unitIds: ["fund"], fragmented: false },
      { marketId: "funds", playerId: "other-funds", name: "Other funds", share: 0.75, unitIds: [], fragmented: true },
    ],
    regulatoryParameters: [],
    sources: [{ key: "S1", citation: "test" }],
    assumptions: Object.entries(engineDefaults).map(([id, [value, low, high]]) => ({
      id,
      label: id,
      value,
      low,
      high,
      unit: "fraction",
      rationale: "test",
      sourceKeys: [],
      usedBy: "engine" as const,
    })),
    provenance: [],
  });
}

/** A scenario as a file gives it (the engine reads only id, rules and assumptions; other tests read the rest). */
type TestScenario = Scenario & { title: string; summary: string; date: string; hypothetical: boolean; sources: string[] };

/** A scenario around the given rules (ids default to rule-N as in files). */
export function scenarioOf(rules: Scenario["rules"], extra: Partial<TestScenario> = {}): TestScenario {
  return {
    id: "test",
    title: "Test",
    summary: "Test scenario",
    date: "2021",
    hypothetical: true,
    sources: ["S1"],
    rules,
    ...extra,
  };
}
