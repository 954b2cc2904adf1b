/**
 * CPU time of a cold scenario page, in process (decision 022): the built app's request handler is called with a
 * new what-if query each time (so no page cache holds): first for the loader's data alone (`.data`, computing and
 * caching the result and bands), then for the page with the same query, whose loader is then a cache hit: its
 * time is React's server render (and the HTML's serialised data). `node scripts/render-cpu.mjs [id] [n]` after
 * `remix build`.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRequestHandler } from "@remix-run/node";

const id = process.argv[2] ?? "2021-rectification";
const n = Number(process.argv[3] ?? 20);
const build = await import(pathToFileURL(path.resolve("build/index.js")).href);
const handle = createRequestHandler(build, "production");

async function cpu(url) {
  const t = process.cpuUsage();
  const res = await handle(new Request(url, { headers: { host: "127.0.0.1" } }));
  const body = await res.text();
  const d = process.cpuUsage(t);
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
  return (d.user + d.system) / 1000;
}

const page = [];
const data = [];
for (let i = 0; i < n + 3; i++) {
  // A what-if query the scenario accepts: an assumption moved by a tiny, different amount each time.
  const q = `a.cost-of-equity=${(0.1 + i * 0.0001).toFixed(4)}`;
  const d = await cpu(`http://127.0.0.1/scenarios/${id}.data?${q}`);
  const p = await cpu(`http://127.0.0.1/scenarios/${id}?${q}`);
  if (i >= 3) {
    page.push(p);
    data.push(d);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = { scenario: id, requests: n, loaderCpuMs: +median(data).toFixed(1), renderCpuMs: +median(page).toFixed(1) };
console.log(JSON.stringify(out));
process.exit(0);
