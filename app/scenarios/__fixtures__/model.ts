/**
 * A small model with the ids of the real seed, for tests of the scenario layer that must not need a database.
 * Figures are round placeholders: only the ids and the structure matter here. The engine assumptions are the
 * seed's own (same ids and ranges), so the engine can evaluate this model too.
 */
import { ENGINE_ASSUMPTIONS } from "../../../db/seed/assumptions";
import type { Model } from "../../engine/model";

const unit = (id: string, segment: Model["units"][number]["segment"]): Model["units"][number] => ({
  id,
  name: id,
  segment,
  description: "",
  licence: "",
  antStake: 1,
  consolidated: true,
  revenue: 10,
  capitalHeld: 1,
  coverageElasticity: "credit-coverage-elasticity",
});

const engine = (id: string, value: number, low: number, high: number): Model["assumptions"][number] => ({
  id,
  label: id,
  value,
  low,
  high,
  unit: "fraction",
  rationale: "test",
  sourceKeys: [],
  usedBy: "engine",
});

export const fixtureModel: Model = {
  group: { revenue: 145, netProfit: 40, paidInCapital: 35, asOf: "2020-06-30" },
  units: [
    unit("alipay-payments", "payments"),
    unit("alipay-plus", "payments"),
    unit("huabei", "credit"),
    unit("jiebei", "credit"),
    unit("zhima-credit", "credit"),
    unit("sme-credit", "credit"),
    unit("yuebao", "investment"),
    unit("ant-fortune", "investment"),
    unit("ant-insurance", "insurance"),
    unit("ant-technology", "innovation"),
    unit("mybank", "credit"),
  ],
  services: ["pay", "pay-later", "cash-loans", "money-market-fund", "wealth", "insurance", "credit-score-rentals", "small-business-loans", "mini-programs", "cross-border"].map(
    (id) => ({ id, name: id, description: "", users: 100 }),
  ),
  serviceEntryPoints: [
    { serviceId: "pay-later", entryPoint: "checkout-default", trafficShare: 0.6 },
    { serviceId: "pay-later", entryPoint: "home-screen", trafficShare: 0.3 },
    { serviceId: "cash-loans", entryPoint: "home-screen", trafficShare: 0.7 },
    { serviceId: "money-market-fund", entryPoint: "wealth-tab", trafficShare: 0.5 },
  ],
  serviceUnits: [
    { serviceId: "pay-later", unitId: "huabei", revenueShare: 1 },
    { serviceId: "cash-loans", unitId: "jiebei", revenueShare: 1 },
  ],
  dataFlows: [
    { id: "payments-to-huabei-transactions", fromUnit: "alipay-payments", toUnit: "huabei", category: "transactions", dependence: 0.4 },
    { id: "zhima-to-jiebei-credit-history", fromUnit: "zhima-credit", toUnit: "jiebei", category: "credit-history", dependence: 0.5 },
    { id: "payments-to-fortune-behaviour", fromUnit: "alipay-payments", toUnit: "ant-fortune", category: "behaviour", dependence: 0.2 },
  ],
  creditBooks: [
    { unitId: "huabei", balance: 1000, ownShare: 0.02, takeRate: 0.0274, riskWeight: 1, lossRate: 0.02 },
    { unitId: "jiebei", balance: 700, ownShare: 0.02, takeRate: 0.0274, riskWeight: 1, lossRate: 0.02 },
    { unitId: "sme-credit", balance: 400, ownShare: 0.1, takeRate: 0.02, riskWeight: 1, lossRate: 0.02 },
  ],
  funds: [{ unitId: "yuebao", aum: 1200, feeRate: 0.005 }],
  markets: [
    { id: "mobile-payments", name: "Mobile payments", measure: "volume" },
    { id: "consumer-credit", name: "Consumer credit", measure: "balance" },
    { id: "money-market-funds", name: "Money market funds", measure: "aum" },
  ],
  marketPlayers: [
    { marketId: "mobile-payments", playerId: "alipay", name: "Alipay", share: 0.55, unitIds: ["alipay-payments"], fragmented: false },
    { marketId: "mobile-payments", playerId: "tenpay", name: "Tenpay", share: 0.39, unitIds: [], fragmented: false },
    { marketId: "mobile-payments", playerId: "unionpay", name: "UnionPay", share: 0.03, unitIds: [], fragmented: false },
    { marketId: "mobile-payments", playerId: "others", name: "Others", share: 0.03, unitIds: [], fragmented: true },
    { marketId: "consumer-credit", playerId: "ant", name: "Ant", share: 0.21, unitIds: ["huabei", "jiebei"], fragmented: false },
    { marketId: "consumer-credit", playerId: "banks", name: "Banks", share: 0.79, unitIds: [], fragmented: true },
    { marketId: "money-market-funds", playerId: "yuebao", name: "Yu'e Bao", share: 0.15, unitIds: ["yuebao"], fragmented: false },
    { marketId: "money-market-funds", playerId: "others", name: "Others", share: 0.85, unitIds: [], fragmented: true },
  ],
  regulatoryParameters: [],
  sources: Array.from({ length: 79 }, (_, i) => ({ key: `S${i + 1}`, citation: `source ${i + 1}` })),
  assumptions: [
    ...ENGINE_ASSUMPTIONS.map((a) => ({ ...a })),
    { ...engine("yuebao-aum", 1200, 1000, 1400), usedBy: "seed" },
  ],
  provenance: [],
};
