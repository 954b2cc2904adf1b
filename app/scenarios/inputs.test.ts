import { describe, expect, it } from "vitest";
import { historyInputIssues, historyInputNumber, historyInputs } from "./inputs";
import type { ScenarioDefinition } from "./schema";

const scenario = {
  rules: [
    { id: "cap", type: "fund-size-cap", label: "Yu'e Bao reduced", unit: "yuebao", maxAum: { low: 600, high: 972.4, value: 780.8 } },
    { type: "spin-off", label: "Consumer finance company", units: ["huabei"], entity: "CF", stakeKept: 0.5, keepLinks: true },
  ],
  inputs: [
    { rule: "cap", field: "maxAum", what: "Yu'e Bao's assets at the end of Q2 2021", sources: ["S42"] },
    { rule: "rule-2", field: "stakeKept", what: "Ant's stake in the company", sources: ["S38"] },
  ],
} as unknown as ScenarioDefinition;

describe("inputs from history", () => {
  it("gives each input's historical value, and the what-if's value beside it", () => {
    const applied = structuredClone(scenario);
    (applied.rules[0] as { maxAum: unknown }).maxAum = 700;
    expect(historyInputs(scenario, applied)).toEqual([
      { ruleId: "cap", field: "maxAum", what: "Yu'e Bao's assets at the end of Q2 2021", sources: ["S42"], fileValue: 780.8, value: 700 },
      { ruleId: "rule-2", field: "stakeKept", what: "Ant's stake in the company", sources: ["S38"], fileValue: 0.5, value: 0.5 },
    ]);
    expect(historyInputIssues(scenario)).toEqual([]);
  });

  it("refuses an input naming no rule, a field that is not a number, or the same number twice", () => {
    const bad = {
      ...scenario,
      inputs: [
        { rule: "capp", field: "maxAum", what: "x", sources: ["S42"] },
        { rule: "rule-2", field: "entity", what: "x", sources: ["S38"] },
        { rule: "cap", field: "maxAum", what: "x", sources: ["S42"] },
        { rule: "cap", field: "maxAum", what: "again", sources: ["S42"] },
      ],
    } as unknown as ScenarioDefinition;
    expect(historyInputIssues(bad)).toEqual([
      { path: ["inputs", 0, "rule"], message: "no rule 'capp' in this scenario; its rules: cap, rule-2" },
      { path: ["inputs", 1, "field"], message: "rule 'rule-2' has no numeric parameter 'entity'; its parameters: stakeKept" },
      { path: ["inputs", 3], message: "'cap.maxAum' is marked as an input twice" },
    ]);
    // what names nothing is left out of the list (the check reports it)
    expect(historyInputs(bad).map((x) => x.field)).toEqual(["maxAum", "maxAum"]);
  });

  it("reads an input in its parameter's unit: a share as a percentage, a figure as typed, a multiple with ×", () => {
    const available = [
      { key: "r.cap.maxAum", unit: "RMB bn", format: "number" as const },
      { key: "r.rule-2.stakeKept", unit: "share", format: "percent" as const },
      { key: "r.lev.maxLeverage", unit: "x capital", format: "multiple" as const },
    ];
    expect(historyInputNumber(780.8, { ruleId: "cap", field: "maxAum" }, available)).toBe("780.8");
    expect(historyInputNumber(0.5, { ruleId: "rule-2", field: "stakeKept" }, available)).toBe("50%");
    expect(historyInputNumber(5, { ruleId: "lev", field: "maxLeverage" }, available)).toBe("5×");
    expect(historyInputNumber(1190, { ruleId: "none", field: "x" }, available)).toBe("1,190");
  });
});
