/**
 * Helpers for the builder's browser tests: unique titles (the scratch database is shared by every spec), a
 * variant made through the API, the CLI's `check` on a downloaded file, and the form's live state.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";

import { expect, type APIRequestContext, type Page } from "@playwright/test";

import { E2E } from "./support/env";

/** A title no other test uses. */
export function uniqueTitle(what: string): string {
  return `${what} ${crypto.randomBytes(4).toString("hex")}`;
}

/** A small valid scenario definition. */
export function sampleScenario(title: string) {
  return {
    title,
    summary: "Made by the builder's browser tests.",
    date: "2021-04",
    sources: ["S36"],
    rules: [{ id: "own-funding", type: "co-lending", label: "Own funding", units: ["huabei"], minOwnShare: 0.3, response: "raise" }],
  };
}

/** Creates a variant through the API; returns its id. */
export async function createVariantViaApi(request: APIRequestContext, title: string): Promise<string> {
  const response = await request.post("/api/variants", { data: { scenario: sampleScenario(title), author: "e2e" } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Titles of the stored variants whose title contains `title` (the API lists a page at a time: searched, not
 * listed whole). Tests check "nothing stored" by their own unique title, never by a count: the other worker saves
 * variants into the same scratch database at the same time.
 */
export async function storedVariantTitles(request: APIRequestContext, title: string): Promise<string[]> {
  const response = await request.get(`/api/variants?q=${encodeURIComponent(title.slice(0, 100))}&limit=100`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { variants: Array<{ title: string }> }).variants.map((v) => v.title);
}

/** `npm run scenarios -- check <file>` against the browser tests' database: exit code and output. */
export function cliCheck(file: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(E2E.root, "node_modules/tsx/dist/cli.mjs"), "scripts/scenarios.ts", "check", file], {
    cwd: E2E.root,
    env: { ...process.env, DATABASE_PATH: E2E.app.db },
    encoding: "utf8",
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Waits until the builder has hydrated (its buttons then edit the form in place). */
export async function builderReady(page: Page) {
  await expect(page.locator("#builder-form")).toHaveAttribute("data-hydrated", "true", { timeout: 40_000 });
}

/** A figure of the preview's headline table: `scenario` or `baseline` column. */
export function previewFigure(page: Page, key: string, column: "scenario" | "baseline" | "change" = "scenario") {
  return page.locator(`#preview-headline tr[data-row-id="${key}"] [data-field="${column}"]`);
}
