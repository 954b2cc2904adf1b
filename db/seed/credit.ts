/**
 * Credit: the consumer credit books (Huabei, Jiebei), Zhima Credit's fees, and small-business credit, whose
 * revenue is what remains of annualised CreditTech revenue once the others are accounted for.
 */
import { assumptionValue } from "./assumptions";
import { assumed, derived, fact } from "./provenance";
import { ANNUALISE, SEGMENT_REVENUE, round3 } from "./segments";

/** Consumer credit balance (Huabei + Jiebei), June 2020, RMB bn [S10]. */
export const CONSUMER_CREDIT_BALANCE = fact(1700, ["S10"], "~1.7 RMB tn, June 2020");
/** Annualised CreditTech fee on the whole balance [S7]. */
export const CREDIT_TAKE_RATE = fact(0.0274, ["S7"], "analyst estimate of the annualised CreditTech take rate, H1 2020");
const HUABEI_SHARE = assumptionValue("huabei-balance-share");

const balance = {
  huabei: derived(
    CONSUMER_CREDIT_BALANCE.value * HUABEI_SHARE,
    { sources: ["S10"], assumption: "huabei-balance-share" },
    "1,700 consumer credit balance × Huabei's share 0.45",
  ),
  jiebei: derived(
    CONSUMER_CREDIT_BALANCE.value * (1 - HUABEI_SHARE),
    { sources: ["S10"], assumption: "huabei-balance-share" },
    "1,700 consumer credit balance × (1 - Huabei's share 0.45)",
  ),
  smeCredit: fact(400, ["S80", "S10"], "~0.4 RMB tn, June 2020: the ~2.1 tn facilitated [S80] less consumer credit's ~1.7 tn [S10]"),
};

const huabeiRevenue = derived(
  round3(balance.huabei.value * CREDIT_TAKE_RATE.value),
  { sources: ["S10", "S7"], assumption: "huabei-balance-share" },
  "Huabei balance 765 × take rate 0.0274",
);
const jiebeiRevenue = derived(
  round3(balance.jiebei.value * CREDIT_TAKE_RATE.value),
  { sources: ["S10", "S7"], assumption: "huabei-balance-share" },
  "Jiebei balance 935 × take rate 0.0274",
);
const zhimaRevenue = assumed("zhima-credit-revenue");
const smeRevenue = round3(SEGMENT_REVENUE.credit - huabeiRevenue.value - jiebeiRevenue.value - zhimaRevenue.value);

/** Annual revenue of the credit units, RMB bn. */
export const CREDIT_REVENUE = {
  huabei: huabeiRevenue,
  jiebei: jiebeiRevenue,
  zhimaCredit: zhimaRevenue,
  smeCredit: derived(
    smeRevenue,
    { sources: ["S7", "S10"], assumption: "zhima-credit-revenue" },
    `residual: CreditTech 28.586 × ${ANNUALISE} = ${SEGMENT_REVENUE.credit} minus Huabei ${huabeiRevenue.value}, ` +
      `Jiebei ${jiebeiRevenue.value} and Zhima Credit ${zhimaRevenue.value} (assumption); also rests on huabei-balance-share`,
  ),
};

const consumerBook = (unitId: "huabei" | "jiebei") => ({
  unitId,
  balance: balance[unitId],
  ownShare: fact(0.02, ["S10"], "~2% funded on Ant's own balance sheet, ~98% by partner banks"),
  takeRate: CREDIT_TAKE_RATE,
  riskWeight: assumed("default-risk-weight", "unsecured consumer loans"),
  lossRate: fact(0.0105, ["S81"], "through the cycle: >90-day delinquency of consumer credit, end 2019 (stressed: >30-day 3.01%, May 2020)"),
});

/** Credit books, in seed order. */
export const CREDIT_BOOKS = [
  consumerBook("huabei"),
  consumerBook("jiebei"),
  {
    unitId: "sme-credit",
    balance: balance.smeCredit,
    ownShare: assumed("sme-credit-own-share"),
    takeRate: derived(
      smeRevenue / balance.smeCredit.value,
      { sources: ["S7", "S80"], assumption: "zhima-credit-revenue" },
      `derived: small-business credit revenue ${smeRevenue} / balance ${balance.smeCredit.value}`,
    ),
    riskWeight: assumed("default-risk-weight", "unsecured small-business loans"),
    lossRate: assumed("sme-credit-loss-rate"),
  },
];
