/**
 * The baseline model page, as a workshop sees it: the figures are the database's, with and without JavaScript;
 * the charts are drawn; every figure leads to its source; it passes axe; it fits a projector and a laptop.
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

import { formatHhi, formatMillions, formatPercent, formatRmbBn } from "../../app/utils/format";
import { queryScratch } from "./support/db";

type UnitRow = { id: string; name: string; revenue: number; capital_held: number; ant_stake: number };
type PlayerRow = { market_id: string; player_id: string; share: number; fragmented: number };

const units = () => queryScratch<UnitRow>("SELECT id, name, revenue, capital_held, ant_stake FROM units");

/**
 * Every figure in the page's tables, keyed "tableId|rowId|field" (rows by data-row-id, cells by data-field),
 * read in one round trip so comparing a hundred figures stays fast.
 */
async function tableFigures(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const num of document.querySelectorAll("table[id] [data-field] .num")) {
      const table = num.closest("table")!.id;
      const row = num.closest("[data-row-id]")?.getAttribute("data-row-id") ?? "";
      const field = num.closest("[data-field]")!.getAttribute("data-field");
      out[`${table}|${row}|${field}`] ??= num.textContent ?? "";
    }
    return out;
  });
}

async function expectFiguresMatchDatabase(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: /baseline model/i })).toBeVisible();
  await expect(page.getByText("These numbers are a model, not a forecast")).toBeVisible();

  const expected: Record<string, string> = {};
  const rows = units();
  expect(rows.length).toBeGreaterThanOrEqual(10);
  for (const u of rows) {
    expected[`units-table|${u.id}|revenue`] = formatRmbBn(u.revenue);
    expected[`units-table|${u.id}|capitalHeld`] = formatRmbBn(u.capital_held);
    expected[`units-table|${u.id}|antStake`] = formatPercent(u.ant_stake);
  }
  for (const s of queryScratch<{ id: string; users: number }>("SELECT id, users FROM services")) {
    expected[`services-table|${s.id}|users`] = formatMillions(s.users);
  }
  // Shares and HHI per market, recomputed here from the rows (fragmented players count 0).
  const players = queryScratch<PlayerRow>("SELECT market_id, player_id, share, fragmented FROM market_players");
  const hhis: Record<string, string> = {};
  for (const marketId of new Set(players.map((p) => p.market_id))) {
    const inMarket = players.filter((p) => p.market_id === marketId);
    for (const p of inMarket) expected[`market-${marketId}-table|${p.player_id}|share`] = formatPercent(p.share);
    const hhi = inMarket.reduce((sum, p) => (p.fragmented ? sum : sum + (p.share * 100) ** 2), 0);
    expected[`hhi-table|${marketId}|hhi`] = formatHhi(hhi);
    hhis[marketId] = formatHhi(hhi);
  }
  for (const b of queryScratch<{ unit_id: string; balance: number }>("SELECT unit_id, balance FROM credit_books")) {
    expected[`credit-books-table|${b.unit_id}|balance`] = formatRmbBn(b.balance);
  }
  expect(await tableFigures(page)).toMatchObject(expected);

  // The same check a reader makes: Huabei's row shows Huabei's revenue.
  const [huabei] = queryScratch<{ revenue: number }>("SELECT revenue FROM units WHERE id = 'huabei'");
  await expect(page.locator('#units-table tr[data-row-id="huabei"]')).toContainText(formatRmbBn(huabei.revenue));
  const [group] = queryScratch<{ revenue: number }>("SELECT revenue FROM group_figures ORDER BY id LIMIT 1");
  await expect(page.locator('[data-figure="group-revenue"] .num')).toHaveText(`${formatRmbBn(group.revenue)} RMB bn`);
  for (const [marketId, hhi] of Object.entries(hhis)) {
    await expect(page.locator(`#market-${marketId}-table tfoot [data-field="hhi"] .num`)).toHaveText(hhi);
  }
}

async function expectProvenanceLinks(page: Page) {
  // A fact: Huabei's revenue cites fact register keys; each marker points at a source listed on the page.
  const marks = page.locator('#units-table tr[data-row-id="huabei"] [data-field="revenue"] sup.prov a');
  expect(await marks.count()).toBeGreaterThan(0);
  for (const href of await marks.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
    expect(href).toMatch(/^#(src-S\d+|asm-[a-z0-9-]+)$/);
    await expect(page.locator(href!)).toHaveCount(1);
  }
  // Every marker on the page resolves to an anchor that exists.
  const hrefs = await page.locator("sup.prov a").evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")))]);
  expect(hrefs.length).toBeGreaterThan(10);
  const missing = await page.evaluate((all) => all.filter((h) => !h || !document.getElementById(h.slice(1))), hrefs);
  expect(missing).toEqual([]);
  // Assumptions are listed with their ranges.
  const [a] = queryScratch<{ id: string; label: string }>("SELECT id, label FROM assumptions LIMIT 1");
  await expect(page.locator(`#asm-${a.id}`)).toContainText(a.label);
  await expect(page.locator(`#assumptions-table tr[data-row-id="${a.id}"] [data-field="range"]`)).toContainText(" to ");
}

async function expectCharts(page: Page) {
  const charts = page.locator("figure[data-chart]");
  expect(await charts.count()).toBeGreaterThanOrEqual(5);
  // The server draws plain SVG (what a page without JavaScript keeps); recharts redraws it after hydration, when
  // it comes near the screen (decisions 022, 030). The matrix of services x units is recharts on both.
  const js = await page.evaluate(() => "__remixContext" in window).catch(() => false);
  for (const chart of await charts.all()) {
    if (js) await chart.scrollIntoViewIfNeeded();
    const plainToo = !js && (await chart.getAttribute("data-chart")) !== "service-unit-matrix";
    await expect(chart.locator(plainToo ? "svg.chart-svg" : "svg.recharts-surface")).toHaveCount(1);
  }
  // One bar per unit for revenue and one for capital held.
  await expect(page.locator(`figure[data-chart="units-chart"] ${js ? ".recharts-bar-rectangle" : ".chart-bar"}`)).toHaveCount(units().length * 2);
}

test.describe("with JavaScript", () => {
  test("the model page shows the database's figures, charts and provenance, and hydrates without errors", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));

    const response = await page.goto("/model");
    expect(response?.status()).toBe(200);
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized);
    await expectFiguresMatchDatabase(page);
    await expectCharts(page);
    await expectProvenanceLinks(page);
    expect(problems, "console errors or warnings (e.g. a hydration mismatch)").toEqual([]);
  });

  test("the model page has no serious or critical accessibility violation (axe)", async ({ page }) => {
    // axe walks every node of a long page: a few seconds alone, much more on a busy 2-core machine.
    test.slow();
    await page.goto("/model");
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`the model page fits ${width}x${height} without sideways scrolling (full-page screenshot saved)`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.goto("/model");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // No table or chart is cut off inside its own scroll box.
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll(".table-wrap, .chart-body")]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.querySelector("table")?.id || el.closest("figure")?.getAttribute("data-chart") || el.className),
      );
      expect(clipped).toEqual([]);
      const file = testInfo.outputPath(`model-${width}x${height}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`model-${width}x${height}`, { path: file, contentType: "image/png" });
    });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the model page gives every figure, chart and source link without JavaScript", async ({ page }) => {
    const response = await page.goto("/model");
    expect(response?.status()).toBe(200);
    await expectFiguresMatchDatabase(page);
    await expectCharts(page);
    await expectProvenanceLinks(page);
    // A provenance marker is an ordinary link: following it lands on the source.
    const marker = page.locator('#units-table tr[data-row-id="huabei"] [data-field="revenue"] sup.prov a').first();
    const href = await marker.getAttribute("href");
    await marker.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator(href!)).toBeInViewport();
  });
});

test("the fact register lists every seeded fact with its sources, and each source links back to its facts", async ({ page }) => {
  await page.goto("/model");
  const facts = queryScratch<{ id: string; text: string; source_keys: string }>("SELECT id, text, source_keys FROM facts ORDER BY rowid");
  expect(facts.length).toBeGreaterThan(40);
  await expect(page.locator("#facts li[data-fact-id]")).toHaveCount(facts.length);
  // The 2023 fine: its text, and markers to both of its sources, which are listed on the page.
  const fine = facts.find((f) => f.id === "ant-fine-2023")!;
  const row = page.locator('#facts li[data-fact-id="ant-fine-2023"]');
  await expect(row).toContainText("7.123 RMB bn");
  expect(await row.locator("sup.prov a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(
    (JSON.parse(fine.source_keys) as string[]).map((k) => `#src-${k}`),
  );
  // A source added this round (S86) leads to the fact that rests on it, and that link lands on the fact.
  const back = page.locator("#src-S86 .source-facts a", { hasText: "huabei-jiebei-brands" });
  await expect(back).toHaveAttribute("href", "#fact-huabei-jiebei-brands");
  await back.click();
  await expect(page.locator("#fact-huabei-jiebei-brands")).toBeInViewport();
});

test("each unit links into the library scenarios that change it", async ({ page }) => {
  await page.goto("/model");
  const huabei = page.locator('#unit-scenarios-table tr[data-row-id="huabei"] [data-field="scenarios"]');
  await expect(huabei.getByRole("link", { name: /April 2021 rectification/ })).toBeVisible();
  // Payments interoperability moves Alipay's payments unit, not the Zhima Credit unit
  await expect(
    page.locator('#unit-scenarios-table tr[data-row-id="alipay-payments"] [data-field="scenarios"]').getByRole("link", {
      name: /Interoperable payment links/,
    }),
  ).toBeVisible();
  await huabei.getByRole("link", { name: /April 2021 rectification/ }).click();
  await expect(page).toHaveURL(/\/scenarios\/2021-rectification$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("April 2021 rectification");
});
