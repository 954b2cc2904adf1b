/** The coalition table answers as a Map would, through growth and on masks that share their low bits. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ABSENT, MaskTable } from "./mask-table";

describe("MaskTable", () => {
  it("stores, overwrites and finds what a Map does", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: -2, max: 1e6 })), { maxLength: 3000 }), (ops) => {
        const table = new MaskTable(4);
        const map = new Map<number, number>();
        for (const [mask, value] of ops) {
          table.set(mask, value);
          map.set(mask, value);
        }
        expect(table.size).toBe(map.size);
        for (const [mask, value] of map) expect(table.get(mask)).toBe(value);
        for (const [mask] of ops) expect(table.has(mask ^ (1 << 30)) || !map.has(mask ^ (1 << 30))).toBe(true);
        expect(table.get(2 ** 30 + 7)).toBe(map.get(2 ** 30 + 7) ?? ABSENT);
      }),
      { numRuns: 100, seed: 29 },
    );
  });

  it("keeps masks that differ only in high bits apart, and clears", () => {
    const table = new MaskTable();
    for (let k = 0; k < 4096; k++) table.set(k << 18, k);
    for (let k = 0; k < 4096; k++) expect(table.get(k << 18)).toBe(k);
    expect(table.get(1)).toBe(ABSENT);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get(1 << 18)).toBe(ABSENT);
  });

  it("getOrSet keeps the first value a mask was given and answers ABSENT only then, before and after reserve", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { maxLength: 2000 }), fc.nat(5000), (masks, room) => {
        const table = new MaskTable(2);
        const first = new Map<number, number>();
        masks.forEach((mask, i) => {
          if (i === masks.length >> 1) table.reserve(table.size + room);
          const known = table.getOrSet(mask, i);
          expect(known).toBe(first.has(mask) ? first.get(mask) : ABSENT);
          if (!first.has(mask)) first.set(mask, i);
        });
        expect(table.size).toBe(first.size);
        for (const [mask, value] of first) expect(table.get(mask)).toBe(value);
      }),
      { numRuns: 100, seed: 37 },
    );
  });
});
