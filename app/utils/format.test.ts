import { describe, expect, it } from "vitest";

import { formatHhi, formatMillions, formatNumber, formatPercent, formatRange, formatRmbBn, formatWithUnit } from "./format";

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

  it("writes a range's unit once", () => {
    expect(formatRange(0.08, 0.15, "per year")).toBe("8% to 15% per year");
    expect(formatRange(1.8, 2.2, "x H1 2020")).toBe("1.8 × to 2.2 × H1 2020");
    expect(formatRange(0.2, 0.9, "fraction")).toBe("20% to 90%");
  });
});
