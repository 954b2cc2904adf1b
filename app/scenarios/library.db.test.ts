/** The scenario library against the real seeded model (a scratch database): valid, and telling the right story. */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { makeScratchDatabase, type ScratchDatabase } from "./__fixtures__/scratch-db";
import { loadScenarios } from "./load.server";
import type { Scenario } from "./schema";

let scratch: ScratchDatabase;
let byId: Map<string, Scenario>;
const dir = path.resolve(__dirname, "../../scenarios");

beforeAll(() => {
  scratch = makeScratchDatabase();
  const results = loadScenarios({ dir, model: scratch.model });
  for (const r of results) if (!r.ok) throw new Error(`${r.file}: ${r.errors.map((e) => `${e.line}:${e.col} ${e.path}: ${e.message}`).join("; ")}`);
  byId = new Map(results.flatMap((r) => (r.ok ? [[r.id, r.scenario] as const] : [])));
});
afterAll(() => scratch.cleanup());

describe("the library against the seeded model", () => {
  it("every scenario is valid and names only ids the model has, without warnings", () => {
    const results = loadScenarios({ dir, model: scratch.model });
    expect(results.length).toBeGreaterThanOrEqual(9);
    for (const r of results) expect(r.warnings, r.file).toEqual([]);
  });

  it("every real scenario moves a headline figure (the 2020 holding-company measures did not bind: that is the finding)", () => {
    for (const [id, s] of byId) {
      const h = evaluate(scratch.model, s).headline;
      const moved = Object.values(h).some((d) => Math.abs(d.scenario - d.baseline) > 1e-9);
      // The 2020 holding-company measures did not bind at the mid-2020 baseline: that is the finding.
      if (id === "2020-09-financial-holding-company") continue;
      expect(moved, id).toBe(true);
    }
  });

  it("the combined rectification: Ant-funded consumer credit rises, a capital need appears, the credit business Ant keeps shrinks", () => {
    const r = evaluate(scratch.model, byId.get("2021-rectification")!);
    const consumer = r.units.filter((u) => u.id === "huabei" || u.id === "jiebei");
    const own = consumer.reduce((a, u) => [a[0]! + u.ownFundedBook!.baseline, a[1]! + u.ownFundedBook!.scenario], [0, 0]);
    expect(own[1]).toBeGreaterThan(own[0]!);
    expect(r.headline.capitalShortfall.scenario).toBeGreaterThan(r.headline.capitalShortfall.baseline);
    const kept = consumer.reduce((a, u) => [a[0]! + u.attributableRevenue.baseline, a[1]! + u.attributableRevenue.scenario], [0, 0]);
    expect(kept[1]).toBeLessThan(kept[0]!);
  });

  it("the hypothetical breakup cuts more revenue than the real rectification", () => {
    const real = evaluate(scratch.model, byId.get("2021-rectification")!).headline.attributableRevenue.scenario;
    const hyp = evaluate(scratch.model, byId.get("hypothetical-alipay-breakup")!).headline.attributableRevenue.scenario;
    expect(hyp).toBeLessThan(real);
  });
});
