#!/usr/bin/env node
/**
 * `npm start`: from a fresh clone to a running dashboard, doing only the work that is missing.
 *   1. dependencies: `npm ci` when node_modules is missing, `npm install` when package.json or the lock file
 *      changed since the last install; otherwise skipped;
 *   2. environment: PORT, HOST and SCENARIOS_DIR checked by the server's env module, DATABASE_PATH by the
 *      database setup (clear message, exit 1);
 *   3. database: created, migrated and seeded if empty, its baseline re-seeded if the seed changed (db/setup.ts;
 *      saved variants are kept);
 *   4. build: `remix build` when build/ is missing or older than any source;
 *   5. serve: scripts/serve.mjs on HOST:PORT (remix-serve's setup plus time limits and the app's 403 page for
 *      cross-origin form posts, decision 013).
 * Plain Node on purpose: it must run before anything is installed. test.mjs reuses the helpers exported here.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** Prints a step's outcome in one line. */
export function say(message) {
  console.log(`[start] ${message}`);
}

/** Runs a command in the repo root with inherited output; exits the process with a message if it fails. */
export function run(command, args, { env = process.env, label = `${command} ${args.join(" ")}` } = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  if (result.error) {
    console.error(`[start] ${label} could not start: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`[start] ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest modification time of the files under `dir`, skipping `skip` (absolute paths). */
function newestUnder(dir, skip = []) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (skip.includes(full)) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(full, skip));
    // Tests are not part of the server bundle: editing one needs no rebuild.
    else if (entry.isFile() && !/\.test\.[cm]?[jt]sx?$/.test(entry.name)) newest = Math.max(newest, mtime(full) ?? 0);
  }
  return newest;
}

/**
 * Prints a line every `everyMs` while a long synchronous step runs, from a small child process (this one is blocked
 * in spawnSync): `npm ci` says nothing for minutes when its output is not a terminal, which looked like a hang.
 * Returns the function that stops it.
 * @param {string} label
 * @param {{ everyMs?: number; dir?: string; out?: "inherit" | number }} [options] `out`: where lines go (a file descriptor in tests)
 */
export function startHeartbeat(label, { everyMs = 10_000, dir = path.join(ROOT, "node_modules"), out = "inherit" } = {}) {
  const script = `
    const fs = require("node:fs");
    const started = Date.now();
    // Ends with its parent (the pipe closes when \`npm start\` exits, even through process.exit).
    process.stdin.on("end", () => process.exit(0));
    process.stdin.resume();
    setInterval(() => {
      let n = 0;
      try { n = fs.readdirSync(${JSON.stringify(dir)}).filter((f) => !f.startsWith(".")).length; } catch {}
      const s = Math.round((Date.now() - started) / 1000);
      console.log(\`[start] ${label.replace(/[`$\\]/g, "")}: still working, \${s} s, \${n} packages in node_modules so far\`);
    }, ${Number(everyMs)});`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", out, "inherit"] });
  return () => child.kill();
}

/** Installs dependencies when node_modules is missing or older than package.json / package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(ROOT, "node_modules", ".package-lock.json");
  const installed = mtime(marker);
  const lock = mtime(path.join(ROOT, "package-lock.json"));
  const manifest = mtime(path.join(ROOT, "package.json")) ?? 0;
  if (installed === undefined) {
    const [cmd, why] = lock ? ["ci", "node_modules is missing"] : ["install", "no lock file"];
    say(`dependencies: ${why}, running npm ${cmd} (a few minutes the first time; a line every 10 s shows it working)`);
    const stop = startHeartbeat(`npm ${cmd}`);
    try {
      run(NPM, [cmd, "--no-audit", "--no-fund", "--foreground-scripts"]);
    } finally {
      stop();
    }
  } else if (Math.max(lock ?? 0, manifest) > installed) {
    say("dependencies: package.json or package-lock.json changed since the last install, running npm install");
    const stop = startHeartbeat("npm install");
    try {
      run(NPM, ["install", "--no-audit", "--no-fund", "--foreground-scripts"]);
    } finally {
      stop();
    }
  } else {
    say("dependencies: up to date (skipped npm install)");
    return;
  }
  // npm may rewrite the lock file after node_modules/.package-lock.json: mark the install as the newer.
  const now = new Date();
  if (fs.existsSync(marker)) fs.utimesSync(marker, now, now);
}

/**
 * PORT, HOST and SCENARIOS_DIR as the server will use them, validated by the server's own env module
 * (app/utils/env.server.ts, through scripts/server-env.ts run with tsx: this file is plain Node), so npm start
 * and the server can never disagree. Returns the values, or one message per bad variable.
 * @param {Record<string, string | undefined>} env
 * @returns {{ port: number, host: string, scenariosDir: string, errors: [] } | { errors: string[] }}
 */
export function readServerEnv(env = process.env) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "scripts", "server-env.ts")], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  if (result.status === 0) return { ...JSON.parse(result.stdout), errors: [] };
  const errors = (result.stderr ?? "").split("\n").filter((line) => line.trim() !== "");
  return { errors: errors.length ? errors : [`checking the environment failed (exit ${result.status ?? result.signal})`] };
}

/** The sources the server bundle is built from (public/build is output, not input). */
function newestSource() {
  const files = ["remix.config.js", "package.json", "tsconfig.json", "remix.env.d.ts"].map((f) => mtime(path.join(ROOT, f)) ?? 0);
  return Math.max(
    ...files,
    newestUnder(path.join(ROOT, "app")),
    newestUnder(path.join(ROOT, "db"), [path.join(ROOT, "db", "migrations")]),
    newestUnder(path.join(ROOT, "public"), [path.join(ROOT, "public", "build")]),
  );
}

/** Runs `remix build` when build/ or public/build/ is missing or older than a source; returns whether it built. */
export function ensureBuild({ log = say } = {}) {
  const serverBuild = path.join(ROOT, "build", "index.js");
  const built = mtime(serverBuild);
  // The Web Worker is bundled after remix build (scripts/build-worker.mjs): its manifest marks a complete build.
  const assets = fs.existsSync(path.join(ROOT, "public", "build", "workers", "manifest.json"));
  // `npm run dev` writes a development build to the same place: never serve that as production.
  const production = built !== undefined && /\bvar mode = "production"/.test(fs.readFileSync(serverBuild, "utf8"));
  if (built !== undefined && assets && production && built >= newestSource()) {
    log("build: up to date (skipped remix build)");
    return false;
  }
  const why = built === undefined ? "no build yet" : !production ? "the build is a development build" : "sources changed";
  log(`build: ${why}, running remix build`);
  run(process.execPath, [path.join(ROOT, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"], {
    label: "remix build",
  });
  run(process.execPath, [path.join(ROOT, "scripts", "build-worker.mjs")], { label: "worker build" });
  return true;
}

/** Tries to listen on host:port; resolves null when free, else the error code (EADDRINUSE, ENOTFOUND, ...). */
function probeListen(port, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error) => resolve(error.code ?? error.message));
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}

async function main() {
  process.chdir(ROOT);
  ensureDependencies();

  const server = readServerEnv();
  if (server.errors.length) {
    for (const e of server.errors) console.error(`[start] ${e}`);
    process.exit(1);
  }
  const { port, host } = server;

  // Validates DATABASE_PATH too, and says what it did (created + seeded / up to date).
  run(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/db-setup.ts"], { label: "database setup" });

  ensureBuild();

  const problem = await probeListen(port, host);
  if (problem === "EADDRINUSE") {
    console.error(`[start] ${host}:${port} is already in use. Stop what runs there, or choose another port: PORT=3001 npm start`);
    process.exit(1);
  } else if (problem) {
    console.error(`[start] cannot listen on HOST=${host} PORT=${port} (${problem}). Use an address of this machine, e.g. HOST=127.0.0.1`);
    process.exit(1);
  }
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  say(`serving the dashboard at ${url}/ (the scenario library; the baseline model at ${url}/model). Ctrl+C stops it.`);
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs"), "build/index.js"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PORT: String(port), HOST: host, NODE_ENV: process.env.NODE_ENV || "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      child.kill(signal);
      // The server waits for open connections to close; do not hang on a stuck one.
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) await main();
