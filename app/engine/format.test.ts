/** The engine's fast toFixed gives exactly what Number.prototype.toFixed gives (the sentences must not change). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCompact, formatNumber, formatPercent, formatRmbBn, readableFixed, rmbBnDecimals } from "../utils/format";
import { bn, compactNumber, pct, toFixed, wholeNumber } from "./state";

const same = (x: number, digits: 1 | 2) => {
  const got = toFixed(x, digits);
  if (got !== x.toFixed(digits)) expect(got, `${x} (${digits})`).toBe(x.toFixed(digits));
};

describe("toFixed", () => {
  it("equals Number.prototype.toFixed on any double", () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom(1 as const, 2 as const), (x, d) => same(x, d)),
      { numRuns: 20000, seed: 29 },
    );
  });

  it("equals it on figures of the model's size and at and around every tie", () => {
    fc.assert(
      fc.property(fc.double({ min: -5000, max: 5000, noNaN: true }), fc.constantFrom(1 as const, 2 as const), (x, d) => same(x, d)),
      { numRuns: 20000, seed: 30 },
    );
    for (let k = -20000; k <= 20000; k++) {
      for (const d of [1, 2] as const) {
        const tie = (k + 0.5) / (d === 1 ? 10 : 100);
        for (const x of [tie, tie + Number.EPSILON * Math.abs(tie), tie - Number.EPSILON * Math.abs(tie), k / 10, k / 100, k / 1000])
          same(x, d);
      }
    }
  });

  it("keeps the sign rules: -0 has none, a small negative keeps it; large, infinite and NaN as toFixed", () => {
    for (const x of [-0, 0, -0.01, -0.04, 0.05, 0.15, 1.005, 2.675, 1e9, 1e15, 1e21, -1e21, Infinity, -Infinity, NaN, 5e-324])
      for (const d of [1, 2] as const) same(x, d);
    expect(pct(0.1234)).toBe("12.3%");
    expect(pct(0.00012)).toBe("0.01%");
    expect(bn(-0.04)).toBe("\u22120.04 RMB bn");
  });
});

describe("pct and bn", () => {
  it("print what the pages' formatter prints (decision 032): separators, the true minus, decimals by size", () => {
    expect(bn(1190)).toBe("1,190 RMB bn");
    expect(bn(-2.432)).toBe("\u22122.43 RMB bn");
    expect(bn(780.8)).toBe("780.8 RMB bn");
    expect(pct(0.25)).toBe("25%");
    expect(pct(0.0039)).toBe("0.39%");
    expect(pct(-0.197)).toBe("\u221219.7%");
    // The same text but at exact decimal ties (0.155), which toFixed rounds as the double below them and Intl as the tie.
    for (const x of [0, -0.0004, 0.004, 0.05, 0.1549, 1.0071, 9.9949, 10, 99.9, 780.8, 999.94, 1000, 1190, -1190.4, 12345.6, 2105.4])
      expect(bn(x), String(x)).toBe(`${formatRmbBn(x)} RMB bn`);
    for (const x of [0, 0.00012, 0.005, 0.0039, 0.1234, 0.25, 0.316, -0.197, 1, 1.5])
      expect(pct(x), String(x)).toBe(formatPercent(x, x !== 0 && Math.abs(x) < 0.01 ? 2 : 1));
  });
});

describe("pct and bn written from the rounded integer", () => {
  // What they replace: Number.prototype.toFixed, then readableFixed (and a percentage's trailing zeros dropped).
  const pctRef = (x: number) => {
    const t = readableFixed((x * 100).toFixed(x !== 0 && Math.abs(x) < 0.01 ? 2 : 1));
    return `${t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t}%`;
  };
  const bnRef = (x: number) => {
    const d = rmbBnDecimals(x);
    return `${readableFixed(d === 0 ? String(Math.sign(x) * Math.round(Math.abs(x))) : x.toFixed(d))} RMB bn`;
  };
  const same = (x: number) => {
    if (pct(x) !== pctRef(x)) expect(pct(x), `pct(${x})`).toBe(pctRef(x));
    if (bn(x) !== bnRef(x)) expect(bn(x), `bn(${x})`).toBe(bnRef(x));
  };

  it("equal toFixed + readableFixed on any double, on figures of the model's size, and at and around every tie", () => {
    fc.assert(fc.property(fc.double(), same), { numRuns: 20000, seed: 37 });
    fc.assert(fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), same), { numRuns: 20000, seed: 38 });
    fc.assert(fc.property(fc.double({ min: -2, max: 2, noNaN: true }), same), { numRuns: 20000, seed: 39 });
    for (let k = -200000; k <= 200000; k += k > -2000 && k < 2000 ? 1 : 7) {
      for (const scale of [10, 100, 1000, 10000]) {
        const tie = (k + 0.5) / scale;
        for (const x of [tie, tie + Number.EPSILON * Math.abs(tie), tie - Number.EPSILON * Math.abs(tie), k / scale]) same(x);
      }
    }
    for (const x of [-0, 0, -0.00004, 0.00005, 0.0001, -0.0099, 0.01, 999.95, -999.96, 1000, -1000.4, 9.995, 1e9, 1e15, 1e21, -1e21, Infinity, -Infinity, NaN, 5e-324, 1234567.8])
      same(x);
  });
});

describe("wholeNumber and compactNumber", () => {
  it("print what formatNumber(x) and formatCompact(x) print, on any double and at every half", () => {
    const same = (x: number) => {
      if (wholeNumber(x) !== formatNumber(x)) expect(wholeNumber(x), String(x)).toBe(formatNumber(x));
      expect(compactNumber(x), String(x)).toBe(formatCompact(x));
    };
    fc.assert(fc.property(fc.double(), same), { numRuns: 5000, seed: 41 });
    fc.assert(fc.property(fc.double({ min: -1e10, max: 1e10, noNaN: true }), same), { numRuns: 5000, seed: 42 });
    for (let k = -3000; k <= 3000; k++) for (const x of [k + 0.5, k + 0.49999999999999994, k / 7, k * 1000.5]) same(x);
    for (const x of [-0, 0, -0.4, 0.5, -0.5, 999.5, 999_999_999.5, 1e9, -1e9, 1e21, Infinity, -Infinity, NaN]) same(x);
  });
});
