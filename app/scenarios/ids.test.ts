import { describe, expect, it } from "vitest";
import { duplicateRuleIds, ruleIdOf, ruleIds } from "./ids";

describe("rule ids", () => {
  it("uses the rule's id or rule-N, 1-based", () => {
    expect(ruleIdOf({ id: "own-funding" }, 0)).toBe("own-funding");
    expect(ruleIdOf({}, 0)).toBe("rule-1");
    expect(ruleIds({ rules: [{}, { id: "x" }, {}] })).toEqual(["rule-1", "x", "rule-3"]);
  });
  it("finds repeated ids, default ones included", () => {
    expect(duplicateRuleIds({ rules: [{}, { id: "rule-1" }] })).toEqual([{ index: 1, id: "rule-1", firstIndex: 0 }]);
    expect(duplicateRuleIds({ rules: [{ id: "a" }, { id: "b" }] })).toEqual([]);
  });
});
