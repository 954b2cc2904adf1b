/**
 * Downloads: the result as CSV and JSON, the scenario as YAML (checked by the CLI), each chart as SVG and PNG,
 * with the what-if state of the URL carried into every file, and bad what-if values refused with their messages.
 */
import fs from "node:fs";
import path from "node:path";

import { expect, test, type Download, type Page } from "@playwright/test";

import { readCsv } from "../support/read-csv";
import { checkWithCli, FORMULA_TITLE, saveVariant } from "./present-support";
import { evaluateWithCli, evaluateWithEngine } from "./scenario-support";

const ID = "2021-rectification";
const KEY = "r.own-funding-30.minOwnShare";

async function download(page: Page, selector: string): Promise<{ download: Download; text: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  const file = await d.path();
  const bytes = fs.readFileSync(file!);
  return { download: d, text: bytes.toString("utf8"), bytes };
}

function figure(rows: string[][], section: string, id: string, metric: string): number {
  const row = rows.find((r) => r[0] === section && r[1] === id && r[2] === metric);
  if (!row) throw new Error(`no CSV row ${section},${id},${metric}`);
  return Number(row[5]);
}

test("CSV, JSON and YAML download from the deck: the CSV has a header, units and the engine's figures; the JSON is the API's; the YAML passes check", async ({ page, request }, testInfo) => {
  test.slow(); // two CLI runs (evaluate, check), each starting tsx
  await page.goto(`/present/${ID}`);
  const { result } = evaluateWithCli(ID);

  const csv = await download(page, "a[data-export='result.csv']");
  expect(csv.download.suggestedFilename()).toBe(`${ID}-result.csv`);
  const rows = readCsv(csv.text);
  // The deck's downloads carry its 80% ranges: the band columns follow the figures (decision 023).
  expect(rows[0]!.slice(0, 7)).toEqual(["section", "id", "metric", "unit", "baseline", "scenario", "delta"]);
  expect(rows[0]).toEqual(expect.arrayContaining(["p10", "p90"]));
  for (const r of rows) expect([7, rows[0]!.length]).toContain(r.length);
  expect(rows.find((r) => r[0] === "headline" && r[2] === "revenue")![3]).toBe("RMB bn");
  expect(figure(rows, "headline", "group", "revenue")).toBeCloseTo(result.headline.revenue.scenario, 6);
  expect(figure(rows, "service", "pay-later", "users")).toBeCloseTo(result.services.find((s) => s.id === "pay-later")!.users.scenario, 6);

  const json = await download(page, "a[data-export='result.json']");
  expect(json.download.suggestedFilename()).toBe(`${ID}-result.json`);
  const api = await (await request.get(`/api/scenarios/${ID}/result?draws=1000&seed=20201103`)).json();
  expect(JSON.parse(json.text)).toEqual(api);
  const p10 = rows[0]!.indexOf("p10");
  const profit = rows.find((r) => r[0] === "headline" && r[2] === "profit")!;
  expect(Number(profit[p10])).toBeCloseTo(api.bands.headline.profit.p10, 6);

  const yaml = await download(page, "a[data-export='scenario.yaml']");
  expect(yaml.download.suggestedFilename()).toBe(`${ID}.yaml`);
  const file = testInfo.outputPath(yaml.download.suggestedFilename());
  fs.writeFileSync(file, yaml.bytes);
  const check = checkWithCli(file);
  expect(check.status, check.output).toBe(0);
});

test("the what-if state of the URL is carried into the CSV, JSON and YAML", async ({ page, request }, testInfo) => {
  test.slow(); // two CLI runs (evaluate, check), each starting tsx
  await page.goto(`/present/${ID}?slide=5&${KEY}=0.4&a.cost-of-equity=0.12`);
  const search = `${KEY}=0.4&a.cost-of-equity=0.12`;
  const { result } = await evaluateWithEngine(request, ID, search);
  const file = evaluateWithCli(ID).result;
  expect(result.headline.capitalShortfall.scenario).not.toBeCloseTo(file.headline.capitalShortfall.scenario, 3);

  const csv = await download(page, "a[data-export='result.csv']");
  expect(csv.download.suggestedFilename()).toBe(`${ID}-what-if-result.csv`);
  const rows = readCsv(csv.text);
  expect(figure(rows, "headline", "group", "capitalShortfall")).toBeCloseTo(result.headline.capitalShortfall.scenario, 6);
  expect(figure(rows, "headline", "group", "profit")).toBeCloseTo(result.headline.profit.scenario, 6);
  expect(rows.find((r) => r[1] === KEY && r[2] === "whatIf")).toEqual(["about", KEY, "whatIf", "fraction", "0.3", "0.4", "0.1"]);

  const json = JSON.parse((await download(page, "a[data-export='result.json']")).text);
  expect(json.result.headline).toEqual(result.headline);
  expect(json.scenario.assumptions["cost-of-equity"]).toBe(0.12);

  const yaml = await download(page, "a[data-export='scenario.yaml']");
  expect(yaml.download.suggestedFilename()).toBe(`${ID}-what-if.yaml`);
  expect(yaml.text).toMatch(/minOwnShare: \{ low: 0\.1, high: 0\.5, value: 0\.4 \}/);
  expect(yaml.text).toMatch(/cost-of-equity: 0\.12/);
  const saved = testInfo.outputPath(yaml.download.suggestedFilename());
  fs.writeFileSync(saved, yaml.bytes);
  const check = checkWithCli(saved);
  expect(check.status, check.output).toBe(0);
});

test("bad what-if values, versions and formats are refused with their messages, and nothing is exported", async ({ request }) => {
  const bad = await request.get(`/scenarios/${ID}/export/result.csv?${KEY}=7&a.nope=1`);
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.errors).toEqual([
    `'${KEY}' must be between 0.1 and 0.5, got 7. The file's value 0.3 is used.`,
    "Unknown parameter 'a.nope': this scenario has no such rule parameter or assumption. It was ignored.",
  ]);
  expect(bad.headers()["content-disposition"]).toBeUndefined();
  expect((await request.get(`/scenarios/${ID}/export/scenario.yaml?${KEY}=abc`)).status()).toBe(400);
  expect((await request.get(`/scenarios/${ID}/export/result.csv?v=2`)).status()).toBe(400);
  expect((await request.get(`/scenarios/${ID}/export/result.xlsx`)).status()).toBe(404);
  expect((await request.get(`/scenarios/no-such-thing/export/result.csv`)).status()).toBe(404);
  expect((await request.post(`/scenarios/${ID}/export/result.csv`)).status()).toBe(405);
});

test("a variant's exports: its formula-like title arrives in the CSV as text, and its YAML passes check", async ({ request }, testInfo) => {
  test.slow(); // a CLI run (check) starting tsx
  const id = await saveVariant(request);
  const csv = await request.get(`/scenarios/${id}/export/result.csv?v=1`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="${id}-v1-result.csv"`);
  const rows = readCsv(await csv.text());
  expect(rows.find((r) => r[2] === "title")![5]).toBe(`'${FORMULA_TITLE}`);
  expect(rows.find((r) => r[2] === "ruleLabel")![5]).toBe("'@ 30% own funding");
  for (const r of rows) for (const c of r) if (!Number.isFinite(Number(c))) expect(c).not.toMatch(/^[=+\-@\t\r]/);

  const json = await request.get(`/scenarios/${id}/export/result.json`);
  expect((await json.json()).scenario.title).toBe(FORMULA_TITLE);

  const yaml = await request.get(`/scenarios/${id}/export/scenario.yaml?v=1&r.own-funding.minOwnShare=0.45`);
  expect(yaml.headers()["content-disposition"]).toBe(`attachment; filename="${id}-v1-what-if.yaml"`);
  const file = path.join(testInfo.outputPath(), `${id}-v1-what-if.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await yaml.body());
  const check = checkWithCli(file);
  expect(check.status, check.output).toBe(0);
  expect(await yaml.text()).toContain("value: 0.45");
});

test("a chart downloads as a valid SVG and as a PNG at twice its size", async ({ page }) => {
  await page.goto(`/present/${ID}?slide=4`);
  await expect(page.locator("main.deck")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  // Both files from the same drawing: recharts redraws the chart once it is on the screen (decisions 022, 030).
  await expect(page.locator("figure[data-chart='present-services-chart'] .chart-canvas[data-renderer='recharts']")).toHaveCount(1);

  const svg = await download(page, "button[data-chart-download='present-services-chart'][data-kind='svg']");
  expect(svg.download.suggestedFilename()).toBe("present-services-chart.svg");
  expect(svg.text).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.text).toContain("Users reached per service");
  // The hatch patterns of the bars drawn with one come with it (the rectification reduces pay-later inside Alipay).
  expect(svg.text).toContain('id="pat-reduced"');
  // It parses as SVG.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return { root: doc.documentElement.nodeName, error: doc.querySelector("parsererror")?.textContent ?? null, width: doc.documentElement.getAttribute("width") };
  }, svg.text);
  expect(parsed).toMatchObject({ root: "svg", error: null });

  const png = await download(page, "button[data-chart-download='present-services-chart'][data-kind='png']");
  expect(png.download.suggestedFilename()).toBe("present-services-chart.png");
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.readUInt32BE(16)).toBe(2 * Number(parsed.width));
});

test.describe("from the scenario page", () => {
  test("the downloads and the deck follow a what-if as it moves; any chart of the page downloads as SVG and PNG", async ({ page, request }) => {
    await page.goto(`/scenarios/${ID}`);
    await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    await page.locator(`input[type="number"][name="${KEY}%"]`).fill("40");
    await expect(page.locator("[data-testid='export-bar'] a[data-export='result.csv']")).toHaveAttribute("href", `/scenarios/${ID}/export/result.csv?${KEY}=0.4&draws=1000&seed=20201103`);
    await expect(page.getByTestId("present-link")).toHaveAttribute("href", `/present/${ID}?${KEY}=0.4`);
    const { result } = await evaluateWithEngine(request, ID, `${KEY}=0.4`);
    const rows = readCsv((await download(page, "[data-testid='export-bar'] a[data-export='result.csv']")).text);
    expect(figure(rows, "headline", "group", "capitalShortfall")).toBeCloseTo(result.headline.capitalShortfall.scenario, 6);

    await page.getByTestId("chart-picker").selectOption("scenario-services-chart");
    const svg = await download(page, "[data-testid='export-bar'] button[data-kind='svg']");
    expect(svg.download.suggestedFilename()).toBe("scenario-services-chart.svg");
    expect(svg.text).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.text).toContain('id="pat-reduced"');
    // The stamp (issue 13 §6): the scenario, the moved value (file → what-if), the date, the caveat, the range's legend.
    const stamp = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return [...doc.querySelectorAll("[data-stamp]")].map((t) => t.textContent ?? "").join(" ");
    }, svg.text);
    expect(stamp).toContain(`Scenario: ${evaluateWithCli(ID).scenario.title}`);
    expect(stamp).toMatch(/What-if changed: .*30% → 40%/s);
    expect(stamp).toContain(`Exported ${new Date().toISOString().slice(0, 10)}.`);
    expect(stamp).toContain("Model output, illustrative");
    expect(stamp).toContain("80% range shown");
    expect(svg.text).toContain("80% range: 10th to 90th percentile over 1,000 draws");

    const png = await download(page, "[data-testid='export-bar'] button[data-kind='png']");
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the CSV/JSON/YAML links work with the URL's what-if; chart images say they need JavaScript", async ({ page }) => {
      await page.goto(`/scenarios/${ID}?${KEY}=0.4`);
      await expect(page.getByTestId("export-bar").getByTestId("chart-downloads-nojs")).toHaveText("Chart images need JavaScript.");
      // The controls hold their place (no layout shift when JavaScript arrives) but do nothing without it.
      await expect(page.locator("[data-testid='export-bar'] button")).toHaveCount(2);
      for (const b of await page.locator("[data-testid='export-bar'] button").all()) await expect(b).toBeDisabled();
      const csv = await download(page, "[data-testid='export-bar'] a[data-export='result.csv']");
      expect(csv.download.suggestedFilename()).toBe(`${ID}-what-if-result.csv`);
      expect(readCsv(csv.text).find((r) => r[1] === KEY && r[2] === "whatIf")?.[5]).toBe("0.4");
    });
  });
});
