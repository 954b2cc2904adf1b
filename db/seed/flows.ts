/**
 * Data flows between units, by category, with the receiving unit's dependence on each (a judgement within the
 * range of assumption "data-flow-dependence"; the note says why). Flows into one unit add to at most 0.9.
 */
import { judged, type Figure } from "./provenance";

type Category = "transactions" | "identity" | "location" | "social" | "credit-history" | "behaviour" | "merchant";

export type DataFlowSeed = { id: string; fromUnit: string; toUnit: string; category: Category; dependence: Figure };

/** Short names used in flow ids ("payments-to-huabei-transactions"). */
const SHORT: Record<string, string> = {
  "alipay-payments": "payments",
  "zhima-credit": "zhima",
  "ant-fortune": "fortune",
  "ant-insurance": "insurance",
};
const short = (unitId: string) => SHORT[unitId] ?? unitId;

const flow = (fromUnit: string, toUnit: string, category: Category, dependence: number, why: string): DataFlowSeed => ({
  id: `${short(fromUnit)}-to-${short(toUnit)}-${category}`,
  fromUnit,
  toUnit,
  category,
  dependence: judged(dependence, "data-flow-dependence", why),
});

/** Data flows, in seed order (grouped by receiving unit). */
export const DATA_FLOWS: DataFlowSeed[] = [
  // Huabei: 0.65 in all
  flow("alipay-payments", "huabei", "transactions", 0.3, "spending history sets pay-later limits and flags fraud at checkout"),
  flow("alipay-payments", "huabei", "merchant", 0.1, "merchant risk and category data price instalments"),
  flow("zhima-credit", "huabei", "credit-history", 0.25, "the Zhima score gates who gets Huabei and how much"),
  // Jiebei: 0.65
  flow("alipay-payments", "jiebei", "transactions", 0.25, "cash-flow and spending data size cash-loan limits"),
  flow("zhima-credit", "jiebei", "credit-history", 0.3, "cash loans go to better-scored users: the score weighs more than for Huabei"),
  flow("huabei", "jiebei", "credit-history", 0.1, "repayment record on Huabei qualifies users for Jiebei"),
  // Small-business credit: 0.65
  flow("alipay-payments", "sme-credit", "merchant", 0.35, "merchants' sales through Alipay are the core of small-business underwriting"),
  flow("alipay-payments", "sme-credit", "transactions", 0.15, "owners' personal payment history"),
  flow("zhima-credit", "sme-credit", "credit-history", 0.15, "owners' scores"),
  // Zhima Credit: 0.75
  flow("alipay-payments", "zhima-credit", "transactions", 0.25, "payment behaviour is a main input of the score"),
  flow("alipay-payments", "zhima-credit", "identity", 0.15, "verified real-name identity"),
  flow("alipay-payments", "zhima-credit", "location", 0.05, "address and location stability"),
  flow("alipay-payments", "zhima-credit", "social", 0.05, "contacts and transfers between users"),
  flow("huabei", "zhima-credit", "credit-history", 0.15, "Huabei repayment record feeds the score"),
  flow("jiebei", "zhima-credit", "credit-history", 0.1, "Jiebei repayment record feeds the score"),
  // MYbank: 0.5
  flow("alipay-payments", "mybank", "merchant", 0.3, "MYbank lends to Alipay merchants on their sales data"),
  flow("zhima-credit", "mybank", "credit-history", 0.2, "owners' scores"),
  // Ant Fortune: 0.4
  flow("alipay-payments", "ant-fortune", "behaviour", 0.2, "app behaviour drives fund recommendations"),
  flow("alipay-payments", "ant-fortune", "transactions", 0.1, "spending and income patterns suggest what users can invest"),
  flow("yuebao", "ant-fortune", "behaviour", 0.1, "Yu'e Bao balances and switching show risk appetite"),
  // Ant Insurance: 0.3
  flow("alipay-payments", "ant-insurance", "behaviour", 0.15, "app behaviour drives insurance offers"),
  flow("alipay-payments", "ant-insurance", "transactions", 0.1, "purchases trigger offers (e.g. return-shipping cover)"),
  flow("alipay-payments", "ant-insurance", "identity", 0.05, "verified identity for underwriting and claims"),
  // Yu'e Bao: 0.2
  flow("alipay-payments", "yuebao", "behaviour", 0.1, "prompts timed to balances and habits"),
  flow("alipay-payments", "yuebao", "transactions", 0.1, "inflows from payments and refunds"),
];
