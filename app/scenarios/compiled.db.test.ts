/**
 * The compiled engine (app/engine/compiled.ts, draws.ts) against the readable staged evaluator on the real seeded
 * model: every library scenario and random stacks of library rules, every coalition of their rules, give the
 * identical headline; the compiled Monte Carlo gives bands identical to drawing and evaluating each model in full.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoalitionRunner, compileScenario, headlineObject, run, Work } from "../engine/compiled";
import { attribute } from "../engine/attribution";
import { HEADLINE_KEYS } from "../engine/result";
import { resultOf } from "../engine/compiled-result";
import { drawRunner } from "../engine/draws";
import { evaluate, evaluateHeadline } from "../engine/evaluate";
import { hashKey } from "../engine/random";
import type { Model } from "../engine/model";
import type { EngineScenario } from "../engine/rules";
import { stackScenarios } from "../engine/stack";
import { applyDraw, bandsAndSensitivity, computeBands, drawVector, sensitivity, uncertainInputs } from "../engine/uncertainty";
import { referenceBands, referenceSensitivity } from "./__fixtures__/reference-bands";
import { libraryScenarios, makeScratchDatabase, type ScratchDatabase } from "./__fixtures__/scratch-db";
import type { Scenario } from "./schema";

let scratch: ScratchDatabase;
let model: Model;
let library: Scenario[];

beforeAll(() => {
  scratch = makeScratchDatabase();
  model = scratch.model;
  library = libraryScenarios(model);
});
afterAll(() => scratch.cleanup());

/** Every coalition of the scenario's rules (up to 2^maxBits of them), compiled against staged, to the last bit. */
function sameOnEveryCoalition(s: EngineScenario, assumptions?: Record<string, number>, maxBits = 10) {
  const w = new Work(compileScenario(model, s, assumptions));
  const n = Math.min(s.rules.length, maxBits);
  for (let mask = 0; mask < 1 << n; mask++) {
    w.setMask(mask);
    run(w);
    const subset = { ...s, rules: s.rules.filter((_, i) => mask & (1 << i)) };
    expect(headlineObject(w.headline), `${s.id} coalition ${mask}`).toStrictEqual(evaluateHeadline(model, subset, { assumptions }));
  }
}

describe("the compiled engine equals the staged evaluator", () => {
  it("on every coalition of every library scenario's rules", () => {
    for (const s of library) sameOnEveryCoalition(s);
  });

  it("on random stacks of library rules, with random what-if assumptions", () => {
    const pool = stackScenarios(library, 25).rules;
    const ids = model.assumptions.filter((a) => a.usedBy === "engine" && a.high > a.low);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pool, { minLength: 1, maxLength: 8 }),
        fc.dictionary(fc.constantFrom(...ids.map((a) => a.id)), fc.double({ min: 0, max: 1, noNaN: true })),
        (rules, overrides) => {
          const assumptions = Object.fromEntries(
            Object.entries(overrides).map(([id, t]) => {
              const a = ids.find((x) => x.id === id)!;
              return [id, a.low + t * (a.high - a.low)];
            }),
          );
          sameOnEveryCoalition({ id: "random-stack", rules }, assumptions, 8);
        },
      ),
      { numRuns: 25, seed: 20 },
    );
  });

  it("draws every library scenario's bands identically to evaluating each drawn model in full", () => {
    for (const s of library) expect(computeBands(model, s, { draws: 60, seed: 7 }), s.id).toStrictEqual(referenceBands(model, s, { draws: 60, seed: 7 }));
  });

  it("draws identically under a what-if (pinned inputs, assumption overrides) and on a stack of 24 rules", () => {
    const rect = library.find((s) => s.id === "2021-rectification")!;
    const whatIf = { "a.cost-of-equity": 0.12, "a.linked-out-retention": 0.6 };
    // Another what-if first: the draws it keeps (every input this one does not pin) are this one's too.
    computeBands(model, rect, { draws: 50, seed: 3, whatIf: { "a.cost-of-equity": 0.11 } });
    expect(computeBands(model, rect, { draws: 50, seed: 3, whatIf })).toStrictEqual(referenceBands(model, rect, { draws: 50, seed: 3, whatIf }));
    const stack = stackScenarios(library, 24);
    expect(computeBands(model, stack, { draws: 40, seed: 5 })).toStrictEqual(referenceBands(model, stack, { draws: 40, seed: 5 }));
  });

  it("swings every input of every library scenario (and under a what-if) as patching and evaluating each in full", () => {
    for (const s of library) expect(sensitivity(model, s), s.id).toStrictEqual(referenceSensitivity(model, s));
    const rect = library.find((s) => s.id === "2021-rectification")!;
    const rule = rect.rules.find((r) => Object.values(r).some((v) => typeof v === "object" && v !== null && "low" in v))!;
    const field = Object.entries(rule).find(([, v]) => typeof v === "object" && v !== null && "low" in v)![0];
    const whatIf = { "a.cost-of-equity": 0.12, "a.linked-out-retention": 0.6, [`r.${rule.id}.${field}`]: 10 };
    expect(sensitivity(model, rect, whatIf)).toStrictEqual(referenceSensitivity(model, rect, whatIf));
    const stack = stackScenarios(library, 24);
    expect(sensitivity(model, stack)).toStrictEqual(referenceSensitivity(model, stack));
  });

  it("gives the page's bands and swings together equal to computing each apart", () => {
    const rect = library.find((s) => s.id === "2021-rectification")!;
    const whatIf = { "a.cost-of-equity": 0.11 };
    const both = bandsAndSensitivity(model, rect, { draws: 80, seed: 9, whatIf });
    expect(both.bands).toStrictEqual(computeBands(model, rect, { draws: 80, seed: 9, whatIf }));
    expect(both.sensitivity).toStrictEqual(referenceSensitivity(model, rect, whatIf));
  });

  it("keeps the first stages per coalition without changing a bit of any headline, in any order of coalitions", () => {
    const stack = stackScenarios(library, 24);
    const fresh = new Work(compileScenario(model, stack));
    const kept = new CoalitionRunner(new Work(compileScenario(model, stack)));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: (1 << 24) - 1 }), { minLength: 20, maxLength: 60 }), (masks) => {
        for (const mask of [...masks, ...masks.map((m) => m ^ 0x5555)]) {
          fresh.setMask(mask);
          run(fresh);
          kept.run(mask);
          expect(Array.from(kept.w.headline), `mask ${mask}`).toStrictEqual(Array.from(fresh.headline));
        }
      }),
      { numRuns: 20, seed: 4 },
    );
  });

  it("attributes every library scenario as Shapley values over staged evaluations of every coalition", () => {
    for (const s of library) {
      const n = s.rules.length;
      const v = (mask: number) => evaluateHeadline(model, { ...s, rules: s.rules.filter((_, i) => mask & (1 << i)) });
      const values = Array.from({ length: 1 << n }, (_, mask) => v(mask));
      const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
      const got = attribute(model, s);
      for (const key of HEADLINE_KEYS)
        for (let i = 0; i < n; i++) {
          let phi = 0;
          for (let mask = 0; mask < 1 << n; mask++) {
            if (mask & (1 << i)) continue;
            const size = [...Array(n).keys()].filter((j) => mask & (1 << j)).length;
            phi += ((fact(size) * fact(n - size - 1)) / fact(n)) * (values[mask | (1 << i)][key].scenario - values[mask][key].scenario);
          }
          expect(got.metrics[key].byRule[i], `${s.id} ${key} ${s.rules[i].id}`).toBeCloseTo(phi, 9);
        }
    }
  });

  it("evaluates one draw after another without resetting the working vectors: a draw's values alone decide it", () => {
    const rect = library.find((s) => s.id === "2021-rectification")!;
    const { inputs } = uncertainInputs(model, rect);
    const runner = drawRunner(model, rect, inputs);
    const hashes = inputs.map((i) => hashKey(i.key));
    const engine = inputs.findIndex((i) => i.target.type === "engine");
    const figure = inputs.findIndex((i) => i.target.type === "seed");
    const param = inputs.findIndex((i) => i.target.type === "rule");
    expect(Math.min(engine, figure, param)).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 6; i++) {
      const values = drawVector(inputs, 13, i, hashes);
      // Every other draw: an engine assumption that is not a number, ignored as resolveAssumptions ignores it (the
      // scenario's value, not the previous draw's).
      if (i % 2 === 1) values[engine] = Number.NaN;
      runner.evaluate(values);
      const d = applyDraw(model, rect, inputs, values);
      expect(headlineObject(runner.w.headline), `draw ${i}`).toStrictEqual(evaluateHeadline(d.model, d.scenario, { assumptions: d.assumptions }));
    }
  });

  it("reads the full result of a draw from the compiled arrays, equal to evaluating the drawn model in full", () => {
    for (const s of [...library, stackScenarios(library, 24)]) {
      const { inputs } = uncertainInputs(model, s);
      const runner = drawRunner(model, s, inputs);
      const hashes = inputs.map((i) => hashKey(i.key));
      for (let i = 0; i < 5; i++) {
        const values = drawVector(inputs, 11, i, hashes);
        runner.evaluate(values);
        const d = applyDraw(model, s, inputs, values);
        expect(resultOf(runner.w, s.id), `${s.id} draw ${i}`).toStrictEqual(
          evaluate(d.model, d.scenario, { assumptions: d.assumptions, explain: false }),
        );
      }
    }
  });
});
