/**
 * npm run bench: how fast the engine is on the scenario library, measured on this machine.
 *
 * - evaluations per second of each library scenario (mean of a timed loop after warm-up);
 * - full Shapley attribution time per scenario (median of repeated runs);
 * - one evaluation's time as a ratio to a structuredClone of the model (a floor for touching all of it).
 * Then the web half (scripts/bench-web.ts): requests/s on a scenario page vs the smallest route, JavaScript shipped,
 * and slider-to-numbers latency in Chromium.
 * Figures go to stdout and to bench-results/engine.json and web.json. Never asserted in tests: machines are shared and noisy.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { attribute } from "../app/engine/attribution";
import { evaluate } from "../app/engine/evaluate";
import { getModelFromDb } from "../app/data/model.server";
import { loadScenarios } from "../app/scenarios/load.server";
import { openDatabase } from "../app/utils/db.server";
import { setupDatabase } from "../db/setup";
import { benchWeb } from "./bench-web";

function timeLoop(fn: () => void, minMs = 300): number {
  for (let i = 0; i < 50; i++) fn(); // warm-up
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
    elapsed = performance.now() - start;
  }
  return elapsed / n; // ms per call
}

function median(fn: () => void, runs = 15): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
const dbFile = path.join(dir, "model.db");
setupDatabase({ path: dbFile });
const { db, sqlite } = openDatabase(dbFile);
const model = getModelFromDb(db);
sqlite.close();
const library = loadScenarios({ model }).flatMap((r) => (r.ok ? [r.scenario] : []));

const cloneMs = timeLoop(() => structuredClone(model));
const rows = library.map((s) => {
  const evalMs = timeLoop(() => evaluate(model, s));
  const attributionMs = median(() => attribute(model, s));
  return {
    scenario: s.id,
    rules: s.rules.length,
    evaluationsPerSecond: Math.round(1000 / evalMs),
    evaluationMicroseconds: +(evalMs * 1000).toFixed(1),
    attributionMs: +attributionMs.toFixed(2),
    ratioToClone: +(evalMs / cloneMs).toFixed(2),
  };
});

console.log(`Engine benchmark (node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "cpu"})`);
console.log(`structuredClone(model): ${(cloneMs * 1000).toFixed(1)} µs`);
console.table(rows);
const worst = rows.reduce((a, b) => (b.attributionMs > a.attributionMs ? b : a), rows[0]);
const slowestEval = rows.reduce((a, b) => (b.evaluationMicroseconds > a.evaluationMicroseconds ? b : a), rows[0]);
console.log(
  `slowest evaluation: ${slowestEval.evaluationMicroseconds} µs (${slowestEval.scenario}); ` +
    `slowest full attribution: ${worst.attributionMs} ms (${worst.scenario}, ${worst.rules} rules, ${2 ** worst.rules} evaluations)`,
);
fs.mkdirSync("bench-results", { recursive: true });
fs.writeFileSync(
  "bench-results/engine.json",
  JSON.stringify({ date: new Date().toISOString(), node: process.version, cloneMicroseconds: cloneMs * 1000, rows }, null, 2),
);
fs.rmSync(dir, { recursive: true, force: true });

// The web half: server throughput, JavaScript shipped, slider latency in Chromium (`--engine-only` skips it).
if (!process.argv.includes("--engine-only")) {
  const web = await benchWeb(library.map((s) => s.id));
  fs.writeFileSync("bench-results/web.json", JSON.stringify({ date: new Date().toISOString(), ...web }, null, 2));
}
