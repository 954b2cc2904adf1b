/**
 * The web half of `npm run bench` (run after the engine half by scripts/bench.ts):
 * - requests/s with p50/p99 latency (autocannon, 16 and 64 connections) for /healthz, the library page `/` with
 *   1,000 saved variants, the scenario page warm (the same URL again) and cold (a new what-if query each request);
 *   the server's RSS after the first and the third heavy (cold, 64 connections) run; /healthz while one runs;
 * - JavaScript shipped to a scenario page (gzip bytes of every script the page loads);
 * - time from a slider change to the updated numbers in Chromium, per library scenario (median and p95).
 * Needs a build (it runs `remix build` if build/ is missing) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import { createVariant } from "../app/data/variant.server";
import { openDatabase } from "../app/data/db.server";
import { setupDatabase } from "../db/setup";

let BASE = "";

/** A port nothing listens on (BENCH_PORT overrides). */
async function freePort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForServer(url: string, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

type Load = { rps: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };

/**
 * autocannon against one path for `seconds` with `connections` keep-alive connections. `fresh` gives each request
 * its own path (the cold case: a what-if query no one asked before).
 */
async function load(pathname: string, connections: number, seconds: number, fresh?: () => string): Promise<Load> {
  const r = await autocannon({
    url: `${BASE}${pathname}`,
    connections,
    duration: seconds,
    // As a browser asks (Chromium sends this): pages are sent compressed, as a room's browsers get them. Until
    // decision 028 the bench sent no Accept-Encoding, so the scenario page went out uncompressed (358 KB).
    headers: { "accept-encoding": "gzip, deflate, br" },
    ...(fresh ? { requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: fresh() }) }] } : {}),
  });
  // Successful (2xx) answers over the run's length (a per-second average would be 0 for a run of few, slow
  // answers); refusals (a full compute queue's 503) are counted apart, never as throughput.
  return { rps: (r.requests.total - r.non2xx) / r.duration, p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

/**
 * Waits until the server has worked off what a run left queued, at most 2 min: /healthz answers within 100 ms and
 * its X-Compute header shows an idle compute pool (requests autocannon gave up on are still computed: decision 021).
 */
async function settle() {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    const t = performance.now();
    try {
      const r = await fetch(`${BASE}/healthz`, { signal: AbortSignal.timeout(30_000) });
      const idle = !/busy=[1-9]|queued=[1-9]/.test(r.headers.get("x-compute") ?? "");
      if (performance.now() - t < 100 && idle) return;
    } catch {
      /* still busy */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** What /healthz says of the caches and the main thread's memory (X-Cache, X-Memory), as numbers. */
async function serverMemory(): Promise<Record<string, number>> {
  const r = await fetch(`${BASE}/healthz`);
  const out: Record<string, number> = {};
  for (const header of ["x-cache", "x-memory"])
    for (const [, k, v] of (r.headers.get(header) ?? "").matchAll(/(\w+)=([\d.]+)/g)) out[k!] = Number(v);
  return out;
}

/** The server's resident set size, in MiB (Linux). */
function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Saved variants for the library page to list: the issue measured `/` with 650 of them. */
function seedVariants(dbFile: string, n: number) {
  const { db, sqlite } = openDatabase(dbFile);
  const definition = {
    title: "Bench variant",
    summary: "A saved variant made by the benchmark.",
    date: "2021",
    sources: ["S36"],
    rules: [{ type: "co-lending", label: "Platform funds at least 30%", units: ["huabei"], minOwnShare: { low: 0.1, high: 0.5, value: 0.3 }, response: "raise" }],
  };
  for (let i = 0; i < n; i++) createVariant({ definition: { ...definition, title: `Bench variant ${i}` } }, { db });
  sqlite.close();
}

async function jsBytes(pathname: string) {
  const html = await (await fetch(`${BASE}${pathname}`)).text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/import\s*\(?\s*["']([^"']+\.js)["']/g)) srcs.add(m[1]);
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { files: srcs.size, raw, gzip: gz };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Slider changes timed per scenario (60 ms apart, alternating between the slider's two ends). */
const SLIDER_CHANGES = 40;

async function sliderLatency(ids: string[]) {
  const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // tsx compiles this file with esbuild's keepNames, which wraps functions in __name(): define it in the page.
  await page.addInitScript({ content: "window.__name = (f) => f;" });
  const rows: Array<{ scenario: string; control: string; medianMs: number; p95Ms: number; changes: number }> = [];
  for (const id of ids) {
    await page.goto(`${BASE}/scenarios/${id}`, { waitUntil: "networkidle" });
    await page.waitForSelector('input[type="range"]:not([disabled])');
    // In the page: move a slider between its ends and time each change until the KPI numbers change and a
    // frame has been painted with them.
    const measured = await page.evaluate(async (CHANGES) => {
      const kpis = document.querySelector(".kpi-tiles, [data-testid='kpi-tiles']") ?? document.querySelector("[data-testid='kpi-revenue']")!.closest("section, div")!;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      // t0 is when the change was due, not when its task ran: time the main thread was busy with the previous
      // change's charts or attribution counts, as it would for a real drag's input events.
      const once = (input: HTMLInputElement, value: string, due: number) =>
        new Promise<number | null>((resolve) => {
          const before = kpis.textContent;
          const t0 = Math.min(due, performance.now());
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve(null);
          }, 1000);
          const observer = new MutationObserver(() => {
            if (kpis.textContent === before) return;
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => resolve(performance.now() - t0));
          });
          observer.observe(kpis, { subtree: true, characterData: true, childList: true });
          setter.call(input, value);
          input.dispatchEvent(new Event("input", { bubbles: true }));
        });
      for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input[type="range"]'))) {
        const times: number[] = [];
        // start at the far end from the file value, so the first change always moves something
        const far = Number(input.value) <= (Number(input.min) + Number(input.max)) / 2 ? input.max : input.min;
        const near = far === input.max ? input.min : input.max;
        let due = performance.now();
        for (let i = 0; i < CHANGES; i++) {
          const t = await once(input, i % 2 === 0 ? far : near, due);
          if (t === null) break;
          times.push(t);
          due = performance.now() + 60;
          await new Promise((r) => setTimeout(r, 60));
        }
        if (times.length >= CHANGES / 2) return { control: input.getAttribute("aria-label") ?? "", times };
      }
      return null;
    }, SLIDER_CHANGES);
    if (measured)
      rows.push({
        scenario: id,
        control: measured.control.replace(/, slider$/, ""),
        medianMs: +percentile(measured.times, 50).toFixed(1),
        p95Ms: +percentile(measured.times, 95).toFixed(1),
        changes: measured.times.length,
      });
  }
  await browser.close();
  return rows;
}

/** Saved variants in the benchmark's database (the library page lists them a page at a time). */
const VARIANTS = 1000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PAGE = "/scenarios/2021-rectification";

export async function benchWeb(scenarioIds: string[]) {
  if (!fs.existsSync("build/index.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-web-"));
  const dbFile = path.join(dir, "model.db");
  setupDatabase({ path: dbFile });
  seedVariants(dbFile, VARIANTS);
  const port = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["scripts/serve.mjs", "build/index.js"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: dbFile, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(`${BASE}/healthz`);
    // Cold: a what-if value no request used before (the co-lending share moves within its range, 0.1 to 0.5).
    let n = 0;
    const fresh = () => `${PAGE}?r.own-funding-30.minOwnShare=${(0.1 + ((n++ * 0.000_013) % 0.4)).toFixed(7)}`;
    // The same page's loader data alone (`.data`, what a client navigation fetches), cold: the loader, its compute
    // on the pool and Remix's serialisation, without any HTML. Its queries sit half a step between the page's, so
    // neither row warms the other's caches. The ceiling a cold page could reach if its HTML cost nothing (decision 042).
    let m = 0;
    const freshData = () => `${PAGE}.data?r.own-funding-30.minOwnShare=${(0.1000065 + ((m++ * 0.000_013) % 0.4)).toFixed(7)}`;
    const rows: Array<{ connections: number; target: string } & Load> = [];
    const rssRuns: number[] = [];
    // After each heavy run, beside the RSS: what the caches hold and the main thread's heap (to tell growth up to
    // the caches' caps from a leak).
    const memoryRuns: Array<Record<string, number>> = [];
    for (const connections of [16, 64]) {
      const targets: Array<[string, string, (() => string) | undefined]> = [
        ["healthz", "/healthz", undefined],
        ["library", "/", undefined],
        ["scenarioWarm", PAGE, undefined],
        ["scenarioCold", PAGE, fresh],
        ...(connections === 16 ? [["scenarioColdData", `${PAGE}.data`, freshData] satisfies [string, string, () => string]] : []),
      ];
      for (const [target, p, f] of targets) {
        // A warm row measures a page already rendered: ask for it once first. On a loaded machine the one render a
        // warm row's first requests shared could take a whole short row (0 answers in 3 s at load average 27).
        if (!f) await fetch(`${BASE}${p}`, { headers: { "accept-encoding": "gzip, deflate, br" }, signal: AbortSignal.timeout(120_000) }).then((r) => r.arrayBuffer());
        const r = await load(p, connections, SECONDS, f);
        await settle();
        rows.push({ connections, target, ...r });
        console.log(JSON.stringify(rows.at(-1)));
        // The first heavy run is the cold row at 64 connections: the 16-connection row is lighter (fewer renders
        // in flight, caches not yet at their caps), so comparing against it measured the load, not growth.
        if (target === "scenarioCold" && connections === 64) {
          rssRuns.push(rssMiB(server.pid!));
          memoryRuns.push(await serverMemory());
        }
      }
    }
    // The second and third heavy runs, the same as the first (cold, 64 connections): memory should level off, not
    // grow with every new query.
    for (const run of ["2nd", "3rd"]) {
      const heavy = await load(PAGE, 64, SECONDS, fresh);
      await settle();
      rows.push({ connections: 64, target: `scenarioCold (${run} run)`, ...heavy });
      rssRuns.push(rssMiB(server.pid!));
      memoryRuns.push(await serverMemory());
    }
    // /healthz while the server is busy with cold renders at 64 connections.
    const [, healthzBusy] = await Promise.all([load(PAGE, 64, SECONDS, fresh), load("/healthz", 4, SECONDS)]);
    await settle();
    rows.push({ connections: 4, target: "healthz during cold load (64)", ...healthzBusy });

    const js = await jsBytes(PAGE);
    const sliders = await sliderLatency(scenarioIds);
    const at = (target: string, connections: number) => rows.find((r) => r.target === target && r.connections === connections)!;
    console.log(`\nWeb benchmark (server on ${BASE}, autocannon, ${SECONDS} s per row, ${VARIANTS} saved variants; 2 shared cores: noisy)`);
    console.table(rows.map((r) => ({ ...r, rps: Math.round(r.rps), p50Ms: r.p50Ms, p99Ms: r.p99Ms })));
    const healthzRps = at("healthz", 16).rps;
    const summary = {
      healthzRps,
      libraryRps: at("library", 16).rps,
      scenarioWarmRps: at("scenarioWarm", 16).rps,
      scenarioColdRps: at("scenarioCold", 16).rps,
      scenarioWarmP99Ms64: at("scenarioWarm", 64).p99Ms,
      warmRatio: at("scenarioWarm", 16).rps / healthzRps,
      coldRatio: at("scenarioCold", 16).rps / healthzRps,
      // The cold page's loader data without its HTML (decision 042): what the cold ratio could reach at most.
      scenarioColdDataRps: at("scenarioColdData", 16).rps,
      coldDataRatio: at("scenarioColdData", 16).rps / healthzRps,
      rssMiB: { afterFirstHeavyRun: rssRuns[0], afterThirdHeavyRun: rssRuns[2], ratio: rssRuns[2] / rssRuns[0] },
      rssRatio: rssRuns[2] / rssRuns[0],
      memoryAfterHeavyRuns: memoryRuns,
      // /healthz (4 connections) while 64 connections ask for cold scenario pages (decision 021: the compute pool).
      healthzRpsDuringColdLoad: healthzBusy.rps,
      healthzP50MsDuringColdLoad: healthzBusy.p50Ms,
      healthzP99MsDuringColdLoad: healthzBusy.p99Ms,
      scenarioColdRefused64: at("scenarioCold", 64).non2xx,
    };
    console.log(summary);
    console.log(`JavaScript shipped to ${PAGE}: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KiB raw, ${(js.gzip / 1024).toFixed(1)} KiB gzip`);
    console.log("Slider change -> updated numbers painted, in Chromium (ms):");
    console.table(sliders);
    return { ...summary, rows, js, sliders };
  } finally {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
