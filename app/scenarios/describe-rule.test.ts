import { describe, expect, it } from "vitest";

import { listText } from "../engine/vocabulary";
import { describeRule } from "./describe-rule";
import { RULE_FAMILIES, type Rule } from "./schema";

const names: Record<string, string> = {
  huabei: "Huabei",
  jiebei: "Jiebei",
  yuebao: "Yu'e Bao",
  "pay-later": "Pay later",
  "mobile-payments": "mobile payments",
  alipay: "Alipay",
};
const lookup = (id: string) => names[id];

describe("describeRule", () => {
  it("says a co-lending rule with its share, units and response", () => {
    const rule: Rule = { type: "co-lending", label: "30%", units: ["huabei", "jiebei"], minOwnShare: { low: 0.1, high: 0.5, value: 0.3 }, response: "raise" };
    expect(describeRule(rule, lookup)).toBe(
      "Huabei and Jiebei must fund at least 30% of each co-lent loan themselves; a shortfall is met by raising capital.",
    );
  });

  it("writes one unit as 'it' and several as 'they' (was 'Huabei … themselves', 'Huabei and Jiebei … loans it cannot fund')", () => {
    const one: Rule = { type: "co-lending", label: "x", units: ["huabei"], minOwnShare: 0.4, response: "facilitate" };
    expect(describeRule(one, lookup)).toBe(
      "Huabei must fund at least 40% of each co-lent loan itself; loans it cannot fund move to partner banks' books, for a platform fee.",
    );
    expect(describeRule({ ...one, units: ["huabei", "jiebei"] }, lookup)).toBe(
      "Huabei and Jiebei must fund at least 40% of each co-lent loan themselves; loans they cannot fund move to partner banks' books, for a platform fee.",
    );
    expect(describeRule({ type: "leverage-cap", label: "x", units: ["huabei"], maxLeverage: 4, response: "shrink" }, lookup)).toBe(
      "Huabei may lend on its own book at most 4 times the capital it holds; a shortfall is met by shrinking the loan book.",
    );
  });

  it("says whether a spin-off keeps control", () => {
    const base = { type: "spin-off" as const, label: "x", units: ["huabei"], entity: "NewCo", keepLinks: false };
    expect(describeRule({ ...base, stakeKept: 0.5 }, lookup)).toContain("in which Ant keeps 50% (not a majority: no longer consolidated)");
    expect(describeRule({ ...base, stakeKept: 0.51 }, lookup)).toContain("(a majority: still consolidated)");
    expect(describeRule({ ...base, stakeKept: 0.5 }, lookup)).toContain("Huabei moves into NewCo");
  });

  it("names the entry points an unbundling removes, and 'every entry point' for all", () => {
    expect(
      describeRule({ type: "unbundle", label: "x", services: ["pay-later"], entryPoints: ["checkout-default", "home-screen"] }, lookup),
    ).toBe("Pay later loses the default at checkout and the home screen inside Alipay.");
    expect(describeRule({ type: "unbundle", label: "x", services: ["pay-later"], entryPoints: "all", recapture: 0.2 }, lookup)).toBe(
      "Pay later loses every entry point inside Alipay; 20% of those users find them another way.",
    );
  });

  it("falls back to ids when a name is unknown, and calls 'group' the holding company", () => {
    expect(describeRule({ type: "min-capital", label: "x", units: ["group"], minimum: 5 })).toBe(
      "The holding company must hold at least 5 RMB bn of capital (raised if short).",
    );
    expect(describeRule({ type: "fund-size-cap", label: "x", unit: "some-fund", maxAum: 780.8 })).toBe(
      "Some-fund may manage at most 780.8 RMB bn; assets above the cap leave for rival funds.",
    );
  });

  it("gives share shifts in points and privacy rules with their categories", () => {
    expect(describeRule({ type: "interoperability", label: "x", market: "mobile-payments", player: "alipay", shareShift: 0.05 }, lookup)).toBe(
      "In mobile payments, rival wallets are accepted: Alipay gives up 5 share points to rivals.",
    );
    expect(
      describeRule({ type: "consent-required", label: "x", categories: ["credit-history", "location"], to: ["huabei"], consentRate: 0.4 }, lookup),
    ).toBe("Credit history and location data may flow to Huabei only with the user's opt-in consent; 40% of users consent.");
    expect(describeRule({ type: "data-ban", label: "x", categories: ["social"] })).toBe("Social data may no longer flow between units.");
  });

  it("describes every rule type with a sentence (no undefined, no NaN)", () => {
    const samples: Rule[] = [
      { type: "credit-bureau", label: "x", to: ["huabei"], coverageKept: 0.8, costPerQuery: 2, bureauStake: 0.35 },
      { type: "retention-limit", label: "x", categories: ["transactions"], months: 24 },
      { type: "market-share-cap", label: "x", market: "m", player: "p", cap: 0.4 },
      { type: "capital-ratio", label: "x", units: ["huabei"], minRatio: 0.105, riskWeight: 1, response: "shrink" },
      { type: "leverage-cap", label: "x", units: ["huabei"], maxLeverage: 4, response: "shrink" },
      { type: "co-lending", label: "x", units: ["huabei"], minOwnShare: 0.3, response: "facilitate" },
      { type: "fine", label: "x", amount: 7.123, date: "2023-07-07" },
    ];
    for (const r of samples) {
      const text = describeRule(r, lookup);
      expect(text).toMatch(/^[A-Z].*\.$/);
      expect(text).not.toMatch(/undefined|NaN/);
    }
    expect(Object.keys(RULE_FAMILIES)).toHaveLength(14);
  });
});

describe("listText", () => {
  it("joins with commas and 'and'", () => {
    expect(listText([])).toBe("");
    expect(listText(["a"])).toBe("a");
    expect(listText(["a", "b", "c"])).toBe("a, b and c");
  });
});
