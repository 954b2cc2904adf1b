/**
 * Property tests over generated valid scenarios on the tiny model: invariants any scenario must keep.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attribute, startAttribution } from "./attribution";
import { evaluate } from "./evaluate";
import { HEADLINE_KEYS, type Result } from "./result";
import { scenarioOf, tinyModel } from "./test-model";
import { DATA_CATEGORIES } from "./model";
import type { Rule } from "./rules";

const model = tinyModel();
const unitIds = ["pay", "hb", "fund", "bank"];
const rate = fc.double({ min: 0, max: 1, noNaN: true });
const categories = fc.subarray([...DATA_CATEGORIES], { minLength: 1 });
const someUnits = fc.subarray(unitIds, { minLength: 1 });
const response = fc.constantFrom("raise" as const, "shrink" as const, "facilitate" as const);

const rule: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ type: fc.constant("consent-required" as const), label: fc.constant("consent"), categories, consentRate: rate }),
  fc.record({ type: fc.constant("data-ban" as const), label: fc.constant("ban"), categories }),
  fc.record({
    type: fc.constant("credit-bureau" as const),
    label: fc.constant("bureau"),
    to: fc.constant<string[]>(["hb"]),
    coverageKept: rate,
    costPerQuery: fc.double({ min: 0, max: 10, noNaN: true }),
    bureauStake: rate,
  }),
  fc.record({
    type: fc.constant("retention-limit" as const),
    label: fc.constant("retention"),
    categories,
    months: fc.double({ min: 0, max: 120, noNaN: true }),
  }),
  fc.record({
    type: fc.constant("spin-off" as const),
    label: fc.constant("spin"),
    units: someUnits,
    entity: fc.constant("NewCo"),
    stakeKept: rate,
    keepLinks: fc.boolean(),
  }),
  fc.record({
    type: fc.constant("unbundle" as const),
    label: fc.constant("unbundle"),
    services: fc.subarray(["pay-svc", "later", "mmf", "sme"], { minLength: 1 }),
    entryPoints: fc.oneof(
      fc.constant("all" as const),
      fc.subarray(["home-screen", "checkout-default", "wealth-tab"] as const, { minLength: 1 }),
    ),
    recapture: rate,
  }),
  fc.record({
    type: fc.constant("interoperability" as const),
    label: fc.constant("interop"),
    market: fc.constant("payments"),
    player: fc.constant("alipay"),
    shareShift: rate,
  }),
  fc.record({
    type: fc.constant("market-share-cap" as const),
    label: fc.constant("cap"),
    market: fc.constant("credit"),
    player: fc.constant("ant"),
    cap: rate,
  }),
  fc.record({ type: fc.constant("capital-ratio" as const), label: fc.constant("ratio"), units: fc.constant<string[]>(["hb"]), minRatio: rate, response }),
  fc.record({ type: fc.constant("co-lending" as const), label: fc.constant("co-lend"), units: fc.constant<string[]>(["hb"]), minOwnShare: rate, response }),
  fc.record({
    type: fc.constant("leverage-cap" as const),
    label: fc.constant("leverage"),
    units: fc.constant<string[]>(["hb"]),
    maxLeverage: fc.double({ min: 0.1, max: 100, noNaN: true }),
    response,
  }),
  fc.record({
    type: fc.constant("min-capital" as const),
    label: fc.constant("min"),
    units: fc.subarray(["hb", "group", "bank"], { minLength: 1 }),
    minimum: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  fc.record({
    type: fc.constant("fund-size-cap" as const),
    label: fc.constant("fund cap"),
    unit: fc.constant("fund"),
    maxAum: fc.double({ min: 0, max: 2000, noNaN: true }),
  }),
  fc.record({
    type: fc.constant("fine" as const),
    label: fc.constant("fine"),
    amount: fc.double({ min: 0, max: 10, noNaN: true }),
    date: fc.constant("2023-07-07"),
  }),
);
const rules = fc.array(rule, { maxLength: 6 });

function numbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === "number") out.push(x);
  else if (Array.isArray(x)) x.forEach((y) => numbers(y, out));
  else if (x && typeof x === "object") Object.values(x).forEach((y) => numbers(y, out));
  return out;
}
const reach = (r: Result) => r.headline.serviceReach.scenario;
const runs = { numRuns: 300 };

describe("engine invariants over generated scenarios", () => {
  it("no NaN or infinity anywhere in the result", () => {
    fc.assert(
      fc.property(rules, (rs) => {
        for (const n of numbers(evaluate(model, scenarioOf(rs)))) expect(Number.isFinite(n)).toBe(true);
      }),
      runs,
    );
  });

  it("evaluation is deterministic and leaves the model untouched", () => {
    const before = JSON.stringify(model);
    fc.assert(
      fc.property(rules, (rs) => {
        expect(evaluate(model, scenarioOf(rs))).toEqual(evaluate(model, scenarioOf(rs)));
      }),
      runs,
    );
    expect(JSON.stringify(model)).toBe(before);
  });

  it("market shares stay in [0, 1] and add up to 1; HHI stays in [0, 10000]", () => {
    fc.assert(
      fc.property(rules, (rs) => {
        for (const m of evaluate(model, scenarioOf(rs)).markets) {
          let total = 0;
          for (const p of m.players) {
            expect(p.share.scenario).toBeGreaterThanOrEqual(-1e-12);
            expect(p.share.scenario).toBeLessThanOrEqual(1 + 1e-12);
            total += p.share.scenario;
          }
          expect(total).toBeCloseTo(1, 9);
          expect(m.hhi.scenario).toBeGreaterThanOrEqual(0);
          expect(m.hhi.scenario).toBeLessThanOrEqual(10000 + 1e-6);
        }
      }),
      runs,
    );
  });

  it("the order of the rules does not change the result", () => {
    fc.assert(
      fc.property(rules, (rs) => {
        const ids = rs.map((r, i) => ({ ...r, id: `r${i}` }));
        const reversed = [...ids].reverse();
        expect(evaluate(model, scenarioOf(reversed)).headline).toEqual(evaluate(model, scenarioOf(ids)).headline);
      }),
      runs,
    );
  });

  it("a higher consent rate never reaches fewer users", () => {
    fc.assert(
      fc.property(rules, categories, rate, rate, (rs, cats, c1, c2) => {
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const consent = (c: number): Rule => ({ type: "consent-required", label: "consent", categories: cats, consentRate: c });
        const low = evaluate(model, scenarioOf([...rs, consent(lo)]));
        const high = evaluate(model, scenarioOf([...rs, consent(hi)]));
        expect(reach(high)).toBeGreaterThanOrEqual(reach(low) - 1e-9);
      }),
      runs,
    );
  });

  it("a stricter capital ratio never lowers the capital required", () => {
    fc.assert(
      fc.property(rules, rate, rate, response, (rs, r1, r2, resp) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const ratio = (x: number): Rule => ({ type: "capital-ratio", label: "ratio", units: ["hb"], minRatio: x, response: resp });
        const req = (x: number) =>
          evaluate(model, scenarioOf([...rs, ratio(x)])).units.find((u) => u.id === "hb")!.capitalRequired.scenario;
        expect(req(hi)).toBeGreaterThanOrEqual(req(lo) - 1e-9);
      }),
      runs,
    );
  });

  it("facilitating never needs more capital than raising, and keeps at least shrinking's revenue and users", () => {
    const withResponse = (rs: Rule[], r: "raise" | "shrink" | "facilitate") =>
      evaluate(model, scenarioOf(rs.map((x) => ("response" in x ? { ...x, response: r } : x))));
    fc.assert(
      fc.property(rules, (rs) => {
        const raise = withResponse(rs, "raise");
        const shrink = withResponse(rs, "shrink");
        const facilitate = withResponse(rs, "facilitate");
        expect(facilitate.headline.capitalRaised.scenario).toBeLessThanOrEqual(raise.headline.capitalRaised.scenario + 1e-9);
        expect(facilitate.headline.revenue.scenario).toBeGreaterThanOrEqual(shrink.headline.revenue.scenario - 1e-9);
        expect(reach(facilitate)).toBeGreaterThanOrEqual(reach(shrink) - 1e-9);
      }),
      runs,
    );
  });

  it("a link-out and removed entry points never cut the same users twice", () => {
    fc.assert(
      fc.property(rate, rate, fc.subarray(["home-screen", "checkout-default"] as const, { minLength: 1 }), (kept, rc, eps) => {
        const spin: Rule = { type: "spin-off", label: "s", units: ["hb"], entity: "N", stakeKept: 0.5, keepLinks: false };
        const cut: Rule = { type: "unbundle", label: "u", services: ["later"], entryPoints: [...eps], recapture: rc };
        const users = (rs: Rule[]) =>
          evaluate(model, scenarioOf(rs), { assumptions: { "linked-out-retention": kept } }).services.find((x) => x.id === "later")!
            .users.scenario / 400;
        const both = users([spin, cut]);
        expect(both).toBeGreaterThanOrEqual(users([spin]) * users([cut]) - 1e-9);
        expect(both).toBeLessThanOrEqual(Math.min(users([spin]), users([cut])) + 1e-9);
      }),
      runs,
    );
  });

  it("a fine lowers that year's profit by at least its amount and never raises equity value", () => {
    fc.assert(
      fc.property(rules, fc.double({ min: 0, max: 10, noNaN: true }), (rs, amount) => {
        const without = evaluate(model, scenarioOf(rs)).headline;
        const fined = evaluate(model, scenarioOf([...rs, { type: "fine", label: "fine", amount, date: "2023" }])).headline;
        expect(fined.profit.scenario).toBeLessThanOrEqual(without.profit.scenario - amount + 1e-9);
        expect(fined.equityValue.scenario).toBeLessThanOrEqual(without.equityValue.scenario + 1e-9);
        expect(fined.oneOffCharges.scenario).toBeCloseTo(without.oneOffCharges.scenario + amount, 9);
      }),
      runs,
    );
  });

  it("attributions add up to the total change, and a rule that changes nothing gets zero", () => {
    const noop: Rule = { type: "consent-required", label: "everyone consents", categories: ["transactions"], consentRate: 1 };
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 5 }), (rs) => {
        const scenario = scenarioOf([...rs, noop]);
        const attribution = attribute(model, scenario);
        const result = evaluate(model, scenario);
        for (const key of HEADLINE_KEYS) {
          const m = attribution.metrics[key];
          const sum = m.byRule.reduce((a, b) => a + b, 0);
          const total = result.headline[key].scenario - result.headline[key].baseline;
          expect(m.total).toBeCloseTo(total, 9);
          expect(sum).toBeCloseTo(total, 9);
          expect(m.byRule[rs.length]).toBe(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("attribution", () => {
  const consent: Rule = { id: "consent", type: "consent-required", label: "c", categories: ["transactions"], consentRate: 0.4 };
  const colend: Rule = { id: "colend", type: "co-lending", label: "30%", units: ["hb"], minOwnShare: 0.3, response: "shrink" };
  const spin: Rule = { id: "spin", type: "spin-off", label: "s", units: ["hb"], entity: "N", stakeKept: 0.5, keepLinks: false };

  it("does not depend on the order of the rules", () => {
    const a = attribute(model, scenarioOf([consent, colend, spin]));
    const b = attribute(model, scenarioOf([spin, consent, colend]));
    for (const key of HEADLINE_KEYS) {
      const byId = (x: typeof a) => Object.fromEntries(x.ruleIds.map((id, i) => [id, x.metrics[key].byRule[i]]));
      const ab = byId(a);
      const bb = byId(b);
      for (const id of a.ruleIds) expect(bb[id]).toBeCloseTo(ab[id], 10);
    }
  });

  it("a single rule gets the whole change", () => {
    const a = attribute(model, scenarioOf([consent]));
    expect(a.metrics.revenue.byRule[0]).toBeCloseTo(-2.4, 12);
    expect(a.metrics.revenue.total).toBeCloseTo(-2.4, 12);
  });

  it("computed a few subsets at a time, gives exactly the one-go result, and refuses to answer before the end", () => {
    const scenario = scenarioOf([consent, colend, spin]);
    const run = startAttribution(model, scenario);
    expect(run.evaluations).toBe(8);
    expect(run.step(3)).toBe(false);
    expect(run.done).toBe(3);
    expect(() => run.result()).toThrow(/3 of 8/);
    expect(run.step(0)).toBe(false);
    expect(run.step(4)).toBe(false);
    expect(run.step(100)).toBe(true);
    expect(run.done).toBe(8);
    expect(run.result()).toEqual(attribute(model, scenario));
  });

  it("an empty scenario attributes nothing", () => {
    const a = attribute(model, scenarioOf([]));
    expect(a.ruleIds).toEqual([]);
    expect(a.metrics.profit.total).toBe(0);
  });
});
