/**
 * What-ifs on a path (issue 12 §1), on the real seeded model and the what-happened path: the tunables are the
 * steps' rule parameters (by path rule id) and the assumptions; a value holds wherever its rule is in force and
 * nowhere before; an assumption moves the baseline too; the bands pin what the what-if sets.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeScratchDatabase, type ScratchDatabase } from "../scenarios/__fixtures__/scratch-db";
import { loadScenarios } from "../scenarios/load.server";
import { pathBands } from "./bands";
import { evaluatePath } from "./evaluate";
import { loadPaths, pathsDirOf, type PathOk } from "./load.server";
import { applyPathWhatIf, pathTunables } from "./what-if";

const dir = path.resolve(__dirname, "../../scenarios");
let scratch: ScratchDatabase;
let file: PathOk;
beforeAll(() => {
  scratch = makeScratchDatabase();
  const library = loadScenarios({ dir, model: scratch.model });
  file = loadPaths(pathsDirOf(dir), library, scratch.model).find((p): p is PathOk => p.ok && p.id === "what-happened")!;
});
afterAll(() => scratch.cleanup());

const KEY = "r.2021-rectification.yuebao-reduced.maxAum";

describe("what-ifs on a path", () => {
  it("offer each step's rule parameters by path rule id, labelled with the step, then the assumptions", () => {
    const t = pathTunables(file.path, scratch.model);
    const cap = t.find((x) => x.key === KEY)!;
    expect(cap).toMatchObject({ kind: "rule", min: 600, max: 972.4, fileValue: 780.8 });
    expect(cap.label).toMatch(/^Step 2 \(2021-04-12\): /);
    expect(t.some((x) => x.key === "a.cost-of-equity")).toBe(true);
    expect(new Set(t.map((x) => x.key)).size).toBe(t.length);
  });

  it("a rule's value holds in every step it is in force, never before; an assumption moves the baseline too", () => {
    const plain = evaluatePath(scratch.model, file.path);
    const moved = applyPathWhatIf(file.path, { [KEY]: 650 });
    const after = evaluatePath(scratch.model, moved.path, { assumptions: moved.assumptions });
    const fund = (e: typeof plain, k: number) => e.steps[k]!.result.units.find((u) => u.id === "yuebao")!.revenue.scenario;
    expect(fund(after, 0)).toBe(fund(plain, 0)); // step 1, before the rectification
    expect(fund(after, 1)).toBeLessThan(fund(plain, 1)); // the cap is lower from step 2
    expect(fund(after, 2)).toBeLessThan(fund(plain, 2)); // and still in force at step 3
    expect(moved.path.steps[1]!.rules.find((r) => r.id === "2021-rectification.yuebao-reduced")!.rule).toMatchObject({ maxAum: { value: 650 } });
    expect(file.path.steps[1]!.rules.find((r) => r.id === "2021-rectification.yuebao-reduced")!.rule).toMatchObject({ maxAum: { value: 780.8 } });

    const coe = applyPathWhatIf(file.path, { "a.valuation-multiple": 30 });
    expect(coe.assumptions).toEqual({ "valuation-multiple": 30 });
    const withCoe = evaluatePath(scratch.model, coe.path, { assumptions: coe.assumptions });
    expect(withCoe.baseline.headline.equityValue.baseline).not.toBe(plain.baseline.headline.equityValue.baseline);
  });

  it("the bands pin a what-if value: with the cap set, the fund's band after step 2 is narrower than drawn", () => {
    const free = pathBands(scratch.model, file.path, { draws: 60, seed: 4 });
    const moved = applyPathWhatIf(file.path, { [KEY]: 780.8 });
    const pinned = pathBands(scratch.model, moved.path, { draws: 60, seed: 4, whatIf: { [KEY]: 780.8 } });
    const width = (b: typeof free, k: number) => {
      const band = b.steps[k]!.figures["yuebao-aum"];
      return band ? band.p90 - band.p10 : Number.NaN;
    };
    expect(width(pinned, 1)).toBeLessThan(width(free, 1));
    expect(pinned.baseline).toEqual(free.baseline);
  });
});
