/**
 * Bands of the columns of /compare with common random numbers (issue 11 §3; decision 024). Every column is
 * evaluated on the same draws: draw i gives each input the value keyed by (seed, i, input key) (engine/random.ts),
 * so an assumption two columns share takes one value in draw i for both, and a rule a variant kept from its
 * original (same rule id) draws the same parameter. The band of a difference between columns is then computed
 * draw by draw, the band of the difference, never a difference of two bands. Pure.
 */
import { drawRunner, H, MarketScratch, marketShares, NH } from "../engine/draws";
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

/**
 * Per column and headline metric, the figure in every draw (draw i at index i), and the change against its baseline;
 * and per column, each service's users and each market's HHI in every draw (the services and HHI charts' ranges).
 */
export interface ColumnDraws {
  draws: number;
  seed: number;
  values: Array<Record<HeadlineKey, Float64Array>>;
  deltas: Array<Record<HeadlineKey, Float64Array>>;
  /** Per column, by service id (the model's order): users in every draw. */
  users: Array<Record<string, Float64Array>>;
  /** Per column, by market id (the model's order): HHI in every draw. */
  hhi: Array<Record<string, Float64Array>>;
}

const whatIfAssumptionsOf = (whatIf: Record<string, number>) =>
  Object.fromEntries(Object.entries(whatIf).flatMap(([k, v]) => (k.startsWith("a.") ? [[k.slice(2), v]] : [])));

/**
 * Every column's figures in each of `draws` seeded draws, the same draw vector keys for every column: one pass per
 * column gives the headline figures and the services' users and markets' HHI together. Each column is compiled once
 * and its draws evaluated on the compiled form (engine/draws.ts), which gives exactly what patching the model and
 * the scenario per draw and evaluating them gives (compare-bands.db.test.ts checks it), and the services' and
 * markets' figures exactly as `computeBands` reads them.
 */
export function columnDraws(model: Model, columns: readonly BandColumn[], opts: { draws?: number; seed?: number } = {}): ColumnDraws {
  const draws = Math.max(MIN_DRAWS, Math.min(MAX_DRAWS, Math.floor(opts.draws ?? DEFAULT_DRAWS)));
  const seed = Math.floor(opts.seed ?? DEFAULT_SEED);
  const out: ColumnDraws = { draws, seed, values: [], deltas: [], users: [], hhi: [] };
  for (const col of columns) {
    const assumptions = whatIfAssumptionsOf(col.whatIf);
    const { inputs } = uncertainInputs(model, col.scenario, Object.keys(col.whatIf), assumptions);
    const hashes = inputs.map((i) => hashKey(i.key));
    const runner = drawRunner(model, col.scenario, inputs, assumptions);
    const w = runner.w;
    const m = runner.c.model;
    const nm = m.mkStart.length - 1;
    const h = w.headline;
    const v = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, new Float64Array(draws)])) as Record<HeadlineKey, Float64Array>;
    const d = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, new Float64Array(draws)])) as Record<HeadlineKey, Float64Array>;
    const users = Array.from({ length: m.ns }, () => new Float64Array(draws));
    const hhi = Array.from({ length: nm }, () => new Float64Array(draws));
    const scratch = new MarketScratch(m.playerShare.length);
    for (let i = 0; i < draws; i++) {
      runner.draw(seed, i, hashes);
      runner.evaluate();
      for (const k of HEADLINE_KEYS) {
        v[k][i] = h[H[k]];
        d[k][i] = h[H[k]] - h[NH + H[k]];
      }
      for (let x = 0; x < m.ns; x++) users[x]![i] = w.users[x]!; // set with the headline
      for (let x = 0; x < nm; x++) {
        marketShares(w, x, scratch);
        hhi[x]![i] = scratch.hhi;
      }
    }
    out.values.push(v);
    out.deltas.push(d);
    out.users.push(Object.fromEntries(m.ix.services.map((s, x) => [s.id, users[x]!])));
    out.hhi.push(Object.fromEntries(model.markets.map((mk, x) => [mk.id, hhi[x]!])));
  }
  return out;
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

/** The 80% ranges of /compare's services and HHI charts and tables, per column on the page's draws. */
export interface CompareFigureBands {
  draws: number;
  seed: number;
  /** One entry per column: service id -> the band of its users (millions a year). */
  services: Array<Record<string, Band>>;
  /** One entry per column: market id -> the band of its HHI. */
  hhi: Array<Record<string, Band>>;
}

/** Everything /compare draws: one engine pass per column (a compute-pool task: plain data in and out). */
export interface ComparisonBands {
  bands: CompareBands;
  figureBands: CompareFigureBands;
}

/**
 * The bands /compare shows, from one set of draws per column: each column's headline figure and change, each
 * column's difference from column A (draw by draw), and each column's services' users and markets' HHI.
 */
export function comparisonBands(model: Model, columns: readonly BandColumn[], opts: { draws?: number; seed?: number } = {}): ComparisonBands {
  const d = columnDraws(model, columns, opts);
  const by = <T>(f: (k: HeadlineKey) => T) => Object.fromEntries(HEADLINE_KEYS.map((k) => [k, f(k)])) as Record<HeadlineKey, T>;
  const bandsOf = (byId: Record<string, Float64Array>) => Object.fromEntries(Object.entries(byId).map(([id, values]) => [id, bandOf(values)]));
  return {
    bands: {
      draws: d.draws,
      seed: d.seed,
      headline: by((k) => d.values.map((v) => bandOf(v[k]))),
      delta: by((k) => d.deltas.map((v) => bandOf(v[k]))),
      versusFirst: by((k) => d.values.map((v, i) => (i === 0 ? null : bandOf(perDrawDifference(v[k], d.values[0]![k]))))),
    },
    figureBands: {
      draws: columns.length > 0 ? d.draws : 0,
      seed: columns.length > 0 ? d.seed : 0,
      services: d.users.map(bandsOf),
      hhi: d.hhi.map(bandsOf),
    },
  };
}
