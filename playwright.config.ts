/**
 * Browser tests against the real built server (`npm run build` first; `npm test` does it).
 * Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download if installed.
 * Three servers: the app on a scratch database, and two on a missing / corrupt database for the 503 page.
 */
import fs from "node:fs";

import { defineConfig } from "@playwright/test";

import { E2E } from "./tests/e2e/support/env";

function chromiumExecutable(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

function server(target: { port: number; url: string; db: string }, { quiet = false } = {}) {
  return {
    command: "node scripts/serve.mjs build/index.js",
    // A static file: readiness must not open the database before the global setup has built it.
    url: `${target.url}/favicon.ico`,
    env: { PORT: String(target.port), HOST: "127.0.0.1", DATABASE_PATH: target.db, NODE_ENV: "production" },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    // The 503 servers' expected "database unavailable" warnings would read like failures in the test output.
    stderr: quiet ? ("ignore" as const) : ("pipe" as const),
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  globalSetup: "./tests/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous limits: the machines are shared (load averages of 5-7 on 2 cores seen), and an axe run on the model
  // page already takes 25 s there. A limit is a hang detector here, not a speed check (speed is `npm run bench`).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: E2E.app.url,
    // Tracing snapshots the (large) model page at every step and slows the suite down: opt in with PW_TRACE=1.
    trace: process.env.PW_TRACE ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [server(E2E.app), server(E2E.missingDb, { quiet: true }), server(E2E.corruptDb, { quiet: true })],
});
