/**
 * Uncertainty on the scenario page: the KPI tiles' 80% ranges are the command line's for the same seed, server-
 * rendered without JavaScript; the tornado's table lists the inputs by swing; the what-if panel orders its sliders
 * by swing and says which move nothing; accessibility.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { formatMillions, formatRmbBn } from "../../app/utils/format";
import { HEADLINE_KEYS, type HeadlineKey } from "../../app/engine/result";
import type { Bands } from "../../app/engine/uncertainty";
import { seriousViolations } from "./support/axe";
import { E2E } from "./support/env";

const ID = "2021-co-lending";

function cliBands(id: string, draws: number, seed: number): Bands {
  const out = execFileSync(
    process.execPath,
    [path.join(E2E.root, "node_modules/tsx/dist/cli.mjs"), "scripts/scenarios.ts", "evaluate", id, "--format", "json", "--draws", String(draws), "--seed", String(seed)],
    { cwd: E2E.root, env: { ...process.env, DATABASE_PATH: E2E.app.db }, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  return (JSON.parse(out) as { bands: Bands }).bands;
}

const TILE_KEYS = HEADLINE_KEYS.filter((k) => k !== "oneOffCharges") as HeadlineKey[];
const fmt = (k: HeadlineKey) => (k === "serviceReach" ? formatMillions : formatRmbBn);

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the KPI tiles' 80% ranges are the CLI's P10-P90 for the same draws and seed", async ({ page }) => {
    const bands = cliBands(ID, 200, 3);
    await page.goto(`/scenarios/${ID}?draws=200&seed=3`);
    for (const k of TILE_KEYS) {
      const tile = page.getByTestId(`kpi-${k}-range`);
      if ((await tile.count()) === 0) continue;
      await expect(tile, k).toHaveText(`80% range ${fmt(k)(bands.headline[k].p10)} to ${fmt(k)(bands.headline[k].p90)}`);
    }
    await expect(page.getByTestId("kpi-profit-range")).toHaveCount(1);
    await expect(page.getByTestId("kpi-ranges-note")).toContainText("200 draws");
    await expect(page.getByTestId("kpi-ranges-note")).toContainText("seed 3");
    // Another seed gives other numbers, from the same server.
    const other = cliBands(ID, 200, 4);
    await page.goto(`/scenarios/${ID}?draws=200&seed=4`);
    await expect(page.getByTestId("kpi-profit-range")).toHaveText(
      `80% range ${formatRmbBn(other.headline.profit.p10)} to ${formatRmbBn(other.headline.profit.p90)}`,
    );
  });

  test("a bad draws value is reported and the defaults are used", async ({ page }) => {
    await page.goto(`/scenarios/${ID}?draws=0`);
    await expect(page.locator(".whatif-errors")).toContainText("draws must be a whole number from 1 to 10000, got '0'");
    await expect(page.getByTestId("kpi-ranges-note")).toContainText("1,000 draws");
  });

  test("the tornado's table lists inputs by swing, the what-if panel orders sliders by it and says which move nothing", async ({ page }) => {
    await page.goto(`/scenarios/${ID}`);
    const swings = await page.locator("#sensitivity-profit-table tbody tr td[data-field='swing']").allTextContents();
    expect(swings.length).toBeGreaterThan(3);
    const values = swings.map((s) => (s === "moves nothing" ? 0 : Number(s.replace(/[^\d.]/g, ""))));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await expect(page.locator("#scenario-tornado-chart svg:visible")).toBeVisible();
    await expect(page.getByTestId("inert-inputs")).toContainText("Move nothing");
    const notes = page.locator(".control-swing");
    const first = await notes.first().getAttribute("data-moves");
    expect(first).toBe("true");
    await expect(page.locator(".control-swing[data-moves='false']").first()).toHaveText("Moves no headline figure from end to end");
  });
});

test("with JavaScript, the ranges follow a slider move (recomputed by the Web Worker, never marked as other values')", async ({ page }) => {
  await page.goto(`/scenarios/${ID}?draws=100&seed=1`);
  await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  await expect(page.getByTestId("kpi-profit-range")).toHaveAttribute("data-state", "current");
  const before = await page.getByTestId("kpi-profit-range").textContent();
  const input = page.locator("input[name='a.cost-of-equity%']"); // a rate per year is typed as a percentage
  await input.fill("14");
  await expect(page.getByTestId("kpi-profit-range")).toHaveAttribute("data-state", "current");
  await expect(page.getByTestId("kpi-profit-range")).not.toHaveText(before!);
  await expect(page.getByTestId("kpi-profit-range")).not.toContainText("for the values loaded");
  await page.locator("#sensitivity").scrollIntoViewIfNeeded();
  expect(await seriousViolations(page, "scenario page, ranges after a move")).toEqual([]);
});
