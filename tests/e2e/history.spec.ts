/**
 * /history (the back-test) and /model/about: the coverage line is the API's, every row gives its numbers without
 * JavaScript, inputs are marked, the charts are drawn; axe passes; the pages fit a projector and a laptop.
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

type Row = { metric: string; date: string; reported: number; source: string; model: number | null; low: number | null; high: number | null; inside: boolean | null; input: boolean };

async function history(page: Page): Promise<{ coverage: { inside: number; outputs: number }; rows: Row[] }> {
  const res = await page.request.get("/api/history");
  expect(res.status()).toBe(200);
  return res.json();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the back-test shows the API's coverage line, a row per outcome with its source, inputs marked, and its charts", async ({ page }) => {
    test.slow(); // the first request computes the bands of every step
    const api = await history(page);
    expect(api.rows.length).toBeGreaterThanOrEqual(10);
    expect(api.coverage.outputs).toBe(api.rows.filter((r) => !r.input && r.model !== null).length);
    expect(api.coverage.inside).toBe(api.rows.filter((r) => !r.input && r.model !== null && r.inside === true).length);
    const response = await page.goto("/history");
    expect(response?.status()).toBe(200);
    await expect(page.locator('[data-figure="coverage"]')).toHaveText(
      `${api.coverage.inside} of ${api.coverage.outputs} model outputs inside their 80% band`,
    );
    const rows = page.locator("#backtest tbody tr");
    await expect(rows).toHaveCount(api.rows.length);
    // Yu'e Bao in Q2 2021: 780.8 reported [S42], typed into the rectification's cap: shown as an input.
    const q2 = page.locator('#backtest tr[data-row-id="yuebao-aum:Yu\'e Bao AUM, Q2 2021"]');
    await expect(q2.locator('[data-field="reported"]')).toHaveText("780.8");
    await expect(q2.locator('[data-field="source"]')).toContainText("S42");
    await expect(q2.locator('[data-field="input"]')).toContainText("input: typed into rule 2021-rectification");
    // Inputs never count, outputs say so.
    const inputs = api.rows.filter((r) => r.input).length;
    await expect(page.locator('#backtest [data-field="input"]', { hasText: /^input:/ })).toHaveCount(inputs);
    // A chart per figure with a reported outcome, each an SVG with a text description.
    const charts = page.locator(".time-chart svg[role=img]");
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    await expect(page.locator("#history-yuebao-aum-desc")).toContainText("780.8");
  });

  test("the model's documentation: purpose, mechanisms, assumptions with ranges, limits, the back-test's coverage, sensitivity, change log", async ({ page }) => {
    test.slow();
    const api = await history(page);
    const response = await page.goto("/model/about");
    expect(response?.status()).toBe(200);
    for (const name of ["Purpose and intended use", "Data and assumptions", "Limits: what this model cannot say", "Outcomes analysis", "Sensitivity", "Change log: the decision records"])
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    await expect(page.locator('[data-figure="about-coverage"]')).toHaveText(
      `${api.coverage.inside} of ${api.coverage.outputs} model outputs inside their 80% band`,
    );
    await expect(page.getByText("voting control from 53.46% to 6.2%")).toBeVisible();
    expect(await page.locator("#about-assumptions tbody tr").count()).toBeGreaterThan(10);
    expect(await page.locator("#about-sensitivity tbody tr").count()).toBeGreaterThan(0);
    await expect(page.locator('.decisions li[value="17"]')).toContainText("017: ");
  });
});

for (const url of ["/history", "/model/about"]) {
  test(`${url} has no serious or critical accessibility violation (axe)`, async ({ page }) => {
    test.slow();
    await page.goto(url);
    expect(await seriousViolations(page, url)).toEqual([]);
  });

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`${url} fits ${width}x${height} without sideways scrolling (screenshot saved)`, async ({ page }, testInfo) => {
      test.slow();
      await page.setViewportSize({ width, height });
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll(".table-wrap")].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.querySelector("table")?.id),
      );
      expect(clipped).toEqual([]);
      const file = testInfo.outputPath(`${url.replace(/\//g, "_")}-${width}x${height}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${url}-${width}x${height}`, { path: file, contentType: "image/png" });
    });
  }
}
