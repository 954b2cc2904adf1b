/**
 * The web half of `npm run bench` (run after the engine half by scripts/bench.ts):
 * - requests per second on /scenarios/:id as a ratio to /healthz, the smallest route of the same server, both
 *   measured in this run with the same concurrency;
 * - JavaScript shipped to a scenario page (gzip bytes of every script the page loads);
 * - time from a slider change to the updated numbers in Chromium, per library scenario (median and p95).
 * Needs a build (it runs `remix build` if build/ is missing) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
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

/** Requests per second on one path: `concurrency` keep-alive loops for `seconds`. */
async function rps(pathname: string, seconds = 4, concurrency = 8): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(`${BASE}${pathname}`, { agent }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`${pathname}: ${res.statusCode}`));
          res.resume();
          res.on("end", resolve);
        })
        .on("error", reject);
    });
  for (let i = 0; i < 20; i++) await get(); // warm-up
  let done = 0;
  const end = Date.now() + seconds * 1000;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        await get();
        done++;
      }
    }),
  );
  agent.destroy();
  return done / ((Date.now() - start) / 1000);
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

export async function benchWeb(scenarioIds: string[]) {
  if (!fs.existsSync("build/index.js")) spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-web-"));
  const dbFile = path.join(dir, "model.db");
  setupDatabase({ path: dbFile });
  const port = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["scripts/serve.mjs", "build/index.js"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: dbFile, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(`${BASE}/healthz`);
    const page = "/scenarios/2021-rectification";
    const minimal = await rps("/healthz");
    const scenario = await rps(page);
    const js = await jsBytes(page);
    const sliders = await sliderLatency(scenarioIds);
    console.log(`\nWeb benchmark (server on ${BASE}, 8 concurrent keep-alive clients, 4 s each)`);
    console.log(`/healthz: ${minimal.toFixed(0)} req/s; ${page}: ${scenario.toFixed(0)} req/s; ratio ${(scenario / minimal).toFixed(3)}`);
    console.log(`JavaScript shipped to ${page}: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KiB raw, ${(js.gzip / 1024).toFixed(1)} KiB gzip`);
    console.log("Slider change -> updated numbers painted, in Chromium (ms):");
    console.table(sliders);
    return { rps: { minimal, scenario, ratio: scenario / minimal }, js, sliders };
  } finally {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
