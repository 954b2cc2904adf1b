import { describe, expect, it } from "vitest";

import {
  formatHhi,
  formatMillions,
  formatNumber,
  formatOfUnit,
  formatPercent,
  formatRange,
  formatRelativeChange,
  formatRmbBn,
  formatShare,
  formatWithUnit,
  fromInputNumber,
  toInputNumber,
} from "./format";

describe("format", () => {
  it("prints money with decimals that suit its size", () => {
    expect(formatRmbBn(1700)).toBe("1,700");
    expect(formatRmbBn(57.24)).toBe("57.2");
    expect(formatRmbBn(7.123)).toBe("7.12");
    expect(formatRmbBn(0.35)).toBe("0.35");
    expect(formatRmbBn(-0.0001)).toBe("0.00");
    // One minus sign everywhere: the true minus, as the deltas write it.
    expect(formatRmbBn(-0.74)).toBe("\u22120.74");
    expect(formatNumber(-1190, 1)).toBe("\u22121,190.0");
    expect(formatPercent(-0.102, 1)).toBe("\u221210.2%");
  });

  it("prints shares as percentages without trailing zeros", () => {
    expect(formatPercent(0.551)).toBe("55.1%");
    expect(formatPercent(0.02)).toBe("2%");
    expect(formatPercent(0.0274)).toBe("2.74%");
  });

  it("prints users and HHI with grouping", () => {
    expect(formatMillions(711)).toBe("711");
    expect(formatMillions(20.87)).toBe("20.9");
    expect(formatHhi(4556.3)).toBe("4,556");
  });

  it("prints a value in its declared unit", () => {
    expect(formatWithUnit(0.5, "fraction")).toBe("50%");
    expect(formatWithUnit(0.0039, "fraction of AUM per year")).toBe("0.39% of AUM per year");
    expect(formatWithUnit(0.1, "per year")).toBe("10% per year");
    expect(formatWithUnit(46.6, "RMB bn per year")).toBe("46.6 RMB bn per year");
    expect(formatWithUnit(500, "RMB bn")).toBe("500 RMB bn");
    expect(formatWithUnit(2, "x H1 2020")).toBe("2 × H1 2020");
    expect(formatWithUnit(36, "months")).toBe("36 months");
    expect(formatWithUnit(1.2, "ratio")).toBe("1.2×");
    expect(formatWithUnit(5, "RMB bn")).toBe("5 RMB bn");
  });

  it("prints money in a unit by the one rule for RMB bn, so a what-if reads 780.8 as its rule does, not 781", () => {
    expect(formatWithUnit(780.8, "RMB bn")).toBe("780.8 RMB bn");
    expect(formatWithUnit(972.4, "RMB bn")).toBe("972.4 RMB bn");
    expect(formatWithUnit(1190, "RMB bn")).toBe("1,190 RMB bn");
    expect(formatWithUnit(9.25, "RMB bn")).toBe("9.25 RMB bn");
    expect(formatRange(600, 972.4, "RMB bn")).toBe("600 to 972.4 RMB bn");
  });

  it("writes a range's unit once", () => {
    expect(formatRange(0.08, 0.15, "per year")).toBe("8% to 15% per year");
    expect(formatRange(1.8, 2.2, "x H1 2020")).toBe("1.8 × to 2.2 × H1 2020");
    expect(formatRange(0.2, 0.9, "fraction")).toBe("20% to 90%");
  });

  it("reads a rate per year as a percentage whatever follows it (the deck once showed the platform fee as '0.02 per year')", () => {
    expect(formatWithUnit(0.02, "per year, of the facilitated balance")).toBe("2% per year, of the facilitated balance");
    expect(formatWithUnit(0.12, "fraction of risk-weighted assets")).toBe("12% of risk-weighted assets");
    expect(formatWithUnit(0.1, "fraction per year")).toBe("10% per year");
    expect(formatWithUnit(0.3, "%")).toBe("30%");
    expect(formatWithUnit(3, "queries per borrower per year")).toBe("3 queries per borrower per year");
    expect(formatOfUnit("per year, of the facilitated balance")).toBe("percent");
    expect(formatOfUnit("RMB bn per year")).toBe("number");
    expect(formatOfUnit("x recurring profit")).toBe("multiple");
  });

  it("a declared format wins over the unit's text", () => {
    expect(formatWithUnit(1, "fraction", "percent")).toBe("100%");
    expect(formatWithUnit(12, "x capital", "multiple")).toBe("12 × capital");
    expect(formatWithUnit(2.5, "RMB", "number")).toBe("2.5 RMB");
  });

  it("types a percentage as the percentage it reads as, without binary residue", () => {
    expect(toInputNumber(0.3, "percent")).toBe(30);
    expect(toInputNumber(0.07, "percent")).toBe(7);
    expect(toInputNumber(0.145, "percent")).toBe(14.5);
    expect(fromInputNumber(30, "percent")).toBe(0.3);
    expect(fromInputNumber(14.5, "percent")).toBe(0.145);
    expect(toInputNumber(12, "multiple")).toBe(12);
    expect(fromInputNumber(780.8, "number")).toBe(780.8);
  });

  it("prints a relative change with one decimal always, signed with the true minus, and shares with one decimal", () => {
    expect(formatRelativeChange(-22.2, 145.1)).toBe("\u221215.3%");
    expect(formatRelativeChange(-181, 4472)).toBe("\u22124.0%");
    expect(formatRelativeChange(2.6, 63.4)).toBe("+4.1%");
    expect(formatRelativeChange(0.001, 4472)).toBeNull();
    expect(formatRelativeChange(5, 0)).toBeNull();
    expect(formatShare(0.02)).toBe("2.0%");
    expect(formatShare(0.5543)).toBe("55.4%");
    expect(formatNumber(-1190, 1)).toBe("\u22121,190.0");
  });
});

describe("texts kept per formatter (decision 033)", () => {
  it("writes a value the same the first time, again, and after the kept texts start again", () => {
    const fresh = (v: number) => new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v).replace(/^-/, "\u2212");
    const values = Array.from({ length: 5000 }, (_, i) => (i - 2500) * 1.37);
    for (const round of [1, 2]) for (const v of values) expect(formatNumber(v, 1), `round ${round}: ${v}`).toBe(fresh(v));
    // -0 and 0 are one key of a Map: both read "0", in either order, and a tiny negative residue too.
    expect([formatNumber(-0), formatNumber(0), formatNumber(-0.0001), formatPercent(-0, 1, 1), formatPercent(0, 1, 1)]).toEqual(["0", "0", "0", "0.0%", "0.0%"]);
  });
});
