/**
 * /compare: 2 to 4 scenarios side by side with the engine's numbers (with and without JavaScript), each column
 * linking to its scenario, charts on shared axes; every bad request gets its status and a clear page with the
 * library to pick from (never a stack trace); accessibility; screenshots at projector and laptop sizes.
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

import { concentration } from "../../app/engine/markets";
import { formatHhi, formatMillions, formatRmbBn } from "../../app/utils/format";
import { METRICS } from "../../app/components/library/headline";
import type { Result } from "../../app/engine";
import { HEADLINE_KEYS } from "../../app/engine/result";
import { evaluateLibrary, serverModel, startServerWithScenarios, type ExtraServer } from "./library-support";
import { evaluateWithCli } from "./scenario-support";

const STACK_TRACE = /\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules\//;
const FOUR = ["2021-co-lending", "hypothetical-alipay-breakup", "2021-rectification", "payments-interoperability"];
const URL4 = `/compare?${FOUR.map((id) => `s=${id}`).join("&")}`;

/** Every `.num` figure of a table, keyed "row|field". */
async function tableNums(page: Page, id: string): Promise<Record<string, string>> {
  return page.locator(`#${id}`).evaluate((table) => {
    const out: Record<string, string> = {};
    for (const cell of table.querySelectorAll("tbody [data-row-id] [data-field]")) {
      const num = cell.querySelector(".num");
      if (!num) continue;
      out[`${cell.closest("[data-row-id]")!.getAttribute("data-row-id")}|${cell.getAttribute("data-field")}`] = num.textContent ?? "";
    }
    return out;
  });
}

function expectedTables(results: Record<string, Result>) {
  const headline: Record<string, string> = {};
  const services: Record<string, string> = {};
  const hhi: Record<string, string> = {};
  const capital: Record<string, string> = {};
  for (const [id, r] of Object.entries(results)) {
    for (const k of HEADLINE_KEYS) {
      headline[`${k}|baseline`] = METRICS[k].format(r.headline[k].baseline);
      headline[`${k}|${id}`] = METRICS[k].format(r.headline[k].scenario);
    }
    for (const s of r.services) {
      services[`${s.id}|baseline`] = formatMillions(s.users.baseline);
      services[`${s.id}|${id}`] = formatMillions(s.users.scenario);
    }
    for (const m of r.markets) {
      hhi[`${m.id}|baseline`] = formatHhi(m.hhi.baseline);
      hhi[`${m.id}|${id}`] = formatHhi(m.hhi.scenario);
    }
    capital[`shortfall|${id}`] = formatRmbBn(r.headline.capitalShortfall.scenario);
    capital[`raised|${id}`] = formatRmbBn(r.headline.capitalRaised.scenario);
    capital[`shrunk|${id}`] = formatRmbBn(Math.max(0, r.headline.capitalShortfall.scenario - r.headline.capitalRaised.scenario));
  }
  return { headline, services, hhi, capital };
}

async function expectComparisonMatchesEngine(page: Page, ids: string[]) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Comparing ${ids.length} scenarios`);
  const all = evaluateLibrary(await serverModel(page.request));
  const results = Object.fromEntries(ids.map((id) => [id, all.find((e) => e.loaded.id === id)!.result]));
  const expected = expectedTables(results);
  expect(await tableNums(page, "compare-headline-table")).toEqual(expected.headline);
  expect(await tableNums(page, "compare-services-table")).toEqual(expected.services);
  expect(await tableNums(page, "compare-hhi-table")).toEqual(expected.hhi);
  expect(await tableNums(page, "compare-capital-table")).toMatchObject(expected.capital);
  // The band is named in words beside each HHI.
  const r0 = results[ids[0]!]!;
  const band = { unconcentrated: "unconcentrated", moderate: "moderately concentrated", high: "highly concentrated" }[concentration(r0.markets[0]!.hhi.scenario)];
  await expect(page.locator(`#compare-hhi-table tr[data-row-id="${r0.markets[0]!.id}"] td[data-field="${ids[0]}"]`)).toContainText(band);
  // The CLI agrees on one column.
  const cli = evaluateWithCli(ids[0]!).result;
  await expect(page.locator(`#compare-headline-table tr[data-row-id="profit"] td[data-field="${ids[0]}"] .num`).first()).toHaveText(formatRmbBn(cli.headline.profit.scenario));
  // Each scenario column links to its page, in the order asked for.
  const heads = page.locator("#compare-headline-table thead th a");
  await expect(heads).toHaveCount(ids.length);
  for (const [i, id] of ids.entries()) {
    await expect(heads.nth(i)).toHaveAttribute("href", `/scenarios/${id}`);
    await expect(heads.nth(i)).toContainText(all.find((e) => e.loaded.id === id)!.loaded.scenario.title);
  }
}

async function expectCharts(page: Page, n: number) {
  const charts = page.locator("figure[data-chart]");
  await expect(charts).toHaveCount(4);
  // Plain SVG from the server (and without JavaScript), recharts once the page has hydrated (decision 022).
  const js = await page.evaluate(() => typeof window !== "undefined" && "__remixContext" in window).catch(() => false);
  const [svg, bar, mark] = js ? ["svg.recharts-surface", ".recharts-bar-rectangle", ".recharts-errorBar"] : ["svg.chart-svg", ".chart-bar", ".range-mark"];
  // recharts redraws a chart when it comes near the screen (decision 030).
  for (const chart of await charts.all()) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator(svg)).toHaveCount(1);
  }
  // Four money headlines x n scenarios on one chart; 3 markets x (baseline + n) on the HHI chart.
  await expect(page.locator(`figure[data-chart="compare-headline-chart"] ${bar}`)).toHaveCount(4 * n);
  await expect(page.locator(`figure[data-chart="compare-hhi-chart"] ${bar}`)).toHaveCount(3 * (n + 1));
  // Each headline bar carries its 80% range (the page's common draws), with a legend line saying so; the
  // capital chart's shortfall and raised bars too.
  await expect(page.locator(`figure[data-chart="compare-headline-chart"] ${mark}`)).toHaveCount(4 * n);
  await expect(page.locator('figure[data-chart="compare-headline-chart"] li[data-legend="range"]')).toHaveText(/^80% range: 10th to 90th percentile over 1,000 draws$/);
  const capital = page.locator('figure[data-chart="compare-capital-chart"]');
  if ((await capital.count()) > 0) await expect(capital.locator(mark)).toHaveCount(2 * n);
  // The HHI chart's scenario bars carry their markets' ranges too (the baseline's do not).
  await expect(page.locator(`figure[data-chart="compare-hhi-chart"] ${mark}`)).toHaveCount(3 * n);
  // Bars are named by their scenario's letter, not by colour alone; then the range's legend line.
  await expect(page.locator('figure[data-chart="compare-hhi-chart"] .legend li')).toHaveText([
    /^Base:/,
    ...Array.from({ length: n }, (_, i) => new RegExp(`^${"ABCD"[i]}:`)),
    /^80% range: 10th to 90th percentile over 1,000 draws$/,
  ]);
}

test.describe("with JavaScript", () => {
  test("four scenarios side by side with the engine's numbers, on shared axes, and a clean hydration", async ({ page }) => {
    // Runs the CLI and the engine over the library: slow on a busy 2-core machine.
    test.slow();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    const response = await page.goto(URL4);
    expect(response?.status()).toBe(200);
    await expectComparisonMatchesEngine(page, FOUR);
    await expectCharts(page, 4);
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized);
    expect(problems, "console errors or warnings (e.g. a hydration mismatch)").toEqual([]);
  });

  test("the compare page has no serious or critical accessibility violation (axe), nor has its bad-input page", async ({ page }) => {
    test.slow();
    for (const url of [URL4, "/compare?s=2021-co-lending"]) {
      await page.goto(url);
      expect(await seriousViolations(page, url)).toEqual([]);
    }
  });

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    for (const ids of [FOUR, FOUR.slice(0, 2)]) {
      test(`${ids.length} scenarios fit ${width}x${height} without sideways scrolling (full-page screenshot saved)`, async ({ page }, testInfo) => {
        await page.setViewportSize({ width, height });
        await page.goto(`/compare?${ids.map((id) => `s=${id}`).join("&")}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll(".table-wrap, .chart-body")]
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.querySelector("table")?.id || el.closest("figure")?.getAttribute("data-chart") || el.className),
        );
        expect(clipped).toEqual([]);
        const file = testInfo.outputPath(`compare-${ids.length}-${width}x${height}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(`compare-${ids.length}-${width}x${height}`, { path: file, contentType: "image/png" });
      });
    }
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the comparison shows the same numbers and charts", async ({ page }) => {
    // Runs the CLI and the engine over the library: slow on a busy 2-core machine.
    test.slow();
    await page.goto(URL4);
    await expectComparisonMatchesEngine(page, FOUR);
    await expectCharts(page, 4);
  });

  test("one scenario's picker works by GET, the scenario already ticked", async ({ page }) => {
    // One column is where "Add to compare" lands: a page to choose what to set beside it, not an error (decision 024).
    const response = await page.goto("/compare?s=2021-co-lending");
    expect(response?.status()).toBe(200);
    await expect(page.locator('input[name="s"][value="2021-co-lending"]')).toBeChecked();
    await page.locator('input[name="s"][value="pipl-separate-consent"]').check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page).toHaveURL(/\/compare\?s=2021-co-lending&s=pipl-separate-consent$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparing 2 scenarios");
  });
});

test.describe("bad requests get a clear message, their status and the library to pick from", () => {
  const cases: Array<{ name: string; query: string; status: number; message: RegExp }> = [
    { name: "one scenario (where 'Add to compare' lands: a choice, not an error)", query: "s=2021-co-lending", status: 200, message: /1 already ticked: tick at least 1 more/ },
    { name: "no scenario (a starting page, not an error)", query: "", status: 200, message: /Tick 2 to 4 scenarios/ },
    {
      name: "five scenarios",
      query: [...FOUR, "pipl-separate-consent"].map((id) => `s=${id}`).join("&"),
      status: 400,
      message: /Choose at most 4 scenarios to compare: 5 were chosen\./,
    },
    { name: "a duplicate", query: "s=2021-co-lending&s=2021-co-lending", status: 400, message: /'2021-co-lending' was chosen more than once/ },
    { name: "a malformed id", query: "s=2021-co-lending&s=..%2Fetc%2Fpasswd", status: 400, message: /'..\/etc\/passwd' is not a scenario id/ },
    { name: "an unknown id", query: "s=2021-colending&s=pipl-separate-consent", status: 404, message: /There is no scenario '2021-colending'\./ },
    { name: "an unknown variant version", query: "s=variant:no-such-variant@2&s=pipl-separate-consent", status: 404, message: /There is no saved variant 'no-such-variant' with a version 2\./ },
  ];
  for (const c of cases) {
    test(`${c.name}: ${c.status}`, async ({ page }) => {
      const response = await page.goto(`/compare${c.query ? `?${c.query}` : ""}`);
      expect(response?.status()).toBe(c.status);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare scenarios");
      await expect(page.locator("main")).toContainText(c.message);
      // The library to pick from, every valid scenario a checkbox.
      await expect(page.locator('.picker input[name="s"]')).toHaveCount(evaluateLibrary(await serverModel(page.request)).length);
      await expect(page.getByRole("button", { name: "Compare selected" })).toBeVisible();
      expect(await page.content()).not.toMatch(STACK_TRACE);
    });
  }

  test("an unknown id suggests the close one, and the suggestion works", async ({ page }) => {
    await page.goto("/compare?s=2021-colending&s=pipl-separate-consent");
    const suggestion = page.locator("[data-problem]").getByRole("link");
    await expect(suggestion).toHaveText("2021 co-lending rules (30% own funding)");
    await suggestion.click();
    await expect(page).toHaveURL(/\/compare\?s=2021-co-lending&s=pipl-separate-consent$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparing 2 scenarios");
  });
});

test.describe("a broken scenario file", () => {
  let server: ExtraServer;
  test.beforeAll(async () => {
    server = await startServerWithScenarios("compare", { "broken-unit.yaml": "tests/fixtures/bad-scenarios/unknown-unit.yaml" });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("asked for by id gets 422 with its errors and the library; the good ones still compare", async ({ page }) => {
    const response = await page.goto(`${server.url}/compare?s=broken-unit&s=2021-co-lending`);
    expect(response?.status()).toBe(422);
    const problem = page.locator("[data-problem]");
    await expect(problem).toContainText("broken-unit.yaml has errors");
    await expect(problem.locator(".error-where")).toContainText(/broken-unit\.yaml:9:13 field rules\[0\]\.units\[0\]/);
    await expect(problem.locator(".error-why")).toContainText("unknown unit 'huabie' (did you mean 'huabei'?)");
    await expect(page.locator('.picker [data-broken$="broken-unit.yaml"]')).toContainText("cannot be compared");
    await expect(page.locator('input[name="s"][value="2021-co-lending"]')).toBeChecked();
    expect(await page.content()).not.toMatch(STACK_TRACE);

    const ok = await page.goto(`${server.url}/compare?s=2021-co-lending&s=2024-credit-bureau`);
    expect(ok?.status()).toBe(200);
    await expect(page.locator("#compare-headline-table")).toBeVisible();
  });
});
