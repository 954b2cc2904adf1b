// CPU per cold /compare request (decision 039), in process against build/: `NODE_ENV=production node
// scripts/compare-cpu.mjs [n] [id,id,…]`. Total CPU (all threads, process.cpuUsage) and the main thread's share
// (/proc/self/task/<pid>/stat, 10 ms ticks, summed over the run). A new seed each request, so no cache holds.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/node";

const n = Number(process.argv[2] ?? 20);
const cols = (process.argv[3] ?? "2021-rectification,2021-co-lending,pipl-separate-consent").split(",");
const build = await import(pathToFileURL(path.resolve("build/index.js")).href);
const handle = createRequestHandler(build, "production");
const tick = () => { const f = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
async function one(seed) {
  const q = cols.map((c) => `s=${c}`).join("&") + `&seed=${seed}`;
  const t = process.cpuUsage(); const m = tick(); const w = performance.now();
  const res = await handle(new Request(`http://127.0.0.1/compare?${q}`, { headers: { host: "127.0.0.1" } }));
  const body = await res.text();
  const d = process.cpuUsage(t);
  if (res.status !== 200) throw new Error(`${res.status} ${body.slice(0, 300)}`);
  return { total: (d.user + d.system) / 1000, main: tick() - m, wall: performance.now() - w };
}
for (let i = 0; i < 3; i++) await one(1000 + i);
const rs = [];
for (let i = 0; i < n; i++) rs.push(await one(2000 + i));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ columns: cols.length, requests: n, totalCpuMsMedian: +median(rs.map((r) => r.total)).toFixed(1), mainThreadCpuMsMean: +(sum(rs.map((r) => r.main)) / n).toFixed(1), wallMsMedian: +median(rs.map((r) => r.wall)).toFixed(1) }));
process.exit(0);
