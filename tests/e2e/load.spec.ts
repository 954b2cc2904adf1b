/**
 * The server keeps answering while heavy work runs (decision 021): a cold scenario page's draws and sensitivity run
 * on the compute pool's worker threads, so /healthz answers while they are computed. Before the pool the request's
 * own event loop did the work, and /healthz waited for all of it. No timing is asserted beyond a generous limit:
 * the point is that /healthz answers at all while the pool reports work in progress.
 */
import { expect, test } from "@playwright/test";

test("/healthz answers while heavy scenario pages are being computed", async ({ request }) => {
  test.slow();
  // Two cold pages with 10,000 draws each (the most a URL takes), seeds no other request uses.
  const seed = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  const heavy = [0, 1].map((i) => request.get(`/scenarios/2021-rectification?draws=10000&seed=${seed + i}`, { timeout: 120_000 }));
  let sawWork = false;
  const seen: string[] = [];
  for (let i = 0; i < 400 && !sawWork; i++) {
    const health = await request.get("/healthz", { timeout: 10_000 });
    expect(health.status()).toBe(200);
    const compute = health.headers()["x-compute"] ?? "";
    seen.push(compute);
    // a task running (or waiting) on the pool while /healthz answered
    sawWork = /busy=[1-9]|queued=[1-9]/.test(compute);
    if (!sawWork) await new Promise((r) => setTimeout(r, 25));
  }
  expect(sawWork, `X-Compute answers: ${[...new Set(seen)].join(", ")}`).toBe(true);
  for (const r of await Promise.all(heavy)) expect(r.status()).toBe(200);
});

test("the scenario page names the model's immutable address instead of carrying it, and the what-if fetches it once", async ({ page, request }) => {
  const html = await (await request.get("/scenarios/2021-co-lending")).text();
  const href = /\/model-data\/[\w-]{22}\.json/.exec(html)?.[0];
  expect(href, "the page names the model's address").toBeTruthy();
  // The whole model (its regulatory parameters, every assumption's rationale) is not in the page any more.
  expect(html).not.toContain("regulatoryParameters");
  const asset = await request.get(href!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await asset.json()).regulatoryParameters.length).toBeGreaterThan(0);

  const fetched: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/model-data/")) fetched.push(new URL(r.url()).pathname);
  });
  await page.goto("/scenarios/2021-co-lending");
  await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  // The live what-if runs on the fetched model: moving a slider changes the profit tile without a navigation.
  const profit = page.getByTestId("kpi-profit");
  const before = await profit.textContent();
  const slider = page.locator('[data-key="r.own-funding-30.minOwnShare"] input[type="range"]');
  await slider.fill(String(Number(await slider.getAttribute("min"))));
  await expect(profit).not.toHaveText(before!);
  // Another scenario page names the same address (the browser keeps the immutable file).
  await page.goto("/scenarios/2021-rectification");
  await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  expect(fetched.every((p) => p === href)).toBe(true);
  expect(fetched.length).toBeGreaterThanOrEqual(1);
});
