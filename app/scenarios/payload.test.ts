import { describe, expect, it } from "vitest";
import { fixtureModel } from "./__fixtures__/model";
import { familiesOf, summarise } from "./payload";
import { validateScenarioText } from "./validate";

const text = `title: T\nsummary: S\ndate: "2021"\nsources: [S36]\nrules:\n  - type: co-lending\n    label: L\n    units: [huabei]\n    minOwnShare: 0.3\n    response: raise\n  - type: data-ban\n    label: D\n    categories: [transactions]\n`;

describe("summaries", () => {
  it("lists families in a fixed order", () => {
    expect(familiesOf({ rules: [{ type: "co-lending" }, { type: "data-ban" }] as never })).toEqual(["privacy", "capital"]);
  });

  it("summarises a valid file with headline deltas and a broken one with its errors", () => {
    const ok = summarise(fixtureModel, validateScenarioText(text, "scenarios/t.yaml", fixtureModel));
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.families).toEqual(["privacy", "capital"]);
      const h = ok.headline.capitalShortfall;
      expect(h.delta).toBeCloseTo(h.scenario - h.baseline, 12);
      expect(h.delta).toBeGreaterThan(0);
    }
    const bad = summarise(fixtureModel, validateScenarioText("title: [", "scenarios/b.yaml", fixtureModel));
    expect(bad).toMatchObject({ id: "b", ok: false, file: "scenarios/b.yaml" });
  });
});
