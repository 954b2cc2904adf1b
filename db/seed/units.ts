/**
 * The units of the group. Consolidated units' revenues add up to the group's annualised revenue (145.056 RMB bn,
 * within rounding of the reported segment shares); MYbank is an associate (30%) and sits outside it.
 */
import { assumed, derived, fact, type Figure } from "./provenance";
import { CREDIT_REVENUE } from "./credit";
import { YUEBAO_REVENUE } from "./funds";
import { SEGMENT_REVENUE, round3 } from "./segments";

type Segment = "payments" | "credit" | "investment" | "insurance" | "innovation";
type Elasticity = "credit-coverage-elasticity" | "personalisation-coverage-elasticity" | "payments-coverage-elasticity";

export type UnitSeed = {
  id: string;
  name: string;
  segment: Segment;
  description: string;
  licence: string;
  antStake: Figure;
  consolidated: boolean;
  revenue: Figure;
  capitalHeld: Figure;
  coverageElasticity: Elasticity;
};

const wholly = () => assumed("subsidiary-stake", "operating subsidiary treated as wholly owned");
const capital = (id: string) => assumed(`capital-held-${id}`, "no baseline capital by unit in the fact sheet");

const alipayPlusRevenue = assumed("alipay-plus-revenue");
const paymentsNote =
  `payments segment ${SEGMENT_REVENUE.payments} = group revenue 145.056 minus the other segments (= 35.86% [S4] to rounding)`;

/** Units, in seed order. */
export const UNITS: UnitSeed[] = [
  {
    id: "alipay-payments",
    name: "Alipay payments",
    segment: "payments",
    description: "Domestic payments and merchant services: checkout, QR payments, transfers, merchant tools.",
    licence: "payment institution",
    antStake: wholly(),
    consolidated: true,
    revenue: derived(
      round3(SEGMENT_REVENUE.payments - alipayPlusRevenue.value),
      { sources: ["S1", "S4", "S6", "S7"], assumption: "alipay-plus-revenue" },
      `${paymentsNote}, minus Alipay+ ${alipayPlusRevenue.value} (assumption)`,
    ),
    capitalHeld: capital("alipay-payments"),
    coverageElasticity: "payments-coverage-elasticity",
  },
  {
    id: "alipay-plus",
    name: "Alipay+ (cross-border)",
    segment: "payments",
    description: "Cross-border and international payments: Chinese travellers abroad, partner wallets, overseas merchants.",
    licence: "payment institution (cross-border)",
    antStake: wholly(),
    consolidated: true,
    revenue: alipayPlusRevenue,
    capitalHeld: capital("alipay-plus"),
    coverageElasticity: "payments-coverage-elasticity",
  },
  {
    id: "huabei",
    name: "Huabei",
    segment: "credit",
    description: "Pay-later consumer credit, offered at checkout; ~98% funded by partner banks.",
    licence: "online micro-lender",
    antStake: wholly(),
    consolidated: true,
    revenue: CREDIT_REVENUE.huabei,
    capitalHeld: capital("huabei"),
    coverageElasticity: "credit-coverage-elasticity",
  },
  {
    id: "jiebei",
    name: "Jiebei",
    segment: "credit",
    description: "Cash loans to consumers; ~98% funded by partner banks.",
    licence: "online micro-lender",
    antStake: wholly(),
    consolidated: true,
    revenue: CREDIT_REVENUE.jiebei,
    capitalHeld: capital("jiebei"),
    coverageElasticity: "credit-coverage-elasticity",
  },
  {
    id: "zhima-credit",
    name: "Zhima Credit",
    segment: "credit",
    description: "Credit scoring (Sesame Credit, launched 2015) and deposit-free rentals on the score.",
    licence: "none (credit scoring, no credit-reporting licence)",
    antStake: wholly(),
    consolidated: true,
    revenue: CREDIT_REVENUE.zhimaCredit,
    capitalHeld: capital("zhima-credit"),
    coverageElasticity: "credit-coverage-elasticity",
  },
  {
    id: "sme-credit",
    name: "Small-business credit",
    segment: "credit",
    description: "Ant's credit technology fees on loans to small businesses and merchants (own micro-lenders and partner banks).",
    licence: "online micro-lender",
    antStake: wholly(),
    consolidated: true,
    revenue: CREDIT_REVENUE.smeCredit,
    capitalHeld: capital("sme-credit"),
    coverageElasticity: "credit-coverage-elasticity",
  },
  {
    id: "yuebao",
    name: "Yu'e Bao (Tianhong Asset Management)",
    segment: "investment",
    description: "The money market fund inside Alipay, run by Tianhong Asset Management.",
    licence: "fund management company",
    antStake: fact(0.51, ["S26"], "Ant holds 51% of Tianhong Asset Management"),
    consolidated: true,
    revenue: YUEBAO_REVENUE,
    capitalHeld: capital("yuebao"),
    coverageElasticity: "personalisation-coverage-elasticity",
  },
  {
    id: "ant-fortune",
    name: "Ant Fortune",
    segment: "investment",
    description: "Wealth platform: distribution of third-party funds and wealth products.",
    licence: "fund sales",
    antStake: wholly(),
    consolidated: true,
    revenue: derived(
      round3(SEGMENT_REVENUE.investment - YUEBAO_REVENUE.value),
      { sources: ["S6"], assumption: "yuebao-aum" },
      `InvestmentTech 11.283 × 2 = ${SEGMENT_REVENUE.investment} minus Yu'e Bao ${YUEBAO_REVENUE.value}`,
    ),
    capitalHeld: capital("ant-fortune"),
    coverageElasticity: "personalisation-coverage-elasticity",
  },
  {
    id: "ant-insurance",
    name: "Ant Insurance",
    segment: "insurance",
    description: "Insurance platform: distribution of insurers' products, mutual-aid plans.",
    licence: "insurance agency / brokerage",
    antStake: wholly(),
    consolidated: true,
    revenue: derived(
      SEGMENT_REVENUE.insurance,
      { sources: ["S6"], assumption: "annualise-h1-2020" },
      "InsureTech 6.104 H1 2020 × 2",
    ),
    capitalHeld: capital("ant-insurance"),
    coverageElasticity: "personalisation-coverage-elasticity",
  },
  {
    id: "ant-technology",
    name: "Ant technology services",
    segment: "innovation",
    description: "Innovation initiatives: technology services to institutions, AntChain, mini-program platform.",
    licence: "none",
    antStake: wholly(),
    consolidated: true,
    revenue: derived(
      SEGMENT_REVENUE.innovation,
      { sources: ["S4", "S1"], assumption: "annualise-h1-2020" },
      "Innovation Initiatives 0.75% [S4] × 145.056",
    ),
    capitalHeld: capital("ant-technology"),
    coverageElasticity: "payments-coverage-elasticity",
  },
  {
    id: "mybank",
    name: "MYbank",
    segment: "credit",
    description: "Private online bank lending to small businesses; an associate (Ant 30%), not consolidated.",
    licence: "private bank",
    antStake: fact(0.3, ["S16"], "Ant's 30% stake at launch (2015)"),
    consolidated: false,
    revenue: assumed("mybank-revenue", "MYbank's own revenue, not in Ant's consolidated revenue"),
    capitalHeld: capital("mybank"),
    coverageElasticity: "credit-coverage-elasticity",
  },
];
