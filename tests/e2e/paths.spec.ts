/**
 * /paths/:id (the timeline) and the paths API: figures step by step with bands, events, each step's rules and
 * attribution that adds up, without JavaScript; axe; 1920x1080 and 1366x768.
 */
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the what-happened timeline: events, figures with bands step by step, the rules and their parts", async ({ page }) => {
    test.slow();
    const index = await (await page.request.get("/api/paths")).json();
    const listed = index.find((p: { id: string }) => p.id === "what-happened");
    expect(listed.steps.length).toBeGreaterThanOrEqual(5);
    const result = await (await page.request.get("/api/paths/what-happened/result")).json();
    expect(result.steps).toHaveLength(listed.steps.length);
    const response = await page.goto("/paths/what-happened");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(result.path.title);
    // One event per step on the axis, with its date.
    await expect(page.locator(".path-events li")).toHaveCount(result.steps.length);
    await expect(page.locator("#chart-profit-desc")).toContainText(result.steps[0].date);
    // Each step's column: the point value and its band, as the API gives them.
    const profit = page.locator('#path-steps tr[data-row-id="profit"]');
    await expect(profit.locator("td")).toHaveCount(result.steps.length + 1);
    await expect(profit.locator('[data-field="step-2"] .band')).toContainText(" to ");
    // Attribution within the rectification's step: its rules, and the footer is the step's change.
    const rect = result.steps.findIndex((s: { scenarios: string[] }) => s.scenarios.includes("2021-rectification"));
    expect(rect).toBeGreaterThanOrEqual(0);
    const table = page.locator(`#attribution-step-${rect + 1}`);
    const ids: string[] = result.steps[rect].attribution.ids;
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) await expect(table.locator(`tr[data-row-id="${id}"]`)).toHaveCount(1);
    const sum = result.steps[rect].attribution.byRule.profit.reduce((a: number, b: number) => a + b, 0);
    expect(sum).toBeCloseTo(result.steps[rect].change.profit, 6);
  });

  test("an unknown path is a 404 page and a 404 JSON; bad draws are a 400", async ({ page }) => {
    expect((await page.goto("/paths/no-such-path"))?.status()).toBe(404);
    await expect(page.getByText("There is no path 'no-such-path'")).toBeVisible();
    const api = await page.request.get("/api/paths/no-such-path/result");
    expect(api.status()).toBe(404);
    const bad = await page.request.get("/api/paths/what-happened/result?draws=0");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toContain("draws must be from 1 to");
  });
});

test("/paths/what-happened has no serious or critical accessibility violation (axe)", async ({ page }) => {
  test.slow();
  await page.goto("/paths/what-happened");
  expect(await seriousViolations(page)).toEqual([]);
});

for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  test(`/paths/what-happened fits ${width}x${height} without sideways scrolling (screenshot saved)`, async ({ page }, testInfo) => {
    test.slow();
    await page.setViewportSize({ width, height });
    await page.goto("/paths/what-happened");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll(".table-wrap")].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.querySelector("table")?.id),
    );
    expect(clipped).toEqual([]);
    const file = testInfo.outputPath(`paths-what-happened-${width}x${height}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`paths-${width}x${height}`, { path: file, contentType: "image/png" });
  });
}
