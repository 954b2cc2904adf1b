import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { scenarioOf, tinyModel } from "./test-model";
import type { Result } from "./result";
import type { Rule } from "./rules";

const model = tinyModel();
const run = (...rules: Rule[]) => evaluate(model, scenarioOf(rules));
const unit = (r: Result, id: string) => r.units.find((u) => u.id === id)!;
const service = (r: Result, id: string) => r.services.find((s) => s.id === id)!;
const share = (r: Result, market: string, player: string) =>
  r.markets.find((m) => m.id === market)!.players.find((p) => p.playerId === player)!.share.scenario;

describe("evaluate on a tiny model", () => {
  it("an empty scenario reproduces the baseline exactly", () => {
    const r = run();
    for (const d of Object.values(r.headline)) expect(d.scenario).toBe(d.baseline);
    expect(r.headline.revenue.baseline).toBe(75);
    expect(r.headline.attributableRevenue.baseline).toBe(75.5);
    expect(r.headline.profit.baseline).toBe(20);
    for (const u of r.units) expect(u.revenue.scenario).toBe(u.revenue.baseline);
    for (const s of r.services) {
      expect(s.users.scenario).toBe(s.users.baseline);
      expect(s.status).toBe("integrated");
    }
    for (const m of r.markets) expect(m.hhi.scenario).toBe(m.hhi.baseline);
    expect(r.warnings).toEqual([]);
  });

  it("consent at 40% on transactions cuts the credit unit's coverage, volume, users and share", () => {
    const r = run({ type: "consent-required", label: "PIPL", categories: ["transactions"], to: ["hb"], consentRate: 0.4 });
    // coverage 1 - 0.4 x (1 - 0.4) = 0.76; volume 1 - 0.5 x 0.24 = 0.88
    expect(unit(r, "hb").dataCoverage.scenario).toBeCloseTo(0.76, 12);
    expect(unit(r, "hb").revenue.scenario).toBeCloseTo(17.6, 12);
    expect(service(r, "later").users.scenario).toBeCloseTo(352, 9);
    expect(share(r, "credit", "ant")).toBeCloseTo(0.176, 12);
    expect(share(r, "credit", "banks")).toBeCloseTo(0.824, 12);
    expect(r.headline.profit.scenario).toBeCloseTo(20 - 0.5 * 2.4, 12);
    expect(r.explanations.some((e) => e.ruleIds.includes("rule-1") && e.text.includes("Pay later"))).toBe(true);
  });

  it("the 30% co-lending rule with 'raise' creates a capital need, raises it and earns the spread", () => {
    const r = run({ type: "co-lending", label: "30%", units: ["hb"], minOwnShare: 0.3, response: "raise" });
    const hb = unit(r, "hb");
    expect(hb.ownFundedBook!.scenario).toBeCloseTo(300, 9);
    expect(hb.capitalRequired.scenario).toBeCloseTo(30, 9);
    expect(hb.shortfall).toBeCloseTo(28, 9);
    expect(hb.capitalRaised).toBeCloseTo(28, 9);
    expect(hb.capitalHeld.scenario).toBeCloseTo(30, 9);
    expect(hb.revenue.scenario).toBeCloseTo(20 + 1000 * 0.28 * 0.02, 9);
    expect(r.headline.capitalShortfall.scenario).toBeCloseTo(28, 9);
    // Net interest 1000 x 0.28 x (yield 10% - funding 5% - loss 1% x LGD 1 - take rate 2%) = 5.6, already after
    // funding and losses: profit takes it whole (no contribution margin on top), less 10% on the 28 raised.
    expect(hb.netInterest).toBeCloseTo(5.6, 9);
    expect(r.headline.profit.scenario).toBeCloseTo(20 + 5.6 - 0.1 * 28, 9);
    expect(r.warnings.some((w) => w.text.includes("shortfall"))).toBe(true);
  });

  it("with 'facilitate' the loans Ant cannot fund move to partner banks, which take 80%; Ant keeps a 2% fee on them", () => {
    const r = run({ type: "co-lending", label: "30%", units: ["hb"], minOwnShare: 0.3, response: "facilitate" });
    const hb = unit(r, "hb");
    // Required 1000 x 0.3 x 10% = 30 against 2 held: the co-lent book keeps k = 2/30 of itself.
    const k = 2 / 30;
    const moved = 1000 * (1 - k);
    expect(hb.capitalRaised).toBe(0);
    expect(hb.response).toBe("facilitate");
    expect(hb.book!.scenario).toBeCloseTo(1000 * k, 9);
    expect(hb.facilitated).toBeCloseTo(moved * 0.8, 9);
    // Co-lent part: 20 x k plus the own-book spread on it; facilitated part: 746.7 x 2%.
    expect(hb.revenue.scenario).toBeCloseTo(20 * k + 1000 * k * 0.28 * (0.04 - 0.02) + moved * 0.8 * 0.02, 9);
    // Only the fifth the banks do not take is lost: users fall (1 - k) x 0.2.
    expect(service(r, "later").users.scenario).toBeCloseTo(400 * (1 - (1 - k) * 0.2), 9);
    // The credit market counts the facilitated loans as Ant's volume still.
    expect(share(r, "credit", "ant")).toBeCloseTo(0.2 * (k + (1 - k) * 0.8), 9);
  });

  it("a fine is that year's one-off: profit falls by it, recurring profit and equity value do not", () => {
    const r = run({ type: "fine", label: "Fine", amount: 3, date: "2023-07-07" });
    expect(r.headline.profit.scenario).toBeCloseTo(17, 12);
    expect(r.headline.oneOffCharges.scenario).toBe(3);
    expect(r.headline.equityValue.baseline).toBe(20 * 50);
    expect(r.headline.equityValue.scenario).toBe(20 * 50);
    expect(r.group.capital.scenario).toBeCloseTo(1, 12);
    expect(r.headline.revenue.scenario).toBe(75);
  });

  it("a fine that leaves the holding company short of a group minimum makes it raise capital, at a recurring cost", () => {
    const r = run(
      { type: "fine", label: "Fine", amount: 3, date: "2023-07-07" },
      { type: "min-capital", label: "FHC", units: ["group"], minimum: 4 },
    );
    // Paid-in 4 - fine 3 = 1 against 4: raise 3, costing 10% a year.
    expect(r.group.shortfall).toBeCloseTo(3, 12);
    expect(r.headline.capitalRaised.scenario).toBeCloseTo(3, 12);
    expect(r.headline.profit.scenario).toBeCloseTo(20 - 3 - 0.3, 12);
    expect(r.headline.equityValue.scenario).toBeCloseTo((20 - 0.3) * 50, 9);
  });

  it("with 'shrink' the book falls until the capital held covers it, and users with it", () => {
    const r = run({ type: "co-lending", label: "30%", units: ["hb"], minOwnShare: 0.3, response: "shrink" });
    const hb = unit(r, "hb");
    const k = 2 / 30;
    expect(hb.book!.scenario).toBeCloseTo(1000 * k, 9);
    expect(hb.capitalRaised).toBe(0);
    expect(hb.capitalRequired.scenario).toBeCloseTo(30, 9);
    expect(hb.revenue.scenario).toBeCloseTo(20 * k + 1000 * k * 0.28 * 0.02, 9);
    expect(service(r, "later").users.scenario).toBeCloseTo(400 * k, 9);
    expect(service(r, "later").status).toBe("reduced");
  });

  it("a spin-off at 50% deconsolidates the unit and links its service out", () => {
    const r = run({ type: "spin-off", label: "CFC", units: ["hb"], entity: "NewCo", stakeKept: 0.5, keepLinks: false });
    // Equity method: the unit keeps 80% of its users through the link, so its book is 800; it pays Ant, the
    // platform, 2% on it (16), which stays in Ant's consolidated revenue: 75 - 20 + 16.
    expect(unit(r, "hb").platformFee).toBeCloseTo(16, 12);
    expect(r.headline.revenue.scenario).toBeCloseTo(71, 12);
    // Ant's half of what the unit keeps (20 x 0.8 - 16 = 0 here: the tiny model's fee equals its take rate) + 16.
    expect(unit(r, "hb").revenue.scenario).toBeCloseTo(0, 12);
    expect(r.headline.attributableRevenue.scenario).toBeCloseTo(75.5 - 20 + 0.5 * 0 + 16, 12);
    // Profit: margin 0.5 x (71.5 - 75.5).
    expect(r.headline.profit.scenario).toBeCloseTo(20 + 0.5 * (71.5 - 75.5), 12);
    const later = service(r, "later");
    expect(later.status).toBe("linked-out");
    expect(later.users.scenario).toBeCloseTo(320, 9);
    expect(later.integration.scenario).toBe(0);
    expect(unit(r, "hb").entity).toBe("NewCo");
    const kept = run({ type: "spin-off", label: "CFC", units: ["hb"], entity: "NewCo", stakeKept: 0.6, keepLinks: true });
    expect(service(kept, "later").status).toBe("integrated");
    expect(kept.headline.revenue.scenario).toBe(75);
    expect(kept.headline.attributableRevenue.scenario).toBeCloseTo(75.5 - 8, 12);
  });

  it("stakes consistently: Ant pays the cost of equity on its share of what a 50%-owned unit raises", () => {
    const spin: Rule = { type: "spin-off", label: "CFC", units: ["hb"], entity: "NewCo", stakeKept: 0.5, keepLinks: true };
    const colend: Rule = { type: "co-lending", label: "30%", units: ["hb"], minOwnShare: 0.3, response: "raise" };
    const r = run(spin, colend);
    const hb = unit(r, "hb");
    // Book 1000 (links kept), own share 30%: 30 required against 2 held; the unit raises 28, Ant funds 14.
    expect(hb.capitalRaised).toBeCloseTo(28, 9);
    expect(r.headline.capitalRaised.scenario).toBeCloseTo(28, 9);
    // Fees: the unit pays Ant 2% x 1000 = 20 and keeps 20 - 20 = 0 + net interest 5.6; Ant: 20 + half of 5.6.
    expect(hb.platformFee).toBeCloseTo(20, 9);
    const fees = 75.5 - 20 + 0.5 * 0 + 20;
    expect(r.headline.profit.scenario).toBeCloseTo(20 + 0.5 * (fees - 75.5) + 0.5 * 5.6 - 0.1 * 0.5 * 28, 9);
  });

  it("an explanation names the entry points a rule removes in words, never by their ids", () => {
    const some = run({ type: "unbundle", label: "cut", services: ["later"], entryPoints: ["checkout-default"], recapture: 0.3 });
    const all = run({ type: "unbundle", label: "cut", services: ["pay-svc"], entryPoints: "all", recapture: 0.3 });
    const text = (r: Result) => r.explanations.map((e) => e.text).find((t) => t.includes("inside Alipay"));
    expect(text(some)).toContain("loses the default at checkout inside Alipay");
    expect(text(all)).toContain("loses the home screen and the default at checkout inside Alipay");
    for (const r of [some, all]) expect(text(r)).not.toMatch(/checkout-default|home-screen/);
  });

  it("a service reduced by a removed entry point says which in words (was 'Entry points removed from Alipay: checkout-default')", () => {
    const r = run({ type: "unbundle", label: "cut", services: ["later"], entryPoints: ["checkout-default"], recapture: 0.9 });
    expect(service(r, "later").status).toBe("reduced");
    expect(service(r, "later").statusReason).toBe("Entry points removed from Alipay: the default at checkout.");
  });

  it("privacy explanations list data categories in words, and a sentence starts with a capital", () => {
    const text = (r: Result) => r.explanations.map((e) => e.text);
    const ban = run({ type: "data-ban", label: "ban", categories: ["transactions", "credit-history"] });
    expect(text(ban)).toContain("Transactions and credit history data no longer flows between units (2 flows stopped).");
    const consent = run({ type: "consent-required", label: "c", categories: ["transactions", "behaviour"], consentRate: 0.5 });
    expect(text(consent).join(" ")).toContain("their transactions and behaviour data shared across units");
    for (const r of [ban, consent]) expect(text(r).join(" ")).not.toMatch(/credit-history|transactions, /);
  });

  it("link-out and removed entry points are composed once, path by path, in either order", () => {
    const spin: Rule = { type: "spin-off", label: "CFC", units: ["hb"], entity: "NewCo", stakeKept: 0.5, keepLinks: false };
    const cut: Rule = { type: "unbundle", label: "cut", services: ["later"], entryPoints: ["checkout-default"], recapture: 0.3 };
    // 60% came by checkout: 30% of them find it another way; the other 40% follow the link at 80%.
    const expected = 400 * (0.6 * 0.3 + 0.4 * 0.8);
    expect(service(run(spin, cut), "later").users.scenario).toBeCloseTo(expected, 9);
    expect(service(run(cut, spin), "later").users.scenario).toBeCloseTo(expected, 9);
    // Not the double cut 0.8 x (1 - 0.6 x 0.7) = 0.464, and no more than either rule alone leaves.
    expect(expected / 400).toBeGreaterThan(0.8 * (1 - 0.6 * 0.7));
    expect(expected / 400).toBeLessThanOrEqual(Math.min(0.8, 1 - 0.6 * 0.7));
  });

  it("the financial-holding-company test: paid-in capital >= the minimum and 50% of the controlled units' capital", () => {
    // Controlled financial units: pay 10, hb 2, fund 1 (the 30% bank is not controlled) = 13; 50% = 6.5 > 5.
    const fhc: Rule = { type: "min-capital", label: "FHC", units: ["group"], minimum: 5, controlledShare: 0.5 };
    const r = run(fhc);
    expect(r.group.required).toBeCloseTo(6.5, 12);
    expect(r.group.shortfall).toBeCloseTo(6.5 - 4, 12);
    expect(r.headline.profit.scenario).toBeCloseTo(20 - 0.1 * 2.5, 12);
    // Spinning the credit unit off to a minority stake takes its capital out of the base: 11 x 50% = 5.5.
    const spun = run(fhc, { type: "spin-off", label: "CFC", units: ["hb"], entity: "NewCo", stakeKept: 0.5, keepLinks: true });
    expect(spun.group.required).toBeCloseTo(5.5, 12);
  });

  it("expected loss on the own book follows the delinquency rate, LGD and stress", () => {
    const colend: Rule = { type: "co-lending", label: "30%", units: ["hb"], minOwnShare: 0.3, response: "raise" };
    const stressed = evaluate(model, scenarioOf([colend]), { assumptions: { "credit-loss-stress": 3 } });
    // Net interest rate 10% - 5% - 1% x 1 x 3 = 2%, equal to the take rate: moving loans onto the book earns nothing.
    expect(unit(stressed, "hb").netInterest).toBeCloseTo(0, 9);
  });

  it("unbundling the checkout default keeps only the recaptured users who came that way", () => {
    const r = run({ type: "unbundle", label: "cut", services: ["later"], entryPoints: ["checkout-default"] });
    const later = service(r, "later");
    expect(later.users.scenario).toBeCloseTo(400 * (1 - 0.6 * 0.75), 9);
    expect(later.integration.scenario).toBeCloseTo(0.2, 12);
    expect(later.status).toBe("reduced");
    expect(unit(r, "hb").revenue.scenario).toBeCloseTo(20 * 0.55, 9);
    const all = run({ type: "unbundle", label: "all", services: ["sme"], entryPoints: "all", recapture: 0 });
    expect(service(all, "sme").users.scenario).toBeCloseTo(14, 9);
  });

  it("interoperability moves share points to rivals pro rata and lowers HHI", () => {
    const r = run({ type: "interoperability", label: "QR", market: "payments", player: "alipay", shareShift: 0.1 });
    expect(share(r, "payments", "alipay")).toBeCloseTo(0.4, 12);
    expect(share(r, "payments", "rival")).toBeCloseTo(0.36, 12);
    expect(share(r, "payments", "others")).toBeCloseTo(0.24, 12);
    const m = r.markets.find((x) => x.id === "payments")!;
    expect(m.hhi.baseline).toBeCloseTo(3400, 9);
    expect(m.hhi.scenario).toBeCloseTo(1600 + 1296, 9);
    expect(unit(r, "pay").revenue.scenario).toBeCloseTo(40, 9);
  });

  it("a market-share cap and a fund-size cap move the excess to rivals", () => {
    const cap = run({ type: "market-share-cap", label: "cap", market: "credit", player: "ant", cap: 0.1 });
    expect(share(cap, "credit", "ant")).toBeCloseTo(0.1, 12);
    expect(unit(cap, "hb").revenue.scenario).toBeCloseTo(10, 9);
    const fund = run({ type: "fund-size-cap", label: "cap", unit: "fund", maxAum: 600 });
    expect(unit(fund, "fund").revenue.scenario).toBeCloseTo(3, 9);
    expect(unit(fund, "fund").book!.scenario).toBeCloseTo(600, 9);
    expect(share(fund, "funds", "fund")).toBeCloseTo(0.15, 12);
  });

  it("a holding-company minimum above paid-in capital is raised at the cost of equity", () => {
    const r = run({ type: "min-capital", label: "FHC", units: ["group"], minimum: 5 });
    expect(r.headline.capitalRaised.scenario).toBeCloseTo(1, 12);
    expect(r.headline.profit.scenario).toBeCloseTo(20 - 0.1, 12);
  });

  it("a credit bureau keeps part of credit history and charges per query, net of Ant's stake", () => {
    const r = run({ type: "credit-bureau", label: "bureau", to: ["hb"], coverageKept: 0.5, costPerQuery: 2, bureauStake: 0.35 });
    expect(unit(r, "hb").dataCoverage.scenario).toBeCloseTo(0.9, 12);
    const borrowers = 400 * 0.95;
    const cost = (borrowers * 4 * 2 * 0.65) / 1000;
    expect(r.headline.profit.scenario).toBeCloseTo(20 + 0.5 * (20 * 0.95 - 20) - cost, 9);
  });

  it("a retention limit keeps the share of the usual history it allows", () => {
    const r = run({ type: "retention-limit", label: "12m", categories: ["transactions"], months: 12 });
    expect(unit(r, "hb").dataCoverage.scenario).toBeCloseTo(1 - 0.4 * (2 / 3), 12);
  });

  it("a range parameter uses its value, and scenario and what-if overrides change assumptions", () => {
    const rule: Rule = {
      type: "consent-required",
      label: "range",
      categories: ["transactions"],
      consentRate: { low: 0.2, high: 0.8, value: 0.4 },
    };
    expect(unit(run(rule), "hb").revenue.scenario).toBeCloseTo(17.6, 12);
    const over = evaluate(model, scenarioOf([rule], { assumptions: { "credit-coverage-elasticity": 0.9 } }));
    expect(unit(over, "hb").revenue.scenario).toBeCloseTo(20 * (1 - 0.9 * 0.24), 12);
    const whatIf = evaluate(model, scenarioOf([rule], { assumptions: { "credit-coverage-elasticity": 0.9 } }), {
      assumptions: { "credit-coverage-elasticity": 0.2 },
    });
    expect(unit(whatIf, "hb").revenue.scenario).toBeCloseTo(20 * (1 - 0.2 * 0.24), 12);
    expect(whatIf.assumptionsUsed["credit-coverage-elasticity"]).toBe(0.2);
  });

  it("names a unit the model does not have in a warning instead of failing", () => {
    const r = run({ type: "spin-off", label: "x", units: ["nope"], entity: "X", stakeKept: 0.5, keepLinks: false });
    expect(r.warnings.map((w) => w.text).join(" ")).toContain("'nope'");
    expect(r.headline.revenue.scenario).toBe(75);
  });

  it("two spin-offs of one unit: the lower stake applies whatever their order", () => {
    const a: Rule = { type: "spin-off", label: "a", units: ["hb"], entity: "A", stakeKept: 0.4, keepLinks: false };
    const b: Rule = { type: "spin-off", label: "b", units: ["hb"], entity: "B", stakeKept: 0.2, keepLinks: false };
    const ab = run(a, b);
    const ba = run(b, a);
    expect(unit(ab, "hb").antStake.scenario).toBe(0.2);
    expect(ab.headline).toEqual(ba.headline);
  });
});
