/**
 * Bands of the columns of /compare with common random numbers (issue 11 §3; decision 024). Every column is
 * evaluated on the same draws: draw i gives each input the value keyed by (seed, i, input key) (engine/random.ts),
 * so an assumption two columns share takes one value in draw i for both, and a rule a variant kept from its
 * original (same rule id) draws the same parameter. The band of a difference between columns is then computed
 * draw by draw, the band of the difference, never a difference of two bands. Pure.
 */
import { drawRunner, H, NH } from "../engine/draws";
import type { Model } from "../engine/model";
import { hashKey } from "../engine/random";
import { HEADLINE_KEYS, type HeadlineKey } from "../engine/result";
import type { EngineScenario } from "../engine/rules";
import { bandOf, DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS, MIN_DRAWS, uncertainInputs, type Band } from "../engine/uncertainty";

/** A column as evaluated: the scenario with its what-if rule values in place, and the what-if values (pinned). */
export interface BandColumn {
  scenario: EngineScenario;
  whatIf: Record<string, number>;
}

/** Per column and headline metric, the figure in every draw (draw i at index i), and the change against its baseline. */
export interface ColumnDraws {
  draws: number;
  seed: number;
  values: Array<Record<HeadlineKey, Float64Array>>;
  deltas: Array<Record<HeadlineKey, Float64Array>>;
}

const whatIfAssumptionsOf = (whatIf: Record<string, number>) =>
  Object.fromEntries(Object.entries(whatIf).flatMap(([k, v]) => (k.startsWith("a.") ? [[k.slice(2), v]] : [])));

/**
 * Every column's headline figures in each of `draws` seeded draws, the same draw vector keys for every column. Each
 * column is compiled once and its draws evaluated on the compiled form (engine/draws.ts), which gives exactly what
 * patching the model and the scenario per draw and evaluating them gives (compare-bands.db.test.ts checks it).
 */
export function columnDraws(model: Model, columns: readonly BandColumn[], opts: { draws?: number; seed?: number } = {}): ColumnDraws {
  const draws = Math.max(MIN_DRAWS, Math.min(MAX_DRAWS, Math.floor(opts.draws ?? DEFAULT_DRAWS)));
  const seed = Math.floor(opts.seed ?? DEFAULT_SEED);
  const values: ColumnDraws["values"] = [];
  const deltas: ColumnDraws["deltas"] = [];
  for (const col of columns) {
    const assumptions = whatIfAssumptionsOf(col.whatIf);
    const { inputs } = uncertainInputs(model, col.scenario, Object.keys(col.whatIf), assumptions);
    const hashes = inputs.map((i) => hashKey(i.key));
    const runner = drawRunner(model, col.scenario, inputs, assumptions);
    const h = runner.w.headline;
    const v = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, new Float64Array(draws)])) as Record<HeadlineKey, Float64Array>;
    const d = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, new Float64Array(draws)])) as Record<HeadlineKey, Float64Array>;
    for (let i = 0; i < draws; i++) {
      runner.draw(seed, i, hashes);
      runner.evaluate();
      for (const k of HEADLINE_KEYS) {
        v[k][i] = h[H[k]];
        d[k][i] = h[H[k]] - h[NH + H[k]];
      }
    }
    values.push(v);
    deltas.push(d);
  }
  return { draws, seed, values, deltas };
}

/** The per-draw difference a - b. */
export function perDrawDifference(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! - b[i]!;
  return out;
}

export interface CompareBands {
  draws: number;
  seed: number;
  /** By metric, one band per column: the figure after the scenario. */
  headline: Record<HeadlineKey, Band[]>;
  /** By metric, one band per column: its change against the baseline (drawn with it). */
  delta: Record<HeadlineKey, Band[]>;
  /** By metric, one entry per column: the band of (column - column A), draw by draw; null for column A itself. */
  versusFirst: Record<HeadlineKey, Array<Band | null>>;
}

/** The bands /compare shows: each column's figure and change, and each column's difference from column A. */
export function compareBands(model: Model, columns: readonly BandColumn[], opts: { draws?: number; seed?: number } = {}): CompareBands {
  const d = columnDraws(model, columns, opts);
  const by = <T>(f: (k: HeadlineKey) => T) => Object.fromEntries(HEADLINE_KEYS.map((k) => [k, f(k)])) as Record<HeadlineKey, T>;
  return {
    draws: d.draws,
    seed: d.seed,
    headline: by((k) => d.values.map((v) => bandOf(v[k]))),
    delta: by((k) => d.deltas.map((v) => bandOf(v[k]))),
    versusFirst: by((k) => d.values.map((v, i) => (i === 0 ? null : bandOf(perDrawDifference(v[k], d.values[0]![k])))))
  };
}
