/**
 * Paths built in the browser (issue 12 §1): stacked from the library's compare form, dated, saved (SQLite, a
 * `saved.` id), opened as a timeline at /paths/<id>, listed at /paths and GET /api/paths, changed into version 2;
 * conflicts within a step reported with both rules; what-ifs on paths kept in the URL; all without JavaScript;
 * axe; screenshots at 1920x1080 and 1366x768.
 */
import { expect, test, type Page } from "@playwright/test";

import { seriousViolations } from "./support/axe";

const KEY = "r.2021-rectification.yuebao-reduced.maxAum";

async function savePath(page: Page, stacked: string[], summary: string): Promise<string> {
  await page.goto(`/paths/new?${stacked.map((s) => `s=${encodeURIComponent(s)}`).join("&")}`);
  await page.locator('textarea[name="summary"]').fill(summary);
  await page.getByRole("button", { name: "Save path" }).click();
  await expect(page).toHaveURL(/\/paths\/saved\.[a-z0-9-]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the library's ticked scenarios stack into a path that is saved, opened, listed and versioned", async ({ page, request }) => {
    test.slow();
    await page.goto("/");
    const form = page.locator("form#compare-form");
    await form.locator('input[name="s"][value="2021-rectification"]').check();
    await form.locator('input[name="s"][value="pipl-separate-consent"]').check();
    await form.getByTestId("stack-path").click();
    await expect(page).toHaveURL(/\/paths\/new\?s=2021-rectification&s=pipl-separate-consent$/);
    await expect(page.locator("#path-items tbody tr")).toHaveCount(2);
    await expect(page.locator('input[name="date.0"]')).toHaveValue("2021-04-12");
    await page.locator('input[name="title"]').fill("Rectification, then PIPL (e2e)");
    await page.locator('textarea[name="summary"]').fill("Two steps stacked in the browser.");
    await page.locator('input[name="author"]').fill("Ana");
    await page.getByRole("button", { name: "Save path" }).click();
    await expect(page).toHaveURL(/\/paths\/saved\.rectification-then-pipl-e2e-[a-z0-9]{6}$/);
    const id = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rectification, then PIPL (e2e)");
    await expect(page.getByTestId("saved-path-version")).toContainText("Saved path, version 1 of 1, by Ana");
    // The timeline as a file's: two steps, with their bands.
    await expect(page.locator("#path-steps thead th")).toHaveCount(4);
    await expect(page.locator('#path-steps tr[data-row-id="profit"] td[data-field="step-2"] .band')).toContainText(" to ");

    await page.goto("/paths");
    await expect(page.locator(`#saved-paths li[data-path="${id}"]`)).toContainText("Rectification, then PIPL (e2e)");
    await expect(page.locator('#path-files li[data-path="what-happened"]')).toBeVisible();
    const listed = (await (await request.get("/api/paths")).json()) as Array<{ id: string; kind: string }>;
    expect(listed.find((p) => p.id === id)).toMatchObject({ kind: "saved" });
    expect(listed.find((p) => p.id === "what-happened")).toMatchObject({ kind: "file" });
    const result = await request.get(`/api/paths/${id}/result?draws=20`);
    expect(result.status()).toBe(200);
    expect(((await result.json()) as { steps: unknown[] }).steps).toHaveLength(2);

    // Version 2: the saved path changed (the PIPL step moved a month), version 1 kept.
    await page.goto(`/paths/${id}`);
    await page.getByRole("link", { name: "Change it (saves version 2)" }).click();
    await page.locator('input[name="date.1"]').fill("2021-12");
    await page.getByRole("button", { name: "Save as version 2" }).click();
    await expect(page).toHaveURL(new RegExp(`/paths/${id.replace(".", "\\.")}$`));
    await expect(page.getByTestId("saved-path-version")).toContainText("version 2 of 2");
    await expect(page.locator("#path-steps thead th").nth(3)).toContainText("2021-12");
    await page.goto(`/paths/${id}?v=1`);
    await expect(page.getByTestId("saved-path-version")).toContainText("version 1 of 2");
    await expect(page.locator("#path-steps thead th").nth(3)).toContainText("2021-11-01");
  });

  test("/compare's columns stack too: a what-if state brings its rules with the moved value", async ({ page }) => {
    test.slow();
    const whatIf = "2021-co-lending?r.own-funding-30.minOwnShare=0.45";
    await page.goto(`/compare?s=2021-rectification&s=${encodeURIComponent(whatIf)}`);
    await page.getByTestId("compare-stack-path").click();
    await expect(page.locator("#path-items tbody tr")).toHaveCount(2);
    await page.locator('input[name="date.1"]').fill("2022-01-01");
    const id = await (async () => {
      await page.locator('textarea[name="summary"]').fill("With the co-lending share at 45%.");
      await page.getByRole("button", { name: "Save path" }).click();
      await expect(page).toHaveURL(/\/paths\/saved\./);
      return new URL(page.url()).pathname.split("/").pop()!;
    })();
    // The step's own rule keeps its id along the path: its what-if key names the step.
    await page.goto(`/paths/${id}`);
    await expect(page.locator('[data-key="r.step-2.own-funding-30.minOwnShare"] input')).toHaveValue("0.45");
  });

  test("two rules of one type on one unit in a step are reported with both rules; later-wins resolves it", async ({ page }) => {
    await page.goto("/paths/new?s=2021-co-lending&s=2021-rectification");
    await page.locator('input[name="date.0"]').fill("2022-01-01");
    await page.locator('input[name="date.1"]').fill("2022-01-01");
    await page.locator('textarea[name="summary"]').fill("A clash.");
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Check" }).click();
    expect((await response).status()).toBe(400);
    await expect(page.locator("[data-problem]").first()).toContainText(
      /conflict: co-lending rule '2021-rectification\.own-funding-30' and co-lending rule '2021-co-lending\.own-funding-30' .* both act on unit 'huabei', unit 'jiebei' in the same step/,
    );
    await expect(page.locator('input[name="date.1"]')).toHaveValue("2022-01-01");
    await page.locator('select[name="conflicts"]').selectOption("later-wins");
    await page.getByRole("button", { name: "Save path" }).click();
    await expect(page).toHaveURL(/\/paths\/saved\./);
  });

  test("a path's what-if is a GET form; the URL keeps only what moved, and the figures follow", async ({ page }) => {
    test.slow();
    await page.goto("/paths/what-happened");
    const cell = page.locator('#path-steps tr[data-row-id="yuebao-aum"] td[data-field="step-2"]');
    const before = await cell.innerText();
    await page.locator(".path-whatif summary").click();
    await page.locator(`[data-key="${KEY}"] input`).fill("650");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`/paths/what-happened\\?${KEY.replace(/\./g, "\\.")}=650$`));
    await expect(page.getByTestId("path-whatif-moved")).toContainText("650");
    // The new page may still be parsing when the panel near its top shows: a read of the cell then gave "6" (the
    // first characters of a text node not yet whole). A web-first assertion waits for the whole figure.
    await expect(cell).toHaveText(/^650/);
    expect(await cell.innerText()).not.toBe(before);
    await page.getByTestId("path-whatif-reset").click();
    await expect(page).toHaveURL(/\/paths\/what-happened\?$|\/paths\/what-happened$/);
  });

  test("a bad what-if value is named and not used; bad ids and versions are clear 404/400 pages", async ({ page }) => {
    const r = await page.goto(`/paths/what-happened?${KEY}=5000&r.nope.x=1`);
    expect(r?.status()).toBe(200);
    await expect(page.getByTestId("path-whatif-errors")).toContainText(`'${KEY}' must be between 600 and 972.4, got 5000`);
    await expect(page.getByTestId("path-whatif-errors")).toContainText("Unknown parameter 'r.nope.x'");
    expect((await page.goto("/paths/saved.no-such-path-x1"))?.status()).toBe(404);
    expect((await page.goto("/paths/what-happened?v=2"))?.status()).toBe(400);
    expect((await page.goto("/paths/new?from=what-happened"))?.status()).toBe(404);
    const bad = await page.goto("/paths/new?s=2021-colending");
    expect(bad?.status()).toBe(400);
    await expect(page.locator("[data-problem]")).toContainText("there is no scenario '2021-colending' in the library");
  });
});

test.describe("with JavaScript", () => {
  test("axe: no serious violation on /paths, /paths/new and a saved path with a what-if", async ({ page }) => {
    test.slow();
    const id = await savePath(page, ["2021-rectification", "2023-07-fine"], "For axe.");
    for (const url of ["/paths", "/paths/new?s=2021-rectification&s=2023-07-fine", `/paths/${id}?${KEY}=700`]) {
      await page.goto(url);
      expect(await seriousViolations(page, url)).toEqual([]);
    }
  });

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`the path builder and a saved path fit ${width}x${height} (screenshots saved)`, async ({ page }, testInfo) => {
      test.slow();
      await page.setViewportSize({ width, height });
      const id = await savePath(page, ["2021-rectification", "pipl-separate-consent"], "For the screenshots.");
      for (const [name, url] of [
        ["path-builder", "/paths/new?s=2021-rectification&s=pipl-separate-consent&s=2023-07-fine"],
        ["saved-path", `/paths/${id}?${KEY}=700`],
      ] as const) {
        await page.goto(url);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBeLessThanOrEqual(0);
        const file = testInfo.outputPath(`${name}-${width}x${height}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(`${name}-${width}x${height}`, { path: file, contentType: "image/png" });
      }
    });
  }
});
