#!/usr/bin/env node
/**
 * `npm test`: the whole suite, failing fast with a non-zero exit.
 *   1. dependencies (as npm start: installs only if missing or stale);
 *   2. a Chromium for the browser tests: CHROMIUM_PATH, else /usr/bin/chromium, else installed with apt-get
 *      when running as root, else Playwright's own download if present, else exact instructions and exit 1;
 *   3. type check (tsc --noEmit);
 *   4. unit tests (vitest run);
 *   5. the production build (remix build, skipped when up to date);
 *   6. browser tests (playwright test) against the built server and a scratch database.
 * Extra arguments go to Playwright, e.g. `npm test -- -g "404"`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { ROOT, ensureBuild, ensureDependencies } from "./start.mjs";

const steps = [];
const started = Date.now();

function log(message) {
  console.log(`[test] ${message}`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function summary(failed) {
  const parts = steps.map((s) => `${s.name} ${s.ok ? "ok" : "FAILED"} (${seconds(s.ms)})`);
  log(`${failed ? "FAILED" : "passed"}: ${parts.join(", ")}; total ${seconds(Date.now() - started)}`);
}

/** Runs one step; on failure prints the summary and exits with the step's code. */
function step(name, fn) {
  log(`── ${name}`);
  const t = Date.now();
  let ok = false;
  let code = 1;
  try {
    code = fn();
    ok = code === 0 || code === undefined;
  } finally {
    steps.push({ name, ok, ms: Date.now() - t });
  }
  if (!ok) {
    summary(true);
    process.exit(typeof code === "number" && code > 0 ? code : 1);
  }
}

/** Runs a Node CLI from node_modules with inherited output; returns its exit code. */
function node(script, args, env = process.env) {
  const result = spawnSync(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, stdio: "inherit", env });
  if (result.error) console.error(`[test] ${script} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Playwright's own Chromium, if `npx playwright install chromium` was run on this machine. */
async function playwrightChromium() {
  try {
    const { chromium } = await import("@playwright/test");
    const file = chromium.executablePath();
    return isExecutable(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The browser for the browser tests, as an env for Playwright; exits with instructions when there is none. */
async function ensureChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) {
      log(`chromium: ${configured} (CHROMIUM_PATH)`);
      return { ...process.env, CHROMIUM_PATH: configured };
    }
    console.error(`[test] CHROMIUM_PATH=${configured} is not an executable file.`);
    return null;
  }
  const debian = "/usr/bin/chromium";
  if (isExecutable(debian)) {
    log(`chromium: ${debian}`);
    return { ...process.env, CHROMIUM_PATH: debian };
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && isExecutable("/usr/bin/apt-get")) {
    log("chromium: not found, installing Debian's chromium with apt-get (about a minute)");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit", env }) : update;
    if (install.status === 0 && isExecutable(debian)) return { ...process.env, CHROMIUM_PATH: debian };
    console.error("[test] apt-get could not install chromium (see above).");
  }
  const own = await playwrightChromium();
  if (own) {
    log(`chromium: Playwright's own, ${own}`);
    const env = { ...process.env };
    delete env.CHROMIUM_PATH;
    return env;
  }
  console.error(
    [
      "[test] The browser tests need Chromium, and none was found. Install one of:",
      "         sudo apt-get update && sudo apt-get install -y chromium     (Debian/Ubuntu; gives /usr/bin/chromium)",
      "         npx playwright install chromium                            (Playwright's own build; needs internet)",
      "       or point CHROMIUM_PATH at a Chromium or Chrome executable, then run npm test again.",
    ].join("\n"),
  );
  return null;
}

process.chdir(ROOT);
step("dependencies", () => ensureDependencies());
// The browser first: a missing one is found in seconds, not after the slower steps.
const t = Date.now();
log("── chromium");
const browserEnv = await ensureChromium();
steps.push({ name: "chromium", ok: !!browserEnv, ms: Date.now() - t });
if (!browserEnv) {
  summary(true);
  process.exit(1);
}
step("typecheck", () => node("node_modules/typescript/bin/tsc", ["--noEmit"]));
step("unit tests", () => node("node_modules/vitest/vitest.mjs", ["run"]));
step("build", () => {
  ensureBuild({ log });
  return 0;
});
step("browser tests", () => node("node_modules/@playwright/test/cli.js", ["test", ...process.argv.slice(2)], browserEnv));
summary(false);
