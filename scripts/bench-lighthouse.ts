/**
 * `npm run bench -- --lighthouse` (and the end of a full `npm run bench`): Lighthouse's performance category,
 * desktop preset, on `/` and the scenario page, against the built server on a scratch database, in the system's
 * Chromium (CHROME_PATH, default /usr/bin/chromium). Each page runs LIGHTHOUSE_RUNS times (3 by default) and the
 * run with the median score is kept. Written to bench-results/lighthouse.json; never asserted in tests.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

import { setupDatabase } from "../db/setup";

const PAGES = ["/", "/scenarios/2021-rectification"];
const AUDITS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "interactive"];
/** Opportunities and diagnostics worth listing when they cost something (what to improve next). */
const FINDINGS = ["unused-javascript", "render-blocking-resources", "bootup-time", "mainthread-work-breakdown", "dom-size", "server-response-time", "total-byte-weight", "unused-css-rules", "layout-shifts"];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitFor(url: string, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not answer in ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Run = { score: number; metrics: Record<string, { value: number; display: string }>; findings: Array<{ id: string; title: string; display: string }> };

async function runOnce(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"] }, desktopConfig);
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (process.env.LIGHTHOUSE_FULL) {
    // The whole report of every run (diagnostics, treemap data), for looking into a score.
    fs.mkdirSync(process.env.LIGHTHOUSE_FULL, { recursive: true });
    const slug = new URL(url).pathname.replace(/\W+/g, "_") || "_";
    fs.writeFileSync(path.join(process.env.LIGHTHOUSE_FULL, `${slug}-${Date.now()}.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const metrics: Run["metrics"] = {};
  for (const id of AUDITS) metrics[id] = { value: lhr.audits[id]?.numericValue ?? NaN, display: lhr.audits[id]?.displayValue ?? "" };
  const findings = FINDINGS.flatMap((id) => {
    const a = lhr.audits[id];
    return a && a.score !== null && a.score < 0.9 ? [{ id, title: a.title, display: a.displayValue ?? "" }] : [];
  });
  return { score: Math.round((lhr.categories.performance?.score ?? 0) * 100), metrics, findings };
}

export async function benchLighthouse(runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3)) {
  if (!fs.existsSync("build/index.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-lighthouse-"));
  const dbFile = path.join(dir, "model.db");
  setupDatabase({ path: dbFile });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["scripts/serve.mjs", "build/index.js"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: dbFile, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  try {
    await waitFor(`${base}/healthz`);
    const pages: Record<string, Run & { scores: number[] }> = {};
    for (const p of PAGES) {
      // One visit first, so the page cache is warm as for the room's second visitor (the cold render is `npm run bench`'s).
      await fetch(`${base}${p}`);
      const all: Run[] = [];
      for (let i = 0; i < runs; i++) all.push(await runOnce(`${base}${p}`, chrome.port));
      const sorted = [...all].sort((a, b) => a.score - b.score);
      pages[p] = { ...sorted[Math.floor(sorted.length / 2)]!, scores: all.map((r) => r.score) };
      const m = pages[p]!;
      console.log(
        `Lighthouse performance (desktop) ${p}: ${m.score} (runs ${m.scores.join(", ")}); ` +
          AUDITS.map((id) => `${id} ${m.metrics[id]?.display}`).join(", ") +
          (m.findings.length ? `; to improve: ${m.findings.map((f) => `${f.title} (${f.display})`).join("; ")}` : ""),
      );
    }
    const out = { at: new Date().toISOString(), node: process.version, cores: os.cpus().length, loadAverage: os.loadavg().map((x) => +x.toFixed(1)), runs, preset: "desktop", pages };
    fs.mkdirSync("bench-results", { recursive: true });
    fs.writeFileSync(path.join("bench-results", "lighthouse.json"), `${JSON.stringify(out, null, 2)}\n`);
    return out;
  } finally {
    await chrome.kill();
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
