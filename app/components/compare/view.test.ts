import { describe, expect, it } from "vitest";

import { niceStep, sharedAxis } from "./view";

describe("sharedAxis", () => {
  it("contains 0 and every value, with room for labels, on round ticks", () => {
    for (const values of [[-91.9, -44.6, 6], [0.5, 89], [-1621, -396, 0], [0, 0], [4578.6, 257, 6100]]) {
      const { domain, ticks } = sharedAxis(values);
      expect(domain[0]).toBeLessThanOrEqual(Math.min(0, ...values));
      expect(domain[1]).toBeGreaterThanOrEqual(Math.max(0, ...values));
      expect(ticks[0]).toBe(domain[0]);
      expect(ticks[ticks.length - 1]).toBe(domain[1]);
      expect(ticks).toContain(0);
      expect(ticks.length).toBeLessThanOrEqual(12);
    }
  });

  it("leaves space beyond the longest bar", () => {
    const { domain } = sharedAxis([-100, 50]);
    expect(domain[0]).toBeLessThan(-100);
    expect(domain[1]).toBeGreaterThan(50);
  });

  it("steps are 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceStep(100)).toBe(20);
    expect(niceStep(12)).toBe(2.5);
    expect(niceStep(0)).toBe(1);
  });
});
