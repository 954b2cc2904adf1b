/**
 * /compare with what-if states and variants beside their originals (issue 13 §4), and its bands over the same
 * draws (issue 11 §3): the figures equal the engine's for the what-if, the bands equal comparisonBands on the same
 * seed, bad what-ifs are a 400 page saying what was wrong, "Add to compare" and "Compare with the original" work
 * without JavaScript; axe; screenshots at 1920x1080 and 1366x768.
 */
import { expect, test } from "@playwright/test";

import { evaluate } from "../../app/engine";
import { comparisonBands } from "../../app/scenarios/compare-bands";
import { applyWhatIf } from "../../app/scenarios/what-if";
import { formatRmbBn } from "../../app/utils/format";
import { evaluateLibrary, serverModel } from "./library-support";
import { seriousViolations } from "./support/axe";

const ID = "2021-co-lending";
const KEY = "r.own-funding-30.minOwnShare";
const WHATIF = `${ID}?${KEY}=0.5`;
const URL2 = `/compare?s=${ID}&s=${encodeURIComponent(WHATIF)}`;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a what-if state beside the scenario as written: the engine's figures, and bands on the same draws", async ({ page }) => {
    test.slow();
    const response = await page.goto(URL2);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparing 2 scenarios");
    const keys = page.locator(".compare-keys > li");
    await expect(keys.nth(1)).toContainText("with what-if");
    await expect(keys.nth(1).getByRole("link")).toHaveAttribute("href", `/scenarios/${ID}?${KEY}=0.5`);

    const model = await serverModel(page.request);
    const file = evaluateLibrary(model).find((e) => e.loaded.id === ID)!.loaded.scenario;
    const applied = applyWhatIf(file, { [KEY]: 0.5 });
    const moved = evaluate(model, applied.scenario, { assumptions: applied.assumptions });
    const profitCell = page.locator(`#compare-headline-table tr[data-row-id="profit"] td[data-field="${WHATIF}"] .num`).first();
    await expect(profitCell).toHaveText(formatRmbBn(moved.headline.profit.scenario));

    // The bands are those of the engine's helper on the default draws and seed, for both columns together.
    const { bands } = comparisonBands(model, [
      { scenario: file, whatIf: {} },
      { scenario: applied.scenario, whatIf: { [KEY]: 0.5 } },
    ]);
    const cell = (field: string) => page.locator(`#compare-bands-table tr[data-row-id="profit"] td[data-field="${field}"]`);
    await expect(cell(ID).locator('[data-band="value"]')).toHaveAttribute("data-p10", String(bands.headline.profit[0]!.p10));
    await expect(cell(WHATIF).locator('[data-band="value"]')).toHaveAttribute("data-p90", String(bands.headline.profit[1]!.p90));
    const vs = cell(WHATIF).locator('[data-band="versus-first"]');
    await expect(vs).toHaveAttribute("data-p10", String(bands.versusFirst.profit[1]!.p10));
    await expect(vs).toHaveAttribute("data-p90", String(bands.versusFirst.profit[1]!.p90));
    await expect(vs).toContainText(/^vs A: /);
    await expect(cell(ID).locator('[data-band="versus-first"]')).toHaveCount(0);
  });

  test("'Add to compare' on a what-if carries the moved values beside the file's, and back to the picker with both ticked", async ({ page }) => {
    await page.goto(`/scenarios/${ID}?${KEY}=0.45`);
    await page.getByTestId("whatif-add-compare").click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?s=${ID}&s=${ID}%3F${KEY.replace(/\./g, "\\.")}%3D0\\.45$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparing 2 scenarios");
    await page.getByTestId("compare-change").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare scenarios");
    await expect(page.locator(`.picker-extras input[value="${ID}?${KEY}=0.45"]`)).toBeChecked();
    await expect(page.locator(`.picker input[value="${ID}"]`)).toBeChecked();
    await page.locator('.picker input[value="pipl-separate-consent"]').check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparing 3 scenarios");
  });

  test("'Add to compare' with nothing moved opens the picker (200) with the scenario ticked", async ({ page }) => {
    await page.goto(`/scenarios/${ID}`);
    await page.getByTestId("whatif-add-compare").click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?s=${ID}$`));
    await expect(page.locator("main")).toContainText("tick at least 1 more");
    await expect(page.locator(`.picker input[value="${ID}"]`)).toBeChecked();
  });

  test("a variant's page compares it with its original", async ({ page, request }) => {
    const model = await serverModel(request);
    const file = evaluateLibrary(model).find((e) => e.loaded.id === ID)!.loaded.scenario;
    const { id: _id, ...definition } = applyWhatIf(file, { [KEY]: 0.4 }).scenario as typeof file & { id?: string };
    const created = await request.post("/api/variants", {
      data: { scenario: { ...definition, title: "Co-lending at 40% (e2e compare)" }, author: "e2e", forkedFrom: ID },
    });
    expect(created.status()).toBe(201);
    const { id, version } = (await created.json()) as { id: string; version: number };
    await page.goto(`/variants/${id}`);
    await page.getByTestId("variant-compare-original").click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?s=${ID}&s=${id}%40${version}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparing 2 scenarios");
    await expect(page.locator(".compare-keys > li").nth(1)).toContainText(`(variant, v${version})`);
  });
});

test.describe("bad columns are a 400 page saying what was wrong, with the picker", () => {
  const cases: Array<{ name: string; s: string; message: RegExp }> = [
    { name: "a value out of range", s: `${ID}?${KEY}=7`, message: new RegExp(`'${KEY.replace(/\./g, "\\.")}' must be between 0\\.1 and 0\\.5, got 7`) },
    { name: "a key the scenario lacks", s: `${ID}?r.nope.minOwnShare=0.3`, message: /Unknown parameter 'r\.nope\.minOwnShare'/ },
    { name: "not a number", s: `${ID}?${KEY}=lots`, message: /must be a number, got 'lots'/ },
    { name: "a key that is no what-if", s: `${ID}?draws=5`, message: /only rule parameters \(r\.<rule>\.<field>\) and assumptions \(a\.<id>\) can be set/ },
  ];
  for (const c of cases) {
    test(c.name, async ({ page }) => {
      const response = await page.goto(`/compare?s=pipl-separate-consent&s=${encodeURIComponent(c.s)}`);
      expect(response?.status()).toBe(400);
      await expect(page.locator("[data-problem]")).toContainText(c.message);
      await expect(page.locator('.picker input[value="pipl-separate-consent"]')).toBeChecked();
    });
  }

  test("bad draws are a 400 too", async ({ page }) => {
    const response = await page.goto(`/compare?s=${ID}&s=pipl-separate-consent&draws=0`);
    expect(response?.status()).toBe(400);
    await expect(page.locator("[data-problem]")).toContainText(/draws must be a whole number from 1 to 10000/);
  });
});

test.describe("with JavaScript", () => {
  test("axe: no serious violation on a what-if comparison nor on the picker with a what-if ticked", async ({ page }) => {
    test.slow();
    for (const url of [URL2, `/compare?pick&s=${encodeURIComponent(WHATIF)}`]) {
      await page.goto(url);
      expect(await seriousViolations(page, url)).toEqual([]);
    }
  });

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`a what-if comparison fits ${width}x${height} (screenshot saved)`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.goto(`${URL2}&s=2021-rectification`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll(".table-wrap")].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.querySelector("table")?.id),
      );
      expect(clipped).toEqual([]);
      const file = testInfo.outputPath(`compare-whatif-${width}x${height}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`compare-whatif-${width}x${height}`, { path: file, contentType: "image/png" });
    });
  }
});
