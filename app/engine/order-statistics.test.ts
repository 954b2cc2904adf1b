/** The bands' selection reads at every position a percentile reads exactly what a sort puts there. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandOf, bandStatistics, percentile, PERCENTILES } from "./uncertainty";

const positions = (n: number) =>
  PERCENTILES.flatMap((p) => {
    const lo = Math.floor(((n - 1) * p) / 100);
    return [lo, Math.min(n - 1, lo + 1)];
  });

/** bandStatistics against a sort, value by value (Object.is: -0 and NaN count), and the values left as they were. */
function sameAsSort(a: Float64Array, label: string) {
  const before = a.slice();
  const sorted = a.slice().sort();
  const stats = bandStatistics(a);
  positions(a.length).forEach((k, j) => {
    if (!Object.is(stats[j], sorted[k])) expect(stats[j], `${label}: position ${k} of ${a.length}`).toBe(sorted[k]);
  });
  expect(a).toEqual(before);
}

describe("bandStatistics", () => {
  it("equals a sort at every band position, on values with many repeats, of any size", () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(0));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (xs) => sameAsSort(Float64Array.from(xs), "random")),
      { numRuns: 300, seed: 29 },
    );
  });

  it("on skewed values spread over many orders of magnitude, with infinities, and on subnormal ranges", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: 0, max: 1e-300, noNaN: true }),
      fc.constantFrom(0, 1, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 2000 }), (xs) => sameAsSort(Float64Array.from(xs), "skewed")),
      { numRuns: 300, seed: 41 },
    );
    // Mostly one value and a long tail (a capital shortfall: 0 in most draws), and a geometric spread.
    sameAsSort(Float64Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 2 ** (i / 10) : 0)), "tail");
    sameAsSort(Float64Array.from({ length: 1000 }, (_, i) => 1.07 ** i), "geometric");
  });

  it("on sorted, reversed and constant runs, and with -0 and NaN (sorted instead)", () => {
    for (const make of [(i: number) => i, (i: number) => -i, (i: number) => i % 2, () => 5, () => -0, (i: number) => (i % 7 === 0 ? -0 : i), (i: number) => (i === 5 ? NaN : i % 13)])
      for (const n of [1, 2, 3, 10, 25, 1000]) {
        const a = Float64Array.from({ length: n }, (_, i) => make(i));
        const sorted = a.slice().sort();
        const stats = bandStatistics(a);
        positions(n).forEach((k, j) => expect(Object.is(stats[j], sorted[k]), `${make} n ${n} position ${k}`).toBe(true));
      }
  });

  it("gives the band a full sort gives", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 1500 }), (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const band = bandOf(Float64Array.from(xs));
        expect([band.p5, band.p10, band.p50, band.p90, band.p95]).toEqual(PERCENTILES.map((p) => percentile(sorted, p)));
      }),
      { numRuns: 200, seed: 30 },
    );
  });
});
