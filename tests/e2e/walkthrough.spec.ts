/**
 * What a new user reading the pages found wrong once, checked on the pages as served (without JavaScript): the
 * words and numbers must agree with each other across pages and with the engine.
 */
import { expect, test } from "@playwright/test";

import { createVariantViaApi, uniqueTitle } from "./builder-support";

test.use({ javaScriptEnabled: false });

test("the what-if panel reads money as the rule does (780.8, not 781) and writes a range's unit once", async ({ page }) => {
  await page.goto("/scenarios/2021-rectification");
  const cap = page.locator('.control[data-key="r.yuebao-reduced.maxAum"]');
  await expect(cap.locator(".control-value .num")).toHaveText("780.8 RMB bn");
  await expect(cap.locator(".control-range")).toHaveText("600 to 972.4 RMB bn");
  await expect(page.locator("#rule-yuebao-reduced .rule-text")).toContainText("780.8 RMB bn");
  const fee = page.locator('.control[data-key="a.platform-fee-rate"]');
  await expect(fee.locator(".control-range")).toHaveText("1% to 2.74% per year, of the facilitated balance");
  await expect(page.locator('.control[data-key="a.bureau-queries-per-borrower"] .control-range')).toHaveText(
    "1 to 12 queries per borrower per year",
  );
});

test("an input that moves a headline figure but not net profit does not read 'net profit moves 0.0'", async ({ page }) => {
  await page.goto("/scenarios/2021-rectification");
  const multiple = page.locator('[data-testid="swing-a.valuation-multiple"]');
  await expect(multiple).toHaveAttribute("data-moves", "true");
  await expect(multiple).toHaveText("End to end: moves other headline figures; net profit less than 0.05 RMB bn");
  await expect(page.locator(".control-swing", { hasText: "moves 0.0 RMB bn" })).toHaveCount(0);
  await expect(page.locator('[data-testid="swing-a.platform-fee-rate"]')).toHaveText("End to end: net profit moves 9.6 RMB bn");
});

test("a disabled Undo looks disabled, as the disabled Reset does (it looked like the active buttons)", async ({ page }) => {
  await page.goto("/scenarios/2021-rectification");
  const undo = page.getByTestId("whatif-undo");
  await expect(undo).toBeDisabled();
  const color = (testId: string) => page.getByTestId(testId).evaluate((el) => getComputedStyle(el).color);
  expect(await color("whatif-undo")).toBe(await color("whatif-reset"));
  expect(await color("whatif-undo")).not.toBe(await color("whatif-save-variant"));
});

test("explanations name entry points in words, not by their ids", async ({ page }) => {
  await page.goto("/scenarios/2021-rectification");
  await expect(page.getByText(/Pay later \(Huabei\) loses the default at checkout inside Alipay; 70% of the users who came that way/)).toHaveCount(1);
  expect(await page.locator("main").innerText()).not.toMatch(/loses [a-z]+-[a-z]+/);
});

test("net profit is not called recurring where a fine lowers it; equity value is recurring profit × a multiple", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#metric-profit")).toContainText("recurring profit less any one-off charge");
  const fine = page.locator('article[data-scenario="2023-07-fine"]').locator('tr[data-row-id="profit"]');
  await expect(fine).toContainText("−7.12");
  await expect(fine).not.toContainText("recurring");
  await expect(page.locator('tr[data-row-id="equityValue"]').first()).toContainText("recurring profit × a multiple");
  await page.goto("/present/2023-07-fine?slide=3");
  await expect(page.locator('[data-kpi="equityValue"]')).toContainText("recurring profit × multiple");
});

test("the back-test's and a path's time charts step their value axis in round numbers", async ({ page }) => {
  test.slow(); // the first request computes the bands of every step
  for (const url of ["/history", "/paths/what-happened"]) {
    await page.goto(url);
    const labels = await page.locator(".time-chart svg text[text-anchor='end']").allTextContents();
    expect(labels.length, url).toBeGreaterThan(8);
    for (const label of labels) expect(label, url).toMatch(/^(0|[1-9]\d{0,2}(,\d{3})*)%?$/);
  }
});

test("where the units facilitate, the deck and /compare do not say the shortfall was met by shrinking books", async ({ page }) => {
  await page.goto("/present/2021-rectification?slide=7");
  const slide = page.locator("section.slide[data-slide-id='capital']");
  await expect(slide.getByTestId("takeaway")).toContainText("met by moving loans onto partner banks' books rather than raising capital");
  await expect(slide.getByTestId("capital-table")).toContainText("Met by moving loans onto partner banks' books");
  await expect(slide).not.toContainText("shrinking");
  await page.goto("/compare?s=2021-rectification&s=2021-co-lending");
  await expect(page.locator("main")).toContainText("Met without new capital");
  await expect(page.locator("main")).not.toContainText("Met by shrinking books");
});

test("a deck of one rule does not say it is 'applied together'", async ({ page, request }) => {
  const id = await createVariantViaApi(request, uniqueTitle("One-rule deck"));
  await page.goto(`/present/${id}?slide=2`);
  await expect(page.locator("section.slide[data-slide-id='rules'] .slide-takeaway")).toHaveText("One rule.");
  await page.goto("/present/2021-rectification?slide=2");
  await expect(page.locator("section.slide[data-slide-id='rules'] .slide-takeaway")).toHaveText("7 rules, applied together (order does not matter).");
});

test("/model/about's sensitivity names rule parameters by their labels, as the scenario page does", async ({ page }) => {
  test.slow(); // the first request computes the path's last step
  await page.goto("/model/about");
  const labels = await page.locator("#about-sensitivity tbody th").allTextContents();
  expect(labels.length).toBeGreaterThan(3);
  for (const label of labels) expect(label).not.toMatch(/: [a-z]+[A-Z]\w*$/); // was "…: maxLeverage", "…: costPerQuery"
  expect(labels.join(" | ")).toContain("Own-funded book capped at 5× capital: Largest leverage");
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });

  test("a slider's step writes a clean number into the address (0.0201, not 0.0200999999999999)", async ({ page }) => {
    await page.goto("/scenarios/2021-rectification");
    const slider = page.locator('.control[data-key="a.platform-fee-rate"] input[type="range"]');
    await expect(slider).toBeEnabled({ timeout: 30_000 });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(/a\.platform-fee-rate=/);
    const value = new URL(page.url()).searchParams.get("a.platform-fee-rate")!;
    expect(value).toBe(String(Number(Number(value).toPrecision(12))));
    expect(value.replace(/^0\./, "").length).toBeLessThanOrEqual(6);
  });
});
