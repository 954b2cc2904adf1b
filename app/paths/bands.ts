/**
 * Bands of a path's figures, step by step (a what-if's values pinned, not drawn): the uncertainty engine's draws (app/engine/uncertainty.ts) applied
 * to each step's rules in force. Inputs are drawn by key (assumption id, `r.<rule id>.<field>`), and a rule keeps
 * its id along the path, so draw i is the same world at every step and at the baseline: common random numbers,
 * the band of a change between steps is the band of that change. Pure.
 */
import { resultOf } from "../engine/compiled-result";
import { drawRunner } from "../engine/draws";
import type { Model } from "../engine/model";
import { hashKey } from "../engine/random";
import { HEADLINE_KEYS } from "../engine/result";
import type { EngineScenario } from "../engine/rules";
import { bandOf, DEFAULT_DRAWS, DEFAULT_SEED, uncertainInputs, type Band } from "../engine/uncertainty";
import { MODEL_FIGURES } from "../history/figures";
import { scenarioOf } from "./evaluate";
import type { ResolvedPath } from "./resolve";

export interface StateBands {
  /** Headline figures by metric. */
  headline: Record<string, Band>;
  /** The model figures history reports (app/history/figures.ts), null where the engine cannot produce one. */
  figures: Record<string, Band | null>;
}

export interface PathBands {
  draws: number;
  seed: number;
  baseline: StateBands;
  steps: StateBands[];
}

function bandsOf(model: Model, scenario: EngineScenario, draws: number, seed: number, whatIf: Record<string, number>): StateBands {
  // A what-if value is a choice, not an uncertainty: pinned, as on a scenario page.
  const whatIfAssumptions = Object.fromEntries(Object.entries(whatIf).flatMap(([k, v]) => (k.startsWith("a.") ? [[k.slice(2), v]] : [])));
  const { inputs } = uncertainInputs(model, scenario, Object.keys(whatIf), whatIfAssumptions);
  const hashes = inputs.map((i) => hashKey(i.key));
  const cols = new Map<string, Float64Array>();
  const put = (name: string, i: number, v: number | null) => {
    let col = cols.get(name);
    if (!col) cols.set(name, (col = new Float64Array(draws).fill(Number.NaN)));
    if (v !== null) col[i] = v;
  };
  // Each draw on the compiled scenario, its full result read from the compiled arrays (equal to evaluating the
  // drawn model, compiled.db.test.ts).
  const runner = drawRunner(model, scenario, inputs, whatIfAssumptions);
  for (let i = 0; i < draws; i++) {
    runner.draw(seed, i, hashes);
    runner.evaluate();
    const r = resultOf(runner.w, scenario.id);
    for (const k of HEADLINE_KEYS) put(`h.${k}`, i, r.headline[k].scenario);
    for (const f of MODEL_FIGURES) put(`f.${f.id}`, i, f.read(r));
  }
  const band = (name: string): Band | null => {
    const col = cols.get(name);
    return col && !col.some(Number.isNaN) ? bandOf(col) : null;
  };
  return {
    headline: Object.fromEntries(HEADLINE_KEYS.map((k) => [k, band(`h.${k}`)!])),
    figures: Object.fromEntries(MODEL_FIGURES.map((f) => [f.id, band(`f.${f.id}`)])),
  };
}

/** Bands at the baseline and after every step, over `draws` seeded draws (the engine's defaults). */
export function pathBands(
  model: Model,
  path: ResolvedPath,
  opts: { draws?: number; seed?: number; whatIf?: Record<string, number> } = {},
): PathBands {
  const draws = Math.max(1, Math.floor(opts.draws ?? DEFAULT_DRAWS));
  const seed = Math.floor(opts.seed ?? DEFAULT_SEED);
  const whatIf = opts.whatIf ?? {};
  return {
    draws,
    seed,
    baseline: bandsOf(model, { id: `${path.id}@baseline`, rules: [] }, draws, seed, whatIf),
    steps: path.steps.map((s) => bandsOf(model, scenarioOf(path, s, s.active), draws, seed, whatIf)),
  };
}
