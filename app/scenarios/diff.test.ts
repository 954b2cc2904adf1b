/** Plain-language diffs between two versions of a scenario. */
import { describe, expect, it } from "vitest";
import { describeChanges, diffScenarios } from "./diff";
import type { ScenarioDefinition } from "./schema";

const v1: ScenarioDefinition = {
  title: "Consent at 40%",
  summary: "Users must opt in.",
  date: "2021",
  hypothetical: true,
  sources: ["S30", "S10"],
  rules: [
    { id: "consent", type: "consent-required", label: "Opt-in consent", categories: ["transactions"], consentRate: 0.4 },
    { id: "cut-links", type: "unbundle", label: "Links cut", services: ["pay-later"], entryPoints: ["checkout-default"] },
    {
      id: "own-funding",
      type: "co-lending",
      label: "30% own funding",
      units: ["huabei"],
      minOwnShare: { low: 0.1, high: 0.5, value: 0.3 },
      response: "raise",
    },
  ],
};

const messages = (a: ScenarioDefinition, b: ScenarioDefinition) => diffScenarios(a, b).map((c) => c.message);

describe("diffScenarios", () => {
  it("says nothing changed for equal versions", () => {
    expect(diffScenarios(v1, structuredClone(v1))).toEqual([]);
    expect(describeChanges([])).toEqual(["no changes"]);
  });

  it("names a changed rate in percent, with the rule it belongs to", () => {
    const v2 = structuredClone(v1);
    (v2.rules[0] as { consentRate: number }).consentRate = 0.6;
    expect(diffScenarios(v1, v2)).toEqual([
      {
        kind: "changed",
        path: "rules.consent.consentRate",
        ruleId: "consent",
        message: "Share of users who consent (consentRate) of rule 'consent' changed from 40% to 60%",
      },
    ]);
  });

  it("reports added and removed rules by id, with their type and label", () => {
    const v2 = { ...v1, rules: [v1.rules[0]!, v1.rules[2]!] };
    expect(messages(v1, v2)).toEqual(["rule 'cut-links' removed (unbundle: \"Links cut\")"]);
    expect(messages(v2, v1)).toEqual(["rule 'cut-links' added (unbundle: \"Links cut\")"]);
  });

  it("reports title, summary, date, hypothetical and sources", () => {
    const v2 = { ...v1, title: "Consent at 60%", summary: "Most users opt in.", date: "2022", hypothetical: false, sources: ["S30", "S36"] };
    expect(messages(v1, v2)).toEqual([
      'title changed from "Consent at 40%" to "Consent at 60%"',
      'summary changed to "Most users opt in."',
      "date changed from 2021 to 2022",
      "no longer marked hypothetical",
      "source S36 added",
      "source S10 removed",
    ]);
  });

  it("shows ranges, units and money in their own terms", () => {
    const v2 = structuredClone(v1);
    (v2.rules[2] as { minOwnShare: unknown }).minOwnShare = { low: 0.2, high: 0.5, value: 0.35 };
    (v2.rules[2] as { response: string }).response = "shrink";
    (v2.rules[2] as { units: string[] }).units = ["jiebei", "huabei"];
    v2.rules.push({ id: "yuebao", type: "fund-size-cap", label: "Fund cap", unit: "yuebao", maxAum: 780.8 });
    expect(messages(v1, v2)).toEqual([
      "units of rule 'own-funding': added jiebei",
      "Minimum own funding (minOwnShare) of rule 'own-funding' changed from 30% (range 10% to 50%) to 35% (range 20% to 50%)",
      "response of rule 'own-funding' changed from raise to shrink",
      "rule 'yuebao' added (fund-size-cap: \"Fund cap\")",
    ]);
    const v3 = structuredClone(v2);
    (v3.rules[3] as { maxAum: number }).maxAum = 600;
    expect(messages(v2, v3)).toEqual(["Largest fund size (maxAum) of rule 'yuebao' changed from 780.8 RMB bn to 600 RMB bn"]);
  });

  it("reports optional fields set and removed, labels, notes and entry points", () => {
    const v2 = structuredClone(v1);
    Object.assign(v2.rules[1]!, { recapture: 0.25, entryPoints: "all", label: "All links cut", note: "Per [S37]." });
    expect(messages(v1, v2)).toEqual([
      "label of rule 'cut-links' changed from \"Links cut\" to \"All links cut\"",
      "note of rule 'cut-links' set to \"Per [S37].\"",
      "entryPoints of rule 'cut-links' changed from checkout-default to all",
      "Users who find it anyway (recapture) of rule 'cut-links' set to 25%",
    ]);
    expect(messages(v2, v1)).toContain("Users who find it anyway (recapture) of rule 'cut-links' removed (the model's assumption applies)");
  });

  it("reports a rule whose type changed once, not field by field", () => {
    const v2 = structuredClone(v1);
    v2.rules[0] = { id: "consent", type: "data-ban", label: "Opt-in consent", categories: ["transactions"] };
    expect(messages(v1, v2)).toEqual(["rule 'consent' changed type from consent-required to data-ban"]);
  });

  it("reports assumption overrides and a reordering (which changes nothing)", () => {
    const v2 = { ...v1, assumptions: { "entry-point-recapture": 0.3 }, rules: [v1.rules[1]!, v1.rules[0]!, v1.rules[2]!] };
    const v3 = { ...v2, assumptions: { "entry-point-recapture": 0.35 } };
    expect(messages(v1, v2)).toEqual([
      "assumption 'entry-point-recapture' overridden: 0.3",
      "rules reordered (the order of rules does not change the result)",
    ]);
    expect(messages(v2, v3)).toEqual(["assumption 'entry-point-recapture' changed from 0.3 to 0.35"]);
    expect(messages(v3, { ...v3, assumptions: undefined })).toEqual([
      "override of assumption 'entry-point-recapture' removed (the model's value applies)",
    ]);
  });

  it("truncates long text in messages", () => {
    const long = "word ".repeat(100);
    const [m] = messages(v1, { ...v1, title: long.slice(0, 200) });
    expect(m!.length).toBeLessThan(200);
    expect(m).toContain("…");
  });
});
