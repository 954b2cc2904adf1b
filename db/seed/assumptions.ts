/**
 * Assumptions: every figure the fact sheet does not give, with a value, a plausible range and a rationale.
 * "engine" assumptions are coefficients the engine reads by id (a scenario may override them); "seed"
 * assumptions are data figures of the baseline. Seed figures take their value from here (see provenance.ts).
 */
export type AssumptionRow = {
  id: string;
  label: string;
  value: number;
  low: number;
  high: number;
  unit: string;
  rationale: string;
  sourceKeys: string[];
  usedBy: "engine" | "seed";
};

const engine = (a: Omit<AssumptionRow, "usedBy">): AssumptionRow => ({ ...a, usedBy: "engine" });
const seed = (a: Omit<AssumptionRow, "usedBy">): AssumptionRow => ({ ...a, usedBy: "seed" });

/** Coefficients of the engine's formulas (ids are fixed: the engine reads them by id). */
export const ENGINE_ASSUMPTIONS: AssumptionRow[] = [
  engine({
    id: "platform-fee-rate",
    label: "Platform (technology-service) fee on loans Ant facilitates but does not fund",
    value: 0.02, low: 0.01, high: 0.0274, unit: "per year, of the facilitated balance",
    rationale:
      "What Ant keeps as the platform on a loan a partner bank or the consumer-finance company funds. At most the 2020 " +
      "CreditTech take rate on the whole balance, 2.74% [S7]; lower once the funders, not Ant, book and price the loans " +
      "(S87: bank-funded credit shown under the banks' names). No source gives the post-2021 rate: a wide range.",
    sourceKeys: ["S7", "S87"],
  }),
  engine({
    id: "bank-facilitation-appetite",
    label: "Share of the loans Ant stops funding that partner banks take onto their own books",
    value: 0.8, low: 0.5, high: 1, unit: "fraction",
    rationale:
      "~100 partner banks funded ~98% of the consumer book in 2020 [S10, S11], so most of it has a funder; but a bank's " +
      "co-lent loans are capped at 50% of its loans and its exposure to one platform at 25% of its tier-1 capital [S36], " +
      "and no source gives how close the banks were to those caps: the rest is lost volume.",
    sourceKeys: ["S10", "S11", "S36"],
  }),
  engine({
    id: "valuation-multiple",
    label: "Equity value over recurring attributable profit (illustrative)",
    value: 48, low: 20, high: 60, unit: "x recurring profit",
    rationale:
      "Calibrated so the baseline's 43.8 RMB bn of profit gives the ~2,100 RMB bn IPO valuation [S15] (2,100 / 43.8 = 48). " +
      "The July 2023 buyback at 567.1 RMB bn [S57] implies ~24× on post-rectification profit, hence the low end. Rules do " +
      "not move it: the model cannot explain a risk premium.",
    sourceKeys: ["S15", "S57"],
  }),
  engine({
    id: "credit-coverage-elasticity",
    label: "Credit volume response to lost data coverage",
    value: 0.5, low: 0.2, high: 0.9, unit: "fraction",
    rationale:
      "Fraction of lost data coverage that turns into lost credit volume: without transaction and credit-history data " +
      "a lender approves fewer applicants and lends less to those it approves, but it keeps bureau data and its own history.",
    sourceKeys: [],
  }),
  engine({
    id: "personalisation-coverage-elasticity",
    label: "Wealth and insurance volume response to lost data coverage",
    value: 0.2, low: 0.05, high: 0.4, unit: "fraction",
    rationale: "Cross-selling of funds and insurance leans on behaviour data, but users also choose products unprompted.",
    sourceKeys: [],
  }),
  engine({
    id: "payments-coverage-elasticity",
    label: "Payments volume response to lost data coverage",
    value: 0.05, low: 0, high: 0.15, unit: "fraction",
    rationale: "Payments need little data from other units; risk controls and marketing lose a little.",
    sourceKeys: [],
  }),
  engine({
    id: "contribution-margin",
    label: "Share of a revenue change that reaches profit",
    value: 0.5, low: 0.3, high: 0.7, unit: "fraction",
    rationale:
      "Platform revenue carries high fixed costs (technology, staff); a lost yuan of revenue saves its variable costs only. " +
      "Ant's H1 2020 net margin was ~30% (21.923 / 72.528 [S1]); the marginal share is higher than the average.",
    sourceKeys: ["S1"],
  }),
  engine({
    id: "cost-of-equity",
    label: "Cost of equity",
    value: 0.1, low: 0.08, high: 0.15, unit: "per year",
    rationale: "Annual return shareholders require on capital raised to meet a minimum; typical for Chinese financials.",
    sourceKeys: [],
  }),
  engine({
    id: "own-book-yield",
    label: "Yield on own-funded consumer loans",
    value: 0.1, low: 0.07, high: 0.15, unit: "per year",
    rationale:
      "Interest on loans a credit unit funds itself. Instalment and cash-loan pricing ran ~10-18% a year, but much of " +
      "the Huabei balance sat in interest-free periods, so the book average is lower; no source gives it: a wide range.",
    sourceKeys: [],
  }),
  engine({
    id: "own-book-funding-cost",
    label: "Funding cost of own-funded loans",
    value: 0.045, low: 0.03, high: 0.06, unit: "per year",
    rationale:
      "What a micro-lender or consumer-finance company pays for the money it lends itself (interbank borrowing, " +
      "asset-backed securities, shareholder loans): above a bank's deposit funding; no source gives Ant's.",
    sourceKeys: [],
  }),
  engine({
    id: "loss-given-default",
    label: "Loss given default on unsecured consumer loans",
    value: 0.9, low: 0.7, high: 1, unit: "fraction",
    rationale:
      "Share of a defaulted unsecured loan never recovered. Expected loss = the book's >90-day delinquency " +
      "(1.05% end 2019 [S81], the seed's lossRate) × this × credit-loss-stress.",
    sourceKeys: ["S81"],
  }),
  engine({
    id: "credit-loss-stress",
    label: "Stress on expected credit losses (1 = through the cycle)",
    value: 1, low: 1, high: 2.87, unit: "x the >90-day delinquency",
    rationale:
      "1 takes the end-2019 >90-day delinquency as the through-the-cycle default rate; the high end scales it as the " +
      ">30-day rate rose to its May 2020 peak (3.01% / 1.05% = 2.87 [S81]).",
    sourceKeys: ["S81"],
  }),
  engine({
    id: "min-capital-ratio",
    label: "Minimum capital ratio used when a scenario gives none",
    value: 0.105, low: 0.08, high: 0.125, unit: "fraction of risk-weighted assets",
    rationale:
      "The bank minimum for total capital including the 2.5% conservation buffer [S75]; that consumer finance companies use " +
      "the same ratios is unverified, hence the range (8% without buffer, up to 12.5% with a systemic surcharge).",
    sourceKeys: ["S75"],
  }),
  engine({
    id: "default-risk-weight",
    label: "Risk weight of unsecured consumer and small-business loans",
    value: 1, low: 0.75, high: 1.5, unit: "fraction",
    rationale: "100% is the standard weight for unsecured retail loans; 75% for qualifying retail, up to 150% for riskier books.",
    sourceKeys: [],
  }),
  engine({
    id: "linked-out-retention",
    label: "Users kept when a service is reachable only by a link to another entity",
    value: 0.75, low: 0.5, high: 0.95, unit: "fraction",
    rationale: "A link out of Alipay adds a step and a second login; habitual users follow it, occasional ones drop off.",
    sourceKeys: [],
  }),
  engine({
    id: "entry-point-recapture",
    label: "Share of traffic lost at an entry point that comes back through other channels",
    value: 0.3, low: 0.1, high: 0.5, unit: "fraction",
    rationale: "Users who lose a default (e.g. pay-later at checkout) partly look the service up through search or its own app.",
    sourceKeys: [],
  }),
  engine({
    id: "reduced-threshold",
    label: "Users drop beyond which a service counts as reduced",
    value: 0.25, low: 0.1, high: 0.4, unit: "fraction",
    rationale: "A presentational threshold: a service that loses more than a quarter of its users is shown as reduced.",
    sourceKeys: [],
  }),
  engine({
    id: "shrink-user-pass-through",
    label: "Users lost per unit of credit book shrink",
    value: 1, low: 0.5, high: 1, unit: "ratio",
    rationale:
      "When a lender must shrink its book, users fall in proportion (1.0) or less, where it trims credit lines " +
      "rather than dropping borrowers (0.5). Cutting marginal borrowers harder (above 1) would make a unit with more " +
      "demand but the same capital serve fewer users, which the engine rules out (docs/decisions/004).",
    sourceKeys: [],
  }),
  engine({
    id: "bureau-queries-per-borrower",
    label: "Credit bureau queries per borrower per year",
    value: 4, low: 1, high: 12, unit: "queries per borrower per year",
    rationale: "Origination plus periodic limit reviews; a quarterly review gives ~4, monthly monitoring up to 12.",
    sourceKeys: [],
  }),
  engine({
    id: "history-months-typical",
    label: "Months of history a credit model typically uses",
    value: 36, low: 24, high: 60, unit: "months",
    rationale: "Scorecards commonly look back 2-5 years; a retention limit shorter than this cuts usable history.",
    sourceKeys: [],
  }),
];

/**
 * Seed assumptions about one unit's or one service's figure, whose label names it (`Capital held by Huabei`). The
 * display names live in units.ts and services.ts, which read this module's values, so the label is filled in by
 * `withDisplayNames` when the seed is built; until then it carries the id.
 */
const NAMED: Map<string, { table: "units" | "services"; id: string; label: (name: string) => string }> = new Map();

/** The assumptions with every unit or service they are about named by its display name (buildSeed calls this). */
export function withDisplayNames(
  rows: readonly AssumptionRow[],
  names: { units: ReadonlyArray<{ id: string; name: string }>; services: ReadonlyArray<{ id: string; name: string }> },
): AssumptionRow[] {
  return rows.map((a) => {
    const named = NAMED.get(a.id);
    if (!named) return a;
    const row = names[named.table].find((x) => x.id === named.id);
    if (!row) throw new Error(`assumption ${a.id} is about ${named.table} '${named.id}', which the seed lacks`);
    return { ...a, label: named.label(row.name) };
  });
}

const capital = (unitId: string, value: number, low: number, high: number, rationale: string, sourceKeys: string[] = []) => {
  NAMED.set(`capital-held-${unitId}`, { table: "units", id: unitId, label: (name) => `Capital held by ${name}` });
  return seed({
    id: `capital-held-${unitId}`,
    label: `Capital held by ${unitId}`,
    value, low, high, unit: "RMB bn",
    rationale: `The fact sheet has no baseline capital by unit; this is a wide-range assumption. ${rationale}`,
    sourceKeys,
  });
};

const users = (serviceId: string, value: number, low: number, high: number, rationale: string, sourceKeys: string[] = []) => {
  NAMED.set(`users-${serviceId}`, { table: "services", id: serviceId, label: (name) => `Users of ${name}` });
  return seed({ id: `users-${serviceId}`, label: `Users of ${serviceId}`, value, low, high, unit: "million users", rationale, sourceKeys });
};

/** Data figures of the baseline that the fact sheet lacks. */
export const SEED_ASSUMPTIONS: AssumptionRow[] = [
  seed({
    id: "annualise-h1-2020",
    label: "Factor annualising H1 2020 figures",
    value: 2, low: 1.8, high: 2.2, unit: "x H1 2020",
    rationale:
      "The baseline is a year at the run rate of H1 2020 [S1]. Revenue in the first nine months of 2020 was 118.191 RMB bn [S2], " +
      "1.63× H1 in 1.5× the time, so the second half ran ahead of the first and ×2 is, if anything, low; the range covers seasonality.",
    sourceKeys: ["S1", "S2"],
  }),
  seed({
    id: "group-paid-in-capital",
    label: "Paid-in capital of Ant Group (holding company)",
    value: 25, low: 10, high: 40, unit: "RMB bn",
    rationale:
      "Not in the fact sheet. Pre-IPO share capital was reported in the mid-20s RMB bn (not verified here); the wide range " +
      "says so. What matters for scenarios is the comparison with the 5 RMB bn / 50% holding-company minimum [S27].",
    sourceKeys: ["S27"],
  }),
  seed({
    id: "alipay-plus-revenue",
    label: "Revenue of cross-border payments (Alipay+)",
    value: 2, low: 1, high: 4, unit: "RMB bn per year",
    rationale:
      "International payment volume of 622 RMB bn [S8, S9] at a take rate of ~0.3% gives ~1.9 RMB bn; the fact sheet has no " +
      "revenue split inside payments.",
    sourceKeys: ["S8", "S9"],
  }),
  seed({
    id: "huabei-balance-share",
    label: "Huabei's share of the consumer credit balance",
    value: 0.45, low: 0.35, high: 0.6, unit: "fraction",
    rationale:
      "The fact sheet gives Huabei and Jiebei together (~1.7 RMB tn [S10]); reporting put pay-later a little below cash loans.",
    sourceKeys: ["S10"],
  }),
  seed({
    id: "zhima-credit-revenue",
    label: "Revenue of Zhima Credit",
    value: 0.5, low: 0.2, high: 1.5, unit: "RMB bn per year",
    rationale: "Credit scoring and deposit-free rental fees are small next to lending; not disclosed separately.",
    sourceKeys: [],
  }),
  seed({
    id: "sme-credit-own-share",
    label: "Share of small-business credit funded on Ant's balance sheet",
    value: 0.02, low: 0.01, high: 0.1, unit: "fraction",
    rationale: "Assumed like consumer credit (~2% own-funded [S10]); small-business lending via micro-lenders may keep more.",
    sourceKeys: ["S10"],
  }),
  seed({
    id: "sme-credit-loss-rate",
    label: "Annual loss rate of small-business credit",
    value: 0.015, low: 0.01, high: 0.03, unit: "fraction per year",
    rationale: "Somewhat above consumer credit's >90-day delinquency of 1.05% (end 2019) [S81]: small-business loans are riskier.",
    sourceKeys: ["S81"],
  }),
  seed({
    id: "yuebao-aum",
    label: "Yu'e Bao assets under management, mid-2020",
    value: 1190, low: 1000, high: 1300, unit: "RMB bn",
    rationale:
      "Between the 1.69 RMB tn peak of March 2018 [S41] and 972.4 RMB bn in Q1 2021 [S42], on a declining path; mid-2020 " +
      "reporting was around 1.2 tn (not in the fact sheet).",
    sourceKeys: ["S41", "S42"],
  }),
  seed({
    id: "yuebao-fee-rate",
    label: "Fee rate the group earns on Yu'e Bao",
    value: 0.0045, low: 0.003, high: 0.006, unit: "fraction of AUM per year",
    rationale:
      "No source gives Yu'e Bao's fees. The fund pays a management fee of 0.30% to Tianhong and, as is usual for such " +
      "funds, a sales-service fee of about 0.25% to whoever sells it: 0.55% in all when the group keeps both (Alipay " +
      "sells the fund), the range's upper end (0.60% allows for rounding). The low end is the management fee alone (the " +
      "sales-service fee waived or paid away); 0.45% splits the difference. Context: InvestmentTech earned ~0.39% of all " +
      "AUM it facilitated [S7], most of which carries lower distribution fees.",
    sourceKeys: ["S7"],
  }),
  seed({
    id: "mybank-revenue",
    label: "MYbank's own revenue",
    value: 8.7, low: 6, high: 12, unit: "RMB bn per year",
    rationale:
      "MYbank (Ant 30% [S16]) is not consolidated; its own revenue is not in the fact sheet. ~20.87m small businesses with " +
      "average loans of 31,000 RMB [S17] suggest a book of a few hundred RMB bn at a few percent net margin.",
    sourceKeys: ["S16", "S17"],
  }),
  seed({
    id: "subsidiary-stake",
    label: "Ant's stake in its operating subsidiaries",
    value: 1, low: 0.9, high: 1, unit: "fraction",
    rationale:
      "Alipay, the micro-lenders behind Huabei, Jiebei and small-business credit, Ant Fortune, the insurance platform and " +
      "the technology units are treated as wholly owned; stakes by unit are not in the fact sheet (Tianhong's 51% [S26] " +
      "and MYbank's 30% [S16] are, and are used instead).",
    sourceKeys: ["S26", "S16"],
  }),
  capital("alipay-payments", 10, 2, 30, "Payment institutions hold modest capital; customer reserve funds sit at the central bank and are not capital."),
  capital("alipay-plus", 2, 0.5, 6, "International payments entities."),
  capital(
    "huabei",
    5, 3, 12,
    "Huabei was run by an online micro-lender whose registered capital no source here gives. Its own-funded book is ~2% " +
      "[S10] of ~765 RMB bn = ~15 RMB bn; at the 2-3× lending multiple reported for online micro-lenders [S74] that takes " +
      "5-8 RMB bn of capital. Low end 3 RMB bn: above the 1 RMB bn one-province minimum of the Nov 2020 draft [S29]; high end 12 RMB bn: " +
      "ample for a cross-province licence (5 RMB bn [S29]) with ABS headroom.",
    ["S10", "S74", "S29"],
  ),
  capital(
    "jiebei",
    8, 3, 12,
    "Jiebei was run by an online micro-lender whose registered capital no source here gives. Its own-funded book is ~2% " +
      "[S10] of ~935 RMB bn = ~19 RMB bn; at the 2-3× lending multiple reported for online micro-lenders [S74] that takes " +
      "6-9 RMB bn of capital. The range is Huabei's (3-12 RMB bn), around the 5 RMB bn cross-province minimum of the Nov 2020 draft [S29].",
    ["S10", "S74", "S29"],
  ),
  capital("zhima-credit", 1, 0.2, 3, "A scoring business needs little capital."),
  capital("sme-credit", 4, 2, 12, "Small-business micro-lending entities; like Huabei and Jiebei, a few RMB bn."),
  capital("yuebao", 3, 1, 6, "Tianhong Asset Management's equity (a fund manager's own capital, not the fund's assets)."),
  capital("ant-fortune", 2, 0.5, 6, "Fund distribution platform."),
  capital("ant-insurance", 3, 1, 10, "Insurance brokerage and agency entities."),
  capital("ant-technology", 2, 0.5, 6, "Technology services need little regulatory capital."),
  capital(
    "mybank",
    15, 6, 25,
    "MYbank's total capital (the bank's, not Ant's 30% share): registered capital 4 RMB bn at launch [S16] plus retained earnings " +
      "and later increases; capital adequacy 12.1% at end 2018 [S18] is context for how far it covered its risk-weighted assets.",
    ["S16", "S18"],
  ),
  seed({
    id: "pay-later-borrower-share",
    label: "Share of Ant's ~500m credit users who use Huabei",
    value: 0.9, low: 0.75, high: 1, unit: "fraction",
    rationale:
      "~500m borrowers use Huabei or Jiebei [S4]; Huabei is the entry product (pay-later at checkout), so most use it. " +
      "Users of both are counted in both services, so the two services' users add to more than 500m.",
    sourceKeys: ["S4"],
  }),
  seed({
    id: "cash-loan-borrower-share",
    label: "Share of Ant's ~500m credit users who use Jiebei",
    value: 0.5, low: 0.3, high: 0.7, unit: "fraction",
    rationale: "Cash loans are offered to fewer, better-scored users than pay-later; overlap with Huabei counted in both [S4].",
    sourceKeys: ["S4"],
  }),
  users("money-market-fund", 600, 450, 711, "Yu'e Bao users; reported around 600m (not in the fact sheet); bounded by Alipay's 711m MAU [S8].", ["S8"]),
  users("wealth", 500, 350, 650, "Investment users of Ant Fortune, part of the 729m digital finance users [S8].", ["S8"]),
  users("insurance", 450, 300, 600, "Insurance users, part of the 729m digital finance users [S8]; 51.8 RMB bn premiums a year facilitated [S4].", ["S8", "S4"]),
  users("credit-score-rentals", 250, 100, 500, "Users of Zhima Credit's deposit-free rentals and scores in a year; not disclosed."),
  users("mini-programs", 600, 400, 711, "Users of mini programs inside Alipay; bounded by the 711m MAU [S8].", ["S8"]),
  users("cross-border", 60, 20, 150, "Chinese travellers paying abroad and inbound users; 622 RMB bn international volume [S8, S9] at ~10,000 RMB per user per year.", ["S8", "S9"]),
  users("transfers", 500, 300, 711, "Users of transfers and bill payments; bounded by the 711m MAU [S8].", ["S8"]),
  seed({
    id: "payments-revenue-through-pay",
    label: "Share of domestic payments revenue earned through checkout payments",
    value: 0.7, low: 0.55, high: 0.85, unit: "fraction",
    rationale:
      "Most payments revenue is transaction fees on 118 RMB tn of volume [S8]; the rest (merchant services, transfers, mini " +
      "programs) is split by judgement in the notes of each row.",
    sourceKeys: ["S8"],
  }),
  seed({
    id: "single-service-attribution",
    label: "A unit that powers one service earns all its revenue through it",
    value: 1, low: 1, high: 1, unit: "fraction",
    rationale:
      "A modelling choice, not a measurement: units mapped to one integrated service put all their revenue on it. " +
      "The range is degenerate on purpose; to vary it, map the unit to more services.",
    sourceKeys: [],
  }),
  seed({
    id: "entry-point-traffic-share",
    label: "Share of a service's users reaching it through one entry point",
    value: 0.2, low: 0, high: 0.8, unit: "fraction",
    rationale:
      "Alipay does not publish traffic by entry point. Each row is a judgement within this range (typical value 0.2), with a " +
      "note; a service's shares add to at most 1, the rest coming directly or through other channels.",
    sourceKeys: [],
  }),
  seed({
    id: "data-flow-dependence",
    label: "How much a receiving unit's performance rests on one data flow",
    value: 0.2, low: 0, high: 0.6, unit: "fraction",
    rationale:
      "Not observable. Each flow's dependence is a judgement within this range (typical 0.2), with a note; the flows into " +
      "one unit add to at most 0.9, since no unit rests wholly on data from others.",
    sourceKeys: [],
  }),
  seed({
    id: "mobile-payments-unionpay-share",
    label: "UnionPay's share of third-party mobile payments",
    value: 0.02, low: 0.005, high: 0.04, unit: "fraction",
    rationale: "Alipay 55.4% and Tenpay 38.8% [S68] leave 5.8%; UnionPay's QuickPass is assumed the largest of the rest.",
    sourceKeys: ["S68"],
  }),
  // One basis: balances by the platform or lender that originates the loan. Loans Ant facilitates count once, as
  // Ant's 21% [S10], whoever funds them; the banks' shares below are their own-originated balances only.
  seed({
    id: "consumer-credit-share-icbc",
    label: "ICBC's share of short-term consumer credit (own-originated)",
    value: 0.07, low: 0.05, high: 0.09, unit: "fraction",
    rationale: "The largest bank and card issuer; loans it funds through Ant's platform are Ant's share here, not ICBC's.",
    sourceKeys: [],
  }),
  seed({
    id: "consumer-credit-share-ccb",
    label: "CCB's share of short-term consumer credit (own-originated)",
    value: 0.06, low: 0.04, high: 0.08, unit: "fraction",
    rationale: "Second-largest bank, a card book near ICBC's; funding lent through Ant's platform is excluded.",
    sourceKeys: [],
  }),
  seed({
    id: "consumer-credit-share-cmb",
    label: "China Merchants Bank's share of short-term consumer credit (own-originated)",
    value: 0.06, low: 0.04, high: 0.08, unit: "fraction",
    rationale: "The largest joint-stock card issuer; funding lent through Ant's platform is excluded.",
    sourceKeys: [],
  }),
  seed({
    id: "consumer-credit-share-large-state-banks",
    label: "Other large state-owned banks' share of short-term consumer credit (four, own-originated)",
    value: 0.14, low: 0.08, high: 0.2, unit: "fraction",
    rationale: "ABC, BOC, BoCom and PSBC, each a few percent; Ant's 21% [S10] is the only sourced share in this market.",
    sourceKeys: ["S10"],
  }),
  seed({
    id: "consumer-credit-share-joint-stock-banks",
    label: "Other joint-stock banks' share of short-term consumer credit (own-originated)",
    value: 0.12, low: 0.07, high: 0.18, unit: "fraction",
    rationale: "About eleven joint-stock banks besides CMB, each a few percent at most.",
    sourceKeys: [],
  }),
  seed({
    id: "consumer-credit-share-weilidai",
    label: "WeBank Weilidai's share of short-term consumer credit",
    value: 0.04, low: 0.02, high: 0.07, unit: "fraction",
    rationale: "WeChat's cash-loan product, run by WeBank, the nearest platform rival to Jiebei.",
    sourceKeys: [],
  }),
  seed({
    id: "consumer-credit-share-consumer-finance-companies",
    label: "Consumer finance companies' share of short-term consumer credit",
    value: 0.05, low: 0.03, high: 0.08, unit: "fraction",
    rationale: "About two dozen licensed consumer finance companies, each small.",
    sourceKeys: [],
  }),
  seed({
    id: "mmf-market-size",
    label: "Money market funds' total assets in China, mid-2020",
    value: 8000, low: 7000, high: 9000, unit: "RMB bn",
    rationale: "Industry size was reported at 7-8 RMB tn in 2020 (not in the fact sheet); Yu'e Bao's share is derived from it.",
    sourceKeys: [],
  }),
  seed({
    id: "mmf-share-licaitong",
    label: "Share of money market funds sold through Tencent's LiCaiTong",
    value: 0.06, low: 0.03, high: 0.1, unit: "fraction",
    rationale: "WeChat's wealth platform, the platform rival to Yu'e Bao; not sourced.",
    sourceKeys: [],
  }),
];

export const ASSUMPTIONS: AssumptionRow[] = [...ENGINE_ASSUMPTIONS, ...SEED_ASSUMPTIONS];

const byId = new Map(ASSUMPTIONS.map((a) => [a.id, a]));

/** The value of a seeded assumption; throws on an unknown id so a typo fails the seed, not the page. */
export function assumptionValue(id: string): number {
  const found = byId.get(id);
  if (!found) throw new Error(`seed: unknown assumption "${id}"`);
  return found.value;
}
