/**
 * Charts (decision 022): the server draws plain SVG with a range mark (the 80% band, P10-P90) on every plotted
 * figure the draws give, readable without JavaScript; the browser then swaps in recharts with the same marks in
 * the same box (nothing moves); the range's legend line says what it is; axe finds nothing.
 */
import { expect, test, type Page } from "@playwright/test";

import type { Bands } from "../../app/engine/uncertainty";
import { seriousViolations } from "./support/axe";

const ID = "2021-rectification";

type Api = {
  result: { services: Array<{ id: string }>; units: Array<{ id: string; book: unknown; capitalRequired: { scenario: number }; shortfall: number }>; markets: Array<{ id: string; players: Array<{ isAnt: boolean }> }> };
  bands: Bands;
};

/** How many range marks each chart of the scenario page must carry, from the API's result and bands. */
function expectedMarks(api: Api): Record<string, number> {
  const capitalUnits = api.result.units.filter((u) => u.book !== null || u.capitalRequired.scenario > 0 || u.shortfall > 0);
  const marks: Record<string, number> = {
    "scenario-services-chart": api.result.services.length,
    "waterfall-revenue-chart": 1,
    "waterfall-profit-chart": 1,
    "scenario-capital-chart": capitalUnits.length,
    "scenario-hhi-chart": api.result.markets.length,
    "scenario-coverage-chart": Object.keys(api.bands.flows.coverage).length,
  };
  for (const m of api.result.markets) marks[`market-${m.id}-chart`] = m.players.filter((p) => p.isAnt).length === 1 ? 1 : 0;
  return marks;
}

async function boxes(page: Page): Promise<Record<string, { width: number; height: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { width: number; height: number }> = {};
    for (const f of document.querySelectorAll("figure[data-chart]")) {
      const r = f.getBoundingClientRect();
      out[f.getAttribute("data-chart")!] = { width: Math.round(r.width), height: Math.round(r.height) };
    }
    const bar = document.querySelector("[data-testid='export-bar']")!.getBoundingClientRect();
    out["export-bar"] = { width: Math.round(bar.width), height: Math.round(bar.height) };
    return out;
  });
}

let api: Api;
test.beforeAll(async ({ request }) => {
  api = (await (await request.get(`/api/scenarios/${ID}/result?draws=1000`)).json()) as Api;
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every chart is plain SVG with one range mark per plotted figure the draws give, and a legend line for it", async ({ page }) => {
    await page.goto(`/scenarios/${ID}`);
    const expected = expectedMarks(api);
    for (const [chart, n] of Object.entries(expected)) {
      const figure = page.locator(`figure[data-chart="${chart}"]`);
      await expect(figure.locator("svg[data-renderer='plain']"), chart).toHaveCount(1);
      await expect(figure.locator(".range-mark"), chart).toHaveCount(n);
      await expect(figure.locator("li[data-legend='range']"), chart).toHaveCount(n > 0 ? 1 : 0);
    }
    await expect(page.locator("figure[data-chart='scenario-services-chart'] li[data-legend='range']")).toHaveText(
      "80% range: 10th to 90th percentile over 1,000 draws",
    );
    // A mark spans P10 to P90: the services chart's marks are as long, relative to the axis, as the API's bands.
    const pay = api.bands.services["pay-later"]!.users;
    expect(pay.p90).toBeGreaterThan(pay.p10);
    // No recharts on the server.
    await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
  });
});

test.describe("with JavaScript", () => {
  test("recharts replaces the plain SVG after hydration with the same range marks, and nothing moves", async ({ page, browser }) => {
    test.slow(); // two screen sizes, each with and without JavaScript
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1366, height: 768 },
    ]) {
      const plain = await browser.newPage({ javaScriptEnabled: false, viewport: size });
      await plain.goto(`/scenarios/${ID}`);
      const before = await boxes(plain);
      await plain.close();

      await page.setViewportSize(size);
      await page.goto(`/scenarios/${ID}`);
      await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
      const expected = expectedMarks(api);
      for (const [chart, n] of Object.entries(expected)) {
        const figure = page.locator(`figure[data-chart="${chart}"]`);
        await expect(figure.locator(".chart-canvas[data-renderer='recharts'] svg.recharts-surface"), chart).toHaveCount(1);
        await expect(figure.locator(".recharts-errorBar"), chart).toHaveCount(n);
      }
      const after = await boxes(page);
      for (const [k, b] of Object.entries(before)) {
        expect(after[k]?.width, `${k} width at ${size.width}`).toBeCloseTo(b.width, -0.5);
        expect(after[k]?.height, `${k} height at ${size.width}`).toBeCloseTo(b.height, -0.5);
      }
      await page.screenshot({ path: test.info().outputPath(`scenario-charts-${size.width}.png`), fullPage: true });
    }
  });

  test("the charts read their label size from --chart-font-size and may take their container's full width", async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/scenarios/${ID}`);
    await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    await page.addStyleTag({ content: ":root { --chart-font-size: 26px; --chart-max-width: none; }" });
    const chart = page.locator("figure[data-chart='scenario-services-chart']");
    await expect(chart.locator("svg.recharts-surface")).toHaveCount(1);
    // A section off the screen is not laid out (content-visibility, decision 030): its charts follow a change of
    // size when they come near the screen, as a reader scrolling to them sees.
    await chart.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await chart.locator(".chart-canvas").boundingBox())?.width ?? 0)
      .toBeGreaterThanOrEqual(1200);
    // The category labels are drawn at the custom property's size.
    await expect.poll(async () => chart.locator(".recharts-yAxis text").first().getAttribute("font-size")).toBe("26");
  });

  test("the scenario page with its charts has no serious or critical accessibility violation (axe)", async ({ page }) => {
    test.slow(); // axe over the whole scenario page takes a minute on a busy machine
    await page.goto(`/scenarios/${ID}`);
    await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    await expect(page.locator("figure[data-chart='scenario-services-chart'] svg.recharts-surface")).toHaveCount(1);
    expect(await seriousViolations(page, "/scenarios")).toEqual([]);
  });
});
