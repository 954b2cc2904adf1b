import { describe, expect, it } from "vitest";

import { domainOf, geometry, rangeMarkCount, type BarChartSpec } from "./spec";

const spec: BarChartSpec = {
  id: "t",
  orientation: "rows",
  categories: ["a", "b", "c"],
  series: [
    { key: "base", values: [10, 20, 30], fill: "#000" },
    { key: "scen", values: [12, null, -5], fill: "#111", ranges: [{ low: 8, high: 15 }, { low: 1, high: 2 }, null] },
  ],
  domain: [-10, 40],
  ticks: [-10, 0, 10, 20, 30, 40],
  formatTick: String,
  width: 600,
  height: 200,
  fontSize: 15,
  categorySize: 150,
  wrap: 20,
  margin: { top: 5, right: 50, bottom: 10, left: 5 },
};

describe("chart spec geometry", () => {
  it("maps the domain onto the plot and stacks a category's bars inside its band", () => {
    const g = geometry(spec);
    expect(g.scale(-10)).toBeCloseTo(g.plot.x);
    expect(g.scale(40)).toBeCloseTo(g.plot.x + g.plot.w);
    expect(g.plot.x).toBe(5 + 150);
    const band = g.plot.h / 3;
    expect(g.barStart(1, 0)).toBeGreaterThanOrEqual(g.plot.y + band);
    expect(g.barStart(1, 1) + g.barSize).toBeLessThanOrEqual(g.plot.y + 2 * band);
  });
  it("widens the label column and the value margin with the label size, not with the width", () => {
    const big = geometry(spec, { width: 1200, height: 400, font: 30 });
    expect(big.categorySize).toBe(300);
    expect(geometry(spec, { width: 1200, height: 400, font: 15 }).categorySize).toBe(150);
    expect(big.scale(40)).toBeCloseTo(1200 - 100);
  });
  it("counts one range mark per plotted item with a range (none for a missing bar)", () => {
    expect(rangeMarkCount(spec)).toBe(1);
  });
  it("takes a domain that holds every bar and range", () => {
    const [lo, hi] = domainOf(spec, 0);
    expect(lo).toBe(-5);
    expect(hi).toBe(30);
  });
});
