/**
 * Uncertainty: what each figure looks like when every ranged input is drawn from its range at once.
 *
 * Inputs drawn: the model's engine assumptions, the model's seed assumptions whose figure sits in the model as
 * such (capital held, users, paid-in capital: the provenance says which field), and every rule parameter given
 * as a range in the scenario file. A what-if pins what it sets. Each input's draw is a function of (seed, draw
 * index, input key) only (random.ts), so the baseline, the scenario and every column compared share one draw
 * vector per index: common random numbers, and the band of a difference is the band of the difference.
 * Pure and isomorphic: no I/O, no clock, never Math.random. Choices: docs/decisions/017-uncertainty.md.
 */
import { assumptionValues } from "./assumptions";
import { antShareOf, drawRunner, H, hhiOf, MarketScratch, marketShares, NH, serviceRevenues, type DrawRunner } from "./draws";
import type { Model } from "./model";
import { indexFiguresOf } from "./model-index";
import { hashKey, triangular, uniform, uniformFor } from "./random";
import { HEADLINE_KEYS, type Headline, type HeadlineKey } from "./result";
import { isParam, ruleIdOf, type EngineScenario as Scenario, type Rule } from "./rules";

export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 20201103; // the day the IPO was halted
export const MIN_DRAWS = 1;
export const MAX_DRAWS = 10000;
export const PERCENTILES = [5, 10, 50, 90, 95] as const;

/** Model fields a seed assumption sets, for tables keyed by `id` or `unitId`. */
type SeedTable = "group" | "units" | "services" | "creditBooks" | "funds";
const SEED_TABLES: SeedTable[] = ["group", "units", "services", "creditBooks", "funds"];

export interface UncertainInput {
  /** The what-if key: `a.<assumptionId>` or `r.<ruleId>.<field>`. */
  key: string;
  kind: "assumption" | "parameter";
  /** Assumption id, or `<ruleId>.<field>`. */
  id: string;
  label: string;
  distribution: "triangular" | "uniform";
  low: number;
  mode: number;
  high: number;
  target:
    | { type: "engine"; assumptionId: string }
    | { type: "seed"; fields: Array<{ table: SeedTable; rowId: string; field: string }> }
    | { type: "rule"; ruleIndex: number; field: string };
}

export interface NotDrawn {
  id: string;
  label: string;
  reason: string;
}

export interface UncertainInputs {
  inputs: UncertainInput[];
  /** Ranged assumptions that are not drawn, and why (listed, not hidden). */
  notDrawn: NotDrawn[];
}

function rowsOf(model: Model, table: SeedTable): Array<Record<string, unknown>> {
  return table === "group" ? [model.group as Record<string, unknown>] : (model[table] as Array<Record<string, unknown>>);
}

function rowKey(table: SeedTable, row: Record<string, unknown>): string {
  return table === "group" ? "group" : String(row.id ?? row.unitId);
}

/** What the model alone decides of each assumption: drawn (and how) or not drawn (and why); per model, once. */
interface ModelInputEntry {
  id: string;
  key: string;
  input: UncertainInput | null;
  notDrawn: NotDrawn | null;
}
const modelInputs = new WeakMap<Model, ModelInputEntry[]>();

function modelInputsOf(model: Model): ModelInputEntry[] {
  const hit = modelInputs.get(model);
  if (hit) return hit;
  const bySeed = new Map<string, Array<{ table: string; rowId: string; field: string }>>();
  for (const p of model.provenance) {
    if (!p.assumptionId) continue;
    const list = bySeed.get(p.assumptionId) ?? [];
    list.push({ table: p.table, rowId: p.rowId, field: p.field });
    bySeed.set(p.assumptionId, list);
  }
  const entries = model.assumptions.map((a): ModelInputEntry => {
    const key = `a.${a.id}`;
    const entry = (input: UncertainInput | null, notDrawn: NotDrawn | null) => ({ id: a.id, key, input, notDrawn });
    if (!(a.high > a.low))
      return entry(null, a.usedBy === "engine" ? { id: a.id, label: a.label, reason: "its range is a point" } : null);
    const base = { key, kind: "assumption" as const, id: a.id, label: a.label, distribution: "triangular" as const };
    if (a.usedBy === "engine")
      return entry({ ...base, low: a.low, mode: a.value, high: a.high, target: { type: "engine", assumptionId: a.id } }, null);
    // A seed assumption is drawn where the model holds its value as a figure; a figure computed from it (a revenue
    // built from a share of a total) would need the seed's arithmetic, which lives on the server.
    const rows = bySeed.get(a.id) ?? [];
    const fields: Array<{ table: SeedTable; rowId: string; field: string }> = [];
    let derived = rows.length === 0;
    for (const r of rows) {
      const table = r.table as SeedTable;
      const row = SEED_TABLES.includes(table) ? rowsOf(model, table).find((x) => rowKey(table, x) === r.rowId) : undefined;
      const v = row?.[r.field];
      if (typeof v !== "number" || Math.abs(v - a.value) > 1e-9 * Math.max(1, Math.abs(a.value))) derived = true;
      else fields.push({ table, rowId: r.rowId, field: r.field });
    }
    return derived
      ? entry(null, { id: a.id, label: a.label, reason: "the model's figures are computed from it, not equal to it" })
      : entry({ ...base, low: a.low, mode: a.value, high: a.high, target: { type: "seed", fields } }, null);
  });
  modelInputs.set(model, entries);
  return entries;
}

/**
 * The inputs a scenario draws. `pinned` holds what-if keys: a what-if value is a choice, not an uncertainty.
 * The scenario is the one evaluated (what-if values already in place); `whatIfAssumptions` are the what-if's
 * assumption overrides.
 */
export function uncertainInputs(
  model: Model,
  scenario: Scenario,
  pinned: Iterable<string> = [],
  whatIfAssumptions: Record<string, number> = {},
): UncertainInputs {
  const pin = new Set(pinned);
  const modes = assumptionValues(model, scenario.assumptions, whatIfAssumptions);
  const inputs: UncertainInput[] = [];
  const notDrawn: NotDrawn[] = [];
  for (const entry of modelInputsOf(model)) {
    if (pin.has(entry.key) || entry.id in whatIfAssumptions) continue;
    if (entry.notDrawn) notDrawn.push({ ...entry.notDrawn });
    // An engine assumption is drawn around the value it runs with (the scenario's override, if any).
    else if (entry.input) inputs.push(entry.input.target.type === "engine" ? { ...entry.input, mode: modes[entry.id] } : { ...entry.input });
  }
  scenario.rules.forEach((rule, ruleIndex) => {
    const ruleId = ruleIdOf(rule, ruleIndex);
    for (const [field, value] of Object.entries(rule)) {
      if (!isParam(value) || typeof value === "number") continue;
      const key = `r.${ruleId}.${field}`;
      if (pin.has(key) || !(value.high > value.low)) continue;
      inputs.push({
        key,
        kind: "parameter",
        id: `${ruleId}.${field}`,
        label: `${rule.label}: ${field}`,
        distribution: "triangular",
        low: value.low,
        mode: value.value,
        high: value.high,
        target: { type: "rule", ruleIndex, field },
      });
    }
  });
  return { inputs, notDrawn };
}

/** The value of every input in draw `index` (triangular on low / mode / high; uniform where chosen). */
export function drawVector(inputs: UncertainInput[], seed: number, index: number, hashes = inputs.map((i) => hashKey(i.key))) {
  const values = new Float64Array(inputs.length);
  for (let k = 0; k < inputs.length; k++) {
    const inp = inputs[k];
    const u = uniformFor(seed, index, hashes[k]);
    values[k] = inp.distribution === "uniform" ? uniform(u, inp.low, inp.high) : triangular(u, inp.low, inp.mode, inp.high);
  }
  return values;
}

/** The central values of the inputs (each at its mode): the point estimate. */
export function modeVector(inputs: UncertainInput[]): Float64Array {
  return Float64Array.from(inputs, (i) => i.mode);
}

export interface Drawn {
  model: Model;
  scenario: Scenario;
  assumptions: Record<string, number>;
}

/** The model, scenario and assumption overrides of one draw vector. Copies only what a draw changes. */
export function applyDraw(
  model: Model,
  scenario: Scenario,
  inputs: UncertainInput[],
  values: ArrayLike<number>,
  whatIfAssumptions: Record<string, number> = {},
): Drawn {
  const assumptions: Record<string, number> = { ...whatIfAssumptions };
  let rules: Rule[] | null = null;
  let patched: Model | null = null;
  for (let k = 0; k < inputs.length; k++) {
    const t = inputs[k].target;
    const v = values[k];
    if (t.type === "engine") assumptions[t.assumptionId] = v;
    else if (t.type === "rule") {
      rules ??= scenario.rules.slice();
      const rule = { ...rules[t.ruleIndex] } as Record<string, unknown>;
      const current = rule[t.field];
      rule[t.field] = typeof current === "object" && current !== null ? { ...current, value: v } : v;
      rules[t.ruleIndex] = rule as Rule;
    } else {
      patched ??= { ...model };
      for (const f of t.fields) {
        if (f.table === "group") {
          patched.group = { ...patched.group, [f.field]: v };
          continue;
        }
        const list = (patched[f.table] === model[f.table] ? model[f.table].slice() : patched[f.table]) as Array<
          Record<string, unknown>
        >;
        const i = list.findIndex((row) => rowKey(f.table, row) === f.rowId);
        list[i] = { ...list[i], [f.field]: v };
        (patched as Record<string, unknown>)[f.table] = list;
      }
    }
  }
  if (patched) indexFiguresOf(model, patched); // same structure, other figures: no re-indexing
  return { model: patched ?? model, scenario: rules ? { ...scenario, rules } : scenario, assumptions };
}

// ---- Percentiles and bands ----

export interface Band {
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

/**
 * Percentile p (0..100) of ascending sorted values: linear interpolation between the order statistics at rank
 * h = (n - 1) p / 100 (Hyndman and Fan type 7, as numpy's default and Excel's PERCENTILE.INC). Monotone in p.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const x = sorted[lo];
  const y = sorted[hi];
  return x === y ? x : x + (h - lo) * (y - x);
}

/** The band of `values` (left as they are; the selection keeps its own scratch space). */
export function bandOf(values: Float64Array): Band {
  return bandAt(bandStatistics(values), values.length, null);
}

/** The positions the five percentiles read in n sorted values (type 7: floor(h) and the next one), ascending. */
function bandPositions(n: number): number[] {
  const out: number[] = [];
  for (const p of PERCENTILES) {
    const lo = Math.floor(((n - 1) * p) / 100);
    out.push(lo, Math.min(n - 1, lo + 1));
  }
  return out;
}

/** The positions for n values, and the distinct ones ascending (for a few values, the pairs overlap). */
let positionsFor = { n: -1, wanted: [] as number[], distinct: [] as number[] };
function positionsOf(n: number) {
  if (positionsFor.n !== n) {
    const wanted = bandPositions(n);
    positionsFor = { n, wanted, distinct: [...new Set(wanted)].sort((a, b) => a - b) };
  }
  return positionsFor;
}
/** The ten values a band reads, by position in `bandPositions` (one array for every call: the engine is synchronous). */
const statistics = new Float64Array(2 * PERCENTILES.length);
const distinctStatistics = new Float64Array(2 * PERCENTILES.length);

/**
 * What a sort of `values` puts at each of the ten positions a band reads (`bandPositions`), without sorting and
 * without changing `values`. Values with a NaN or a -0 are sorted instead: the sort orders -0 before +0 and NaN
 * last, a comparison cannot. The result is the shared `statistics` array (read it before the next call).
 */
export function bandStatistics(values: Float64Array, at = 0, n = values.length - at): Float64Array {
  const { wanted, distinct } = positionsOf(n);
  for (let i = at; i < at + n; i++) {
    const v = values[i];
    if (v !== v || (v === 0 && 1 / v < 0)) {
      const sorted = values.slice(at, at + n).sort();
      for (let k = 0; k < wanted.length; k++) statistics[k] = sorted[wanted[k]];
      return statistics;
    }
  }
  if (distinct.length === wanted.length) {
    // Ten distinct positions (49, 50, 99, 100, ... for 1,000 draws) are ascending: read straight into place.
    selectRanks(values, at, n, wanted, 0, 0, wanted.length - 1, statistics, 0);
    return statistics;
  }
  selectRanks(values, at, n, distinct, 0, 0, distinct.length - 1, distinctStatistics, 0);
  for (let k = 0; k < wanted.length; k++) statistics[k] = distinctStatistics[distinct.indexOf(wanted[k])];
  return statistics;
}

/** Buckets per level of `selectRanks`; its scratch space, one set per depth. */
const BUCKETS = 256;
const MAX_DEPTH = 6;
interface Level {
  counts: Int32Array;
  offsets: Int32Array;
  wanted: Uint8Array;
  bucket: Uint8Array;
  gathered: Float64Array;
}
const levels: Level[] = [];
function levelOf(depth: number, n: number): Level {
  let l = levels[depth];
  if (!l || l.bucket.length < n)
    l = levels[depth] = {
      counts: new Int32Array(BUCKETS),
      offsets: new Int32Array(BUCKETS),
      wanted: new Uint8Array(BUCKETS),
      bucket: new Uint8Array(Math.max(n, 1024)),
      gathered: new Float64Array(Math.max(n, 1024)),
    };
  return l;
}

/**
 * out[k] = what a sort of v[0..n) puts at rank ranks[k] - base, for k in from..to (ranks ascending; no NaN, no -0
 * in v). Each value goes to one of 256 buckets by where it falls between the least and the greatest: floor((v -
 * min) * 256 / (max - min)) never decreases as v grows, so a bucket holds a run of the sorted order, and counting
 * tells which bucket holds each wanted rank. Only those buckets' values are gathered, and settled the same way
 * (a few values: sorted outright). Reads `v` only, except when it is small (sorted in place: the scratch levels).
 * Two passes over the values and a few small sorts, where a quickselect partitioned most of them three times over.
 */
function selectRanks(v: Float64Array, at: number, n: number, ranks: ArrayLike<number>, base: number, from: number, to: number, out: Float64Array, depth: number) {
  if (n <= 24 && depth > 0) {
    for (let i = at + 1; i < at + n; i++) {
      const x = v[i];
      let j = i - 1;
      while (j >= at && v[j] > x) v[j + 1] = v[j--];
      v[j + 1] = x;
    }
    for (let k = from; k <= to; k++) out[k] = v[at + ranks[k] - base];
    return;
  }
  let min = v[at];
  let max = v[at];
  for (let i = at + 1; i < at + n; i++) {
    const x = v[i];
    if (x < min) min = x;
    else if (x > max) max = x;
  }
  if (min === max) {
    for (let k = from; k <= to; k++) out[k] = min;
    return;
  }
  const scale = BUCKETS / (max - min);
  if (!(scale > 0 && scale < Infinity) || depth >= MAX_DEPTH) {
    // Infinite values, a range too narrow to scale, or values spread over too many orders of magnitude: sorted.
    const sorted = v.slice(at, at + n).sort();
    for (let k = from; k <= to; k++) out[k] = sorted[ranks[k] - base];
    return;
  }
  const { counts, offsets, wanted, bucket, gathered } = levelOf(depth, n);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    let b = ((v[at + i] - min) * scale) | 0;
    if (b >= BUCKETS) b = BUCKETS - 1;
    bucket[i] = b;
    counts[b]++;
  }
  // The bucket of each wanted rank (ranks ascending, so buckets too), and where its values go in `gathered`.
  let b = 0;
  let below = 0;
  let next = 0;
  for (let k = from; k <= to; k++) {
    const r = ranks[k] - base;
    while (below + counts[b] <= r) below += counts[b++];
    if (!wanted[b]) {
      wanted[b] = 1;
      offsets[b] = next;
      next += counts[b];
    }
  }
  for (let i = 0; i < n; i++) {
    const x = bucket[i];
    if (wanted[x]) gathered[offsets[x]++] = v[at + i];
  }
  // Each wanted bucket in turn, with the ranks it holds (offsets now point past each bucket's values).
  b = 0;
  below = 0;
  for (let k = from; k <= to; ) {
    const r = ranks[k] - base;
    while (below + counts[b] <= r) below += counts[b++];
    let last = k;
    while (last < to && ranks[last + 1] - base < below + counts[b]) last++;
    const end = offsets[b];
    const start = end - counts[b];
    wanted[b] = 0;
    selectRanks(gathered, start, end - start, ranks, base + below, k, last, out, depth + 1);
    k = last + 1;
  }
}

/**
 * The band from the ten values `bandStatistics` gives, minus `shift` (null: none): as `percentile` reads a sorted
 * array. Rounding is monotone, so x - c sorted is (sorted x) - c element by element: the band of a change against a
 * baseline that is the same in every draw is read from the figure's own statistics, and equals selecting the changes.
 */
function bandAt(stats: Float64Array, n: number, shift: number | null): Band {
  const at = (j: number) => {
    const p = PERCENTILES[j];
    const h = ((n - 1) * p) / 100;
    const lo = Math.floor(h);
    const x = shift === null ? stats[2 * j] : stats[2 * j] - shift;
    const y = shift === null ? stats[2 * j + 1] : stats[2 * j + 1] - shift;
    return x === y ? x : x + (h - lo) * (y - x);
  };
  return { p5: at(0), p10: at(1), p50: at(2), p90: at(3), p95: at(4) };
}

/**
 * Bands of a figure and of its change against a baseline (`baseline` the same in every draw, or null), from the
 * columns at `figure` and `change` in `buffer`. Each change is the figure minus that baseline, so its statistics are
 * the figure's minus the baseline (a constant figure's too: its change is constant, the same double).
 */
function bandPair(buffer: Float64Array, figure: number, change: number, n: number, baseline: number | null): [Band, Band] {
  const stats = bandStatistics(buffer, figure, n);
  const figureBand = bandAt(stats, n, null);
  if (baseline !== null) return [figureBand, bandAt(stats, n, baseline)];
  return [figureBand, bandAt(bandStatistics(buffer, change, n), n, null)];
}

export interface UnitBands {
  revenue: Band;
  revenueDelta: Band;
  attributableRevenue: Band;
  attributableRevenueDelta: Band;
  capitalRequired: Band;
  capitalShortfall: Band;
  capitalRaised: Band;
}
export interface ServiceBands {
  users: Band;
  usersDelta: Band;
  revenue: Band;
  revenueDelta: Band;
}
export interface MarketBands {
  hhi: Band;
  hhiDelta: Band;
  /** Ant's share of the market (its players together). */
  antShare: Band;
  antShareDelta: Band;
}
/**
 * Data flows: the share of each flow still received (`kept`, baseline 1 in every draw, so its change is the band
 * minus 1) and each receiving unit's data coverage (the product over its flows of 1 - dependence x (1 - kept)).
 */
export interface FlowBands {
  kept: Record<string, Band>;
  /** By receiving unit (units that receive no flow have coverage 1 always and are left out). */
  coverage: Record<string, Band>;
}
export interface Probabilities {
  /** Share of draws with a capital shortfall above 0 (units and holding company together). */
  capitalShortfall: number;
  /** By market: share of draws with HHI above 2,500 after the scenario. */
  hhiAbove2500: Record<string, number>;
  /** By service: share of draws in which it reaches fewer than half its baseline users. */
  serviceLosesHalf: Record<string, number>;
  /** Share of draws in which at least one service loses more than half its users. */
  anyServiceLosesHalf: number;
}

export interface Bands {
  draws: number;
  seed: number;
  interpolation: string;
  headline: Record<HeadlineKey, Band>;
  headlineDelta: Record<HeadlineKey, Band>;
  units: Record<string, UnitBands>;
  services: Record<string, ServiceBands>;
  markets: Record<string, MarketBands>;
  flows: FlowBands;
  probabilities: Probabilities;
  /** What was drawn, and the ranged assumptions that were not (with the reason). */
  inputs: Array<Pick<UncertainInput, "key" | "kind" | "id" | "label" | "distribution" | "low" | "mode" | "high">>;
  notDrawn: NotDrawn[];
}

export interface BandOptions {
  draws?: number;
  seed?: number;
  /** What-if values by key (`r.<ruleId>.<field>`, `a.<id>`): already applied to the scenario; pinned here. */
  whatIf?: Record<string, number>;
}

/** The column buffer kept between calls (at most MAX_KEPT numbers: 2 MB; 1,000 draws of the library take 1.4 MB). */
const MAX_KEPT = 1 << 18;
let keptBuffer: Float64Array | null = null;
function columnBuffer(size: number): Float64Array {
  if (size > MAX_KEPT) return new Float64Array(size);
  if (!keptBuffer || keptBuffer.length < size) keptBuffer = new Float64Array(MAX_KEPT);
  return keptBuffer.subarray(0, size);
}

const INTERPOLATION = "linear between order statistics, rank (n - 1) p (Hyndman-Fan type 7)";

const UNIT_FIELDS = [
  "revenue",
  "revenueDelta",
  "attributableRevenue",
  "attributableRevenueDelta",
  "capitalRequired",
  "capitalShortfall",
  "capitalRaised",
] as const;
const SERVICE_FIELDS = ["users", "usersDelta", "revenue", "revenueDelta"] as const;
const MARKET_FIELDS = ["hhi", "hhiDelta", "antShare", "antShareDelta"] as const;

/**
 * Bands of every headline, unit, service and market figure and of their changes, over `draws` seeded draws.
 * The scenario must already carry the what-if's rule values; `whatIf` lists the keys it pins.
 *
 * Each draw runs on the compiled scenario (compiled.ts, draws.ts) and writes its figures into one column per
 * figure; each column's percentiles come from one sort (`bandOf`). Equal to evaluating every drawn model and
 * scenario in full (compiled.test.ts holds that reference and checks it).
 */
export function computeBands(model: Model, scenario: Scenario, options: BandOptions = {}): Bands {
  return bandsOf(model, prepared(model, scenario, options.whatIf ?? {}), options);
}

/**
 * Bands and sensitivity of one scenario and what-if (the scenario page's pair): the inputs worked out and the
 * scenario compiled once for both. Equal to `computeBands` and `sensitivity` called apart.
 */
export function bandsAndSensitivity(
  model: Model,
  scenario: Scenario,
  options: BandOptions = {},
): { bands: Bands; sensitivity: Record<HeadlineKey, Swing[]> } {
  const p = prepared(model, scenario, options.whatIf ?? {});
  const bands = bandsOf(model, p, options);
  return { bands, sensitivity: swingsOf(p.inputs, p.runner) };
}

interface Prepared extends UncertainInputs {
  runner: DrawRunner;
}

function prepared(model: Model, scenario: Scenario, whatIf: Record<string, number>): Prepared {
  const whatIfAssumptions = assumptionsOfWhatIf(whatIf);
  const { inputs, notDrawn } = uncertainInputs(model, scenario, Object.keys(whatIf), whatIfAssumptions);
  return { inputs, notDrawn, runner: drawRunner(model, scenario, inputs, whatIfAssumptions) };
}

function bandsOf(model: Model, { inputs, notDrawn, runner }: Prepared, options: BandOptions): Bands {
  const draws = Math.max(MIN_DRAWS, Math.min(MAX_DRAWS, Math.floor(options.draws ?? DEFAULT_DRAWS)));
  const seed = Math.floor(options.seed ?? DEFAULT_SEED);
  const hashes = inputs.map((i) => hashKey(i.key));
  const w = runner.w;
  const m = runner.c.model;
  const { nu, ns, nf } = m;
  const nm = m.mkStart.length - 1;
  const L = m.layout;
  const receiving = m.ix.units.flatMap((_, x) => (m.fiStart[x + 1] > m.fiStart[x] ? [x] : []));
  const nr = receiving.length;
  // One column per figure, each `draws` long, in the order a draw writes them: draw i writes every column's cell i
  // with one running offset (i, then + draws per figure). The buffer is kept from one call to the next (every cell
  // is written before it is read); a larger one than MAX_KEPT is made for the call and dropped.
  const columns = NH * 2 + nu * UNIT_FIELDS.length + ns * SERVICE_FIELDS.length + nm * MARKET_FIELDS.length + nf + nr;
  const buffer = columnBuffer(columns * draws);
  const band = (at: number) => bandAt(bandStatistics(buffer, at, draws), draws, null);
  // Each change's baseline: the first draw's, and whether any draw had another (then its changes are sorted apart).
  const pairs = NH + 2 * nu + 2 * ns + 2 * nm;
  const baseline = new Float64Array(pairs);
  const baselineMoves = new Uint8Array(pairs);
  const baselineRow = new Float64Array(pairs);
  const UNIT_PAIRS = NH;
  const SERVICE_PAIRS = NH + 2 * nu;
  const MARKET_PAIRS = NH + 2 * nu + 2 * ns;
  let shortfallDraws = 0;
  let anyHalf = 0;
  const hhiAbove = new Float64Array(nm);
  const half = new Float64Array(ns);
  const scratch = new MarketScratch(m.playerShare.length);
  const revenues = new Float64Array(ns);
  const baselines = new Float64Array(ns);
  const F = w.figures;
  const hv = w.headline;
  // A market's baseline shares are the model's in every draw (no input draws them).
  const hhiBefore = Float64Array.from({ length: nm }, (_, x) => hhiOf(w, x, null));
  const antBefore = Float64Array.from({ length: nm }, (_, x) => antShareOf(w, x, null));
  const unitStake = L.unitStake;
  const unitRevenue = L.unitRevenue;
  const serviceUsersAt = L.serviceUsers;

  const drawn = runner.columns(seed, draws, hashes);
  for (let i = 0; i < draws; i++) {
    runner.evaluateDraw(drawn, i);
    let o = i;
    let pair = 0; // this draw's baselines go to `baselineRow`, compared with the first draw's after it
    for (let k = 0; k < NH; k++, o += draws) buffer[o] = hv[k];
    for (let k = 0; k < NH; k++, o += draws) {
      buffer[o] = hv[k] - hv[NH + k];
      baselineRow[pair++] = hv[NH + k];
    }
    if (hv[H.capitalShortfall] > 0) shortfallDraws++;
    for (let x = 0; x < nu; x++) {
      const revenue = w.revenue[x];
      const baseRevenue = F[unitRevenue + x];
      const attributable = w.stake[x] * revenue;
      const baseAttributable = F[unitStake + x] * baseRevenue;
      buffer[o] = revenue;
      buffer[(o += draws)] = revenue - baseRevenue;
      buffer[(o += draws)] = attributable;
      buffer[(o += draws)] = attributable - baseAttributable;
      buffer[(o += draws)] = w.required[x];
      buffer[(o += draws)] = w.shortfall[x];
      buffer[(o += draws)] = w.raised[x];
      o += draws;
      baselineRow[pair++] = baseRevenue;
      baselineRow[pair++] = baseAttributable;
    }
    let anyService = false;
    serviceRevenues(w, revenues, baselines);
    for (let x = 0; x < ns; x++) {
      const users = w.users[x]; // set with the headline
      const baseUsers = F[serviceUsersAt + x];
      const revenue = revenues[x];
      buffer[o] = users;
      buffer[(o += draws)] = users - baseUsers;
      buffer[(o += draws)] = revenue;
      buffer[(o += draws)] = revenue - baselines[x];
      o += draws;
      baselineRow[pair++] = baseUsers;
      baselineRow[pair++] = baselines[x];
      if (baseUsers > 0 && users < 0.5 * baseUsers) {
        half[x]++;
        anyService = true;
      }
    }
    if (anyService) anyHalf++;
    for (let x = 0; x < nm; x++) {
      marketShares(w, x, scratch);
      const hhi = scratch.hhi;
      const a = scratch.antShare;
      buffer[o] = hhi;
      buffer[(o += draws)] = hhi - hhiBefore[x];
      buffer[(o += draws)] = a;
      buffer[(o += draws)] = a - antBefore[x];
      o += draws;
      baselineRow[pair++] = hhiBefore[x];
      baselineRow[pair++] = antBefore[x];
      if (hhi > 2500) hhiAbove[x]++;
    }
    for (let f = 0; f < nf; f++, o += draws) buffer[o] = w.flowKept[f];
    for (let r = 0; r < nr; r++, o += draws) buffer[o] = w.coverage[receiving[r]];
    // A baseline that differs in any draw from the first draw's (a -0 apart from a +0: sorts tell them apart).
    if (i === 0) baseline.set(baselineRow);
    else
      for (let q = 0; q < pairs; q++) {
        const b = baselineRow[q];
        if (b !== baseline[q] || (b === 0 && 1 / b !== 1 / baseline[q])) baselineMoves[q] = 1;
      }
  }

  let next = 0;
  const col = () => draws * next++; // a column's offset in the buffer
  const h = HEADLINE_KEYS.map(col);
  const hd = HEADLINE_KEYS.map(col);
  const u = Array.from({ length: nu }, () => UNIT_FIELDS.map(col));
  const sv = Array.from({ length: ns }, () => SERVICE_FIELDS.map(col));
  const mk = Array.from({ length: nm }, () => MARKET_FIELDS.map(col));
  const kept = Array.from({ length: nf }, col);
  const coverage = receiving.map(col);
  const baselineOf = (pair: number) => (baselineMoves[pair] ? null : baseline[pair]);
  const headline = {} as Record<HeadlineKey, Band>;
  const headlineDelta = {} as Record<HeadlineKey, Band>;
  HEADLINE_KEYS.forEach((k, i) => ([headline[k], headlineDelta[k]] = bandPair(buffer, h[i], hd[i], draws, baselineOf(i))));
  /** Bands of fields laid out as (figure, change) pairs first, then single figures. */
  const byField = <F extends string>(fields: readonly F[], cols: number[], pairCount: number, firstPair: number) => {
    const out = {} as Record<F, Band>;
    for (let k = 0; k < fields.length; k++) {
      if (k < 2 * pairCount && k % 2 === 0) {
        [out[fields[k]], out[fields[k + 1]]] = bandPair(buffer, cols[k], cols[k + 1], draws, baselineOf(firstPair + k / 2));
        k++;
      } else out[fields[k]] = band(cols[k]);
    }
    return out;
  };
  const units: Record<string, UnitBands> = {};
  m.ix.units.forEach((x, k) => (units[x.id] = byField(UNIT_FIELDS, u[k], 2, UNIT_PAIRS + 2 * k)));
  const services: Record<string, ServiceBands> = {};
  m.ix.services.forEach((x, k) => (services[x.id] = byField(SERVICE_FIELDS, sv[k], 2, SERVICE_PAIRS + 2 * k)));
  const markets: Record<string, MarketBands> = {};
  model.markets.forEach((x, k) => (markets[x.id] = byField(MARKET_FIELDS, mk[k], 2, MARKET_PAIRS + 2 * k)));

  return {
    draws,
    seed,
    interpolation: INTERPOLATION,
    headline,
    headlineDelta,
    units,
    services,
    markets,
    flows: {
      kept: Object.fromEntries(m.ix.flows.map((f, k) => [f.id, band(kept[k])])),
      coverage: Object.fromEntries(receiving.map((x, r) => [m.ix.units[x].id, band(coverage[r])])),
    },
    probabilities: {
      capitalShortfall: shortfallDraws / draws,
      hhiAbove2500: Object.fromEntries(model.markets.map((x, k) => [x.id, hhiAbove[k] / draws])),
      serviceLosesHalf: Object.fromEntries(m.ix.services.map((x, k) => [x.id, half[k] / draws])),
      anyServiceLosesHalf: anyHalf / draws,
    },
    inputs: inputs.map(({ key, kind, id, label, distribution, low, mode, high }) => ({
      key,
      kind,
      id,
      label,
      distribution,
      low,
      mode,
      high,
    })),
    notDrawn,
  };
}

// ---- Sensitivity (tornado) ----

export interface Swing {
  id: string;
  kind: "assumption" | "parameter";
  label: string;
  /** The headline figure with this input at its low end, the others at their values. */
  low: number;
  /** ... and at its high end. */
  high: number;
}

/**
 * One at a time: each drawn input to its low and to its high with the others at their values, for every headline
 * figure; sorted by |high - low|, largest first. Inputs that move a figure by nothing stay in its list (swing 0)
 * so a page can say so. Pinned what-if inputs are not swung (the user chose their value).
 */
export function sensitivity(
  model: Model,
  scenario: Scenario,
  whatIf: Record<string, number> = {},
): Record<HeadlineKey, Swing[]> {
  const { inputs, runner } = prepared(model, scenario, whatIf);
  return swingsOf(inputs, runner);
}

/** The what-if's assumption overrides (`a.<id>` keys), by assumption id. */
function assumptionsOfWhatIf(whatIf: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(whatIf)) if (k.startsWith("a.")) out[k.slice(2)] = v;
  return out;
}

/**
 * Each input to its low and its high with the others at their modes, on the compiled scenario: two evaluations of
 * the working arrays per input, equal to the last bit to patching a model and scenario per swing and evaluating
 * them in full (`applyDraw` then `evaluateHeadline`; compiled.db.test.ts keeps that as the reference).
 */
function swingsOf(inputs: UncertainInput[], runner: DrawRunner): Record<HeadlineKey, Swing[]> {
  const values = modeVector(inputs);
  const lows = new Float64Array(NH);
  const out = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, [] as Swing[]])) as Record<HeadlineKey, Swing[]>;
  inputs.forEach((inp, k) => {
    const mode = values[k];
    values[k] = inp.low;
    runner.evaluate(values);
    lows.set(runner.w.headline.subarray(0, NH));
    values[k] = inp.high;
    runner.evaluate(values);
    values[k] = mode;
    const highs = runner.w.headline;
    HEADLINE_KEYS.forEach((m, i) => out[m].push({ id: inp.id, kind: inp.kind, label: inp.label, low: lows[i], high: highs[i] }));
  });
  for (const m of HEADLINE_KEYS)
    out[m].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || a.id.localeCompare(b.id));
  return out;
}

/** Ids of the inputs that move no headline figure from end to end (the what-if panel says so). */
export function inertInputs(swings: Record<HeadlineKey, Swing[]>, tolerance = 1e-9): Set<string> {
  const moving = new Set<string>();
  const all = new Set<string>();
  for (const m of HEADLINE_KEYS)
    for (const s of swings[m]) {
      all.add(s.id);
      if (Math.abs(s.high - s.low) > tolerance * Math.max(1, Math.abs(s.low), Math.abs(s.high))) moving.add(s.id);
    }
  return new Set([...all].filter((id) => !moving.has(id)));
}
