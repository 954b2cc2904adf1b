/** A draw's vector computed in one loop equals the per-input functions, to the last bit. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashKey, InverseCdfs, triangular, uniform, uniformColumn, uniformFor, uniformsFor } from "./random";

describe("a draw's vector at once", () => {
  it("uniformsFor gives uniformFor of every key", () => {
    const hashes = Array.from({ length: 40 }, (_, k) => hashKey(`a.input-${k}`));
    const out = new Float64Array(hashes.length);
    for (const seed of [0, 1, 20201103, -7, 2 ** 31 - 1])
      for (let index = 0; index < 200; index++) {
        uniformsFor(seed, index, hashes, out);
        hashes.forEach((h, k) => {
          if (out[k] !== uniformFor(seed, index, h)) expect(out[k], `${seed} ${index} ${k}`).toBe(uniformFor(seed, index, h));
        });
      }
  });

  it("uniformColumn gives uniformFor of every draw", () => {
    const out = new Float64Array(300);
    for (const seed of [0, 1, 20201103, -7, 2 ** 31 - 1])
      for (const h of [0, 1, hashKey("a.cost-of-equity"), 2 ** 32 - 1]) {
        uniformColumn(seed, h, out);
        out.forEach((x, i) => {
          if (x !== uniformFor(seed, i, h)) expect(x, `${seed} ${h} ${i}`).toBe(uniformFor(seed, i, h));
        });
      }
  });

  it("InverseCdfs gives triangular and uniform of each input, points and inverted ranges included", () => {
    const input = fc.record({
      distribution: fc.constantFrom("triangular" as const, "uniform" as const),
      low: fc.double({ min: -100, max: 100, noNaN: true }),
      mode: fc.double({ min: -120, max: 120, noNaN: true }),
      high: fc.double({ min: -100, max: 100, noNaN: true }),
    });
    const withPoints = fc.oneof(input, input.map((i) => ({ ...i, high: i.low })), input.map((i) => ({ ...i, mode: i.low })));
    fc.assert(
      fc.property(fc.array(withPoints, { minLength: 1, maxLength: 12 }), fc.array(fc.double({ min: 0, max: 0.9999999, noNaN: true }), { minLength: 12, maxLength: 12 }), (inputs, us) => {
        const u = Float64Array.from(us.slice(0, inputs.length));
        const out = new Float64Array(inputs.length);
        const cdfs = new InverseCdfs(inputs);
        cdfs.apply(u, out);
        inputs.forEach((i, k) => {
          const want = i.distribution === "uniform" ? uniform(u[k], i.low, i.high) : triangular(u[k], i.low, i.mode, i.high);
          expect(Object.is(out[k], want), `${JSON.stringify(i)} u=${u[k]}: ${out[k]} vs ${want}`).toBe(true);
          // One input's column of every u gives the same as each u alone.
          const column = Float64Array.from(us);
          cdfs.applyColumn(k, column);
          column.forEach((x, j) => {
            const w = i.distribution === "uniform" ? uniform(us[j], i.low, i.high) : triangular(us[j], i.low, i.mode, i.high);
            if (!Object.is(x, w)) expect(x, `${JSON.stringify(i)} u=${us[j]}`).toBe(w);
          });
        });
      }),
      { numRuns: 2000, seed: 31 },
    );
  });
});
