/**
 * Regulatory parameters quoted from the fact sheet: minima, caps and thresholds, and whether each was in force
 * at the baseline (30 June 2020). Scenarios refer to them by id.
 */
import { fact, type Figure } from "./provenance";

export type RegulatoryParameterSeed = { id: string; label: string; value: Figure; unit: string; inForceAtBaseline: boolean };

const rule = (id: string, label: string, value: number, unit: string, inForceAtBaseline: boolean, sourceKeys: string[], note = "") => ({
  id,
  label,
  value: fact(value, sourceKeys, note || label),
  unit,
  inForceAtBaseline,
});

/** Regulatory parameters, in seed order. */
export const REGULATORY_PARAMETERS: RegulatoryParameterSeed[] = [
  rule("bank-cet1-min", "Banks: minimum core tier 1 (CET1) capital ratio", 0.075, "fraction of risk-weighted assets", true, ["S75"]),
  rule("bank-tier1-min", "Banks: minimum tier 1 capital ratio", 0.085, "fraction of risk-weighted assets", true, ["S75"]),
  rule("bank-total-capital-min", "Banks: minimum total capital ratio incl. 2.5% buffer", 0.105, "fraction of risk-weighted assets", true, ["S75"]),
  rule("bank-leverage-ratio-min", "Banks: minimum leverage ratio", 0.04, "fraction of exposure", true, ["S75"]),
  rule("micro-lender-bond-abs-leverage-max", "Micro-lenders: bonds and ABS at most this multiple of net assets (16 Sep 2020)", 4, "x net assets", false, ["S28"]),
  rule("micro-lender-nonstandard-borrowing-max", "Micro-lenders: non-standard borrowing at most this multiple of net assets (16 Sep 2020)", 1, "x net assets", false, ["S28"]),
  rule("co-lending-platform-min-share", "Co-lending: platform funds at least this share of each joint loan (draft Nov 2020; from 1 Jan 2022)", 0.3, "fraction of each loan", false, ["S30", "S36"]),
  rule("co-lending-bank-max-share", "Co-lending: a bank's co-lent loans at most this share of its loans (Feb 2021)", 0.5, "fraction of the bank's loans", false, ["S36"]),
  rule("co-lending-single-platform-max", "Co-lending: a bank's exposure to one platform at most this share of its tier-1 net capital (Feb 2021)", 0.25, "fraction of tier-1 net capital", false, ["S36"]),
  rule("fhc-min-paid-in-capital", "Financial holding company: minimum paid-in capital (effective 1 Nov 2020)", 5, "RMB bn", false, ["S27"]),
  rule("fhc-paid-in-share-of-subsidiaries", "Financial holding company: paid-in capital at least this share of its financial subsidiaries' registered capital", 0.5, "fraction", false, ["S27"]),
  rule("fhc-asset-threshold-with-bank", "Financial holding company required from these assets (groups with a bank)", 500, "RMB bn", false, ["S27"]),
  rule("fhc-asset-threshold-without-bank", "Financial holding company required from these assets (groups without a bank)", 100, "RMB bn", false, ["S27"]),
  rule("online-micro-lender-min-capital-one-province", "Online micro-lender: minimum registered capital, one province (draft Nov 2020)", 1, "RMB bn", false, ["S29"]),
  rule("online-micro-lender-min-capital-cross-province", "Online micro-lender: minimum registered capital, across provinces (draft Nov 2020)", 5, "RMB bn", false, ["S29"]),
  rule("online-micro-loan-max-per-borrower", "Online micro-loans: at most this per borrower (draft Nov 2020)", 0.3, "RMB m", false, ["S31"]),
  rule("mmf-important-size", "Money market funds: 'important' above this size (Feb 2023)", 200, "RMB bn", false, ["S43"]),
  rule("mmf-important-investors", "Money market funds: 'important' above this many investors (Feb 2023)", 50, "million investors", false, ["S43"]),
  rule("mmf-adjust-size", "Money market funds: funds above this size must adjust (Feb 2023)", 500, "RMB bn", false, ["S43"]),
  rule("mmf-size-risk-reserve-multiple", "Money market funds: size at most this multiple of risk reserves (Oct 2017)", 200, "x risk reserves", true, ["S77"]),
  rule("mmf-same-day-redemption-max", "Money market funds: same-day redemption at most this much (Jun 2018)", 10000, "RMB", true, ["S78"]),
  rule("consumer-finance-min-registered-capital", "Consumer finance company: minimum registered capital (2024 measures)", 1, "RMB bn", false, ["S70"]),
  rule("consumer-finance-main-investor-min-share", "Consumer finance company: main investor holds at least this share (2024 measures)", 0.5, "fraction", false, ["S70"]),
  rule("consumer-finance-guaranteed-loans-max", "Consumer finance company: guaranteed or credit-enhanced loans at most this share of the book", 0.5, "fraction of the book", false, ["S71"]),
  rule("consumer-finance-leverage-ratio-min", "Consumer finance company: minimum leverage ratio (draft Dec 2023)", 0.04, "fraction of exposure", false, ["S72"]),
  rule("insurance-core-solvency-min", "Insurers: minimum core solvency ratio (2021 rules)", 0.5, "fraction", false, ["S79"]),
  rule("insurance-comprehensive-solvency-min", "Insurers: minimum comprehensive solvency ratio (2021 rules)", 1, "fraction", false, ["S79"]),
  rule("pipl-max-fine-share", "PIPL: fine up to this share of prior-year turnover (effective 1 Nov 2021)", 0.05, "fraction of turnover", false, ["S50"]),
];
