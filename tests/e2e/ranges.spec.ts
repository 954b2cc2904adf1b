/**
 * 80% ranges beyond the tiles (issue 11, decision 023): a range column beside every figure with a band in the
 * scenario page's tables, server-rendered and equal to the API's bands for the same draws and seed; after a slider
 * move the ranges are recomputed off the main thread by a Web Worker, which gives the server's numbers for the
 * same values, says "updating range…" meanwhile, and lets the point figures change at once.
 */
import { expect, test, type Page } from "@playwright/test";

import { computeBands, type Band, type Bands } from "../../app/engine/uncertainty";
import type { Model } from "../../app/engine";
import type { Scenario } from "../../app/scenarios/schema";
import { tunables } from "../../app/scenarios/tunables";
import { applyWhatIf, parseWhatIf } from "../../app/scenarios/what-if";
import { formatHhi, formatMillions, formatRmbBn, formatShare } from "../../app/utils/format";
import { signed } from "../../app/components/scenario/delta";
import { seriousViolations } from "./support/axe";

const ID = "2021-co-lending";
const DRAWS = 200;
const SEED = 3;
const range = (b: Band, f: (n: number) => string) => `${f(b.p10)} to ${f(b.p90)}`;

async function apiBands(page: Page, id: string): Promise<Bands> {
  const res = await page.request.get(`/api/scenarios/${id}/result?draws=${DRAWS}&seed=${SEED}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { bands: Bands }).bands;
}

/** The engine's bands for a what-if search, run here on the server's model (the API takes no what-if values). */
async function bandsFor(page: Page, id: string, search: string): Promise<Bands> {
  const model = (await (await page.request.get("/api/model")).json()) as Model;
  const scenario = (await (await page.request.get(`/api/scenarios/${id}`)).json()) as Scenario;
  const whatIf = parseWhatIf(new URLSearchParams(search), tunables({ ...scenario, id }, model));
  const applied = applyWhatIf({ ...scenario, id }, whatIf.values);
  return computeBands(model, applied.scenario, { draws: DRAWS, seed: SEED, whatIf: whatIf.values });
}

/** Every range cell of a table column: row id -> text, and the P10/P90 the cell carries (read in one call). */
async function rangeCells(page: Page, table: string, field: string) {
  const rows = await page.$$eval(
    `#${table} tbody tr`,
    (trs, f) =>
      trs.flatMap((tr) => {
        const cell = tr.querySelector(`[data-field='${f}'] .range`);
        if (!cell) return [];
        return [[tr.getAttribute("data-row-id")!, { text: cell.textContent!.trim(), p10: Number(cell.getAttribute("data-p10")), p90: Number(cell.getAttribute("data-p90")) }] as const];
      }),
    field,
  );
  return new Map(rows);
}

/** The tables' range columns: table id, field, the band the API gives for a row, and its format. */
function columns(bands: Bands) {
  return [
    { table: "services-result-table", field: "usersRange", band: (id: string) => bands.services[id]?.users, format: formatMillions },
    { table: "services-result-table", field: "usersDeltaRange", band: (id: string) => bands.services[id]?.usersDelta, format: (n: number) => signed(n, formatMillions) },
    { table: "capital-table", field: "requiredRange", band: (id: string) => bands.units[id]?.capitalRequired, format: formatRmbBn },
    { table: "capital-table", field: "shortfallRange", band: (id: string) => bands.units[id]?.capitalShortfall, format: formatRmbBn },
    { table: "hhi-result-table", field: "hhiRange", band: (id: string) => bands.markets[id]?.hhi, format: formatHhi },
    { table: "hhi-result-table", field: "hhiDeltaRange", band: (id: string) => bands.markets[id]?.hhiDelta, format: (n: number) => signed(n, formatHhi) },
  ];
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every table with banded figures has 80% range columns, the API's P10-P90 for the same draws and seed", async ({ page }) => {
    const bands = await apiBands(page, ID);
    await page.goto(`/scenarios/${ID}?draws=${DRAWS}&seed=${SEED}`);
    let wide = 0;
    for (const c of columns(bands)) {
      await expect(page.locator(`#${c.table} thead th`).filter({ hasText: "80% range" }).first()).toBeVisible();
      const cells = await rangeCells(page, c.table, c.field);
      expect(cells.size, `${c.table} ${c.field}`).toBeGreaterThan(0);
      for (const [id, cell] of cells) {
        const band = c.band(id);
        expect(band, `${c.table} ${id}`).toBeDefined();
        expect(cell.text, `${c.table} ${c.field} ${id}`).toBe(range(band!, c.format));
        expect(cell.p10, `${c.table} ${id}: P10 <= P90`).toBeLessThanOrEqual(cell.p90);
        expect(band!.p5).toBeLessThanOrEqual(band!.p10);
        expect(band!.p90).toBeLessThanOrEqual(band!.p95);
        if (cell.p90 - cell.p10 > 1e-6) wide++;
      }
    }
    // Ranged inputs give ranges, not points.
    expect(wide).toBeGreaterThan(5);
    // Ant's share of each market, on Ant's row of the shares table.
    for (const [id, m] of Object.entries(bands.markets)) {
      const cells = await rangeCells(page, `market-${id}-result-table`, "shareRange");
      expect([...cells.values()].map((c) => c.text), id).toEqual([range(m.antShare, formatShare)]);
    }
    // The figure and its range: the point estimate of a service's users lies within the range's reach (P5-P95 here,
    // as a skewed input can put the point outside P10-P90).
    const result = (await (await page.request.get(`/api/scenarios/${ID}/result`)).json()) as { result: { services: Array<{ id: string; users: { scenario: number } }> } };
    for (const s of result.result.services) {
      const b = bands.services[s.id]!.users;
      expect(b.p5 - 1e-6, s.id).toBeLessThanOrEqual(s.users.scenario);
      expect(s.users.scenario, s.id).toBeLessThanOrEqual(b.p95 + 1e-6);
    }
  });
});

test.describe("data flows, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("each flow's share kept and each receiving unit's coverage carry the API's P10-P90 for the same draws and seed", async ({ page }) => {
    const id = "pipl-separate-consent"; // consent rates drawn from ranges: the flows' ranges are real ranges
    const bands = await apiBands(page, id);
    await page.goto(`/scenarios/${id}?draws=${DRAWS}&seed=${SEED}`);
    const percent = formatShare;
    const kept = await rangeCells(page, "flows-table", "keptRange");
    expect(kept.size).toBe(Object.keys(bands.flows.kept).length);
    let wide = 0;
    for (const [flow, cell] of kept) {
      const band = bands.flows.kept[flow]!;
      expect(cell.text, flow).toBe(range(band, percent));
      expect([cell.p10, cell.p90], flow).toEqual([band.p10, band.p90]);
      if (band.p90 - band.p10 > 1e-6) wide++;
    }
    expect(wide).toBeGreaterThan(5);
    const coverage = await rangeCells(page, "flow-matrix", "coverage");
    expect([...coverage.keys()].sort()).toEqual(Object.keys(bands.flows.coverage).sort());
    for (const [unit, cell] of coverage) expect(cell.text, unit).toBe(range(bands.flows.coverage[unit]!, percent));
    // The coverage chart draws one range mark per receiving unit.
    await expect(page.locator("figure[data-chart='scenario-coverage-chart'] .range-mark")).toHaveCount(coverage.size);
  });
});

test("after a slider move the Web Worker recomputes the ranges: the server's numbers for the same values, 'updating range…' meanwhile", async ({ page }) => {
  test.slow(); // two axe runs over the whole scenario page (25-50 s each on a loaded machine)
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  // Loaded with a moved value, so that moving it back asks the worker for the unmoved state.
  await page.goto(`/scenarios/${ID}?a.cost-of-equity=0.14&draws=${DRAWS}&seed=${SEED}`);
  await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  const profit = page.getByTestId("kpi-profit-range");
  await expect(profit).toHaveAttribute("data-state", "current");
  await page.locator("#services-result-table").scrollIntoViewIfNeeded();
  expect(await seriousViolations(page, "scenario page, range columns as loaded")).toEqual([]);
  // Record every state the profit tile's range goes through.
  await page.evaluate(() => {
    const el = document.querySelector("[data-testid='kpi-profit-range']")!;
    const seen: string[] = [];
    (window as unknown as { rangeStates: string[] }).rangeStates = seen;
    new MutationObserver(() => seen.push(el.getAttribute("data-state") ?? "")).observe(el, { attributes: true, attributeFilter: ["data-state"] });
  });
  const pointBefore = await page.getByTestId("kpi-profit").textContent();

  // Back to the file's value: the unmoved state, which the server renders without a what-if.
  const unmoved = await apiBands(page, ID);
  await page.locator("input[name='a.cost-of-equity%']").fill("10");
  await expect(page.getByTestId("kpi-profit")).not.toHaveText(pointBefore!);
  await expect(profit).toHaveAttribute("data-state", "current");
  await expect(profit).toHaveText(`80% range ${range(unmoved.headline.profit, formatRmbBn)}`);
  for (const k of ["revenue", "capitalShortfall", "equityValue", "serviceReach"] as const)
    await expect(page.getByTestId(`kpi-${k}-range`), k).toHaveText(`80% range ${range(unmoved.headline[k], k === "serviceReach" ? formatMillions : formatRmbBn)}`);
  for (const c of columns(unmoved)) {
    const cells = await rangeCells(page, c.table, c.field);
    expect(cells.size, `${c.table} ${c.field}`).toBeGreaterThan(0);
    for (const [id, cell] of cells) expect(cell.text, `${c.table} ${c.field} ${id}`).toBe(range(c.band(id)!, c.format));
  }
  const states = await page.evaluate(() => (window as unknown as { rangeStates: string[] }).rangeStates);
  expect(states).toContain("updating");
  expect(states.at(-1)).toBe("current");

  // Another value: other ranges, again the engine's for those values and the same draws.
  const unmovedText = await profit.textContent();
  await page.locator("input[name='a.cost-of-equity%']").fill("15");
  await expect(profit).toHaveAttribute("data-state", "current");
  await expect(profit).not.toHaveText(unmovedText!);
  const moved = await bandsFor(page, ID, "a.cost-of-equity=0.15");
  await expect(profit).toHaveText(`80% range ${range(moved.headline.profit, formatRmbBn)}`);
  const hhi = await rangeCells(page, "capital-table", "requiredRange");
  for (const [id, cell] of hhi) expect(cell.text, id).toBe(range(moved.units[id]!.capitalRequired, formatRmbBn));

  // While the worker computes, the tiles and the tables say so rather than show other values' ranges.
  await page.evaluate(() => ((window as unknown as { rangeStates: string[] }).rangeStates.length = 0));
  await page.locator("input[name='a.cost-of-equity%']").fill("12");
  await expect(profit).toHaveAttribute("data-state", "current");
  expect(await page.evaluate(() => (window as unknown as { rangeStates: string[] }).rangeStates)).toEqual(["updating", "current"]);

  await page.locator("#capital").scrollIntoViewIfNeeded();
  expect(await seriousViolations(page, "scenario page, ranges after a move")).toEqual([]);
  expect(errors).toEqual([]);
});

test("while the worker computes, the tiles read 'updating range…' and the range cells 'updating…'", async ({ page }) => {
  await page.goto(`/scenarios/${ID}?draws=${DRAWS}&seed=${SEED}`);
  await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  // Hold the worker's replies: the page must show the pending state and keep taking input.
  await page.evaluate(() => {
    const original = Worker.prototype.postMessage;
    (window as unknown as { held: boolean }).held = true;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      if ((window as unknown as { held: boolean }).held && (message as { kind?: string }).kind === "bands") {
        (window as unknown as { release: () => void }).release = () => original.call(this, message, ...(rest as []));
        return;
      }
      return original.call(this, message, ...(rest as []));
    } as typeof Worker.prototype.postMessage;
  });
  const pointBefore = await page.getByTestId("kpi-profit").textContent();
  await page.locator("input[name='a.cost-of-equity%']").fill("14");
  await expect(page.getByTestId("kpi-profit")).not.toHaveText(pointBefore!);
  await expect(page.getByTestId("kpi-profit-range")).toHaveText("updating range…");
  await expect(page.getByTestId("kpi-profit-range")).toHaveAttribute("aria-busy", "true");
  await expect(page.locator("#services-result-table [data-field='usersRange']").first()).toHaveText("updating…");
  await page.evaluate(() => {
    (window as unknown as { held: boolean }).held = false;
    (window as unknown as { release: () => void }).release();
  });
  await expect(page.getByTestId("kpi-profit-range")).toHaveAttribute("data-state", "current");
  await expect(page.getByTestId("kpi-profit-range")).toContainText("80% range");
  await expect(page.locator("#services-result-table [data-field='usersRange'] .range").first()).toBeVisible();
});

test.describe("the deck", () => {
  test.use({ javaScriptEnabled: false });

  test("its headline figures carry the API's 80% ranges, and a tornado slide with its table says what matters first", async ({ page }) => {
    const bands = await apiBands(page, ID);
    await page.goto(`/present/${ID}?slide=3&draws=${DRAWS}&seed=${SEED}`);
    for (const k of ["revenue", "profit", "capitalShortfall", "equityValue"] as const)
      await expect(page.getByTestId(`present-range-${k}`), k).toHaveText(`80% range ${range(bands.headline[k], formatRmbBn)}`);
    await expect(page.getByTestId("present-range-serviceReach")).toHaveText(`80% range ${range(bands.headline.serviceReach, formatMillions)}`);
    await expect(page.getByTestId("present-ranges-note")).toContainText(`${DRAWS} draws`);

    const sensitivity = (await (await page.request.get(`/api/scenarios/${ID}/sensitivity`)).json()) as Record<string, Array<{ label: string; low: number; high: number }>>;
    const moving = sensitivity.profit!.filter((s) => Math.abs(s.high - s.low) > 1e-9);
    // Units by their names, as the rest of the page names them (the labels once read "Capital held by huabei").
    expect(moving.map((s) => s.label)).toContain("Capital held by Huabei");
    for (const s of sensitivity.profit!) expect(s.label).not.toMatch(/(Capital held by|Users of) [a-z]/);
    await page.goto(`/present/${ID}?slide=6`);
    const slide = page.locator("section.slide[data-slide-id='sensitivity']");
    await expect(slide.locator(".slide-kicker")).toContainText("What matters first");
    await expect(slide.getByTestId("takeaway")).toContainText(`Net profit hinges first on`);
    await expect(slide.getByTestId("takeaway")).toContainText(formatRmbBn(Math.abs(moving[0]!.high - moving[0]!.low)));
    await expect(page.locator("#present-tornado-chart svg")).toBeVisible();
    const rows = page.getByTestId("present-sensitivity-table").locator("tbody tr");
    await expect(rows).toHaveCount(Math.min(5, moving.length));
    const labels = await rows.locator("th").allTextContents();
    expect(labels).toEqual(moving.slice(0, 5).map((s) => s.label));
    const swings = (await rows.locator("[data-field='swing']").allTextContents()).map((t) => Number(t.replace(/,/g, "")));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // The Ant shares and capital tables carry ranges too.
    await page.goto(`/present/${ID}?slide=7&draws=${DRAWS}&seed=${SEED}`);
    await expect(page.getByTestId("capital-table").locator("[data-field='shortfallRange']")).toHaveText(range(bands.headline.capitalShortfall, formatRmbBn));
    // Shares in a table read with one decimal, as on the scenario page (decision 032): 21.0% → 16.2%, not 21% → 16%.
    await page.goto(`/present/${ID}?slide=8&draws=${DRAWS}&seed=${SEED}`);
    for (const [id, m] of Object.entries(bands.markets))
      await expect(page.getByTestId("ant-shares").locator(`tr[data-row-id='${id}'] [data-field='afterRange']`), id).toHaveText(range(m.antShare, formatShare));
    await expect(page.getByTestId("ant-shares").locator("tbody [data-field='after']").first()).toHaveText(/^\d+\.\d%$/);
  });
});

test("the deck's tornado slide has no serious accessibility violation", async ({ page }) => {
  await page.goto(`/present/${ID}?slide=6`);
  expect(await seriousViolations(page, "deck, tornado slide")).toEqual([]);
  await page.goto(`/present/${ID}?slide=3`);
  expect(await seriousViolations(page, "deck, headline slide")).toEqual([]);
});
