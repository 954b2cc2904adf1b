import { describe, expect, it } from "vitest";
import { HEADLINE_KEYS } from "../engine/result";
import { fixtureModel } from "./__fixtures__/model";
import { CSV_HEADER, csvCell, formatCsv, formatJson, formatResult, formatTable, neutraliseFormula, textTable } from "./format-result";
import { resultPayload } from "./payload";
import type { Scenario } from "./schema";
import { readCsv } from "../../tests/support/read-csv";

const scenario: Scenario = {
  id: "test-co-lending",
  title: "Test co-lending",
  summary: "S",
  date: "2021",
  hypothetical: false,
  sources: ["S36"],
  rules: [
    { id: "own-funding", type: "co-lending", label: "30%", units: ["huabei", "jiebei"], minOwnShare: 0.3, response: "raise" },
    { type: "fund-size-cap", label: "cap", unit: "yuebao", maxAum: 500 },
  ],
};
const payload = resultPayload(fixtureModel, scenario);

describe("CSV export", () => {
  const rows = readCsv(formatCsv(payload));

  it("has the header section,id,metric,unit,baseline,scenario,delta and rectangular rows", () => {
    expect(rows[0]).toEqual([...CSV_HEADER]);
    for (const r of rows) expect(r).toHaveLength(CSV_HEADER.length);
  });

  it("carries every headline figure with delta = scenario - baseline", () => {
    for (const k of HEADLINE_KEYS) {
      const r = rows.find((x) => x[0] === "headline" && x[2] === k)!;
      const h = payload.result.headline[k];
      expect(Number(r[4])).toBeCloseTo(h.baseline, 6);
      expect(Number(r[5])).toBeCloseTo(h.scenario, 6);
      expect(Number(r[6])).toBeCloseTo(h.scenario - h.baseline, 6);
    }
  });

  it("has unit, service, market and per-rule attribution rows", () => {
    const sections = new Set(rows.slice(1).map((r) => r[0]));
    expect([...sections]).toEqual(["headline", "unit", "service", "market", "flow", "attribution"]);
    expect(rows.some((r) => r[0] === "attribution" && r[1] === "own-funding")).toBe(true);
    expect(rows.some((r) => r[0] === "attribution" && r[1] === "rule-2")).toBe(true);
  });

  it("with draws, a flow's share kept and a receiving unit's coverage carry their bands (baseline 1: no change band)", () => {
    const consent: Scenario = {
      ...scenario,
      rules: [
        { id: "consent", type: "consent-required", label: "Consent", categories: ["transactions"], consentRate: { low: 0.3, value: 0.6, high: 0.8 } },
      ],
    };
    const withBands = resultPayload(fixtureModel, consent, { uncertainty: { draws: 80, seed: 4 } });
    const csv = readCsv(formatCsv(withBands));
    const bands = withBands.bands!;
    const flow = csv.find((r) => r[0] === "flow" && r[1] === "payments-to-huabei-transactions")!;
    const kept = bands.flows.kept["payments-to-huabei-transactions"]!;
    expect(kept.p90).toBeGreaterThan(kept.p10);
    expect(flow.slice(4, 12).map(Number)).toEqual([1, withBands.result.flows[0]!.kept, withBands.result.flows[0]!.kept - 1, kept.p5, kept.p10, kept.p50, kept.p90, kept.p95].map((x) => Number(x.toPrecision(9))));
    expect(flow.slice(12)).toEqual(["", "", "", "", ""]);
    const coverage = csv.find((r) => r[0] === "unit" && r[1] === "huabei" && r[2] === "dataCoverage")!;
    expect(Number(coverage[8])).toBe(Number(bands.flows.coverage.huabei!.p10.toPrecision(9)));
    expect(bands.flows.coverage.huabei!.p10).toBeLessThan(1);
  });

  it("neutralises text cells a spreadsheet would run as a formula, but not numbers", () => {
    expect(neutraliseFormula("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    for (const s of ["+1", "-2+3", "@SUM(A1)", "\tx"]) expect(neutraliseFormula(s).startsWith("'")).toBe(true);
    expect(neutraliseFormula("huabei")).toBe("huabei");
    // A spreadsheet skips what precedes the sign, and reads full-width forms as ASCII (issue 9).
    for (const s of [" =HYPERLINK(\"x\")", "\n=1+1", "\u00a0=1+1", "\u200b=1", "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20SUM(A1)"])
      expect(neutraliseFormula(s), JSON.stringify(s)).toBe(`'${s}`);
    expect(neutraliseFormula("Huabei, pay later")).toBe("Huabei, pay later");
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell("=1+1,2")).toBe("\"'=1+1,2\"");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });
});

describe("JSON and table", () => {
  it("JSON is the payload itself", () => {
    expect(JSON.parse(formatJson(payload))).toEqual(JSON.parse(JSON.stringify(payload)));
    expect(Object.keys(JSON.parse(formatJson(payload)))).toEqual(["scenario", "result", "attribution"]);
  });

  it("the table shows headline, units, services and markets with baseline, scenario and delta", () => {
    const t = formatTable(payload);
    for (const s of ["HEADLINE", "BY RULE", "UNITS", "SERVICES", "MARKETS", "Capital shortfall", "huabei", "mobile-payments", "own-funding"])
      expect(t).toContain(s);
    expect(t).toMatch(/Consolidated revenue\s+RMB bn\s+\d+\.\d\s+\d+\.\d\s+[+-]?\d+\.\d/);
  });

  it("formatResult dispatches on the format", () => {
    expect(formatResult(payload, "csv").startsWith("section,id,metric")).toBe(true);
    expect(formatResult(payload, "json").startsWith("{")).toBe(true);
    expect(formatResult(payload, "table").startsWith("Test co-lending")).toBe(true);
  });

  it("textTable aligns numbers right and text left", () => {
    expect(textTable([["a", "n"], ["xyz", "1.0"], ["b", "10.0"]]).split("\n")).toEqual(["a    n", "---  ----", "xyz   1.0", "b    10.0"]);
  });
});
