/**
 * Charts (decision 022): the server draws plain SVG with a range mark (the 80% band, P10-P90) on every plotted
 * figure the draws give, readable without JavaScript; the browser then swaps in recharts with the same marks in
 * the same box (nothing moves); the range's legend line says what it is; axe finds nothing.
 */
import { expect, test, type Page } from "@playwright/test";

import type { Bands } from "../../app/engine/uncertainty";
import { seriousViolations } from "./support/axe";
import { expectTornadoUsesItsWidth } from "./support/tornado";

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

type ModelApi = {
  units: Array<{ id: string; revenue: number; capitalHeld: number }>;
  services: Array<{ id: string; users: number }>;
  markets: Array<{ id: string }>;
  marketPlayers: Array<{ marketId: string; playerId: string; share: number }>;
  assumptions: Array<{ id: string; value: number; low: number; high: number }>;
  provenance: Array<{ table: string; rowId: string; field: string; assumptionId: string | null }>;
};

/**
 * The /model page's marks: one per figure that is a ranged assumption's value (its provenance names the assumption
 * and the figure equals the assumption's value); none on the HHI chart, which is computed from shares.
 */
function expectedModelMarks(m: ModelApi): Record<string, { marks: number; items: number }> {
  const ranged = (table: string, rowId: string, field: string, value: number) => {
    const id = m.provenance.find((p) => p.table === table && p.rowId === rowId && p.field === field)?.assumptionId;
    const a = m.assumptions.find((x) => x.id === id);
    return !!a && a.high > a.low && Math.abs(value - a.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
  };
  const count = (flags: boolean[]) => flags.filter(Boolean).length;
  const out: Record<string, { marks: number; items: number }> = {
    "units-chart": {
      marks: count(m.units.flatMap((u) => [ranged("units", u.id, "revenue", u.revenue), ranged("units", u.id, "capitalHeld", u.capitalHeld)])),
      items: m.units.length * 2,
    },
    "service-users-chart": { marks: count(m.services.map((s) => ranged("services", s.id, "users", s.users))), items: m.services.length },
    "hhi-chart": { marks: 0, items: m.markets.length },
  };
  for (const market of m.markets) {
    const players = m.marketPlayers.filter((p) => p.marketId === market.id);
    out[`market-${market.id}-chart`] = { marks: count(players.map((p) => ranged("marketPlayers", `${market.id}/${p.playerId}`, "share", p.share))), items: players.length };
  }
  return out;
}

type CompareApi = { result: { services: Array<{ id: string; users: { baseline: number; scenario: number } }>; markets: Array<{ id: string }> }; bands: Bands };

const COMPARE = "/compare?s=2021-rectification&s=pipl-separate-consent&draws=200&seed=3";

test.describe("the model page and /compare, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("/model: a range mark on every figure that is an assumption with a range, and a note naming those without", async ({ page, request }) => {
    const model = (await (await request.get("/api/model")).json()) as ModelApi;
    const expected = expectedModelMarks(model);
    expect(expected["units-chart"]!.marks).toBeGreaterThan(10); // capital held is an assumption for every unit
    expect(expected["service-users-chart"]!.marks).toBeGreaterThan(3);
    await page.goto("/model");
    for (const [chart, { marks, items }] of Object.entries(expected)) {
      const figure = page.locator(`figure[data-chart="${chart}"]`);
      await expect(figure.locator("svg[data-renderer='plain']"), chart).toHaveCount(1);
      await expect(figure.locator(".range-mark"), chart).toHaveCount(marks);
      await expect(figure.locator("li[data-legend='range']"), chart).toHaveCount(marks > 0 ? 1 : 0);
      // A chart with figures and no range says so, rather than leave the reader to wonder.
      if (marks < items) await expect(figure.locator(".chart-note"), chart).toContainText(/No (80% )?range/);
    }
  });

  test("/compare: range marks on the services and HHI charts, one per scenario bar, the API's P10-P90 for the same draws and seed", async ({ page, request }) => {
    const ids = ["2021-rectification", "pipl-separate-consent"];
    const apis = await Promise.all(ids.map(async (id) => (await (await request.get(`/api/scenarios/${id}/result?draws=200&seed=3`)).json()) as CompareApi));
    await page.goto(COMPARE);
    const changed = apis[0]!.result.services.filter((s) => apis.some((a) => Math.abs(a.result.services.find((x) => x.id === s.id)!.users.scenario - s.users.baseline) > 1e-9));
    expect(changed.length).toBeGreaterThan(0);
    await expect(page.locator("figure[data-chart='compare-services-chart'] .range-mark")).toHaveCount(changed.length * ids.length);
    await expect(page.locator("figure[data-chart='compare-hhi-chart'] .range-mark")).toHaveCount(apis[0]!.result.markets.length * ids.length);
    for (const chart of ["compare-services-chart", "compare-hhi-chart"])
      await expect(page.locator(`figure[data-chart='${chart}'] li[data-legend='range']`)).toHaveText("80% range: 10th to 90th percentile over 200 draws");
    // The tables beside them: each column's range is the API's band for that scenario on the same draws and seed.
    for (const [i, id] of ids.entries()) {
      for (const s of apis[i]!.result.services) {
        const cell = page.locator(`#compare-services-table tr[data-row-id="${s.id}"] [data-field="${id}"] [data-band="value"]`);
        const band = apis[i]!.bands.services[s.id]!.users;
        await expect(cell, `${id} ${s.id}`).toHaveAttribute("data-p10", String(band.p10));
        await expect(cell, `${id} ${s.id}`).toHaveAttribute("data-p90", String(band.p90));
      }
      for (const m of apis[i]!.result.markets) {
        const cell = page.locator(`#compare-hhi-table tr[data-row-id="${m.id}"] [data-field="${id}"] [data-band="value"]`);
        await expect(cell, `${id} ${m.id}`).toHaveAttribute("data-p90", String(apis[i]!.bands.markets[m.id]!.hhi.p90));
      }
    }
  });
});

test.describe("tables beside charts, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // The scenario page's HHI table, with two range columns, scrolled sideways at 1920 to show the last one.
  const TABLES: Array<[string, string[]]> = [
    [`/scenarios/${ID}`, ["hhi-result-table", "flow-matrix", "sensitivity-profit-table"]],
    [COMPARE, ["compare-services-table", "compare-hhi-table"]],
    ["/model", ["units-table", "services-table", "hhi-table"]],
  ];
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ])
    test(`show their every column without scrolling sideways at ${size.width}x${size.height}, at a desk and in the room view`, async ({ page }) => {
      test.slow();
      await page.setViewportSize(size);
      for (const [url, tables] of TABLES)
        for (const view of ["", "view=room"]) {
          await page.goto(view ? `${url}${url.includes("?") ? "&" : "?"}${view}` : url);
          for (const id of tables) {
            const wrap = page.locator(`#${id}`).locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' table-wrap ')][1]");
            await wrap.scrollIntoViewIfNeeded();
            const { scroll, client } = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
            expect(client, `${url} ${view} #${id} laid out`).toBeGreaterThan(0);
            expect(scroll, `${url} ${view} #${id}: ${scroll} px of table in ${client} px`).toBeLessThanOrEqual(client + 1);
          }
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} ${view} page width`).toBeLessThanOrEqual(size.width);
          if (url === `/scenarios/${ID}`) await expectTornadoUsesItsWidth(page, `${size.width} ${view || "desk"}`);
        }
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
        // recharts redraws a chart when it comes near the screen (decision 030).
        await figure.scrollIntoViewIfNeeded();
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

  test("/model and /compare: recharts draws the same range marks as the plain SVG after hydration", async ({ page, request }) => {
    test.slow();
    const expected = expectedModelMarks((await (await request.get("/api/model")).json()) as ModelApi);
    await page.goto("/model");
    for (const [chart, { marks }] of Object.entries(expected)) {
      const figure = page.locator(`figure[data-chart="${chart}"]`);
      await figure.scrollIntoViewIfNeeded(); // recharts redraws a chart when it comes near the screen (decision 030)
      await expect(figure.locator(".chart-canvas[data-renderer='recharts'] svg.recharts-surface"), chart).toHaveCount(1);
      await expect(figure.locator(".recharts-errorBar"), chart).toHaveCount(marks);
    }
    const plain = await page.context().browser()!.newPage({ javaScriptEnabled: false });
    await plain.goto(COMPARE);
    const counts = await Promise.all(["compare-services-chart", "compare-hhi-chart"].map((c) => plain.locator(`figure[data-chart='${c}'] .range-mark`).count()));
    await plain.close();
    await page.goto(COMPARE);
    for (const [i, chart] of ["compare-services-chart", "compare-hhi-chart"].entries()) {
      await page.locator(`figure[data-chart='${chart}']`).scrollIntoViewIfNeeded();
      await expect(page.locator(`figure[data-chart='${chart}'] .chart-canvas[data-renderer='recharts'] svg.recharts-surface`)).toHaveCount(1);
      await expect(page.locator(`figure[data-chart='${chart}'] .recharts-errorBar`)).toHaveCount(counts[i]!);
    }
  });

  test("the charts read their label size from --chart-font-size and may take their container's full width", async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/scenarios/${ID}`);
    await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    await page.addStyleTag({ content: ":root { --chart-font-size: 26px; --chart-max-width: none; }" });
    const chart = page.locator("figure[data-chart='scenario-services-chart']");
    // A chart is redrawn with recharts, and follows a change of size, when it comes near the screen (decision 030).
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator("svg.recharts-surface")).toHaveCount(1);
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
    // Every chart as recharts draws it: each is redrawn when it comes near the screen (decision 030).
    for (const figure of await page.locator("figure[data-chart]").all()) {
      await figure.scrollIntoViewIfNeeded();
      await expect(figure.locator(".chart-canvas[data-renderer='recharts'] svg.recharts-surface")).toHaveCount(1);
    }
    expect(await seriousViolations(page, "/scenarios")).toEqual([]);
  });
});
