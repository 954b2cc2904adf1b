/**
 * The compute pool with real worker threads (running compute-tasks.server.ts from the sources through tsx, as the
 * built server runs its own bundle): results identical to the in-process ones, a bounded queue, the event loop
 * free while a task runs, failures reported and survived.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { HEADLINE_KEYS } from "../engine/result";
import { sensitivity } from "../engine/uncertainty";
import { makeScratchDatabase, type ScratchDatabase } from "../scenarios/__fixtures__/scratch-db";
import { loadPaths, pathsDirOf } from "../paths/load.server";
import type { ResolvedPath } from "../paths/resolve";
import { loadScenarios } from "../scenarios/load.server";
import { parseScenario } from "../scenarios/parse";
import type { Scenario } from "../scenarios/schema";
import { ComputeBusyError, ComputePool, ComputeTaskError, defaultWorkerTarget, runInline } from "./compute-pool.server";
import { runComputeTask } from "./compute-tasks.server";

let scratch: ScratchDatabase;
let pool: ComputePool;
const library = path.resolve(__dirname, "../../scenarios");

function libraryScenario(id: string): Scenario {
  const parsed = parseScenario(fs.readFileSync(path.join(library, `${id}.yaml`), "utf8"), `${id}.yaml`);
  if (!parsed.ok) throw new Error(`${id} should parse`);
  return parsed.scenario;
}

/** The what-happened path, resolved against the library (a path's state is what the pathState task takes). */
function whatHappened(): ResolvedPath {
  const found = loadPaths(pathsDirOf(library), loadScenarios({ dir: library, model: scratch.model }), scratch.model).find((p) => p.id === "what-happened");
  if (!found?.ok) throw new Error("what-happened should resolve");
  return found.path;
}

beforeAll(() => {
  scratch = makeScratchDatabase();
  pool = new ComputePool({ size: 2, maxQueued: 8 });
});
afterAll(async () => {
  await pool.close();
  scratch.cleanup();
});

describe("the compute pool", () => {
  it("runs from the sources through tsx here, and from the one bundle in the built server", () => {
    const target = defaultWorkerTarget();
    expect(target.tsx).toMatch(/^file:.*tsx.*\.mjs$/);
    expect(target.module).toMatch(/compute-tasks\.server\.ts$/);
    expect(fs.existsSync(new URL(target.tsx!))).toBe(true);
  });

  it("gives exactly the in-process results for every task", async () => {
    const model = scratch.model;
    const rect = libraryScenario("2021-rectification");
    const lending = libraryScenario("2021-co-lending");
    const cases = [
      ["view", { scenario: rect, assumptions: { "cost-of-equity": 0.12 } }],
      ["pageUncertainty", { scenario: lending, whatIf: { "r.own-funding-30.minOwnShare": 0.25 }, drawsSeed: { draws: 200, seed: 11 } }],
      ["pageUncertainty", { scenario: rect, whatIf: {}, drawsSeed: null }],
      ["resultPayload", { scenario: lending, options: { uncertainty: { draws: 150, seed: 3 } } }],
      ["sensitivity", { scenario: rect }],
      ["comparisonBands", { columns: [{ scenario: rect, whatIf: {} }, { scenario: lending, whatIf: { "a.cost-of-equity": 0.12 } }], draws: 90, seed: 8 }],
      ["comparisonBands", { columns: [{ scenario: lending, whatIf: {} }, { scenario: rect, whatIf: {} }], draws: undefined, seed: undefined }],
      ["pathState", { path: whatHappened(), assumptions: { "cost-of-equity": 0.11 }, draws: 60, seed: 4, whatIf: { "a.cost-of-equity": 0.11 } }],
    ] as const;
    const pooled = await Promise.all(cases.map(([name, args]) => pool.run(name, args as never, model)));
    cases.forEach(([name, args], i) => {
      const inline = runComputeTask(name, args as never, model);
      // Structured clone keeps what JSON would lose (-0, NaN, undefined fields): compare the objects themselves.
      expect(pooled[i], name).toEqual(inline);
      expect(JSON.stringify(pooled[i]), name).toBe(JSON.stringify(inline));
    });
    // the workers were used, and each was sent the model once
    expect(pool.stats().workers).toBe(2);
  });

  it("sends the page every input's net profit swing and, for the other figures, only the inputs that move them", () => {
    const rect = libraryScenario("2021-rectification");
    const whatIf = { "a.cost-of-equity": 0.11 };
    const page = runComputeTask("pageUncertainty", { scenario: rect, whatIf, drawsSeed: null }, scratch.model);
    const all = sensitivity(scratch.model, rect, whatIf);
    expect(page.sensitivity.profit).toEqual(all.profit);
    expect(page.sensitivity.profit.some((s) => s.high === s.low)).toBe(true);
    for (const k of HEADLINE_KEYS.filter((k) => k !== "profit")) expect(page.sensitivity[k], k).toEqual(all[k].filter((s) => s.high !== s.low));
    expect(page.sensitivity.oneOffCharges).toEqual([]);
  });

  it("keeps the event loop free while a task runs: a timer fires before the task's answer", async () => {
    const order: string[] = [];
    const task = pool.run("pageUncertainty", { scenario: libraryScenario("2021-rectification"), whatIf: {}, drawsSeed: { draws: 1000, seed: 5 } }, scratch.model).then(() => order.push("task"));
    await new Promise((r) => setTimeout(r, 0));
    order.push("timer");
    await task;
    expect(order).toEqual(["timer", "task"]);
  });

  it("refuses at once with ComputeBusyError (and a Retry-After) when its queue is full, and runs what it took", async () => {
    const small = new ComputePool({ size: 1, maxQueued: 2 });
    try {
      const args = { scenario: libraryScenario("2021-co-lending"), whatIf: {}, drawsSeed: { draws: 300, seed: 1 } };
      const taken = [0, 1, 2].map(() => small.run("pageUncertainty", args, scratch.model));
      // one running, two waiting: the fourth is refused without waiting
      const refused = await small.run("pageUncertainty", args, scratch.model).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(ComputeBusyError);
      expect((refused as ComputeBusyError).retryAfter).toBeGreaterThanOrEqual(1);
      const results = await Promise.all(taken);
      expect(results.every((r) => r.draws === 300)).toBe(true);
      expect(small.stats()).toMatchObject({ busy: 0, queued: 0 });
    } finally {
      await small.close();
    }
  });

  it("reports a task's error with its message and goes on working", async () => {
    const failed = await pool.run("no-such-task" as never, {} as never, scratch.model).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(ComputeTaskError);
    expect((failed as Error).message).toBe("Error: no compute task 'no-such-task'");
    const after = await pool.run("sensitivity", { scenario: libraryScenario("2021-co-lending") }, scratch.model);
    expect(after).toEqual(await runInline("sensitivity", { scenario: libraryScenario("2021-co-lending") }, scratch.model));
  });

  it("computes in-process, with the same result, when its workers cannot load their code", async () => {
    const broken = new ComputePool({ size: 1, target: { ...defaultWorkerTarget(), exportPath: ["noSuchExport"] } });
    try {
      const args = { scenario: libraryScenario("2021-co-lending"), assumptions: {} };
      expect(await broken.run("view", args, scratch.model)).toEqual(runComputeTask("view", args, scratch.model));
      expect(broken.stats().workers).toBe(0);
    } finally {
      await broken.close();
    }
  });
});
