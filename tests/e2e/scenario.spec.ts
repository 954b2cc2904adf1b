/**
 * The scenario page as a workshop uses it: the CLI's numbers with and without JavaScript, a live what-if that
 * changes every number without a navigation and keeps its state in the URL, clear messages for bad URL values,
 * a reset, accessibility, and screenshots at projector and laptop sizes.
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

import { formatMillions, formatRmbBn } from "../../app/utils/format";
import { DEFAULT_DRAWS, DEFAULT_SEED } from "../../app/engine/uncertainty";
import { createVariantViaApi, sampleScenario, uniqueTitle } from "./builder-support";
import { cell, evaluateVariantWithEngine, evaluateWithCli, evaluateWithEngine, expectedKpis, pageKpis } from "./scenario-support";

const ID = "2021-rectification";
const KEY = "r.own-funding-30.minOwnShare";

async function hydrated(page: Page) {
  // Hydration parses the model and the scenario: allow for a busy 2-core machine.
  await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
}

async function expectCliNumbers(page: Page, id = ID) {
  const { result, attribution } = evaluateWithCli(id);
  expect(await pageKpis(page)).toEqual(expectedKpis(result));
  // Tables beside the charts carry the same numbers.
  for (const s of result.services) {
    await expect(cell(page, "services-result-table", s.id, "users")).toHaveText(formatMillions(s.users.scenario));
  }
  for (const u of result.units.filter((x) => x.capitalRequired.scenario > 0)) {
    await expect(cell(page, "capital-table", u.id, "required")).toHaveText(formatRmbBn(u.capitalRequired.scenario));
  }
  // One waterfall row per rule, plus baseline and scenario, with the attribution's numbers.
  await expect(page.locator("#waterfall-table tbody tr")).toHaveCount(attribution.ruleIds.length + 2);
  await expect(cell(page, "waterfall-table", "scenario", "revenueRunning")).toHaveText(formatRmbBn(result.headline.revenue.scenario));
  await expect(page.locator(".rule-list > li")).toHaveCount(attribution.ruleIds.length);
}

test.describe("with JavaScript", () => {
  test("the scenario page shows the CLI's numbers, rules in plain language and charts, and hydrates cleanly", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    const response = await page.goto(`/scenarios/${ID}`);
    expect(response?.status()).toBe(200);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(evaluateWithCli(ID).scenario.title);
    await expect(page.getByText("A what-if tool, not a forecast")).toHaveCount(1);
    await expect(page.locator('#rule-own-funding-30 .rule-text')).toHaveText(/must fund at least 30% of each co-lent loan themselves/);
    await expect(page.locator("#rule-own-funding-30 .family")).toHaveText("Capital");
    await expectCliNumbers(page);
    // recharts redraws a chart when it comes near the screen (decision 030).
    for (const chart of await page.locator("figure[data-chart]").all()) {
      await chart.scrollIntoViewIfNeeded();
      await expect(chart.locator("svg.recharts-surface")).toHaveCount(1);
    }
    expect(await page.locator("figure[data-chart]").count()).toBeGreaterThanOrEqual(7);
    // Provenance: explanations link to the model's assumptions and sources.
    const asm = page.locator('.explanation a[href^="/model#asm-"]').first();
    await expect(asm).toBeVisible();
    await expect(page.locator('.scenario-sources a[href="/model#src-S36"]')).toHaveCount(1);
    expect(problems, "console errors or warnings (e.g. a hydration mismatch)").toEqual([]);
  });

  test("moving a slider changes every number without a navigation, and the URL reproduces it", async ({ page, request }) => {
    await page.goto(`/scenarios/${ID}`);
    await hydrated(page);
    await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = "still here"));
    const before = await pageKpis(page);

    // Type a value into the number input: the numbers follow at once.
    await page.locator(`input[type="number"][name="${KEY}%"]`).fill("40");
    await expect(page.getByTestId("kpi-capitalShortfall")).not.toHaveText(before["kpi-capitalShortfall"]);
    await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-eval-ms", /^\d+\.\d\d$/);
    await expect(page).toHaveURL(new RegExp(`\\?${KEY.replace(/\./g, "\\.")}=0\\.4$`));
    // The rule's plain-language text follows the value, and says what the file had.
    const rule = page.locator('[data-rule-id="own-funding-30"]');
    await expect(rule).toHaveAttribute("data-whatif", "changed");
    await expect(rule.locator(".rule-text")).toContainText(/^What-if: .*40%/);
    await expect(rule.locator(".rule-file-text")).toContainText(/^In the file: .*30%/);
    await expect(page.locator('[data-rule-id="yuebao-reduced"]')).not.toHaveAttribute("data-whatif", "changed");

    // The keyboard moves the slider too.
    const slider = page.locator(`[data-key="a.cost-of-equity"] input[type="range"]`);
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(/a\.cost-of-equity=0\.1005/);

    expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("still here");
    expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);

    const url = new URL(page.url());
    const expected = await evaluateWithEngine(request, ID, url.search);
    await expect.poll(() => pageKpis(page)).toEqual(expectedKpis(expected.result));
    // The waterfall follows (attribution runs in slices between frames).
    await expect(cell(page, "waterfall-table", "own-funding-30", "revenue")).toHaveText(
      /^[+−]?[\d.,]+$/,
    );
    await expect(page.locator(".waterfalls-body")).toHaveAttribute("data-pending", "false");
    // The moved rule's bar says so (its label was written for the file's 30%).
    await expect(cell(page, "waterfall-table", "own-funding-30", "step")).toContainText("(what-if)");
    await expect(cell(page, "waterfall-table", "yuebao-reduced", "step")).not.toContainText("(what-if)");
    const live = await pageKpis(page);
    const liveWaterfall = await page.locator("#waterfall-table").innerText();

    // A fresh load of that URL shows the same numbers, rendered by the server.
    const fresh = await page.context().newPage();
    await fresh.goto(url.pathname + url.search);
    expect(await pageKpis(fresh)).toEqual(live);
    expect(await fresh.locator("#waterfall-table").innerText()).toBe(liveWaterfall);
    await expect(fresh.locator(`input[type="number"][name="${KEY}%"]`)).toHaveValue("40");
    await expect(fresh.locator('[data-rule-id="own-funding-30"] .rule-text')).toContainText(/^What-if: .*40%/);
    await fresh.close();
  });

  test("a malformed or out-of-range URL value gets a clear message and the file's value", async ({ page }) => {
    const response = await page.goto(`/scenarios/${ID}?a.cost-of-equity=abc&${KEY}=2&r.no-such-rule.x=1&bands=1999`);
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("'a.cost-of-equity' must be a number, got 'abc'");
    await expect(alert).toContainText(`'${KEY}' must be between 0.1 and 0.5, got 2`);
    await expect(alert).toContainText("Unknown parameter 'r.no-such-rule.x'");
    await expect(alert).toContainText("'bands' must be 2010, 2023 or pboc");
    expect(await pageKpis(page)).toEqual(expectedKpis(evaluateWithCli(ID).result));
    await expect(page.locator(`input[type="number"][name="${KEY}%"]`)).toHaveValue("30");
  });

  test("reset returns to the file's values and a clean URL", async ({ page }) => {
    await page.goto(`/scenarios/${ID}?${KEY}=0.45&a.cost-of-equity=0.12`);
    await hydrated(page);
    expect(await pageKpis(page)).not.toEqual(expectedKpis(evaluateWithCli(ID).result));
    await page.getByTestId("whatif-reset").click();
    await expect.poll(() => pageKpis(page)).toEqual(expectedKpis(evaluateWithCli(ID).result));
    await expect(page).toHaveURL(new RegExp(`/scenarios/${ID}$`));
    await expect(page.locator(`input[type="number"][name="${KEY}%"]`)).toHaveValue("30");
    await expect(page.locator('.rule[data-whatif="changed"]')).toHaveCount(0);
  });

  test("HHI bands: the 2010 guidelines by default, the 2023 ones with bands=2023, the PBoC test with bands=pboc", async ({ page }) => {
    await page.goto(`/scenarios/payments-interoperability`);
    await expect(page.getByTestId("hhi-bands")).toHaveText("2010 US horizontal merger guidelines");
    await expect(page.getByTestId("market-basis")).toContainText("originates the loan");
    await page.getByRole("link", { name: /the 2023 US merger guidelines/ }).click();
    await expect(page).toHaveURL(/bands=2023/);
    await expect(page.getByTestId("hhi-bands")).toHaveText("2023 US merger guidelines");
    await page.getByRole("link", { name: /the PBoC draft rules/ }).click();
    await expect(page).toHaveURL(/bands=pboc/);
    await expect(page.getByTestId("hhi-bands")).toHaveText("PBoC draft rules for non-bank payment institutions (Jan 2021)");
    // The band column follows the PBoC share test: mobile payments (Alipay 55.4%) is above 1/2 for one.
    await expect(page.locator("#hhi-result-table")).toContainText("dominance presumed");
  });

  test("every library scenario renders the engine's headline numbers; hypothetical ones say so", async ({ page, request }) => {
    test.slow();
    const list = (await (await request.get("/api/scenarios")).json()) as Array<{ id: string; ok: boolean; hypothetical?: boolean }>;
    for (const s of list.filter((x) => x.ok)) {
      const response = await page.goto(`/scenarios/${s.id}`);
      expect(response?.status(), s.id).toBe(200);
      const { result } = await evaluateWithEngine(request, s.id, "");
      expect(await pageKpis(page), s.id).toEqual(expectedKpis(result));
      await expect(page.locator(".badge-hypothetical"), s.id).toHaveCount(s.hypothetical ? 1 : 0);
    }
  });

  test("an unknown or invalid scenario id gets a clear 404 page", async ({ page }) => {
    let response = await page.goto("/scenarios/no-such-scenario");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Scenario not found" })).toBeVisible();
    await expect(page.getByText("There is no scenario 'no-such-scenario' in the library, and no saved variant by that id.")).toBeVisible();
    response = await page.goto("/scenarios/Not_An_Id");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("is not a scenario id")).toBeVisible();
  });

  test("the scenario page has no serious or critical accessibility violation (axe)", async ({ page }) => {
    test.slow();
    await page.goto(`/scenarios/${ID}?${KEY}=0.4&bands=2023`);
    await hydrated(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`the scenario page fits ${width}x${height} (full-page screenshots saved)`, async ({ page }, testInfo) => {
      test.slow(); // three loads of a long page, each hydrated
      await page.setViewportSize({ width, height });
      for (const id of [ID, "hypothetical-alipay-breakup"]) {
        await page.goto(`/scenarios/${id}`);
        await hydrated(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, id).toBeLessThanOrEqual(0);
        const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".scenario-page")!).fontSize));
        expect(bodySize).toBeGreaterThanOrEqual(18);
        const file = testInfo.outputPath(`scenario-${id}-${width}x${height}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(`scenario-${id}-${width}x${height}`, { path: file, contentType: "image/png" });
      }
      // The viewport as the room sees it on arrival.
      const top = testInfo.outputPath(`scenario-${ID}-${width}x${height}-viewport.png`);
      await page.goto(`/scenarios/${ID}`);
      await hydrated(page);
      await page.screenshot({ path: top });
      await testInfo.attach(`scenario-viewport-${width}x${height}`, { path: top, contentType: "image/png" });
    });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page gives every number in tables, and the what-if form works by GET", async ({ page, request }) => {
    const response = await page.goto(`/scenarios/${ID}`);
    expect(response?.status()).toBe(200);
    await expectCliNumbers(page);
    for (const id of ["services-result-table", "waterfall-table", "capital-table", "flow-matrix", "flows-table", "hhi-result-table"]) {
      await expect(page.locator(`table#${id}`), id).toHaveCount(1);
    }
    await page.locator(`input[type="number"][name="${KEY}%"]`).fill("40");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`${KEY.replace(/\./g, "\\.")}=0\\.4`));
    await page.waitForLoadState("load");
    const expected = await evaluateWithEngine(request, ID, new URL(page.url()).search);
    expect(await pageKpis(page)).toEqual(expectedKpis(expected.result));
    // Reset is a plain link back to the file's values.
    await page.getByTestId("whatif-reset").click();
    await expect(page).toHaveURL(new RegExp(`/scenarios/${ID}\\??$`));
    // The URL changes when the response starts; the tiles are read once the whole page has arrived.
    await page.waitForLoadState("load");
    expect(await pageKpis(page)).toEqual(expectedKpis(evaluateWithCli(ID).result));
  });
});

test.describe("a saved variant in depth", () => {
  const VKEY = "r.own-funding.minOwnShare";

  test("shows the version's numbers and charts, keeps ?v= while the what-if moves, and its downloads and deck follow", async ({ page, request }) => {
    test.slow();
    const title = uniqueTitle("E2E in depth");
    const id = await createVariantViaApi(request, title);
    const second = sampleScenario(title);
    second.rules[0]!.minOwnShare = 0.4;
    expect((await request.post(`/api/variants/${id}/versions`, { data: { baseVersion: 1, scenario: second } })).status()).toBe(201);

    await page.goto(`/scenarios/${id}?v=1`);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator(".scenario-kicker")).toContainText("Saved variant, version 1 of 2");
    await expect(page.getByRole("link", { name: "variant history, diff and edits" })).toHaveAttribute("href", `/variants/${id}`);
    expect(await pageKpis(page)).toEqual(expectedKpis((await evaluateVariantWithEngine(request, id, 1, "")).result));
    await expect(page.locator("figure[data-chart]").first()).toBeVisible();

    await page.locator(`input[type="number"][name="${VKEY}%"]`).fill("45");
    await expect(page).toHaveURL((url) => url.searchParams.get("v") === "1" && url.searchParams.get(VKEY) === "0.45");
    const expected = await evaluateVariantWithEngine(request, id, 1, `${VKEY}=0.45`);
    await expect.poll(() => pageKpis(page)).toEqual(expectedKpis(expected.result));
    await expect(page.getByTestId("present-link")).toHaveAttribute("href", `/present/${id}?${VKEY}=0.45&v=1`);
    await expect(page.locator('a[data-export="result.csv"]')).toHaveAttribute(
      "href",
      // The result files carry the page's draws and seed, so they hold the ranges on screen (decision 023).
      `/scenarios/${id}/export/result.csv?${VKEY}=0.45&v=1&draws=${DEFAULT_DRAWS}&seed=${DEFAULT_SEED}`,
    );
    // The variant header and a rule changed by the what-if pass axe too.
    await expect(page.locator('.rule[data-whatif="changed"]')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);

    // Version 2 is another page with its own numbers; a reload of the what-if URL gives the same numbers.
    await page.goto(`/scenarios/${id}?v=2`);
    expect(await pageKpis(page)).toEqual(expectedKpis((await evaluateVariantWithEngine(request, id, 2, "")).result));
    await page.goto(`/scenarios/${id}?v=1&${VKEY}=0.45`);
    expect(await pageKpis(page)).toEqual(expectedKpis(expected.result));

    // The variant's own page links here.
    await page.goto(`/variants/${id}`);
    await page.getByTestId("variant-in-depth").click();
    await expect(page).toHaveURL(new RegExp(`/scenarios/${id}\\?v=2$`));
  });

  test("without JavaScript the what-if form keeps the version", async ({ browser, request }) => {
    const id = await createVariantViaApi(request, uniqueTitle("E2E in depth no-JS"));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/scenarios/${id}?v=1`);
    await page.locator(`input[type="number"][name="${VKEY}%"]`).fill("35");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("v") === "1" && url.searchParams.get(VKEY) === "0.35");
    expect(await pageKpis(page)).toEqual(expectedKpis((await evaluateVariantWithEngine(request, id, 1, `${VKEY}=0.35`)).result));
    await context.close();
  });

  test("an unknown version is a 404; 'v' on a library scenario or a malformed 'v' is a 400, each with its message", async ({ page, request }) => {
    const id = await createVariantViaApi(request, uniqueTitle("E2E in depth errors"));
    expect((await page.goto(`/scenarios/${id}?v=7`))?.status()).toBe(404);
    await expect(page.locator("main")).toContainText(`Variant '${id}' has no version 7: its versions are 1 to 1.`);
    expect((await page.goto(`/scenarios/${ID}?v=2`))?.status()).toBe(400);
    await expect(page.locator("main")).toContainText(`'${ID}' is a library scenario: it has no versions`);
    expect((await page.goto(`/scenarios/${id}?v=abc`))?.status()).toBe(400);
    await expect(page.locator("main")).toContainText("'v' must be a version number (1, 2, ...), got 'abc'.");
  });
});

test.describe("inputs from history", () => {
  test.use({ javaScriptEnabled: false });

  test("the scenario page and the deck mark the numbers typed in from history, with their sources, as no prediction", async ({ page, request }) => {
    const definition = (await (await request.get(`/api/scenarios/${ID}`)).json()) as { inputs: Array<{ rule: string; field: string; sources: string[] }> };
    expect(definition.inputs.length).toBeGreaterThanOrEqual(4);
    await page.goto(`/scenarios/${ID}`);
    for (const input of definition.inputs) {
      const note = page.locator(`#rules [data-rule-id="${input.rule}"] [data-input="${input.rule}.${input.field}"]`);
      await expect(note).toContainText("Input from history");
      await expect(note).toContainText("not a prediction");
      for (const key of input.sources) await expect(note.locator(`a[href="/model#src-${key}"]`)).toHaveText(key);
    }
    await expect(page.locator('[data-input="yuebao-reduced.maxAum"]')).toContainText("780.8");
    // A what-if that moves an input says it is no longer the historical figure.
    await page.goto(`/scenarios/${ID}?r.yuebao-reduced.maxAum=700`);
    await expect(page.locator('[data-input="yuebao-reduced.maxAum"]')).toContainText("no longer the historical figure");
    // The deck's rules slide says the same.
    await page.goto(`/present/${ID}?slide=2`);
    await expect(page.locator('[data-testid="rules-list"] [data-input="yuebao-reduced.maxAum"]')).toContainText("Input from history [S42]");
  });
});
