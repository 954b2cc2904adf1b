/**
 * /compare's bands with common random numbers, on the real seeded model (a scratch database) and the library:
 * ranges narrowed to points collapse every band; the band of a difference between columns is the band of the
 * per-draw differences (and not the difference of the two bands); one scenario against itself differs by
 * exactly nothing in every draw.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { evaluate, evaluateHeadline } from "../engine/evaluate";
import { hashKey } from "../engine/random";
import { stackScenarios } from "../engine/stack";
import type { Model } from "../engine/model";
import { HEADLINE_KEYS } from "../engine/result";
import { drawRunner, H, NH } from "../engine/draws";
import { applyDraw, bandOf, computeBands, DEFAULT_DRAWS, DEFAULT_SEED, drawVector, MAX_DRAWS, MIN_DRAWS, uncertainInputs, type Band } from "../engine/uncertainty";
import { libraryScenarios, makeScratchDatabase, type ScratchDatabase } from "./__fixtures__/scratch-db";
import { columnDraws, comparisonBands, perDrawDifference, type BandColumn } from "./compare-bands";
import type { Scenario } from "./schema";
import { applyWhatIf } from "./what-if";

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

const pointed = (s: Scenario): Scenario => ({
  ...s,
  rules: s.rules.map((r) => {
    const copy: Record<string, unknown> = { ...r };
    for (const [k, v] of Object.entries(r))
      if (v && typeof v === "object" && "low" in v && "value" in v) copy[k] = { ...v, low: v.value, high: v.value };
    return copy as Scenario["rules"][number];
  }),
});

/** The draws as computed before the compiled form: a patched model and scenario per draw, each evaluated in full. */
function patchedModelDraws(columns: BandColumn[], draws: number, seed: number) {
  return columns.map((col) => {
    const assumptions = Object.fromEntries(Object.entries(col.whatIf).flatMap(([k, v]) => (k.startsWith("a.") ? [[k.slice(2), v]] : [])));
    const { inputs } = uncertainInputs(model, col.scenario, Object.keys(col.whatIf), assumptions);
    const hashes = inputs.map((i) => hashKey(i.key));
    const values = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, new Float64Array(draws)]));
    const deltas = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, new Float64Array(draws)]));
    for (let i = 0; i < draws; i++) {
      const d = applyDraw(model, col.scenario, inputs, drawVector(inputs, seed, i, hashes), assumptions);
      const h = evaluateHeadline(d.model, d.scenario, { assumptions: d.assumptions, explain: false });
      for (const k of HEADLINE_KEYS) {
        values[k]![i] = h[k].scenario;
        deltas[k]![i] = h[k].scenario - h[k].baseline;
      }
    }
    return { values, deltas };
  });
}

const compareBands = (m: Model, columns: BandColumn[], opts: { draws?: number; seed?: number }) => comparisonBands(m, columns, opts).bands;
const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe("compare bands (common random numbers)", () => {
  it("are the bands of a patched model per draw, to the last bit, now computed on the compiled form", () => {
    const base = byId("2021-co-lending");
    const ruleId = base.rules[0]!.id ?? "rule-1";
    const whatIf = { [`r.${ruleId}.minOwnShare`]: 0.45, "a.cost-of-equity": 0.12 };
    const columns: BandColumn[] = [
      { scenario: base, whatIf: {} },
      { scenario: applyWhatIf(base, whatIf).scenario, whatIf },
      { scenario: byId("2021-rectification"), whatIf: {} },
      { scenario: stackScenarios(library, 24), whatIf: {} },
    ];
    const draws = columnDraws(model, columns, { draws: 80, seed: 17 });
    const reference = patchedModelDraws(columns, 80, 17);
    columns.forEach((_, c) => {
      for (const k of HEADLINE_KEYS) {
        expect(bytes(draws.values[c]![k]), `column ${c} ${k}`).toEqual(bytes(reference[c]!.values[k]!));
        expect(bytes(draws.deltas[c]![k]), `column ${c} ${k} change`).toEqual(bytes(reference[c]!.deltas[k]!));
      }
    });
    // ... and so the bands the page shows.
    const bands = compareBands(model, columns, { draws: 80, seed: 17 });
    for (const k of HEADLINE_KEYS)
      columns.forEach((_, c) => {
        expect(bands.headline[k][c], `${k} ${c}`).toStrictEqual(bandOf(reference[c]!.values[k]!));
        expect(bands.delta[k][c], `${k} ${c}`).toStrictEqual(bandOf(reference[c]!.deltas[k]!));
        if (c > 0) expect(bands.versusFirst[k][c]).toStrictEqual(bandOf(perDrawDifference(reference[c]!.values[k]!, reference[0]!.values[k]!)));
      });
  });

  it("collapse to the point figures when every range is narrowed to a point", () => {
    const narrowed: Model = { ...model, assumptions: model.assumptions.map((a) => ({ ...a, low: a.value, high: a.value })) };
    const cols = ["2021-co-lending", "2021-rectification"].map((id) => pointed(byId(id)));
    const b = compareBands(narrowed, cols.map((scenario) => ({ scenario, whatIf: {} })), { draws: 40, seed: 3 });
    const points = cols.map((s) => evaluate(model, s));
    for (const k of HEADLINE_KEYS) {
      cols.forEach((_, i) => {
        const v = points[i]!.headline[k].scenario;
        expect(b.headline[k][i], `${k} column ${i}`).toEqual({ p5: v, p10: v, p50: v, p90: v, p95: v });
      });
      const diff = points[1]!.headline[k].scenario - points[0]!.headline[k].scenario;
      expect(b.versusFirst[k][0]).toBeNull();
      const vs = b.versusFirst[k][1]!;
      expect(vs.p5).toBeCloseTo(diff, 9);
      expect(vs.p95).toBeCloseTo(diff, 9);
    }
  });

  it("give a difference the band of the per-draw differences, not the gap between two bands", () => {
    const base = byId("2021-co-lending");
    const ruleId = base.rules[0]!.id ?? "rule-1";
    const whatIf = { [`r.${ruleId}.minOwnShare`]: 0.5 };
    const moved = applyWhatIf(base, whatIf).scenario;
    const columns = [
      { scenario: base, whatIf: {} },
      { scenario: moved, whatIf },
    ];
    const opts = { draws: 200, seed: 11 };
    const draws = columnDraws(model, columns, opts);
    const bands = compareBands(model, columns, opts);
    let differs = false;
    for (const k of HEADLINE_KEYS) {
      const expected = bandOf(perDrawDifference(draws.values[1]![k], draws.values[0]![k]));
      expect(bands.versusFirst[k][1], k).toEqual(expected);
      // The naive band (P10 of one minus P90 of the other) is wider wherever the columns move together.
      const naiveWidth = bands.headline[k][1]!.p90 - bands.headline[k][0]!.p10 - (bands.headline[k][1]!.p10 - bands.headline[k][0]!.p90);
      if (naiveWidth > 1e-9) {
        expect(expected.p90 - expected.p10, k).toBeLessThan(naiveWidth);
        differs = true;
      }
    }
    expect(differs).toBe(true);
    // The same draws: an assumption the two columns share takes one value per draw, so the baselines agree draw by draw.
    for (let i = 0; i < draws.draws; i++)
      expect(draws.values[0]!.revenue[i]! - draws.deltas[0]!.revenue[i]!).toBeCloseTo(draws.values[1]!.revenue[i]! - draws.deltas[1]!.revenue[i]!, 9);
  });

  it("a scenario against itself differs by exactly 0 in every draw, and the same seed gives the same bands", () => {
    const s = byId("2021-rectification");
    const columns = [
      { scenario: s, whatIf: {} },
      { scenario: s, whatIf: {} },
    ];
    const a = compareBands(model, columns, { draws: 60, seed: 5 });
    for (const k of HEADLINE_KEYS) expect(a.versusFirst[k][1]).toEqual({ p5: 0, p10: 0, p50: 0, p90: 0, p95: 0 });
    expect(compareBands(model, columns, { draws: 60, seed: 5 })).toEqual(a);
    expect(a.headline.profit[0]!.p10).toBeLessThan(a.headline.profit[0]!.p90);
  });
});

/**
 * The two passes /compare made before one pass per column, kept as they were as the reference: the headline draws
 * (old columnDraws) with their bands, and a whole `computeBands` per column for the services' and HHI ranges.
 */
function twoPassReference(columns: BandColumn[], opts: { draws?: number; seed?: number }) {
  const draws = Math.max(MIN_DRAWS, Math.min(MAX_DRAWS, Math.floor(opts.draws ?? DEFAULT_DRAWS)));
  const seed = Math.floor(opts.seed ?? DEFAULT_SEED);
  const values: Array<Record<string, Float64Array>> = [];
  const deltas: Array<Record<string, Float64Array>> = [];
  for (const col of columns) {
    const assumptions = Object.fromEntries(Object.entries(col.whatIf).flatMap(([k, v]) => (k.startsWith("a.") ? [[k.slice(2), v]] : [])));
    const { inputs } = uncertainInputs(model, col.scenario, Object.keys(col.whatIf), assumptions);
    const hashes = inputs.map((i) => hashKey(i.key));
    const runner = drawRunner(model, col.scenario, inputs, assumptions);
    const h = runner.w.headline;
    const v = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, new Float64Array(draws)]));
    const d = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, new Float64Array(draws)]));
    for (let i = 0; i < draws; i++) {
      runner.draw(seed, i, hashes);
      runner.evaluate();
      for (const k of HEADLINE_KEYS) {
        v[k]![i] = h[H[k]]!;
        d[k]![i] = h[H[k]]! - h[NH + H[k]]!;
      }
    }
    values.push(v);
    deltas.push(d);
  }
  const by = <T>(f: (k: (typeof HEADLINE_KEYS)[number]) => T) => Object.fromEntries(HEADLINE_KEYS.map((k) => [k, f(k)]));
  const bands = {
    draws,
    seed,
    headline: by((k) => values.map((v) => bandOf(v[k]!))),
    delta: by((k) => deltas.map((v) => bandOf(v[k]!))),
    versusFirst: by((k) => values.map((v, i) => (i === 0 ? null : bandOf(perDrawDifference(v[k]!, values[0]![k]!))))),
  };
  const all = columns.map((c) => computeBands(model, c.scenario as Scenario, { ...opts, whatIf: c.whatIf }));
  const pick = (byId: Record<string, Record<string, Band>>, field: string) => Object.fromEntries(Object.entries(byId).map(([id, x]) => [id, x[field]]));
  const figureBands = {
    draws: all[0]?.draws ?? 0,
    seed: all[0]?.seed ?? 0,
    services: all.map((b) => pick(b.services as never, "users")),
    hhi: all.map((b) => pick(b.markets as never, "hhi")),
  };
  return { bands, figureBands };
}

/** JSON with every number as its 64 bits in hex: equal strings are equal bytes (−0, NaN and the last bit count). */
const bits = (x: unknown) =>
  JSON.stringify(x, (_, v) => {
    if (typeof v !== "number") return v;
    const b = new DataView(new ArrayBuffer(8));
    b.setFloat64(0, v);
    return `f64:${b.getBigUint64(0).toString(16)}`;
  });

describe("one pass per column", () => {
  it("gives the headline, difference, services and HHI bands of the two passes it replaced, byte for byte", () => {
    const base = byId("2021-co-lending");
    const ruleId = base.rules[0]!.id ?? "rule-1";
    const whatIf = { [`r.${ruleId}.minOwnShare`]: 0.45, "a.cost-of-equity": 0.12 };
    const sets: Array<{ columns: BandColumn[]; opts: { draws?: number; seed?: number } }> = [
      {
        columns: [
          { scenario: base, whatIf: {} },
          { scenario: applyWhatIf(base, whatIf).scenario, whatIf },
          { scenario: byId("2021-rectification"), whatIf: {} },
          { scenario: byId("hypothetical-alipay-breakup"), whatIf: {} },
        ],
        opts: { draws: 150, seed: 17 },
      },
      // The page's defaults (1,000 draws, the default seed), two columns, one a stack of the whole library.
      { columns: [{ scenario: byId("pipl-separate-consent"), whatIf: {} }, { scenario: stackScenarios(library, 24), whatIf: {} }], opts: {} },
      { columns: [{ scenario: byId("2021-rectification"), whatIf: {} }, { scenario: byId("2021-rectification"), whatIf: {} }], opts: { draws: 7, seed: 3 } },
    ];
    for (const { columns, opts } of sets) {
      const one = comparisonBands(model, columns, opts);
      const two = twoPassReference(columns, opts);
      expect(bits(one.bands)).toBe(bits(two.bands));
      expect(bits(one.figureBands)).toBe(bits(two.figureBands));
    }
  });
});
