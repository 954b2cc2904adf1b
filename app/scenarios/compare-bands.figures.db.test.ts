/**
 * /compare's services and HHI ranges (comparisonBands' figureBands) on the real seeded model and the library: ordered,
 * the same for the same seed, collapsing to the point figures when every range is a point, and drawn on the same
 * draws as the page's headline bands (common random numbers: the headline they imply equals the headline bands').
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { evaluate } from "../engine/evaluate";
import type { Model } from "../engine/model";
import { HEADLINE_KEYS } from "../engine/result";
import { computeBands, type Band } from "../engine/uncertainty";
import { libraryScenarios, makeScratchDatabase, type ScratchDatabase } from "./__fixtures__/scratch-db";
import { comparisonBands, type BandColumn } from "./compare-bands";
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

const point = (x: number): Band => ({ p5: x, p10: x, p50: x, p90: x, p95: x });
const compareFigureBands = (m: Model, cols: BandColumn[], opts: { draws?: number; seed?: number }) => comparisonBands(m, cols, opts).figureBands;
const compareBands = (m: Model, cols: BandColumn[], opts: { draws?: number; seed?: number }) => comparisonBands(m, cols, opts).bands;
const ordered = (b: Band) => b.p5 <= b.p10 && b.p10 <= b.p50 && b.p50 <= b.p90 && b.p90 <= b.p95;

describe("compare figure bands", () => {
  const ids = ["2021-rectification", "pipl-separate-consent", "hypothetical-alipay-breakup"];

  it("are ordered, reproducible for a seed, and real ranges where the scenarios cut", () => {
    const cols = ids.map((id) => ({ scenario: byId(id), whatIf: {} }));
    const a = compareFigureBands(model, cols, { draws: 120, seed: 5 });
    expect(a.draws).toBe(120);
    expect(a.services).toHaveLength(3);
    for (const byColumn of [...a.services, ...a.hhi]) for (const [id, b] of Object.entries(byColumn)) expect(ordered(b), id).toBe(true);
    expect(compareFigureBands(model, cols, { draws: 120, seed: 5 })).toEqual(a);
    expect(compareFigureBands(model, cols, { draws: 120, seed: 6 })).not.toEqual(a);
    const payLater = a.services[0]!["pay-later"]!;
    expect(payLater.p90 - payLater.p10).toBeGreaterThan(1);
    expect(Object.keys(a.hhi[0]!).sort()).toEqual(model.markets.map((m) => m.id).sort());
  });

  it("draw every column on the page's draws: the headline they imply is compareBands', column by column, what-if included", () => {
    const rect = byId("2021-rectification");
    const whatIf = { "a.cost-of-equity": 0.14 };
    const moved = applyWhatIf(rect, whatIf).scenario;
    const cols = [
      { scenario: byId("2021-co-lending"), whatIf: {} },
      { scenario: moved, whatIf },
    ];
    const headline = compareBands(model, cols, { draws: 80, seed: 11 }).headline;
    cols.forEach((c, i) => {
      const own = computeBands(model, c.scenario, { draws: 80, seed: 11, whatIf: c.whatIf });
      for (const k of HEADLINE_KEYS) expect(own.headline[k], `${k} column ${i}`).toEqual(headline[k][i]);
      expect(compareFigureBands(model, cols, { draws: 80, seed: 11 }).services[i]).toEqual(Object.fromEntries(Object.entries(own.services).map(([id, s]) => [id, s.users])));
    });
  });

  it("collapse to the point figures when every range is narrowed to a point", () => {
    const narrowed: Model = { ...model, assumptions: model.assumptions.map((a) => ({ ...a, low: a.value, high: a.value })) };
    const cols = ids.map((id) => {
      const s = byId(id);
      const rules = s.rules.map((r) => {
        const copy: Record<string, unknown> = { ...r };
        for (const [k, v] of Object.entries(r)) if (v && typeof v === "object" && "low" in v && "value" in v) copy[k] = { ...v, low: v.value, high: v.value };
        return copy as Scenario["rules"][number];
      });
      return { scenario: { ...s, rules }, whatIf: {} };
    });
    const b = compareFigureBands(narrowed, cols, { draws: 30, seed: 2 });
    cols.forEach((c, i) => {
      const r = evaluate(model, c.scenario);
      for (const s of r.services) expect(b.services[i]![s.id], `${c.scenario.id} ${s.id}`).toEqual(point(s.users.scenario));
      for (const m of r.markets) expect(b.hhi[i]![m.id], `${c.scenario.id} ${m.id}`).toEqual(point(m.hhi.scenario));
    });
  });
});
