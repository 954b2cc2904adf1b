/**
 * Helpers for the presentation and export browser tests: a saved variant to present and export, made through
 * the API (with a title a spreadsheet would run as a formula), and the CLI's `check` on a downloaded file.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

import type { APIRequestContext } from "@playwright/test";

import { E2E } from "./support/env";

/** A title that must arrive in a spreadsheet as text, and on a page as text. */
export const FORMULA_TITLE = '=HYPERLINK("http://evil.example/?x=1","<b>click</b>")';

/** Saves a small variant through the API; returns its id (version 1). */
export async function saveVariant(request: APIRequestContext, title = FORMULA_TITLE): Promise<string> {
  const scenario = {
    title,
    summary: "A saved variant for the presentation and export tests: the 30% co-lending rule alone.",
    date: "2021-02",
    sources: ["S36"],
    rules: [
      {
        id: "own-funding",
        type: "co-lending",
        label: "@ 30% own funding",
        units: ["huabei", "jiebei"],
        minOwnShare: { low: 0.1, high: 0.5, value: 0.3 },
        response: "raise",
      },
    ],
  };
  const response = await request.post("/api/variants", { data: { scenario, author: "e2e present" } });
  if (response.status() !== 201) throw new Error(`saving a variant failed: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** `npm run scenarios -- check <file>` against the browser tests' database: exit code and output. */
export function checkWithCli(file: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(E2E.root, "node_modules/tsx/dist/cli.mjs"), "scripts/scenarios.ts", "check", file], {
    cwd: E2E.root,
    env: { ...process.env, DATABASE_PATH: E2E.app.db },
    encoding: "utf8",
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

