/**
 * Markets and their players' shares (each market adds to exactly 1: a remainder player takes what is left).
 * `fragmented: true` marks lumps of many firms that the HHI counts as atomistic (no square).
 */
import { assumptionValue } from "./assumptions";
import { assumed, derived, fact, type Figure } from "./provenance";

export type MarketSeed = {
  id: string;
  name: string;
  measure: string;
  players: Array<{ playerId: string; name: string; share: Figure; unitIds: string[]; fragmented: boolean }>;
};

/** The remainder of a market after the listed shares, so the market adds to 1. */
function remainder(shares: Figure[], from: { sources?: string[]; assumption?: string }, note: string): Figure {
  const taken = shares.reduce((sum, s) => sum + s.value, 0);
  return derived(1 - taken, from, `remainder: 1 - ${shares.map((s) => s.value).join(" - ")}; ${note}`);
}

const alipay = fact(0.554, ["S68"], "Q1 2020, share of third-party mobile payment volume");
const tenpay = fact(0.388, ["S68"], "Q1 2020, share of third-party mobile payment volume");
const unionpay = assumed("mobile-payments-unionpay-share");

const ant = fact(0.21, ["S10"], "Huabei + Jiebei, ~1.7 RMB tn = 21% of short-term consumer loans at deposit-taking institutions, June 2020");
const icbc = assumed("consumer-credit-share-icbc");
const ccb = assumed("consumer-credit-share-ccb");
const cmb = assumed("consumer-credit-share-cmb");
const stateBanks = assumed("consumer-credit-share-large-state-banks");
const jointStock = assumed("consumer-credit-share-joint-stock-banks");
const weilidai = assumed("consumer-credit-share-weilidai");
const cfcs = assumed("consumer-credit-share-consumer-finance-companies");

const yuebao = derived(
  assumptionValue("yuebao-aum") / assumptionValue("mmf-market-size"),
  { assumption: "yuebao-aum" },
  `Yu'e Bao AUM ${assumptionValue("yuebao-aum")} / market size ${assumptionValue("mmf-market-size")} (mmf-market-size)`,
);
const licaitong = assumed("mmf-share-licaitong");

/** Markets, in seed order. */
export const MARKETS: MarketSeed[] = [
  {
    id: "mobile-payments",
    name: "Mobile payments (China)",
    measure: "share of third-party mobile payment volume, Q1 2020",
    players: [
      { playerId: "alipay", name: "Alipay", share: alipay, unitIds: ["alipay-payments"], fragmented: false },
      { playerId: "tenpay", name: "Tenpay (WeChat Pay)", share: tenpay, unitIds: [], fragmented: false },
      { playerId: "unionpay", name: "UnionPay (QuickPass)", share: unionpay, unitIds: [], fragmented: false },
      {
        playerId: "others",
        name: "Other payment institutions",
        share: remainder([alipay, tenpay, unionpay], { sources: ["S68"], assumption: "mobile-payments-unionpay-share" }, "many small payment institutions"),
        unitIds: [],
        fragmented: true,
      },
    ],
  },
  {
    id: "consumer-credit",
    name: "Short-term consumer credit (China)",
    // One basis (decision 015): who originates the loan. Ant's facilitated loans count once, as Ant's, not again as
    // the funding banks'; the big lenders are named so the HHI is not just Ant's share squared.
    measure: "share of short-term consumer loan balances by originating platform or lender, June 2020 (loans Ant facilitates count once, as Ant's, whoever funds them)",
    players: [
      { playerId: "ant", name: "Ant (Huabei + Jiebei)", share: ant, unitIds: ["huabei", "jiebei"], fragmented: false },
      { playerId: "icbc", name: "ICBC", share: icbc, unitIds: [], fragmented: false },
      { playerId: "ccb", name: "China Construction Bank", share: ccb, unitIds: [], fragmented: false },
      { playerId: "cmb", name: "China Merchants Bank", share: cmb, unitIds: [], fragmented: false },
      // The remaining bank groups are several banks each a few percent: counted as atomistic, not as one firm.
      { playerId: "large-state-banks", name: "Other large state-owned banks (four)", share: stateBanks, unitIds: [], fragmented: true },
      { playerId: "joint-stock-banks", name: "Other joint-stock banks", share: jointStock, unitIds: [], fragmented: true },
      { playerId: "weilidai", name: "WeBank Weilidai (WeChat)", share: weilidai, unitIds: [], fragmented: false },
      { playerId: "consumer-finance-companies", name: "Consumer finance companies", share: cfcs, unitIds: [], fragmented: true },
      {
        playerId: "others",
        name: "City and rural banks, other platforms",
        share: remainder([ant, icbc, ccb, cmb, stateBanks, jointStock, weilidai, cfcs], { sources: ["S10"], assumption: "consumer-credit-share-large-state-banks" }, "many small lenders; also rests on the other rival-share assumptions"),
        unitIds: [],
        fragmented: true,
      },
    ],
  },
  {
    id: "money-market-funds",
    name: "Money market funds (China)",
    measure: "share of money market fund assets, mid-2020",
    players: [
      { playerId: "yuebao", name: "Yu'e Bao (Tianhong)", share: yuebao, unitIds: ["yuebao"], fragmented: false },
      { playerId: "licaitong", name: "Funds sold through LiCaiTong (Tencent)", share: licaitong, unitIds: [], fragmented: false },
      {
        playerId: "others",
        name: "Other fund managers' money market funds",
        share: remainder([yuebao, licaitong], { assumption: "mmf-market-size" }, "many fund houses, each a few percent or less"),
        unitIds: [],
        fragmented: true,
      },
    ],
  },
];
