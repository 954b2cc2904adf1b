/**
 * Cold scenario pages against the real server (decision 033): starts `scripts/serve.mjs` (express, the fast path,
 * compression, the compute pool), asks for `/scenarios/<id>` with a what-if query no one asked before on every
 * request (as `npm run bench`'s `scenarioCold` row does), with a browser's Accept-Encoding, and reports requests/s
 * and the server's CPU per answered request: its main thread's and all its threads' (Linux /proc counters).
 *
 *   node scripts/cold-load.mjs [--seconds 5] [--connections 16] [--id 2021-rectification] [--dir .] [--port 3300] [--prof dir] [--data] [--servers 1]
 *
 * `--dir` runs the server of another checkout (its build and its data/), for side-by-side comparisons.
 * `--data` asks for the page's loader data alone (`/scenarios/<id>.data`, what a client navigation fetches): the
 * same loader and compute without any HTML, the ceiling of a cold page (decision 042). `--servers 2` starts two
 * server processes and splits the connections between them (mainMsPerRequest then sums both main threads).
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
    servers: { type: "string", default: "1" },
  },
});
const dir = path.resolve(opts.dir);

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
// `--servers N`: N server processes (ports port, port+1, ...) sharing the connections: what spreading the render
// over the cores as processes gives (decision 042). Each has its own caches and compute pool.
const ports = Array.from({ length: Math.max(1, Number(opts.servers)) }, (_, i) => Number(opts.port) + i);
// A port something already answers on would have the run measure that server instead of its own (another checkout's).
for (const port of ports) {
  const taken = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
  if (taken) throw new Error(`port ${port} is taken by another server: pass --port`);
}
const servers = ports.map((port) =>
  spawn(process.execPath, [...nodeArgs, "scripts/serve.mjs", "build/index.js"], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", DATABASE_PATH: path.join(dir, "data/ant-model.db") },
    stdio: ["ignore", "ignore", "inherit"],
  }),
);
// Each server's exit code once it has exited (a server that exits during the run stops the run).
const exitCodes = new Map();
for (const srv of servers) srv.once("exit", (code) => exitCodes.set(srv, code));
const base = (port) => `http://127.0.0.1:${port}`;
/** Every server's threads' CPU so far, keyed by pid and thread id. */
const allThreadsMs = () => new Map(servers.flatMap((srv) => [...threadsMs(srv.pid)].map(([tid, ms]) => [`${srv.pid}/${tid}`, ms])));
try {
  const end = Date.now() + 30_000;
  for (const [i, port] of ports.entries())
    for (;;) {
      if (exitCodes.has(servers[i])) throw new Error(`the server on port ${port} exited (code ${exitCodes.get(servers[i])})`);
      const ok = await fetch(`${base(port)}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > end) throw new Error("the server did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
  const page = `/scenarios/${opts.id}${opts.data ? ".data" : ""}`;
  let n = Number(opts.offset);
  const fresh = () => `${page}?r.own-funding-30.minOwnShare=${(0.1 + ((n++ * 0.000_013) % 0.4)).toFixed(7)}`;
  const accept = { "accept-encoding": "gzip, deflate, br" };
  const each = Math.max(1, Math.round(Number(opts.connections) / ports.length));
  const cannon = (port, connections, duration) =>
    autocannon({ url: `${base(port)}${page}`, connections, duration, headers: accept, requests: [{ setupRequest: (req) => ({ ...req, path: fresh() }) }] });
  // Warm-up: JIT and what does not depend on the query, then the measured run.
  await Promise.all(ports.map((port) => cannon(port, 4, 2)));
  const before = allThreadsMs();
  const runs = await Promise.all(ports.map((port) => cannon(port, each, Number(opts.seconds))));
  // Work autocannon gave up on is still done: wait for the pools to go idle before reading the counters.
  for (const port of ports)
    for (let i = 0; i < 100; i++) {
      const h = await fetch(`${base(port)}/healthz`);
      if (!/busy=[1-9]|queued=[1-9]/.test(h.headers.get("x-compute") ?? "")) break;
      await new Promise((res) => setTimeout(res, 100));
    }
  const after = allThreadsMs();
  const sum = (f) => runs.reduce((a, r) => a + f(r), 0);
  const ok = sum((r) => r.requests.total - r.non2xx);
  // Requests sent, answered or not: the server did the work of each (it is counted in the CPU after the settling).
  const sent = sum((r) => r.requests.sent);
  let all = 0;
  let main = 0;
  for (const [key, ms] of after) {
    const d = ms - (before.get(key) ?? 0);
    all += d;
    const [pid, tid] = key.split("/");
    if (pid === tid) main += d;
  }
  const bytes = sum((r) => r.throughput.total) / Math.max(1, sum((r) => r.requests.total));
  const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(
    JSON.stringify({
      dir: opts.dir,
      path: page,
      servers: ports.length,
      connections: each * ports.length,
      rps: +(ok / runs[0].duration).toFixed(1),
      // With one server, its latency; with several, the worst of theirs.
      p50Ms: Math.max(...runs.map((r) => r.latency.p50)),
      p99Ms: Math.max(...runs.map((r) => r.latency.p99)),
      non2xx: sum((r) => r.non2xx),
      sent,
      // Per request over every server: main threads' CPU (each process's own) and all threads'.
      mainMsPerRequest: +(main / sent).toFixed(1),
      allThreadsMsPerRequest: +(all / sent).toFixed(1),
      bytesPerResponse: Math.round(bytes),
      load,
    }),
  );
} finally {
  await Promise.all(
    servers.map((srv) => {
      if (exitCodes.has(srv)) return null;
      const exited = new Promise((resolve) => srv.once("exit", resolve));
      srv.kill("SIGTERM");
      return exited;
    }),
  );
}
