/** The JSON API, the 404 page, the favicon, security headers, and the 503 page for a missing or corrupt database. */
import { expect, test } from "@playwright/test";

import { E2E } from "./support/env";
import { queryScratch } from "./support/db";

const STACK_TRACE = /\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules\//;

test("GET /api/model returns the model as JSON with units, sources and assumptions", async ({ request }) => {
  const response = await request.get("/api/model");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toBe("no-cache");
  const model = await response.json();
  const [{ n: unitCount }] = queryScratch<{ n: number }>("SELECT count(*) AS n FROM units");
  expect(model.units).toHaveLength(unitCount);
  expect(model.sources.length).toBeGreaterThan(0);
  expect(model.assumptions.length).toBeGreaterThan(0);
  expect(model.assumptions[0]).toEqual(expect.objectContaining({ low: expect.any(Number), high: expect.any(Number) }));

  // Revalidation with the ETag costs nothing.
  const etag = response.headers()["etag"];
  expect(etag).toBeTruthy();
  const again = await request.get("/api/model", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
});

test("/ is the scenario library, with a link to the model", async ({ request }) => {
  const response = await request.get("/", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('href="/model"');
  expect(html).toContain('href="/scenarios/2021-rectification"');
});

test("an unknown URL gets a clear 404 page without a stack trace", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("There is no page at /no/such/page.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the baseline model" })).toBeVisible();
  expect(await page.content()).not.toMatch(STACK_TRACE);
});

test("the favicon is served", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test("pages carry security headers", async ({ request }) => {
  const response = await request.get("/model");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("script-src 'self' 'nonce-");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
});

for (const [what, target] of [
  ["missing", E2E.missingDb],
  ["corrupt", E2E.corruptDb],
] as const) {
  test(`a ${what} database file gives a clear 503 page saying how to rebuild it`, async ({ page, request }) => {
    const response = await page.goto(`${target.url}/model`);
    expect(response?.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1, name: "The model database is unavailable" })).toBeVisible();
    await expect(page.getByText(target.db, { exact: false }).first()).toBeVisible();
    await expect(page.locator("main")).toContainText("npm run db:setup");
    expect(await page.content()).not.toMatch(STACK_TRACE);

    const api = await request.get(`${target.url}/api/model`);
    expect(api.status()).toBe(503);
    const body = await api.json();
    expect(body.title).toBe("The model database is unavailable");
    expect(body.error).toContain(target.db);
  });
}
