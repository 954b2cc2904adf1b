/**
 * CPU time of a cold scenario page's compute-pool share, in process: the `view` task (evaluation and attribution)
 * and the `pageUncertainty` task (bands, sensitivity, table ranges) for a new what-if query each time, plus a
 * structured clone of each result (what postMessage costs to send it back). `NODE_ENV=production npx tsx
 * scripts/worker-cpu.ts [id] [n]`. Medians of CPU time; never asserted in tests.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getModelFromDb } from "../app/data/model.server";
import { openDatabase } from "../app/data/db.server";
import { loadScenarios } from "../app/scenarios/load.server";
import { applyWhatIf } from "../app/scenarios/what-if";
import { runComputeTask } from "../app/services/compute-tasks.server";
import { setupDatabase } from "../db/setup";

const id = process.argv[2] ?? "2021-rectification";
const n = Number(process.argv[3] ?? 40);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "worker-cpu-"));
const dbFile = path.join(dir, "model.db");
setupDatabase({ path: dbFile });
const { db, sqlite } = openDatabase(dbFile);
const model = getModelFromDb(db);
sqlite.close();
const scenario = loadScenarios({ model }).flatMap((r) => (r.ok && r.scenario.id === id ? [r.scenario] : []))[0];
if (!scenario) throw new Error(`no scenario ${id}`);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const times: Record<string, number[]> = { view: [], viewClone: [], uncertainty: [], uncertaintyClone: [] };
let bytes = 0;
for (let i = 0; i < n + 10; i++) {
  // As render-cpu.mjs: an assumption moved by a tiny, different amount each time (no cache holds it).
  const whatIf = { "a.cost-of-equity": +(0.1 + i * 0.0001).toFixed(4) };
  const applied = applyWhatIf(scenario, whatIf);
  let t = cpu();
  const view = runComputeTask("view", { scenario: applied.scenario, assumptions: applied.assumptions }, model);
  const tView = cpu() - t;
  t = cpu();
  structuredClone(view);
  const tViewClone = cpu() - t;
  t = cpu();
  const u = runComputeTask("pageUncertainty", { scenario: applied.scenario, whatIf, drawsSeed: null }, model);
  const tU = cpu() - t;
  t = cpu();
  structuredClone(u);
  const tUClone = cpu() - t;
  if (i >= 10) {
    times.view.push(tView);
    times.viewClone.push(tViewClone);
    times.uncertainty.push(tU);
    times.uncertaintyClone.push(tUClone);
    bytes = JSON.stringify(u).length;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = Object.fromEntries(Object.entries(times).map(([k, v]) => [`${k}Ms`, +median(v).toFixed(2)]));
console.log(JSON.stringify({ scenario: id, requests: n, ...out, uncertaintyJsonBytes: bytes, load: os.loadavg()[0].toFixed(1) }));
