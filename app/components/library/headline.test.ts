/**
 * The library's words for each headline must say what the engine computes: a fine lowers net profit (recurring
 * profit less that year's one-off charges) and leaves the equity value (recurring profit × a multiple) as it was.
 * The library once called net profit "recurring" beside the fine's card showing it 7.12 RMB bn lower.
 */
import { describe, expect, it } from "vitest";

import { evaluate } from "../../engine/evaluate";
import { scenarioOf, tinyModel } from "../../engine/test-model";
import { METRICS } from "./headline";

describe("headline words against the engine", () => {
  const r = evaluate(tinyModel(), scenarioOf([{ type: "fine", label: "Fine", amount: 3, date: "2023-07-07" }]));

  it("net profit includes a fine, so its words do not call it recurring and say one-offs are in it", () => {
    expect(r.headline.profit.scenario).toBeLessThan(r.headline.profit.baseline);
    for (const text of [METRICS.profit.short, METRICS.profit.explain]) {
      expect(text.toLowerCase()).not.toMatch(/^recurring|counted apart|kept out/);
      expect(text).toMatch(/one-off/);
    }
  });

  it("equity value ignores a fine, so its words name recurring profit", () => {
    expect(r.headline.equityValue.scenario).toBe(r.headline.equityValue.baseline);
    expect(METRICS.equityValue.short).toMatch(/recurring profit/);
    expect(METRICS.equityValue.explain).toMatch(/[Rr]ecurring profit/);
  });
});
