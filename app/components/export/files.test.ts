import { describe, expect, it } from "vitest";

import { evaluate } from "../../engine/evaluate";
import { fixtureModel } from "../../scenarios/__fixtures__/model";
import { resultPayload } from "../../scenarios/payload";
import type { Scenario } from "../../scenarios/schema";
import { tunables } from "../../scenarios/tunables";
import { applyWhatIf } from "../../scenarios/what-if";
import { exportCsv, exportFileName, exportHref, isExportFormat, scenarioWithWhatIf, whatIfChanged } from "./files";
import { readCsv } from "../../../tests/support/read-csv";

const scenario: Scenario = {
  id: "test-co-lending",
  title: '=HYPERLINK("http://evil.example","click")',
  summary: "S",
  date: "2021",
  hypothetical: false,
  sources: ["S36"],
  rules: [
    { id: "own-funding", type: "co-lending", label: "+1 rule, with a comma", units: ["huabei", "jiebei"], minOwnShare: 0.3, response: "raise" },
    { type: "fund-size-cap", label: "@cap", unit: "yuebao", maxAum: 500 },
  ],
};

describe("scenarioWithWhatIf", () => {
  it("folds rule values and assumption overrides into the scenario, so the file alone gives the what-if result", () => {
    const values = { "r.own-funding.minOwnShare": 0.4, "a.cost-of-equity": 0.12 };
    const folded = scenarioWithWhatIf(scenario, values);
    expect(folded.rules[0]).toMatchObject({ minOwnShare: 0.4 });
    expect(folded.assumptions).toEqual({ "cost-of-equity": 0.12 });
    expect(scenario.rules[0]).toMatchObject({ minOwnShare: 0.3 }); // the input is not mutated
    const applied = applyWhatIf(scenario, values);
    expect(evaluate(fixtureModel, folded)).toEqual(evaluate(fixtureModel, applied.scenario, { assumptions: applied.assumptions }));
  });

  it("returns the scenario as it is without values", () => {
    expect(scenarioWithWhatIf(scenario, {})).toEqual(scenario);
  });

  it("tells a moved value from one equal to the file's", () => {
    const available = tunables(scenario, fixtureModel);
    expect(whatIfChanged({}, available)).toBe(false);
    expect(whatIfChanged({ "r.own-funding.minOwnShare": 0.3 }, available)).toBe(false);
    expect(whatIfChanged({ "r.own-funding.minOwnShare": 0.35 }, available)).toBe(true);
  });
});

describe("file names and links", () => {
  it("names a download after the scenario, its version and whether a what-if changed it", () => {
    expect(exportFileName("result.csv", { id: "2021-co-lending", version: null, changed: false })).toBe("2021-co-lending-result.csv");
    expect(exportFileName("result.json", { id: "my-variant-abc123", version: 3, changed: true })).toBe("my-variant-abc123-v3-what-if-result.json");
    expect(exportFileName("scenario.yaml", { id: "2021-co-lending", version: null, changed: true })).toBe("2021-co-lending-what-if.yaml");
  });

  it("keeps only v and the what-if keys in an export link", () => {
    expect(exportHref("x", "result.csv", "?slide=3&v=2&r.a.b=0.4&a.c=1&bands=2023")).toBe("/scenarios/x/export/result.csv?v=2&r.a.b=0.4&a.c=1");
    expect(exportHref("x", "scenario.yaml", "")).toBe("/scenarios/x/export/scenario.yaml");
    // The result files carry the page's draws and seed (its 80% ranges); the scenario file has none.
    expect(exportHref("x", "result.csv", "a.c=1&draws=9", { draws: 200, seed: 3 })).toBe("/scenarios/x/export/result.csv?a.c=1&draws=200&seed=3");
    expect(exportHref("x", "scenario.yaml", "a.c=1", { draws: 200, seed: 3 })).toBe("/scenarios/x/export/scenario.yaml?a.c=1");
  });

  it("knows its formats", () => {
    expect(isExportFormat("result.csv")).toBe(true);
    expect(isExportFormat("toString")).toBe(false);
    expect(isExportFormat("result.xlsx")).toBe(false);
  });
});

describe("exportCsv", () => {
  const payload = resultPayload(fixtureModel, scenario);
  const rows = readCsv(exportCsv(payload, { version: 2, whatIf: [{ key: "r.own-funding.minOwnShare", unit: "share", fileValue: 0.3, value: 0.4 }] }));

  it("starts with the header and has seven cells in every row", () => {
    expect(rows[0]).toEqual(["section", "id", "metric", "unit", "baseline", "scenario", "delta"]);
    for (const r of rows) expect(r).toHaveLength(7);
  });

  it("neutralises user text a spreadsheet would run as a formula", () => {
    const title = rows.find((r) => r[0] === "about" && r[2] === "title")!;
    expect(title[5]).toBe(`'${scenario.title}`);
    const labels = rows.filter((r) => r[2] === "ruleLabel").map((r) => r[5]);
    expect(labels).toEqual(["'+1 rule, with a comma", "'@cap"]);
    for (const r of rows) for (const c of r) if (!Number.isFinite(Number(c))) expect(c).not.toMatch(/^[=+\-@]/);
  });

  it("gives the version, the what-if value against the file's, and the figures with units", () => {
    expect(rows.find((r) => r[2] === "version")![5]).toBe("2");
    expect(rows.find((r) => r[2] === "whatIf")).toEqual(["about", "r.own-funding.minOwnShare", "whatIf", "share", "0.3", "0.4", "0.1"]);
    const revenue = rows.find((r) => r[0] === "headline" && r[2] === "revenue")!;
    expect(revenue[3]).toBe("RMB bn");
    expect(Number(revenue[5])).toBeCloseTo(payload.result.headline.revenue.scenario, 6);
  });
});
