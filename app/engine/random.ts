/**
 * Seeded randomness for the uncertainty analysis: xoshiro128** (Blackman and Vigna) seeded through splitmix32,
 * in 32-bit integer arithmetic only, so Node, the browser's worker and the CLI draw the identical sequence.
 * Never Math.random (docs/decisions/017-uncertainty.md).
 */

/** splitmix32: spreads an integer seed over the generator's state (and mixes keys into seeds). */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return [next, z >>> 0];
}

/** A generator of uniform numbers in [0, 1), reproducible from its integer seed. */
export type Rng = () => number;

/** xoshiro128** seeded from a 32-bit integer. */
export function xoshiro128ss(seed: number): Rng {
  let st = seed | 0;
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    const [next, z] = splitmix32(st);
    st = next;
    s[i] = z;
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the all-zero state is a fixed point
  return () => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number) {
  return (x << k) | (x >>> (32 - k));
}

/** FNV-1a hash of a string, 32 bits: turns an input's key into a stream number. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The uniform number of one input in one draw: a function of (seed, draw index, input key) only. So the draw of an
 * assumption is the same whatever else is drawn beside it: the baseline, the scenario and every column compared
 * share it (common random numbers), and adding a rule never reshuffles the other inputs.
 */
export function uniformFor(seed: number, index: number, keyHash: number): number {
  return uniformOf(drawStream(seed, index), keyHash);
}

/**
 * `uniformFor` in two parts, for a caller drawing every input of one draw: the draw's stream (a function of seed
 * and index) once, then each input's number from it. Written out without the tuples and the generator object (a
 * thousand draws x fifty inputs call this), and equal to: b = splitmix32(splitmix32(seed ^ (index + 1) * C)[1] ^
 * keyHash)[1]; xoshiro128ss(b)(). The first output of xoshiro128** reads only its second state word, the second
 * splitmix32 output from b.
 */
export function drawStream(seed: number, index: number): number {
  return mixed((((seed | 0) ^ Math.imul(index + 1, 0x85ebca6b)) + GOLDEN) | 0);
}

export function uniformOf(stream: number, keyHash: number): number {
  const b = mixed(((stream ^ keyHash) + GOLDEN) | 0);
  const s1 = mixed((((b + GOLDEN) | 0) + GOLDEN) | 0);
  return (Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0) / 4294967296;
}

const GOLDEN = 0x9e3779b9;

/** splitmix32's output for an already advanced state. */
function mixed(next: number): number {
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return z >>> 0;
}

/**
 * Inverse CDF of the triangular distribution on [low, high] with its mode at `mode`: u in [0, 1) -> a draw.
 * A point range (low = high) gives the point exactly, so ranges narrowed to points collapse every band.
 */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (!(high > low)) return Math.min(high, Math.max(low, mode));
  mode = Math.min(high, Math.max(low, mode));
  const span = high - low;
  const c = (mode - low) / span;
  if (u < c) return low + Math.sqrt(u * span * (mode - low));
  return high - Math.sqrt((1 - u) * span * (high - mode));
}

/** Inverse CDF of the uniform distribution on [low, high]. */
export function uniform(u: number, low: number, high: number): number {
  return high > low ? low + u * (high - low) : low;
}

/**
 * `uniformFor(seed, index, hashes[k])` for every k, into `out`: a draw's whole vector in one loop. Returning one
 * double per call boxed it (a heap number per input per draw: most of a thousand draws' allocation).
 */
export function uniformsFor(seed: number, index: number, hashes: ArrayLike<number>, out: Float64Array) {
  const stream = drawStream(seed, index);
  for (let k = 0; k < out.length; k++) {
    // `mixed` twice, written out (its uint32 result is boxed when the call is not inlined); kept as int32, which the
    // `| 0` and Math.imul that follow read the same.
    let b = ((stream ^ hashes[k]) + GOLDEN) | 0;
    b = Math.imul(b ^ (b >>> 16), 0x21f0aaad);
    b = Math.imul(b ^ (b >>> 15), 0x735a2d97);
    b ^= b >>> 15;
    let s1 = (((b + GOLDEN) | 0) + GOLDEN) | 0;
    s1 = Math.imul(s1 ^ (s1 >>> 16), 0x21f0aaad);
    s1 = Math.imul(s1 ^ (s1 >>> 15), 0x735a2d97);
    s1 ^= s1 >>> 15;
    const r = Math.imul(s1, 5);
    out[k] = (Math.imul((r << 7) | (r >>> 25), 9) >>> 0) / 4294967296;
  }
}

/**
 * `uniformFor(seed, i, keyHash)` for every draw i < out.length, into `out`: one input's column of a whole run (the
 * same operations as `uniformsFor`, by draw instead of by input).
 */
export function uniformColumn(seed: number, keyHash: number, out: Float64Array) {
  for (let i = 0; i < out.length; i++) {
    const stream = drawStream(seed, i);
    let b = ((stream ^ keyHash) + GOLDEN) | 0;
    b = Math.imul(b ^ (b >>> 16), 0x21f0aaad);
    b = Math.imul(b ^ (b >>> 15), 0x735a2d97);
    b ^= b >>> 15;
    let s1 = (((b + GOLDEN) | 0) + GOLDEN) | 0;
    s1 = Math.imul(s1 ^ (s1 >>> 16), 0x21f0aaad);
    s1 = Math.imul(s1 ^ (s1 >>> 15), 0x735a2d97);
    s1 ^= s1 >>> 15;
    const r = Math.imul(s1, 5);
    out[i] = (Math.imul((r << 7) | (r >>> 25), 9) >>> 0) / 4294967296;
  }
}

/**
 * The inverse CDFs of a draw's inputs, each input's shape worked out once: `apply` gives exactly what `triangular`
 * (or `uniform`) gives for each u, in the same operations, for a whole draw vector without a call per input.
 */
export class InverseCdfs {
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  /** Triangular: (mode - low) / span, the u below which the draw falls left of the mode; -1 for uniform. */
  private readonly cut: Float64Array;
  private readonly span: Float64Array;
  private readonly below: Float64Array;
  private readonly above: Float64Array;
  /** Whether an input's range is a point, and its value then. */
  private readonly isPoint: Uint8Array;
  private readonly point: Float64Array;

  constructor(inputs: ReadonlyArray<{ distribution: "triangular" | "uniform"; low: number; mode: number; high: number }>) {
    const n = inputs.length;
    this.low = Float64Array.from(inputs, (i) => i.low);
    this.high = Float64Array.from(inputs, (i) => i.high);
    this.cut = new Float64Array(n);
    this.span = new Float64Array(n);
    this.below = new Float64Array(n);
    this.above = new Float64Array(n);
    this.isPoint = new Uint8Array(n);
    this.point = new Float64Array(n);
    inputs.forEach(({ distribution, low, mode, high }, k) => {
      if (distribution === "uniform") {
        this.cut[k] = -1;
        if (high > low) this.span[k] = high - low;
        else [this.isPoint[k], this.point[k]] = [1, low];
        return;
      }
      if (!(high > low)) {
        [this.isPoint[k], this.point[k]] = [1, Math.min(high, Math.max(low, mode))];
        return;
      }
      const m = Math.min(high, Math.max(low, mode));
      this.span[k] = high - low;
      this.cut[k] = (m - low) / this.span[k];
      this.below[k] = m - low;
      this.above[k] = high - m;
    });
  }

  /** Input k's inverse CDF of every u in `u` (in place): as `apply`, one input's column instead of one draw's row. */
  applyColumn(k: number, u: Float64Array) {
    const point = this.point[k];
    const low = this.low[k];
    const high = this.high[k];
    const span = this.span[k];
    const cut = this.cut[k];
    const below = this.below[k];
    const above = this.above[k];
    for (let i = 0; i < u.length; i++) {
      const x = u[i];
      if (this.isPoint[k]) u[i] = point;
      else if (cut < 0) u[i] = low + x * span;
      else if (x < cut) u[i] = low + Math.sqrt(x * span * below);
      else u[i] = high - Math.sqrt((1 - x) * span * above);
    }
  }

  apply(u: Float64Array, out: Float64Array) {
    for (let k = 0; k < out.length; k++) {
      const x = u[k];
      if (this.isPoint[k]) out[k] = this.point[k];
      else if (this.cut[k] < 0) out[k] = this.low[k] + x * this.span[k];
      else if (x < this.cut[k]) out[k] = this.low[k] + Math.sqrt(x * this.span[k] * this.below[k]);
      else out[k] = this.high[k] - Math.sqrt((1 - x) * this.span[k] * this.above[k]);
    }
  }
}

