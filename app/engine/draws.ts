/**
 * Draws on the compiled form: where each uncertain input's value goes (an assumption slot, a rule parameter slot,
 * figure slots), and the figures of one draw read straight from the working arrays. Together they give exactly
 * what `applyDraw` then `evaluate` give (a draw patches a copy of the model or the rule; here it patches a slot),
 * without building a model, a scenario or a result per draw.
 */
import { compileScenario, H, NH, run, serviceUsers, Work, type CompiledScenario } from "./compiled";
import type { Model } from "./model";
import { InverseCdfs, uniformColumn, uniformsFor } from "./random";
import type { EngineScenario } from "./rules";
import type { UncertainInput } from "./uncertainty";

const ASSUMPTION = 0;
const PARAMETER = 1;
const FIGURES = 2;

/** A compiled scenario with its inputs' destinations: set a draw, run, read. */
export class DrawRunner {
  readonly w: Work;
  private readonly kind: Int8Array;
  private readonly slot: Int32Array;
  private readonly figureSlots: Int32Array[];
  private readonly anyFigure: boolean;
  readonly values: Float64Array;
  private readonly uniforms: Float64Array;
  private readonly cdfs: InverseCdfs;

  constructor(
    readonly c: CompiledScenario,
    private readonly inputs: UncertainInput[],
  ) {
    const m = c.model;
    this.w = new Work(c);
    this.w.setAll();
    this.kind = new Int8Array(inputs.length);
    this.slot = new Int32Array(inputs.length).fill(-1);
    this.figureSlots = inputs.map(() => new Int32Array(0));
    inputs.forEach((inp, k) => {
      const t = inp.target;
      if (t.type === "engine") {
        this.kind[k] = ASSUMPTION;
        this.slot[k] = m.assumptionIx.get(t.assumptionId) ?? -1;
      } else if (t.type === "rule") {
        this.kind[k] = PARAMETER;
        this.slot[k] = c.paramSlot.get(`${t.ruleIndex}.${t.field}`) ?? -1;
      } else {
        this.kind[k] = FIGURES;
        // A field the engine's layout lacks is one no formula reads: patching it changes nothing.
        this.figureSlots[k] = Int32Array.from(
          t.fields.map((f) => m.figureSlot(f.table, f.rowId, f.field)).filter((s) => s >= 0),
        );
      }
    });
    this.anyFigure = this.kind.some((k) => k === FIGURES);
    this.values = new Float64Array(inputs.length);
    this.uniforms = new Float64Array(inputs.length);
    this.cdfs = new InverseCdfs(inputs);
  }

  /** Draw `index` of `seed` into `values` (as `drawVector`), without allocating. */
  draw(seed: number, index: number, hashes: ArrayLike<number>) {
    uniformsFor(seed, index, hashes, this.uniforms);
    this.cdfs.apply(this.uniforms, this.values);
  }

  /**
   * Every draw of every input, as one column per input (`columns[k][i]`: input k in draw i, equal to `draw(seed, i)`
   * then `values[k]`). A draw is a function of the seed, its index and the input's key hash, distribution and range
   * alone (random.ts), so a column is kept between calls under exactly those: the pages of one scenario under other
   * what-ifs draw the same columns for every input they do not pin.
   */
  columns(seed: number, draws: number, hashes: ArrayLike<number>): Float64Array[] {
    return this.inputs.map((inp, k) => {
      const key = `${seed}|${draws}|${hashes[k]}|${inp.distribution}|${exact(inp.low)}|${exact(inp.mode)}|${exact(inp.high)}`;
      const kept = DRAWN.get(key);
      if (kept) {
        // Most recently used last: the oldest is dropped first.
        DRAWN.delete(key);
        DRAWN.set(key, kept);
        return kept;
      }
      const column = new Float64Array(draws);
      uniformColumn(seed, hashes[k], column);
      this.cdfs.applyColumn(k, column);
      if (draws <= MAX_DRAWN) {
        DRAWN.set(key, column);
        drawnKept += draws;
        for (const [old, c] of DRAWN) {
          if (drawnKept <= MAX_DRAWN) break;
          DRAWN.delete(old);
          drawnKept -= c.length;
        }
      }
      return column;
    });
  }

  /** Evaluate draw `index` of `columns` (as `evaluate` of that draw's values, without copying them first). */
  evaluateDraw(columns: Float64Array[], index: number) {
    for (let k = 0; k < columns.length; k++) this.put(k, columns[k][index]);
    this.finish();
  }

  /**
   * Put `values` in the working vectors and evaluate every rule. Every evaluation writes the same slots (one per
   * input) and no stage writes these three vectors, so the slots no input names keep the scenario's own values from
   * the constructor on: nothing is reset per draw (a copy of each whole vector was).
   */
  evaluate(values: ArrayLike<number> = this.values) {
    for (let k = 0; k < values.length; k++) this.put(k, values[k]);
    this.finish();
  }

  /** Input k's value into its slot or slots. */
  private put(k: number, v: number) {
    const w = this.w;
    const kind = this.kind[k];
    if (kind === ASSUMPTION) {
      // As resolveAssumptions: an override that is not a finite number is ignored (the scenario's value stands).
      const slot = this.slot[k];
      if (slot >= 0) w.assumptions[slot] = Number.isFinite(v) ? v : this.c.assumptions[slot];
    } else if (kind === PARAMETER) {
      if (this.slot[k] >= 0) w.params[this.slot[k]] = v;
    } else {
      const slots = this.figureSlots[k];
      for (let j = 0; j < slots.length; j++) w.figures[slots[j]] = v;
    }
  }

  private finish() {
    if (this.anyFigure) this.w.prepare();
    run(this.w);
  }
}

/** Drawn columns kept between calls, by seed, draws, key hash, distribution and range; at most MAX_DRAWN numbers (2 MB). */
const DRAWN = new Map<string, Float64Array>();
const MAX_DRAWN = 1 << 18;
let drawnKept = 0;
/** A number as a key: its shortest round-trip text, -0 apart from 0. */
const exact = (x: number) => (Object.is(x, -0) ? "-0" : String(x));

export function drawRunner(model: Model, scenario: EngineScenario, inputs: UncertainInput[], assumptions?: Record<string, number>) {
  return new DrawRunner(compileScenario(model, scenario, assumptions), inputs);
}

/** Scratch space for the market figures of one draw. */
export class MarketScratch {
  readonly after: Float64Array;
  readonly factor: Float64Array;
  /** HHI and Ant's share of the market on `after` (set by `marketShares`). */
  hhi = 0;
  antShare = 0;
  constructor(players: number) {
    this.after = new Float64Array(players);
    this.factor = new Float64Array(players);
  }
}

/**
 * Every service's revenue in the draw into `revenue` and its baseline's into `baseline`, as `serviceResults`: each
 * unit's revenue splits over its services in proportion to each one's baseline share and reach.
 */
export function serviceRevenues(w: Work, revenue: Float64Array, baseline: Float64Array) {
  const m = w.c.model;
  const F = w.figures;
  for (let sv = 0; sv < m.ns; sv++) {
    let scenario = 0;
    let base = 0;
    for (let k = m.uosStart[sv]; k < m.uosStart[sv + 1]; k++) {
      const u = m.uosUnit[k];
      const share = m.uosShare[k];
      base += F[m.layout.unitRevenue + u] * share;
      let total = 0;
      let shares = 0;
      for (let j = m.souStart[u]; j < m.souStart[u + 1]; j++) {
        total += m.souShare[j] * w.reach[m.souService[j]];
        shares += m.souShare[j];
      }
      const denom = total + Math.max(0, 1 - shares);
      scenario += denom > 0 ? (w.revenue[u] * share * w.reach[sv]) / denom : 0;
    }
    revenue[sv] = scenario;
    baseline[sv] = base;
  }
}

/**
 * A market's shares after the draw (as `marketResults` with `redistributeShares`): Ant's players keep the volume
 * factor of their units, rivals take the rest pro rata. Fills `s.after` for the market's players (by position), and
 * `s.hhi`, `s.antShare` on them.
 */
export function marketShares(w: Work, market: number, s: MarketScratch) {
  const m = w.c.model;
  const F = w.figures;
  const L = m.layout;
  const p0 = m.mkStart[market];
  const p1 = m.mkStart[market + 1];
  let lost = 0;
  let rivals = 0;
  for (let p = p0; p < p1; p++) {
    const share = m.playerShare[p];
    if (!m.playerAnt[p]) {
      rivals += share;
      continue;
    }
    let total = 0;
    for (let k = m.puStart[p]; k < m.puStart[p + 1]; k++) total += F[L.unitRevenue + m.puUnit[k]];
    let f = 1;
    if (total > 0) {
      f = 0;
      for (let k = m.puStart[p]; k < m.puStart[p + 1]; k++) {
        const u = m.puUnit[k];
        const revenue = F[L.unitRevenue + u];
        let volume: number;
        if (revenue === 0) volume = 1;
        else if (m.bookRow[u] >= 0) {
          const balance = F[L.books + 5 * m.bookRow[u]];
          volume = balance > 0 ? (w.balance[u] + w.facilitated[u]) / balance : 1;
        } else volume = w.revenue[u] / revenue;
        f += (revenue * volume) / total;
      }
    }
    s.factor[p - p0] = f;
    lost += share * (1 - f);
  }
  if (rivals > 0) {
    const boost = 1 + lost / rivals;
    for (let p = p0; p < p1; p++) s.after[p - p0] = m.playerAnt[p] ? m.playerShare[p] * s.factor[p - p0] : m.playerShare[p] * boost;
  } else {
    let total = 0;
    for (let p = p0; p < p1; p++) {
      const kept = m.playerShare[p] * (m.playerAnt[p] ? s.factor[p - p0] : 1);
      s.after[p - p0] = kept;
      total += kept;
    }
    for (let p = p0; p < p1; p++) s.after[p - p0] = total > 0 ? s.after[p - p0] / total : m.playerShare[p];
  }
  // As `hhiOf` and `antShareOf` on `after`, kept in the scratch (not returned: a returned double is boxed).
  let hhi = 0;
  let ant = 0;
  for (let p = p0; p < p1; p++) {
    const share = s.after[p - p0];
    if (!m.playerFragmented[p]) hhi += (share * 100) ** 2;
    if (m.playerAnt[p]) ant += share;
  }
  s.hhi = hhi;
  s.antShare = ant;
}

/** HHI of the shares in `shares` (the market's players by position), fragmented players left out, as `hhi`. */
export function hhiOf(w: Work, market: number, shares: ArrayLike<number> | null): number {
  const m = w.c.model;
  let total = 0;
  for (let p = m.mkStart[market]; p < m.mkStart[market + 1]; p++) {
    const s = shares === null ? m.playerShare[p] : shares[p - m.mkStart[market]];
    if (!m.playerFragmented[p]) total += (s * 100) ** 2;
  }
  return total;
}

/** Ant's share of a market (its players together), as `antShare` reads a result. */
export function antShareOf(w: Work, market: number, shares: ArrayLike<number> | null): number {
  const m = w.c.model;
  let total = 0;
  for (let p = m.mkStart[market]; p < m.mkStart[market + 1]; p++)
    if (m.playerAnt[p]) total += shares === null ? m.playerShare[p] : shares[p - m.mkStart[market]];
  return total;
}

export { H, NH, serviceUsers };
