/**
 * Cold scenario pages against the real server (decision 033): starts `scripts/serve.mjs` (express, the fast path,
 * compression, the compute pool), asks for `/scenarios/<id>` with a what-if query no one asked before on every
 * request (as `npm run bench`'s `scenarioCold` row does), with a browser's Accept-Encoding, and reports requests/s
 * and the server's CPU per answered request: its main thread's and all its threads' (Linux /proc counters).
 *
 *   node scripts/cold-load.mjs [--seconds 5] [--connections 16] [--id 2021-rectification] [--dir .] [--port 3300] [--prof dir] [--data]
 *
 * `--dir` runs the server of another checkout (its build and its data/), for side-by-side comparisons.
 * `--data` asks for the page's loader data alone (`/scenarios/<id>.data`, what a client navigation fetches): the
 * same loader and compute without any HTML, the ceiling of a cold page (decision 042).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import autocannon from "autocannon";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "16" },
    id: { type: "string", default: "2021-rectification" },
    dir: { type: "string", default: "." },
    port: { type: "string", default: process.env.E2E_PORT ?? "3300" },
    // Different runs should not share queries when they share a server's caches (they do not: each run starts one).
    offset: { type: "string", default: "0" },
    // A directory for the server's CPU profile (node --cpu-prof), written when it stops.
    prof: { type: "string" },
    data: { type: "boolean", default: false },
  },
});
const dir = path.resolve(opts.dir);
const base = `http://127.0.0.1:${opts.port}`;

/** CPU so far of each thread of `pid`, in ms, by thread id (utime + stime; USER_HZ is 100 on Linux). */
function threadsMs(pid) {
  const out = new Map();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(tid, (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      /* the thread ended */
    }
  }
  return out;
}

const nodeArgs = opts.prof ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(opts.prof)}`] : [];
const server = spawn(process.execPath, [...nodeArgs, "scripts/serve.mjs", "build/index.js"], {
  cwd: dir,
  env: { ...process.env, PORT: opts.port, HOST: "127.0.0.1", NODE_ENV: "production", DATABASE_PATH: path.join(dir, "data/ant-model.db") },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  const end = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > end) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  const page = `/scenarios/${opts.id}${opts.data ? ".data" : ""}`;
  let n = Number(opts.offset);
  const fresh = () => `${page}?r.own-funding-30.minOwnShare=${(0.1 + ((n++ * 0.000_013) % 0.4)).toFixed(7)}`;
  const accept = { "accept-encoding": "gzip, deflate, br" };
  // Warm-up: JIT and what does not depend on the query, then the measured run.
  await autocannon({ url: `${base}${page}`, connections: 4, duration: 2, headers: accept, requests: [{ setupRequest: (req) => ({ ...req, path: fresh() }) }] });
  const before = threadsMs(server.pid);
  const r = await autocannon({
    url: `${base}${page}`,
    connections: Number(opts.connections),
    duration: Number(opts.seconds),
    headers: accept,
    requests: [{ setupRequest: (req) => ({ ...req, path: fresh() }) }],
  });
  // Work autocannon gave up on is still done: wait for the pool to go idle before reading the counters.
  for (let i = 0; i < 100; i++) {
    const h = await fetch(`${base}/healthz`);
    if (!/busy=[1-9]|queued=[1-9]/.test(h.headers.get("x-compute") ?? "")) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  const after = threadsMs(server.pid);
  const ok = r.requests.total - r.non2xx;
  // Requests sent, answered or not: the server did the work of each (it is counted in the CPU after the settling).
  const sent = r.requests.sent;
  let all = 0;
  for (const [tid, ms] of after) all += ms - (before.get(tid) ?? 0);
  const main = after.get(String(server.pid)) - before.get(String(server.pid));
  const bytes = r.throughput.total / Math.max(1, r.requests.total);
  const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(
    JSON.stringify({
      dir: opts.dir,
      path: page,
      connections: Number(opts.connections),
      rps: +(ok / r.duration).toFixed(1),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      non2xx: r.non2xx,
      sent,
      mainMsPerRequest: +(main / sent).toFixed(1),
      allThreadsMsPerRequest: +(all / sent).toFixed(1),
      bytesPerResponse: Math.round(bytes),
      load,
    }),
  );
} finally {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}
