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
  // Written out without the tuples and the generator object (a thousand draws x fifty inputs call this), and equal
  // to: b = splitmix32(splitmix32(seed ^ (index + 1) * C)[1] ^ keyHash)[1]; xoshiro128ss(b)(). The first output of
  // xoshiro128** reads only its second state word, the second splitmix32 output from b (random.test.ts checks).
  const a = mixed((((seed | 0) ^ Math.imul(index + 1, 0x85ebca6b)) + GOLDEN) | 0);
  const b = mixed(((a ^ keyHash) + GOLDEN) | 0);
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
