/**
 * Alipay's integrated services as a user meets them: users reached, the units that earn through each service
 * (revenueShare = share of the UNIT's revenue earned through the service; per unit the shares add to 1), and the
 * entry points inside Alipay through which users reach each service (shares add to at most 1; the rest come
 * directly or through other channels).
 */
import { assumptionValue } from "./assumptions";
import { assumed, derived, fact, judged, type Figure } from "./provenance";

type EntryPoint = "home-screen" | "checkout-default" | "search" | "mini-program" | "payment-result" | "wealth-tab";

export type ServiceSeed = {
  id: string;
  name: string;
  description: string;
  users: Figure;
  /** unitId -> share of that unit's revenue earned through this service. */
  units: Array<{ unitId: string; revenueShare: Figure }>;
  /** entry point -> [share of the service's users, why]. */
  entryPoints: Array<[EntryPoint, number, string]>;
};

const CREDIT_USERS = fact(500, ["S4"], "~500m consumer credit borrowers (Huabei or Jiebei)");
const only = (unitId: string): { unitId: string; revenueShare: Figure } => ({
  unitId,
  revenueShare: assumed("single-service-attribution", `${unitId} earns all its revenue through this one service`),
});

// Domestic payments revenue: checkout payments take the assumed share; the rest is split by judgement.
const PAY_SHARE = assumptionValue("payments-revenue-through-pay");
const rest = 1 - PAY_SHARE;
const paymentsShare = (fractionOfRest: number, why: string) =>
  judged(rest * fractionOfRest, "payments-revenue-through-pay", `${fractionOfRest} of the ${rest.toFixed(2)} not earned at checkout: ${why}`);

/** Services, in seed order. */
export const SERVICES: ServiceSeed[] = [
  {
    id: "pay",
    name: "Pay",
    description: "Paying online at checkout and in shops by QR code.",
    users: fact(711, ["S8"], "monthly active users, 12 months to June 2020 (annual active users > 1bn [S8]; MAU is the conservative reach)"),
    units: [{ unitId: "alipay-payments", revenueShare: assumed("payments-revenue-through-pay", "transaction fees on checkout and QR payments") }],
    entryPoints: [
      ["checkout-default", 0.45, "Alipay is the default at Taobao/Tmall checkout and in many apps"],
      ["home-screen", 0.25, "the scan and pay buttons at the top of the home screen"],
      ["mini-program", 0.08, "payments inside mini programs"],
      ["search", 0.02, "rarely reached by search"],
    ],
  },
  {
    id: "pay-later",
    name: "Pay later (Huabei)",
    description: "Buy now, pay next month or in instalments, offered as a payment method at checkout.",
    users: derived(
      CREDIT_USERS.value * assumptionValue("pay-later-borrower-share"),
      { sources: ["S4"], assumption: "pay-later-borrower-share" },
      "500m borrowers × 0.9 using Huabei; users of both Huabei and Jiebei are counted in both services",
    ),
    units: [only("huabei")],
    entryPoints: [
      ["checkout-default", 0.6, "Huabei is offered (often pre-selected) among payment methods at checkout: its main channel"],
      ["home-screen", 0.1, "Huabei tile on the home screen / 'my' page for bills"],
      ["payment-result", 0.05, "instalment offers after a payment"],
      ["mini-program", 0.05, "pay-later inside merchants' mini programs"],
      ["search", 0.03, "searching for Huabei"],
    ],
  },
  {
    id: "cash-loans",
    name: "Cash loans (Jiebei)",
    description: "Unsecured consumer cash loans with an instant limit.",
    users: derived(
      CREDIT_USERS.value * assumptionValue("cash-loan-borrower-share"),
      { sources: ["S4"], assumption: "cash-loan-borrower-share" },
      "500m borrowers × 0.5 using Jiebei; overlap with Huabei counted in both services",
    ),
    units: [only("jiebei")],
    entryPoints: [
      ["home-screen", 0.35, "Jiebei on the home screen and the 'my' page"],
      ["search", 0.1, "searching for a loan"],
      ["wealth-tab", 0.1, "credit offers in the wealth tab"],
      ["payment-result", 0.05, "loan offers after a payment"],
    ],
  },
  {
    id: "money-market-fund",
    name: "Money market fund (Yu'e Bao)",
    description: "Spare cash in Yu'e Bao earns a money market yield and can pay at once.",
    users: assumed("users-money-market-fund"),
    units: [only("yuebao")],
    entryPoints: [
      ["wealth-tab", 0.35, "Yu'e Bao at the top of the wealth tab"],
      ["home-screen", 0.2, "balance shown on the 'my' page"],
      ["checkout-default", 0.1, "paying with the Yu'e Bao balance at checkout"],
      ["payment-result", 0.1, "prompts to move change into Yu'e Bao"],
    ],
  },
  {
    id: "wealth",
    name: "Wealth (Ant Fortune)",
    description: "Funds and wealth products from third-party managers.",
    users: assumed("users-wealth"),
    units: [only("ant-fortune")],
    entryPoints: [
      ["wealth-tab", 0.5, "the wealth tab is Ant Fortune's shop window"],
      ["home-screen", 0.15, "recommendations on the home screen"],
      ["search", 0.05, "searching for a fund"],
    ],
  },
  {
    id: "insurance",
    name: "Insurance",
    description: "Insurance products and mutual aid, incl. shipping-return cover at checkout.",
    users: assumed("users-insurance"),
    units: [only("ant-insurance")],
    entryPoints: [
      ["home-screen", 0.15, "insurance tile"],
      ["checkout-default", 0.15, "return-shipping cover offered at checkout"],
      ["mini-program", 0.1, "insurers' mini programs"],
      ["wealth-tab", 0.1, "insurance in the wealth tab"],
    ],
  },
  {
    id: "credit-score-rentals",
    name: "Credit score and deposit-free rentals (Zhima Credit)",
    description: "A credit score that waives deposits for bikes, power banks, hotels and rentals.",
    users: assumed("users-credit-score-rentals"),
    units: [only("zhima-credit")],
    entryPoints: [
      ["mini-program", 0.35, "deposit waivers happen inside merchants' mini programs"],
      ["search", 0.15, "searching for Zhima Credit"],
      ["home-screen", 0.1, "score on the 'my' page"],
    ],
  },
  {
    id: "small-business-loans",
    name: "Small-business loans",
    description: "Working-capital loans to merchants and small businesses, by Ant's lenders and MYbank.",
    users: fact(20.87, ["S17"], "small businesses served by MYbank, 2019; used as the reach of small-business lending"),
    units: [only("sme-credit"), only("mybank")],
    entryPoints: [
      ["home-screen", 0.1, "loan offers in the merchant's Alipay"],
      ["mini-program", 0.1, "MYbank and merchant-service mini programs"],
      ["search", 0.05, "searching for a business loan"],
    ],
  },
  {
    id: "mini-programs",
    name: "Mini programs",
    description: "Third-party services (utilities, transport, government, merchants) running inside Alipay.",
    users: assumed("users-mini-programs"),
    units: [
      only("ant-technology"),
      { unitId: "alipay-payments", revenueShare: paymentsShare(0.27, "mini-program platform and marketing fees") },
    ],
    entryPoints: [
      ["mini-program", 0.4, "the mini-program list and recently used"],
      ["home-screen", 0.25, "tiles on the home screen"],
      ["search", 0.2, "search is the main way to find a mini program"],
    ],
  },
  {
    id: "cross-border",
    name: "Cross-border payments (Alipay+)",
    description: "Paying abroad with Alipay and partner wallets; inbound payments.",
    users: assumed("users-cross-border"),
    units: [only("alipay-plus")],
    entryPoints: [
      ["checkout-default", 0.3, "Alipay offered at overseas merchants' checkout"],
      ["home-screen", 0.2, "scan to pay abroad"],
      ["search", 0.05, "tax refund and travel services"],
    ],
  },
  {
    id: "merchant-services",
    name: "Merchant services",
    description: "Tools for merchants: collection codes, settlement, marketing, reconciliation (users are merchants).",
    users: fact(80, ["S8"], "monthly active merchants, millions (users of this service are merchants)"),
    units: [{ unitId: "alipay-payments", revenueShare: paymentsShare(0.6, "merchant service and marketing fees") }],
    entryPoints: [
      ["mini-program", 0.2, "merchant-service mini programs"],
      ["search", 0.05, "searching for merchant tools"],
    ],
  },
  {
    id: "transfers",
    name: "Transfers and bill payments",
    description: "Sending money to people, paying utility bills and credit cards.",
    users: assumed("users-transfers"),
    units: [{ unitId: "alipay-payments", revenueShare: paymentsShare(0.13, "fees on credit-card repayments and withdrawals") }],
    entryPoints: [
      ["home-screen", 0.6, "the transfer button on the home screen"],
      ["search", 0.05, "searching for a bill"],
    ],
  },
];

/** Entry-point rows as figures: each share is a judgement within "entry-point-traffic-share". */
export function entryPointFigure(share: number, why: string): Figure {
  return judged(share, "entry-point-traffic-share", why);
}
