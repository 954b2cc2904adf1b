import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { scenarioOf, tinyModel } from "../engine/test-model";
import { scenariosByUnit, unitsChanged } from "./touches";

const model = tinyModel();

describe("units a scenario changes", () => {
  it("follows the result, not the ids a rule names", () => {
    // names no unit, but cuts the transactions Pay later depends on
    const consent = evaluate(model, scenarioOf([{ type: "consent-required", label: "c", categories: ["transactions"], consentRate: 0.5 }]));
    expect(unitsChanged(consent)).toEqual(["hb"]);
    expect(unitsChanged(evaluate(model, scenarioOf([])))).toEqual([]);
  });

  it("maps each unit to the scenarios that change it", () => {
    const a = evaluate(model, scenarioOf([{ type: "fund-size-cap", label: "f", unit: "fund", maxAum: 500 }]));
    const b = evaluate(model, scenarioOf([{ type: "spin-off", label: "s", units: ["fund", "bank"], entity: "X", stakeKept: 0.2, keepLinks: true }]));
    expect(scenariosByUnit([{ id: "a", title: "A", result: a }, { id: "b", title: "B", result: b }])).toEqual({
      fund: [{ id: "a", title: "A" }, { id: "b", title: "B" }],
      bank: [{ id: "b", title: "B" }],
    });
  });
});
