import { describe, expect, it } from "vitest";

import { attribute } from "~/engine/attribution";
import { scenarioOf, tinyModel } from "~/engine/test-model";

import { waterfallSteps } from "./WaterfallSection";

const model = tinyModel();
const scenario = scenarioOf([
  { id: "consent", type: "consent-required", label: "Consent", categories: ["transactions"], consentRate: 0.4 },
  { id: "cap", type: "fund-size-cap", label: "Cap at 600", unit: "fund", maxAum: 500 },
]);

describe("waterfallSteps", () => {
  const attribution = attribute(model, scenario);

  it("runs from the baseline through one step per rule to the attribution's total", () => {
    const steps = waterfallSteps(attribution, "revenue", 100);
    expect(steps.map((s) => s.id)).toEqual(["baseline", "consent", "cap", "scenario"]);
    expect(steps[0]!.end).toBe(100);
    expect(steps[3]!.end).toBeCloseTo(100 + attribution.metrics.revenue.total, 12);
    expect(steps[2]!.end).toBeCloseTo(steps[3]!.end, 12);
  });

  it("marks a rule the what-if moved, whose label may quote the file's number", () => {
    const labels = waterfallSteps(attribution, "revenue", 100, ["cap"]).map((s) => s.label);
    expect(labels).toEqual(["Baseline", "Consent", "Cap at 600 (what-if)", "Scenario"]);
  });
});
