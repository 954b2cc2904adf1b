/**
 * The group's annual figures and segment revenues: H1 2020 from the prospectus (as reported), annualised.
 * Segment revenues are the totals that the units of each segment add up to.
 */
import { assumptionValue } from "./assumptions";
import { derived, fact } from "./provenance";

/** H1 2020 -> a year (assumption "annualise-h1-2020"). */
export const ANNUALISE = assumptionValue("annualise-h1-2020");

export const H1_2020 = {
  revenue: fact(72.528, ["S1"], "H1 2020 revenue, RMB bn"),
  netProfit: fact(21.923, ["S1"], "H1 2020 net profit, RMB bn"),
  creditTech: fact(28.586, ["S7"], "H1 2020 CreditTech revenue, RMB bn"),
  investmentTech: fact(11.283, ["S6"], "H1 2020 InvestmentTech revenue, RMB bn"),
  insureTech: fact(6.104, ["S6"], "H1 2020 InsureTech revenue, RMB bn"),
  /** Share of revenue, H1 2020 [S4]. */
  paymentsShare: fact(0.3586, ["S4"], "Digital Payments & Merchant Services, share of H1 2020 revenue"),
  innovationShare: fact(0.0075, ["S4"], "Innovation Initiatives, share of H1 2020 revenue"),
};

const annual = "x2 (annualise-h1-2020)";

export const GROUP_REVENUE = derived(
  H1_2020.revenue.value * ANNUALISE,
  { sources: ["S1"], assumption: "annualise-h1-2020" },
  `72.528 H1 2020 ${annual}`,
);

export const GROUP_NET_PROFIT = derived(
  H1_2020.netProfit.value * ANNUALISE,
  { sources: ["S1"], assumption: "annualise-h1-2020" },
  `21.923 H1 2020 ${annual}`,
);

const credit = round3(H1_2020.creditTech.value * ANNUALISE);
const investment = round3(H1_2020.investmentTech.value * ANNUALISE);
const insurance = round3(H1_2020.insureTech.value * ANNUALISE);
const innovation = round3(H1_2020.innovationShare.value * GROUP_REVENUE.value);

/**
 * Annual revenue by segment, RMB bn, rounded to RMB m. Payments is the residual of group revenue after the other
 * segments: 52.022 = 35.864% of revenue, the reported 35.86% [S4] to its rounding. Taking 35.86% literally
 * (52.017) would leave 0.005 bn of group revenue in no unit, and baseline revenue summed over units would not
 * match the group's.
 */
export const SEGMENT_REVENUE = {
  payments: round3(GROUP_REVENUE.value - credit - investment - insurance - innovation),
  credit,
  investment,
  insurance,
  innovation,
};

/** Rounds to 3 decimals (RMB m for RMB bn figures). */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
