/**
 * The back-test on the real seeded model, fact register and what-happened path (a scratch database): each
 * outcome finds its fact, inputs are detected and never counted, the coverage line is what the rows say, and
 * the README states the coverage the page shows.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFactsFromDb } from "../data/model.server";
import type { Fact } from "../engine/model";
import { makeScratchDatabase, type ScratchDatabase } from "../scenarios/__fixtures__/scratch-db";
import { loadScenarios } from "../scenarios/load.server";
import { openDatabase } from "../data/db.server";
import { pathBands } from "../paths/bands";
import { evaluatePath } from "../paths/evaluate";
import { loadPathFile } from "../paths/load.server";
import type { ResolvedPath } from "../paths/resolve";
import { PATH_DRAWS } from "../services/paths.server";
import { backtest, firstDay, stepAt, type Backtest } from "./backtest";
import { OUTCOMES } from "./outcomes";

const root = path.resolve(__dirname, "../..");
let scratch: ScratchDatabase;
let facts: Fact[];
let resolved: ResolvedPath;
let result: Backtest;

beforeAll(() => {
  scratch = makeScratchDatabase();
  const { db, sqlite } = openDatabase(scratch.path);
  try {
    facts = getFactsFromDb(db);
  } finally {
    sqlite.close();
  }
  const library = loadScenarios({ dir: path.join(root, "scenarios"), model: scratch.model });
  const file = loadPathFile(path.join(root, "scenarios/paths/what-happened.yaml"), library, scratch.model);
  if (!file.ok) throw new Error(file.errors.map((e) => e.message).join("; "));
  resolved = file.path;
  // The draws the page uses (app/services/paths.server.ts), so the README's figure is this one.
  result = backtest(OUTCOMES, facts, resolved, evaluatePath(scratch.model, resolved), pathBands(scratch.model, resolved, { draws: PATH_DRAWS }));
}, 120_000);
afterAll(() => scratch.cleanup());

describe("the back-test", () => {
  it("every outcome names a figure of the fact register (nothing typed twice, nothing missing)", () => {
    expect(result.missing).toEqual([]);
    expect(result.rows).toHaveLength(OUTCOMES.length);
    const yq2 = result.rows.find((r) => r.factLabel === "Yu'e Bao AUM, Q2 2021")!;
    expect(yq2.reported).toBe(780.8);
    expect(yq2.source).toContain("S42");
  });

  it("a reported value typed into a rule on the path is an input, with the rule named", () => {
    const yq2 = result.rows.find((r) => r.factLabel === "Yu'e Bao AUM, Q2 2021")!;
    expect(yq2.input).toBe(true);
    expect(yq2.inputReason).toMatch(/^typed into rule 2021-rectification\./);
    // Sep 2022 was never typed in: a model output.
    expect(result.rows.find((r) => r.factLabel === "Yu'e Bao AUM, Sep 2022")!.input).toBe(false);
  });

  it("coverage counts model outputs only, and inside means the reported value lies in P10..P90", () => {
    const outputs = result.rows.filter((r) => !r.input && r.model !== null);
    expect(result.coverage.outputs).toBe(outputs.length);
    expect(result.coverage.inside).toBe(outputs.filter((r) => r.inside).length);
    for (const r of result.rows) {
      if (r.low === null || r.high === null || r.comparison !== "value") continue;
      expect(r.inside).toBe(r.low <= r.reported && r.reported <= r.high);
      expect(r.low).toBeLessThanOrEqual(r.model! + 1e-9);
    }
  });

  it("the model at a date is the last step in force then (a month means its first day)", () => {
    expect(firstDay("2021-06")).toBe("2021-06-01");
    expect(stepAt(resolved, "2020-06")).toBe(-1);
    expect(stepAt(resolved, resolved.steps[1]!.date)).toBe(1);
    expect(stepAt(resolved, "2030")).toBe(resolved.steps.length - 1);
  });

  it("the README states the coverage figure the page shows", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const line = `${result.coverage.inside} of ${result.coverage.outputs} model outputs inside their 80% band`;
    expect(readme, `README.md should say "${line}"`).toContain(line);
  });
});
