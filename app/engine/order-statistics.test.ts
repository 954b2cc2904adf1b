/** The bands' quickselect puts at every position a percentile reads exactly what a sort puts there. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandOf, orderStatistics, percentile, PERCENTILES } from "./uncertainty";

const positions = (n: number) =>
  PERCENTILES.flatMap((p) => {
    const lo = Math.floor(((n - 1) * p) / 100);
    return [lo, Math.min(n - 1, lo + 1)];
  });

describe("orderStatistics", () => {
  it("equals a sort at every band position, on values with many repeats, and keeps the same values", () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(0));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (xs) => {
        const a = Float64Array.from(xs);
        const sorted = a.slice().sort();
        orderStatistics(a);
        for (const k of positions(a.length)) if (!Object.is(a[k], sorted[k])) expect(a[k], `position ${k} of ${a.length}`).toBe(sorted[k]);
        expect(a.slice().sort()).toEqual(sorted);
      }),
      { numRuns: 300, seed: 29 },
    );
  });

  it("on sorted, reversed and constant runs (a quickselect's worst cases), and with -0 and NaN (sorted instead)", () => {
    for (const make of [(i: number) => i, (i: number) => -i, (i: number) => i % 2, (i: number) => (i % 7 === 0 ? -0 : i), (i: number) => (i === 5 ? NaN : i % 13)]) {
      const a = Float64Array.from({ length: 1000 }, (_, i) => make(i));
      const sorted = a.slice().sort();
      orderStatistics(a);
      for (const k of positions(1000)) expect(Object.is(a[k], sorted[k]) || (Number.isNaN(a[k]) && Number.isNaN(sorted[k])), `position ${k}`).toBe(true);
    }
  });

  it("gives the band a full sort gives", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 1500 }), (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const band = bandOf(Float64Array.from(xs));
        expect([band.p5, band.p10, band.p50, band.p90, band.p95]).toEqual(PERCENTILES.map((p) => percentile(sorted, p)));
      }),
      { numRuns: 200, seed: 30 },
    );
  });
});
