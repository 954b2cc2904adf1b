import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { scenarioOf, tinyModel } from "../engine/test-model";
import { tunables } from "./tunables";
import { applyWhatIf, movedTunables, parseWhatIf, rulesMovedByWhatIf, whatIfSearch } from "./what-if";

const model = tinyModel();
const scenario = scenarioOf([
  { id: "consent", type: "consent-required", label: "Consent", categories: ["transactions"], consentRate: { low: 0.2, high: 0.8, value: 0.4 } },
  { type: "fund-size-cap", label: "Cap", unit: "fund", maxAum: 600 },
]);

describe("what-if parameters", () => {
  const ts = tunables(scenario, model);

  it("lists every numeric rule parameter with the file's range, or the schema's bounds", () => {
    const consent = ts.find((t) => t.key === "r.consent.consentRate")!;
    expect([consent.min, consent.max, consent.fileValue]).toEqual([0.2, 0.8, 0.4]);
    const cap = ts.find((t) => t.key === "r.rule-2.maxAum")!;
    expect([cap.min, cap.max, cap.fileValue, cap.unit]).toEqual([0, 10000, 600, "RMB bn"]);
    expect(ts.some((t) => t.key === "a.cost-of-equity" && t.min === 0.08 && t.max === 0.15)).toBe(true);
  });

  it("keeps valid values and reports malformed, out-of-range and unknown ones", () => {
    const p = new URLSearchParams("r.consent.consentRate=0.6&r.rule-2.maxAum=abc&a.cost-of-equity=0.5&r.nope.x=1&other=1");
    const w = parseWhatIf(p, ts);
    expect(w.values).toEqual({ "r.consent.consentRate": 0.6 });
    expect(w.errors).toHaveLength(3);
    expect(w.errors.join("\n")).toMatch(/maxAum' must be a number, got 'abc'/);
    expect(w.errors.join("\n")).toMatch(/cost-of-equity' must be between 0.08 and 0.15, got 0.5/);
    expect(w.errors.join("\n")).toMatch(/Unknown parameter 'r.nope.x'/);
  });

  it("applies values to a copy (ranges kept) and the engine follows", () => {
    const { scenario: changed, assumptions } = applyWhatIf(scenario, { "r.consent.consentRate": 0.8, "a.credit-coverage-elasticity": 0.9 });
    expect(changed.rules[0]).toMatchObject({ consentRate: { low: 0.2, high: 0.8, value: 0.8 } });
    expect(scenario.rules[0]).toMatchObject({ consentRate: { value: 0.4 } });
    const before = evaluate(model, scenario).headline.revenue.scenario;
    const after = evaluate(model, changed, { assumptions }).headline.revenue.scenario;
    expect(after).not.toBe(before);
  });

  it("puts only values that differ from the file's in the URL", () => {
    expect(whatIfSearch({ "r.consent.consentRate": 0.4, "r.rule-2.maxAum": 500 }, ts)).toBe("r.rule-2.maxAum=500");
  });

  it("names the rules a what-if moved (not assumptions, not values equal to the file's)", () => {
    expect(rulesMovedByWhatIf({ "r.consent.consentRate": 0.4, "r.rule-2.maxAum": 500, "a.cost-of-equity": 0.12 }, ts)).toEqual(["rule-2"]);
    expect(rulesMovedByWhatIf({ "r.consent.consentRate": 0.5 }, ts)).toEqual(["consent"]);
    expect(rulesMovedByWhatIf({}, ts)).toEqual([]);
  });

  it("moved means set and different from the file's value: one test the URL, marks, fork, exports and deck share", () => {
    const moved = movedTunables({ "r.consent.consentRate": 0.4, "r.rule-2.maxAum": 500, "a.cost-of-equity": 0.12 }, ts);
    const fileCost = ts.find((t) => t.key === "a.cost-of-equity")!.fileValue;
    expect(moved.map((t) => t.key)).toEqual(
      ["r.rule-2.maxAum", ...(fileCost === 0.12 ? [] : ["a.cost-of-equity"])].sort((a, b) => ts.findIndex((t) => t.key === a) - ts.findIndex((t) => t.key === b)),
    );
    expect(movedTunables({}, ts)).toEqual([]);
  });
});
