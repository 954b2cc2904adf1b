/**
 * CPU time of a cold scenario page, in process (decisions 022, 033): the built app's request handler is called
 * with a new what-if query each time (so no page cache holds), in three rounds of `n` requests:
 *   - `loader`: the loader's data alone (`.data`), computing and caching the view and its bands;
 *   - `render`: the page with the same queries, whose loader is then a cache hit: routing, Remix's serialisation of
 *     the loader data into the HTML and React's server render;
 *   - `cold`: the page for queries no one asked before, as a browser's first visit makes it: all of the above.
 * Each round gives the process's CPU per request (every thread: the compute pool's workers too) and the main
 * thread's alone (Linux: /proc's per-thread counters, in clock ticks, so summed over the round). A server on 2
 * cores is bounded by its busier thread, and the main thread is the one that routes, renders and sends.
 * `node scripts/render-cpu.mjs [id] [n]` after `npm run build`; it runs React's production build whatever the shell
 * says (NODE_ENV=production is set before the build is imported).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

process.env.NODE_ENV = "production";
const { createRequestHandler } = await import("@remix-run/node");

const id = process.argv[2] ?? "2021-rectification";
const n = Number(process.argv[3] ?? 20);
const build = await import(pathToFileURL(path.resolve("build/index.js")).href);
const handle = createRequestHandler(build, "production");

/** The main thread's CPU so far, in ms (utime + stime of its /proc task; 0 where there is no /proc). */
const ticksMs = 1000 / 100; // USER_HZ is 100 on Linux
function mainThreadMs() {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * ticksMs;
  } catch {
    return 0;
  }
}

async function get(url) {
  const res = await handle(new Request(url, { headers: { host: "127.0.0.1" } }));
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
  return body.length;
}

/** A what-if query the scenario accepts: an assumption moved by a tiny amount, different for each `i`. */
const query = (i) => `a.cost-of-equity=${(0.1 + i * 0.00001).toFixed(5)}`;

/** CPU of one round: per request, the process's median and the main thread's mean. */
async function round(urls) {
  const each = [];
  let bytes = 0;
  const main0 = mainThreadMs();
  for (const url of urls) {
    const t = process.cpuUsage();
    bytes = await get(url);
    const d = process.cpuUsage(t);
    each.push((d.user + d.system) / 1000);
  }
  const main = (mainThreadMs() - main0) / urls.length;
  const median = [...each].sort((a, b) => a - b)[Math.floor(each.length / 2)];
  return { cpuMs: +median.toFixed(1), mainThreadMs: +main.toFixed(1), bytes };
}

const base = `http://127.0.0.1/scenarios/${id}`;
// A warm-up round (JIT, caches of what does not depend on the query), then the measured rounds.
const warm = Array.from({ length: 5 }, (_, i) => i);
await round(warm.map((i) => `${base}.data?${query(i)}`));
await round(warm.map((i) => `${base}?${query(i)}`));
await round(warm.map((i) => `${base}?${query(i + 5)}`));
const ids = Array.from({ length: n }, (_, i) => 10 + i);
const loader = await round(ids.map((i) => `${base}.data?${query(i)}`));
const render = await round(ids.map((i) => `${base}?${query(i)}`));
const cold = await round(ids.map((i) => `${base}?${query(i + n)}`));
const out = {
  scenario: id,
  requests: n,
  // The names of earlier rounds' figures (README, decision 022): the process's CPU per request, median.
  loaderCpuMs: loader.cpuMs,
  renderCpuMs: render.cpuMs,
  coldCpuMs: cold.cpuMs,
  mainThreadMs: { loader: loader.mainThreadMs, render: render.mainThreadMs, cold: cold.mainThreadMs },
  bytes: { data: loader.bytes, html: render.bytes },
};
console.log(JSON.stringify(out));
process.exit(0);
