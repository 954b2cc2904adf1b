/**
 * The project's fact register: every public fact the model, the scenario library and the back-test rest on,
 * with its figures, the date it describes and its source keys (S1..S89, cited in ./sources.ts). Brought in from
 * the fact sheet the project started from, so a clone stands alone; `docs/facts/ant-group.md` is rendered from
 * this file (`npm run facts`, a test fails while it is stale). Claims the sheet marked UNVERIFIED are not here:
 * where the model needs such a number it is an assumption with a range (./assumptions.ts).
 *
 * Figures are in the unit they are reported in (RMB bn, share 0-1, m users, ...); `date` is the day, month or
 * year the figure describes (YYYY, YYYY-MM or YYYY-MM-DD), the fact's own `date` the latest it describes.
 */
import type { Fact, FactFigure } from "../../app/engine/model";

/** A fact (its shape is `factSchema` in app/engine/model.ts); `id` is a stable slug (anchor `fact-<id>`). */
export type FactRow = Fact & { topic: FactTopic };

export const FACT_TOPICS = [
  "Group, 2017 to mid-2020",
  "Alipay and the services on it",
  "Mobile payment market",
  "Regulatory events",
  "Capital parameters",
] as const;
export type FactTopic = (typeof FACT_TOPICS)[number];

const f = (label: string, value: number, unit: string, date: string): FactFigure => ({ label, value, unit, date });
const [GROUP, ALIPAY, PAYMENTS, EVENTS, CAPITAL] = FACT_TOPICS;

export const FACTS: FactRow[] = [
  // ---- Group ------------------------------------------------------------------------------------------------
  {
    id: "group-revenue",
    topic: GROUP,
    date: "2020-09",
    text: "Revenue: 65.396 (2017), 85.722 (2018), 120.618 (2019), 72.528 (H1 2020) RMB bn; 118.191 for the first nine months of 2020.",
    figures: [
      f("revenue 2017", 65.396, "RMB bn", "2017"),
      f("revenue 2018", 85.722, "RMB bn", "2018"),
      f("revenue 2019", 120.618, "RMB bn", "2019"),
      f("revenue H1 2020", 72.528, "RMB bn", "2020-06"),
      f("revenue first nine months of 2020", 118.191, "RMB bn", "2020-09"),
    ],
    sourceKeys: ["S1", "S2"],
  },
  {
    id: "group-net-profit",
    topic: GROUP,
    date: "2020-06",
    text: "Net profit: 8.205 (2017), 2.156 (2018), 18.072 (2019), 21.923 (H1 2020) RMB bn.",
    figures: [
      f("net profit 2017", 8.205, "RMB bn", "2017"),
      f("net profit 2018", 2.156, "RMB bn", "2018"),
      f("net profit 2019", 18.072, "RMB bn", "2019"),
      f("net profit H1 2020", 21.923, "RMB bn", "2020-06"),
    ],
    sourceKeys: ["S1"],
  },
  {
    id: "group-total-assets",
    topic: GROUP,
    date: "2020-06",
    text: "Total assets: 271.558 RMB bn (end 2019), 315.898 RMB bn (June 2020).",
    figures: [f("total assets end 2019", 271.558, "RMB bn", "2019-12"), f("total assets June 2020", 315.898, "RMB bn", "2020-06")],
    sourceKeys: ["S14", "S13"],
  },
  {
    id: "segment-shares",
    topic: GROUP,
    date: "2020-06",
    text: "Segment shares of revenue, H1 2020: Digital Payments & Merchant Services 35.86%; Digital Financial Technology Platform 63.39%; Innovation Initiatives 0.75%.",
    figures: [
      f("Digital Payments & Merchant Services share", 0.3586, "share", "2020-06"),
      f("Digital Financial Technology Platform share", 0.6339, "share", "2020-06"),
      f("Innovation Initiatives share", 0.0075, "share", "2020-06"),
    ],
    sourceKeys: ["S4"],
  },
  {
    id: "credittech-revenue",
    topic: GROUP,
    date: "2020-06",
    text: "CreditTech revenue: 41.9 RMB bn, 34.7% of revenue (2019); 28.586 RMB bn, 39.4% (H1 2020).",
    figures: [
      f("CreditTech revenue 2019", 41.9, "RMB bn", "2019"),
      f("CreditTech share of revenue 2019", 0.347, "share", "2019"),
      f("CreditTech revenue H1 2020", 28.586, "RMB bn", "2020-06"),
      f("CreditTech share of revenue H1 2020", 0.394, "share", "2020-06"),
    ],
    sourceKeys: ["S6", "S7"],
  },
  {
    id: "investtech-insuretech-revenue",
    topic: GROUP,
    date: "2020-06",
    text: "InvestmentTech revenue 11.283 RMB bn and InsureTech revenue 6.104 RMB bn (H1 2020).",
    figures: [f("InvestmentTech revenue H1 2020", 11.283, "RMB bn", "2020-06"), f("InsureTech revenue H1 2020", 6.104, "RMB bn", "2020-06")],
    sourceKeys: ["S6"],
  },
  {
    id: "take-rates",
    topic: GROUP,
    date: "2020-06",
    text: "Analyst estimate of annualised take rates, H1 2020: CreditTech ~2.74% of balances; InvestmentTech ~0.39% of AUM.",
    figures: [f("CreditTech take rate", 0.0274, "share of balance a year", "2020-06"), f("InvestmentTech take rate", 0.0039, "share of AUM a year", "2020-06")],
    sourceKeys: ["S7"],
  },
  {
    id: "ipo-terms",
    topic: GROUP,
    date: "2020-10",
    text: "IPO terms (Oct 2020): valuation ~2.1 RMB tn (~US$313bn); ~US$34.5bn to be raised.",
    figures: [f("IPO valuation", 2100, "RMB bn", "2020-10"), f("IPO valuation", 313, "US$ bn", "2020-10"), f("IPO proceeds", 34.5, "US$ bn", "2020-10")],
    sourceKeys: ["S15"],
  },
  {
    id: "control-2020",
    topic: GROUP,
    date: "2020-08",
    text: "Control (Aug 2020): employee vehicles Junhan and Junao hold 50.52%, controlled by Jack Ma; Alibaba holds ~33%.",
    figures: [f("Junhan and Junao stake", 0.5052, "share", "2020-08"), f("Alibaba stake", 0.33, "share", "2020-08")],
    sourceKeys: ["S13", "S15"],
  },

  // ---- Alipay and the services on it ------------------------------------------------------------------------
  {
    id: "alipay-users",
    topic: ALIPAY,
    date: "2020-06",
    text: "Alipay, 12 months to June 2020: annual active users > 1bn; monthly active users 711m; monthly active merchants 80m; 729m users of its digital finance services.",
    figures: [
      f("annual active users (more than)", 1000, "m", "2020-06"),
      f("monthly active users", 711, "m", "2020-06"),
      f("monthly active merchants", 80, "m", "2020-06"),
      f("users of digital finance services", 729, "m", "2020-06"),
    ],
    sourceKeys: ["S8"],
  },
  {
    id: "payment-volume",
    topic: ALIPAY,
    date: "2020-06",
    text: "Payment volume, 12 months to June 2020: 118 RMB tn in mainland China (more than half of the market); 622 RMB bn international.",
    figures: [f("mainland payment volume", 118000, "RMB bn", "2020-06"), f("international payment volume", 622, "RMB bn", "2020-06")],
    sourceKeys: ["S8", "S9"],
  },
  {
    id: "consumer-credit",
    topic: ALIPAY,
    date: "2020-06",
    text: "Consumer credit (Huabei + Jiebei), June 2020: balance ~1.7 RMB tn = 21% of short-term consumer loans at deposit-taking institutions; ~2% funded on Ant's own balance sheet, ~98% by ~100 partner banks; ~500m borrowers.",
    figures: [
      f("consumer credit balance", 1700, "RMB bn", "2020-06"),
      f("share of short-term consumer loans", 0.21, "share", "2020-06"),
      f("own-funded share", 0.02, "share", "2020-06"),
      f("partner banks", 100, "banks", "2020-06"),
      f("borrowers", 500, "m", "2020-06"),
    ],
    sourceKeys: ["S10", "S11", "S4"],
  },
  {
    id: "credit-total",
    topic: ALIPAY,
    date: "2020-06",
    text: "Credit balances facilitated, June 2020: total ~2.1 RMB tn, of which consumer ~1.7 tn and the rest (~0.4 tn) small-business credit; off-balance-sheet assets ~4.1 tn. (The prospectus split 1,732 / 421.7 RMB bn is widely quoted but was not read: only ~0.4 tn is relied on.)",
    figures: [
      f("total credit balance facilitated", 2100, "RMB bn", "2020-06"),
      f("small-business credit balance", 400, "RMB bn", "2020-06"),
      f("off-balance-sheet assets", 4100, "RMB bn", "2020-06"),
    ],
    sourceKeys: ["S80", "S10"],
  },
  {
    id: "consumer-delinquency",
    topic: ALIPAY,
    date: "2020-05",
    text: "Consumer credit delinquency (share of balance): over 30 days 1.08% / 1.43% / 1.56% (end 2017-2019), over 90 days 0.68% / 1.01% / 1.05%; over-30-day rose from 1.76% (Jan 2020) to 3.01% (May 2020).",
    figures: [
      f("over-30-day delinquency end 2017", 0.0108, "share of balance", "2017-12"),
      f("over-30-day delinquency end 2018", 0.0143, "share of balance", "2018-12"),
      f("over-30-day delinquency end 2019", 0.0156, "share of balance", "2019-12"),
      f("over-90-day delinquency end 2017", 0.0068, "share of balance", "2017-12"),
      f("over-90-day delinquency end 2018", 0.0101, "share of balance", "2018-12"),
      f("over-90-day delinquency end 2019", 0.0105, "share of balance", "2019-12"),
      f("over-30-day delinquency Jan 2020", 0.0176, "share of balance", "2020-01"),
      f("over-30-day delinquency May 2020 (peak)", 0.0301, "share of balance", "2020-05"),
    ],
    sourceKeys: ["S81", "S12"],
  },
  {
    id: "assets-facilitated",
    topic: ALIPAY,
    date: "2020-06",
    text: "Assets under management facilitated: 4.1 RMB tn (June 2020); insurance premiums facilitated 51.8 RMB bn a year.",
    figures: [f("AUM facilitated", 4100, "RMB bn", "2020-06"), f("insurance premiums facilitated a year", 51.8, "RMB bn", "2020-06")],
    sourceKeys: ["S4"],
  },
  {
    id: "tianhong-stake",
    topic: ALIPAY,
    date: "2022-09",
    text: "Yu'e Bao is a money market fund run by Tianhong Asset Management, 51% owned by Ant.",
    figures: [f("Ant's stake in Tianhong", 0.51, "share", "2022-09")],
    sourceKeys: ["S26"],
  },
  {
    id: "yuebao-aum",
    topic: ALIPAY,
    date: "2023-02",
    text: "Yu'e Bao assets: peak 1.69 RMB tn (Mar 2018); 972.4 → 780.8 RMB bn (Q1 → Q2 2021, −19.7%); 764.6 RMB bn (Sep 2022); 689.3 RMB bn (Feb 2023).",
    figures: [
      f("Yu'e Bao AUM, peak", 1690, "RMB bn", "2018-03"),
      f("Yu'e Bao AUM, Q1 2021", 972.4, "RMB bn", "2021-03"),
      f("Yu'e Bao AUM, Q2 2021", 780.8, "RMB bn", "2021-06"),
      f("Yu'e Bao AUM, Sep 2022", 764.6, "RMB bn", "2022-09"),
      f("Yu'e Bao AUM, Feb 2023", 689.3, "RMB bn", "2023-02"),
    ],
    sourceKeys: ["S41", "S42", "S26", "S43"],
  },
  {
    id: "mybank",
    topic: ALIPAY,
    date: "2019",
    text: "MYbank: at launch (2015) Ant 30%, Fosun 25%, Wanxiang 18%, registered capital 4 RMB bn; capital adequacy 12.1% (end 2018); 20.87m small businesses served, average loan 31,000 RMB (2019).",
    figures: [
      f("Ant's stake at launch", 0.3, "share", "2015-05"),
      f("registered capital at launch", 4, "RMB bn", "2015-05"),
      f("capital adequacy ratio", 0.121, "ratio", "2018-12"),
      f("small businesses served", 20.87, "m", "2019"),
      f("average loan", 31000, "RMB", "2019"),
    ],
    sourceKeys: ["S16", "S18", "S17"],
  },
  {
    id: "zhima-launch",
    topic: ALIPAY,
    date: "2015-01-28",
    text: "Zhima (Sesame) Credit launched on 28 Jan 2015.",
    figures: [],
    sourceKeys: ["S20"],
  },
  {
    id: "alipay-plus",
    topic: ALIPAY,
    date: "2024-02",
    text: "Alipay+ abroad: more than 8m merchants in 70+ countries (Feb 2024).",
    figures: [f("Alipay+ merchants (more than)", 8, "m", "2024-02")],
    sourceKeys: ["S21"],
  },
  {
    id: "huabei-jiebei-brands",
    topic: ALIPAY,
    date: "2021-06-03",
    text: "3 Jun 2021: Chongqing Ant Consumer Finance takes Huabei and Jiebei as its exclusive brands; consumption credit fully funded by banks is no longer labelled Huabei but shown as a separate \"credit buying\" service naming the lending institution (Jiebei's bank-funded loans likewise served by banks); both services stay inside Alipay.",
    figures: [],
    sourceKeys: ["S86", "S87"],
  },
  {
    id: "huabei-credit-reporting",
    topic: ALIPAY,
    date: "2021-09-22",
    text: "22 Sep 2021: Huabei reports users' credit lines and repayments monthly to the PBoC credit reference system; the reporting entity is Chongqing Ant Consumer Finance or the funding bank.",
    figures: [],
    sourceKeys: ["S88"],
  },

  // ---- Mobile payment market --------------------------------------------------------------------------------
  {
    id: "mobile-payment-shares",
    topic: PAYMENTS,
    date: "2020-06",
    text: "Share of third-party mobile payment volume in China: Alipay 54.1%, Tenpay (WeChat Pay) 37.02% (Q4 2016); 55.1% vs 38.9% (Q4 2019); 55.4% vs 38.8% (Q1 2020, market 53.2 RMB tn in the quarter); Alipay 55.6%, the two together 94.4% (Q2 2020).",
    figures: [
      f("Alipay share Q4 2016", 0.541, "share", "2016-12"),
      f("Tenpay share Q4 2016", 0.3702, "share", "2016-12"),
      f("Alipay share Q4 2019", 0.551, "share", "2019-12"),
      f("Tenpay share Q4 2019", 0.389, "share", "2019-12"),
      f("Alipay share Q1 2020", 0.554, "share", "2020-03"),
      f("Tenpay share Q1 2020", 0.388, "share", "2020-03"),
      f("mobile payment market, Q1 2020", 53200, "RMB bn", "2020-03"),
      f("Alipay share Q2 2020", 0.556, "share", "2020-06"),
      f("Alipay and Tenpay together Q2 2020", 0.944, "share", "2020-06"),
    ],
    sourceKeys: ["S66", "S67", "S68", "S84"],
  },
  {
    id: "mobile-payment-duopoly-2022",
    topic: PAYMENTS,
    date: "2022-10",
    text: "Oct 2022: Alipay and WeChat Pay together hold more than 90% of the market.",
    figures: [f("Alipay and WeChat Pay together (more than)", 0.9, "share", "2022-10")],
    sourceKeys: ["S64"],
  },

  // ---- Regulatory events ------------------------------------------------------------------------------------
  {
    id: "fhc-measures",
    topic: EVENTS,
    date: "2020-09-13",
    text: "13 Sep 2020, financial holding company measures (effective 1 Nov 2020): paid-in capital ≥ 5 RMB bn and ≥ 50% of the registered capital of the financial institutions it directly controls; required once assets reach 500 RMB bn (groups with a bank) or 100 RMB bn (without).",
    figures: [
      f("minimum paid-in capital", 5, "RMB bn", "2020-11-01"),
      f("paid-in capital / controlled institutions' registered capital (at least)", 0.5, "ratio", "2020-11-01"),
      f("asset threshold, groups with a bank", 500, "RMB bn", "2020-11-01"),
      f("asset threshold, groups without a bank", 100, "RMB bn", "2020-11-01"),
    ],
    sourceKeys: ["S27"],
  },
  {
    id: "microlender-leverage",
    topic: EVENTS,
    date: "2020-09-16",
    text: "16 Sep 2020, micro-lender leverage: non-standard borrowing ≤ 1× net assets; bonds and ABS ≤ 4× net assets.",
    figures: [f("non-standard borrowing / net assets (at most)", 1, "x", "2020-09-16"), f("bonds and ABS / net assets (at most)", 4, "x", "2020-09-16")],
    sourceKeys: ["S28"],
  },
  {
    id: "draft-microlending-2020",
    topic: EVENTS,
    date: "2020-11-02",
    text: "2 Nov 2020, draft online micro-lending rules: registered capital ≥ 1 RMB bn (one province) / 5 RMB bn (cross-province); platform funds ≥ 30% of each co-lent loan; per borrower ≤ 300,000 RMB and ≤ 1/3 of average annual income over 3 years.",
    figures: [
      f("registered capital, one province", 1, "RMB bn", "2020-11-02"),
      f("registered capital, cross-province", 5, "RMB bn", "2020-11-02"),
      f("platform's own share of each co-lent loan (at least)", 0.3, "share", "2020-11-02"),
      f("loan per borrower (at most)", 300000, "RMB", "2020-11-02"),
    ],
    sourceKeys: ["S29", "S30", "S31"],
  },
  {
    id: "ipo-suspended",
    topic: EVENTS,
    date: "2020-11-03",
    text: "3 Nov 2020: the IPO is suspended by the Shanghai exchange; the Hong Kong leg is halted.",
    figures: [],
    sourceKeys: ["S34"],
  },
  {
    id: "pboc-december-2020",
    topic: EVENTS,
    date: "2020-12",
    text: "Dec 2020: the PBoC tells Ant to get a credit-reporting licence, form a holding company to ensure capital adequacy, and end unfair competition in payments.",
    figures: [],
    sourceKeys: ["S35"],
  },
  {
    id: "draft-payment-rules-2021",
    topic: EVENTS,
    date: "2021-01-20",
    text: "20 Jan 2021, PBoC draft rules for non-bank payment institutions: talks once one institution holds 1/3 of the market or two hold 1/2; dominance presumed at more than 1/2 for one institution; the PBoC may recommend a split by payment business type. Another write-up gives the split thresholds as more than 1/2 for one institution or more than 2/3 for two. The market is nationwide electronic payments (bank-card, online and mobile banking included), on which neither Alipay nor WeChat Pay reached 1/3.",
    figures: [
      f("talks threshold, one institution", 1 / 3, "share", "2021-01-20"),
      f("talks threshold, two institutions", 0.5, "share", "2021-01-20"),
      f("dominance presumed, one institution (more than)", 0.5, "share", "2021-01-20"),
      f("split threshold, two institutions (more than)", 2 / 3, "share", "2021-01-20"),
    ],
    sourceKeys: ["S82", "S83", "S84"],
  },
  {
    id: "payment-regulation-final",
    topic: EVENTS,
    date: "2024-05-01",
    text: "The final regulation on non-bank payment institutions was signed on 9 Dec 2023 and is in force from 1 May 2024.",
    figures: [],
    sourceKeys: ["S85"],
  },
  {
    id: "platform-antimonopoly-2021",
    topic: EVENTS,
    date: "2021-04-10",
    text: "7 Feb 2021: platform-economy anti-monopoly guidelines; 10 Apr 2021: Alibaba fined 18.228 RMB bn = 4% of its 2019 China sales.",
    figures: [f("Alibaba fine", 18.228, "RMB bn", "2021-04-10"), f("Alibaba fine / 2019 China sales", 0.04, "share", "2021-04-10")],
    sourceKeys: ["S52", "S53"],
  },
  {
    id: "co-lending-rules-2021",
    topic: EVENTS,
    date: "2021-02-20",
    text: "20 Feb 2021, co-lending rules: from 1 Jan 2022 a platform funds ≥ 30% of each joint loan; a bank's co-lending ≤ 50% of its loans; exposure to one platform ≤ 25% of its tier-1 net capital.",
    figures: [
      f("platform's own share of each joint loan (at least)", 0.3, "share", "2022-01-01"),
      f("a bank's co-lending / its loans (at most)", 0.5, "share", "2022-01-01"),
      f("a bank's exposure to one platform / tier-1 net capital (at most)", 0.25, "share", "2022-01-01"),
    ],
    sourceKeys: ["S36"],
  },
  {
    id: "rectification-2021",
    topic: EVENTS,
    date: "2021-04-12",
    text: "12 Apr 2021 rectification: Ant becomes a financial holding company; improper links between Alipay and Huabei/Jiebei are cut; the \"information monopoly\" on credit data is broken; Yu'e Bao is reduced; Huabei/Jiebei move into a consumer finance company.",
    figures: [],
    sourceKeys: ["S37"],
  },
  {
    id: "consumer-finance-company",
    topic: EVENTS,
    date: "2023-01",
    text: "Chongqing Ant Consumer Finance: approved 3 Jun 2021 with 8 RMB bn registered capital, Ant 50%, Nanyang Commercial Bank 15%, Cathay United Bank 10%; a 22 RMB bn plan (end 2021) failed when a state investor withdrew; raised from 8 to 18.5 RMB bn instead (approved ~Jan 2023), Ant still 50%.",
    figures: [
      f("registered capital at approval", 8, "RMB bn", "2021-06-03"),
      f("Ant's stake", 0.5, "share", "2021-06-03"),
      f("Nanyang Commercial Bank's stake", 0.15, "share", "2021-06-03"),
      f("Cathay United Bank's stake", 0.1, "share", "2021-06-03"),
      f("planned registered capital (failed)", 22, "RMB bn", "2021-12"),
      f("registered capital after the increase", 18.5, "RMB bn", "2023-01"),
    ],
    sourceKeys: ["S38", "S40", "S89"],
  },
  {
    id: "personal-information-to-lenders",
    topic: EVENTS,
    date: "2022-01-01",
    text: "Jul 2021: platforms may not pass personal information directly to financial institutions; the Credit Reporting Measures take effect on 1 Jan 2022.",
    figures: [],
    sourceKeys: ["S44", "S45"],
  },
  {
    id: "qiantang-credit-reporting",
    topic: EVENTS,
    date: "2024-11-11",
    text: "Qiantang Credit Reporting: capital 1 RMB bn, Ant 35% (application Nov 2021); licensed on 11 Nov 2024.",
    figures: [f("registered capital", 1, "RMB bn", "2021-11"), f("Ant's stake", 0.35, "share", "2021-11")],
    sourceKeys: ["S46", "S47"],
  },
  {
    id: "pipl",
    topic: EVENTS,
    date: "2021-11-01",
    text: "PIPL, effective 1 Nov 2021: separate consent to give personal data to another processor (Art. 23); no unreasonable differential treatment by automated decisions (Art. 24); fines up to 50 RMB m or 5% of prior-year turnover (Art. 66).",
    figures: [f("maximum fine", 0.05, "RMB bn", "2021-11-01"), f("maximum fine / prior-year turnover", 0.05, "share", "2021-11-01")],
    sourceKeys: ["S49", "S48", "S50"],
  },
  {
    id: "interoperability",
    topic: EVENTS,
    date: "2024-09",
    text: "17 Sep 2021: platforms must stop blocking each other's links; Dec 2021: Alipay and UnionPay QR codes are accepted both ways; Sep 2024: Taobao/Tmall to accept WeChat Pay.",
    figures: [],
    sourceKeys: ["S62", "S63", "S65"],
  },
  {
    id: "control-2023",
    topic: EVENTS,
    date: "2023-01-07",
    text: "7 Jan 2023: Jack Ma's voting control falls from 53.46% to 6.2%.",
    figures: [f("Jack Ma's voting control before", 0.5346, "share", "2023-01-07"), f("Jack Ma's voting control after", 0.062, "share", "2023-01-07")],
    sourceKeys: ["S54"],
  },
  {
    id: "ant-fine-2023",
    topic: EVENTS,
    date: "2023-07-07",
    text: "7 Jul 2023: Ant is fined 7.123 RMB bn (Tenpay 2.99 RMB bn).",
    figures: [f("Ant's fine", 7.123, "RMB bn", "2023-07-07"), f("Tenpay's fine", 2.99, "RMB bn", "2023-07-07")],
    sourceKeys: ["S56", "S57"],
  },
  {
    id: "buyback-2023",
    topic: EVENTS,
    date: "2023-07-08",
    text: "8 Jul 2023: a share buyback values Ant at 567.1 RMB bn (~US$78.5bn), about a quarter of the 2020 IPO valuation.",
    figures: [f("buyback valuation", 567.1, "RMB bn", "2023-07-08"), f("buyback valuation", 78.5, "US$ bn", "2023-07-08")],
    sourceKeys: ["S57"],
  },
  {
    id: "money-market-rules-2023",
    topic: EVENTS,
    date: "2023-02-17",
    text: "17 Feb 2023 money market fund rules: \"important\" funds (> 200 RMB bn or > 50m investors) face extra rules; funds > 500 RMB bn must adjust. Earlier: fund size ≤ 200× risk reserves (Oct 2017); same-day redemption ≤ 10,000 RMB (Jun 2018).",
    figures: [
      f("important fund, assets (more than)", 200, "RMB bn", "2023-02-17"),
      f("important fund, investors (more than)", 50, "m", "2023-02-17"),
      f("funds that must adjust (more than)", 500, "RMB bn", "2023-02-17"),
      f("fund size / risk reserves (at most)", 200, "x", "2017-10"),
      f("same-day redemption (at most)", 10000, "RMB", "2018-06"),
    ],
    sourceKeys: ["S43", "S77", "S78"],
  },

  // ---- Capital parameters -----------------------------------------------------------------------------------
  {
    id: "bank-capital-minima",
    topic: CAPITAL,
    date: "2012-12",
    text: "Bank capital minima (non-systemic): CET1 7.5%, tier 1 8.5%, total 10.5% including a 2.5% buffer; leverage ratio 4%. (That consumer finance companies use the same ratios is not established: the model treats it as an assumption.)",
    figures: [
      f("CET1 ratio (at least)", 0.075, "ratio", "2012-12"),
      f("tier 1 ratio (at least)", 0.085, "ratio", "2012-12"),
      f("total capital ratio (at least)", 0.105, "ratio", "2012-12"),
      f("leverage ratio (at least)", 0.04, "ratio", "2012-12"),
    ],
    sourceKeys: ["S75"],
  },
  {
    id: "consumer-finance-rules",
    topic: CAPITAL,
    date: "2024-03",
    text: "Consumer finance companies (2024 measures): registered capital ≥ 1 RMB bn; main investor ≥ 50%; guaranteed or credit-enhanced loans ≤ 50% of the book; Dec 2023 draft: leverage ratio ≥ 4%.",
    figures: [
      f("registered capital (at least)", 1, "RMB bn", "2024-03"),
      f("main investor's stake (at least)", 0.5, "share", "2024-03"),
      f("guaranteed loans / book (at most)", 0.5, "share", "2024-03"),
      f("leverage ratio, draft (at least)", 0.04, "ratio", "2023-12"),
    ],
    sourceKeys: ["S70", "S71", "S72"],
  },
  {
    id: "lending-multiples",
    topic: CAPITAL,
    date: "2021-02",
    text: "Reported: consumer finance firms can lend ~10× their capital, online micro-lenders 2-3×.",
    figures: [f("consumer finance lending / capital", 10, "x", "2021-02"), f("micro-lender lending / capital, low", 2, "x", "2021-02"), f("micro-lender lending / capital, high", 3, "x", "2021-02")],
    sourceKeys: ["S74"],
  },
  {
    id: "insurance-solvency",
    topic: CAPITAL,
    date: "2021-01",
    text: "Insurance solvency (2021 rules): core ≥ 50%, comprehensive ≥ 100%.",
    figures: [f("core solvency ratio (at least)", 0.5, "ratio", "2021-01"), f("comprehensive solvency ratio (at least)", 1, "ratio", "2021-01")],
    sourceKeys: ["S79"],
  },
];

/** The fact with this id (throws for an unknown id: a typo in a seed or a test must fail loudly). */
export function factById(id: string): FactRow {
  const row = FACTS.find((x) => x.id === id);
  if (!row) throw new Error(`No fact '${id}' in the register (db/seed/facts.ts).`);
  return row;
}

/** One figure of a fact, by its label (and date when a label repeats, e.g. the same valuation in two currencies). */
export function factFigure(id: string, label: string, unit?: string): FactFigure & { sourceKeys: string[] } {
  const row = factById(id);
  const hit = row.figures.find((x) => x.label === label && (unit === undefined || x.unit === unit));
  if (!hit) throw new Error(`Fact '${id}' has no figure '${label}'${unit ? ` in ${unit}` : ""}.`);
  return { ...hit, sourceKeys: row.sourceKeys };
}
