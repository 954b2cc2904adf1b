/**
 * Uncertainty and scalable attribution on the real seeded model (a scratch database) and the scenario library:
 * bands ordered, reproducible and collapsing to the point estimate; sensitivity sorted; grouped attribution equal
 * to full enumeration; the sampled estimate within its stated bound.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attribute, interactionGroups, SAMPLED_BOUND_SE } from "../engine/attribution";
import { evaluate } from "../engine/evaluate";
import type { Model } from "../engine/model";
import { hashKey, triangular, uniformFor, xoshiro128ss } from "../engine/random";
import { HEADLINE_KEYS, type Attribution } from "../engine/result";
import { stackScenarios } from "../engine/stack";
import { computeBands, inertInputs, percentile, sensitivity, uncertainInputs, type Band } from "../engine/uncertainty";
import { libraryScenarios, makeScratchDatabase, type ScratchDatabase } from "./__fixtures__/scratch-db";
import type { Scenario } from "./schema";

let scratch: ScratchDatabase;
let model: Model;
let library: Scenario[];
const byId = (id: string) => library.find((s) => s.id === id)!;

beforeAll(() => {
  scratch = makeScratchDatabase();
  model = scratch.model;
  library = libraryScenarios(model);
});
afterAll(() => scratch.cleanup());

const pointOf = (x: number): Band => ({ p5: x, p10: x, p50: x, p90: x, p95: x });
const ordered = (b: Band) => b.p5 <= b.p10 && b.p10 <= b.p50 && b.p50 <= b.p90 && b.p90 <= b.p95;
function* allBands(bands: ReturnType<typeof computeBands>): Generator<[string, Band]> {
  for (const k of HEADLINE_KEYS) {
    yield [`headline.${k}`, bands.headline[k]];
    yield [`headlineDelta.${k}`, bands.headlineDelta[k]];
  }
  for (const [group, byId] of [
    ["units", bands.units],
    ["services", bands.services],
    ["markets", bands.markets],
  ] as const)
    for (const [id, fields] of Object.entries(byId))
      for (const [f, b] of Object.entries(fields as Record<string, Band>)) yield [`${group}.${id}.${f}`, b];
  for (const field of ["kept", "coverage"] as const)
    for (const [id, b] of Object.entries(bands.flows[field])) yield [`flows.${field}.${id}`, b];
}

describe("the seeded generator", () => {
  it("draws the same sequence from the same seed, in [0, 1), and another from another seed", () => {
    const a = xoshiro128ss(42);
    const b = xoshiro128ss(42);
    const c = xoshiro128ss(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });

  it("gives an input's uniform from (seed, index, key) alone", () => {
    const k = hashKey("a.cost-of-equity");
    expect(uniformFor(7, 3, k)).toBe(uniformFor(7, 3, k));
    expect(uniformFor(7, 3, k)).not.toBe(uniformFor(7, 4, k));
    expect(uniformFor(7, 3, k)).not.toBe(uniformFor(7, 3, hashKey("a.contribution-margin")));
  });

  it("triangular draws stay in range, put the median on the right side of the mode, and a point range is the point", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999999, noNaN: true }), (u) => {
        const x = triangular(u, 1, 2, 5);
        return x >= 1 && x <= 5;
      }),
    );
    expect(triangular(0.5, 0, 0, 1)).toBeCloseTo(1 - Math.sqrt(0.5), 12);
    expect(triangular(0.3, 2, 2, 2)).toBe(2);
  });
});

describe("percentiles", () => {
  it("interpolate linearly between order statistics (type 7)", () => {
    const xs = Float64Array.from([1, 2, 3, 4, 5]);
    expect(percentile(xs, 50)).toBe(3);
    expect(percentile(xs, 10)).toBeCloseTo(1.4, 12);
    expect(percentile(xs, 95)).toBeCloseTo(4.8, 12);
  });
  it("are ordered P5 <= P10 <= P50 <= P90 <= P95 on any sample", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), (xs) => {
        const s = Float64Array.from(xs).sort();
        const p = [5, 10, 50, 90, 95].map((q) => percentile(s, q));
        return p.every((x, i) => i === 0 || p[i - 1] <= x);
      }),
    );
  });
});

describe("bands on the library", () => {
  it("are ordered for every figure of every library scenario, and the same seed gives identical bands", () => {
    for (const s of library) {
      const a = computeBands(model, s, { draws: 60, seed: 5 });
      for (const [name, b] of allBands(a)) expect(ordered(b), `${s.id} ${name}`).toBe(true);
      expect(computeBands(model, s, { draws: 60, seed: 5 })).toEqual(a);
    }
  });

  it("another seed gives other bands; the rectification's profit has a real spread", () => {
    const s = byId("2021-rectification");
    const a = computeBands(model, s, { draws: 300, seed: 1 });
    const b = computeBands(model, s, { draws: 300, seed: 2 });
    expect(a.headline.profit).not.toEqual(b.headline.profit);
    expect(a.headline.profit.p90 - a.headline.profit.p10).toBeGreaterThan(1);
    expect(a.inputs.some((i) => i.kind === "parameter")).toBe(true);
    expect(a.inputs.some((i) => i.id === "capital-held-huabei")).toBe(true);
    expect(a.probabilities.capitalShortfall).toBeGreaterThan(0);
    expect(a.probabilities.capitalShortfall).toBeLessThanOrEqual(1);
  });

  it("gives data flows bands: every flow and every receiving unit, with a real spread where a ranged consent rate cuts", () => {
    const s = byId("pipl-separate-consent");
    const a = computeBands(model, s, { draws: 300, seed: 1 });
    expect(Object.keys(a.flows.kept).sort()).toEqual(model.dataFlows.map((f) => f.id).sort());
    expect(Object.keys(a.flows.coverage).sort()).toEqual([...new Set(model.dataFlows.map((f) => f.toUnit))].sort());
    const spread = (b: Band) => b.p90 - b.p10;
    expect(Math.max(...Object.values(a.flows.kept).map(spread))).toBeGreaterThan(0.01);
    expect(Math.max(...Object.values(a.flows.coverage).map(spread))).toBeGreaterThan(0.001);
    for (const b of [...Object.values(a.flows.kept), ...Object.values(a.flows.coverage)]) {
      expect(b.p5).toBeGreaterThanOrEqual(0);
      expect(b.p95).toBeLessThanOrEqual(1);
    }
    expect(computeBands(model, s, { draws: 300, seed: 1 }).flows).toEqual(a.flows);
  });

  it("ranges narrowed to points collapse every band to the point estimate", () => {
    const narrowed: Model = {
      ...model,
      assumptions: model.assumptions.map((a) => ({ ...a, low: a.value, high: a.value })),
    };
    for (const id of ["2021-rectification", "hypothetical-alipay-breakup", "pipl-separate-consent"]) {
      const s = byId(id);
      const point: Scenario = {
        ...s,
        rules: s.rules.map((r) => {
          const copy: Record<string, unknown> = { ...r };
          for (const [k, v] of Object.entries(r))
            if (v && typeof v === "object" && "low" in v && "value" in v) copy[k] = { ...v, low: v.value, high: v.value };
          return copy as Scenario["rules"][number];
        }),
      };
      const bands = computeBands(narrowed, point, { draws: 50, seed: 9 });
      expect(bands.inputs).toEqual([]);
      const r = evaluate(model, s);
      for (const k of HEADLINE_KEYS) {
        expect(bands.headline[k]).toEqual({ p5: r.headline[k].scenario, p10: r.headline[k].scenario, p50: r.headline[k].scenario, p90: r.headline[k].scenario, p95: r.headline[k].scenario });
      }
      for (const [name, b] of allBands(bands)) expect(b.p5, `${id} ${name}`).toBe(b.p95);
      const huabei = r.units.find((u) => u.id === "huabei")!;
      expect(bands.units.huabei.revenue.p50).toBe(huabei.revenue.scenario);
      // Data flows too: each flow's share kept and each receiving unit's coverage collapse to the page's figure.
      for (const f of r.flows) expect(bands.flows.kept[f.id], `${id} ${f.id}`).toEqual(pointOf(f.kept));
      for (const u of r.units)
        if (u.id in bands.flows.coverage) expect(bands.flows.coverage[u.id], `${id} ${u.id}`).toEqual(pointOf(u.dataCoverage.scenario));
    }
  });

  it("common random numbers: with no rules every change is exactly zero in every draw", () => {
    const empty = { ...byId("2021-co-lending"), rules: [] };
    const bands = computeBands(model, empty, { draws: 100 });
    for (const k of HEADLINE_KEYS) expect(bands.headlineDelta[k]).toEqual({ p5: 0, p10: 0, p50: 0, p90: 0, p95: 0 });
    // ... while the levels themselves vary with the drawn seed figures (users of services).
    expect(bands.headline.serviceReach.p95).toBeGreaterThan(bands.headline.serviceReach.p5);
  });

  it("a what-if pins what it sets: a pinned parameter is not drawn", () => {
    const s = byId("2021-co-lending");
    const key = "r.own-funding-30.minOwnShare";
    expect(uncertainInputs(model, s).inputs.map((i) => i.key)).toContain(key);
    expect(uncertainInputs(model, s, [key]).inputs.map((i) => i.key)).not.toContain(key);
    expect(uncertainInputs(model, s, ["a.cost-of-equity"], { "cost-of-equity": 0.12 }).inputs.map((i) => i.key)).not.toContain("a.cost-of-equity");
  });

  it("lists the ranged seed assumptions it does not draw, with the reason", () => {
    const { notDrawn, inputs } = uncertainInputs(model, byId("2021-co-lending"));
    expect(notDrawn.length).toBeGreaterThan(0);
    for (const n of notDrawn) expect(n.reason).toMatch(/computed from it|point/);
    expect(new Set([...inputs.map((i) => i.id), ...notDrawn.map((n) => n.id)]).size).toBe(inputs.length + notDrawn.length);
  });
});

describe("sensitivity", () => {
  it("sorts by swing, largest first, and lists inputs that move nothing", () => {
    const s = byId("2021-co-lending");
    const swings = sensitivity(model, s);
    for (const k of HEADLINE_KEYS) {
      const sw = swings[k].map((x) => Math.abs(x.high - x.low));
      for (let i = 1; i < sw.length; i++) expect(sw[i]).toBeLessThanOrEqual(sw[i - 1]);
    }
    expect(swings.profit[0].high).not.toBe(swings.profit[0].low);
    const profitIds = swings.profit.map((x) => x.id);
    expect(profitIds).toContain("cost-of-equity");
    expect(profitIds).toContain("own-funding-30.minOwnShare");
    const inert = inertInputs(swings);
    expect(inert.size).toBeGreaterThan(0);
    // The history window only matters to a retention limit, which this scenario does not have.
    expect(inert.has("history-months-typical")).toBe(true);
    expect(inert.has("cost-of-equity")).toBe(false);
  });
});

describe("attribution in interaction groups", () => {
  const close = (a: Attribution, b: Attribution) => {
    for (const k of HEADLINE_KEYS) {
      expect(a.metrics[k].total).toBeCloseTo(b.metrics[k].total, 9);
      a.metrics[k].byRule.forEach((x, i) => expect(x, `${k} ${a.ruleIds[i]}`).toBeCloseTo(b.metrics[k].byRule[i], 8));
    }
  };

  it("grouped exact equals full enumeration on every library scenario", () => {
    for (const s of library) close(attribute(model, s), attribute(model, s, { grouping: false }));
  });

  it("grouped exact equals full enumeration on random stacks of up to 10 library rules", () => {
    const pool = stackScenarios(library, 23).rules;
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1, maxLength: 10 }), (rules) => {
        const s = { ...library[0], id: "random-stack", assumptions: undefined, rules };
        close(attribute(model, s), attribute(model, s, { grouping: false }));
      }),
      { numRuns: 12, seed: 11 },
    );
  });

  it("splits the rectification into more than one group", () => {
    const groups = interactionGroups(model, byId("2021-rectification").rules);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("the sampled estimate stays within its stated bound of the exact value, and still adds up", () => {
    const s = stackScenarios(library, 10);
    const exact = attribute(model, s, { grouping: false });
    const sampled = attribute(model, s, { grouping: false, exactMax: 3, permutations: 400, seed: 3 });
    expect(sampled.groups?.[0].method).toBe("sampled");
    let someError = false;
    for (const k of HEADLINE_KEYS) {
      const m = sampled.metrics[k];
      const sum = m.byRule.reduce((x, y) => x + y, 0);
      expect(sum).toBeCloseTo(m.total, 6);
      m.byRule.forEach((x, i) => {
        const se = m.standardError![i];
        if (se > 0) someError = true;
        expect(Math.abs(x - exact.metrics[k].byRule[i]), `${k} ${s.rules[i].id}`).toBeLessThanOrEqual(SAMPLED_BOUND_SE * se + 1e-9);
      });
    }
    expect(someError).toBe(true);
  });

  it("a stack of 24 rules attributes, and its parts add up to the total", () => {
    const s = stackScenarios(library, 24);
    const a = attribute(model, s, { permutations: 100 });
    expect(a.ruleIds).toHaveLength(24);
    expect(a.groups?.some((g) => g.method === "sampled")).toBe(true);
    for (const k of HEADLINE_KEYS) {
      const sum = a.metrics[k].byRule.reduce((x, y) => x + y, 0);
      expect(sum).toBeCloseTo(a.metrics[k].total, 6);
    }
  });
});
