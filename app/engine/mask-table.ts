/**
 * A map from a coalition's bit mask (0 .. 2^30) to a non-negative integer, by open addressing on typed arrays:
 * attribution looks up and stores one entry per coalition (13,000 for a 24-rule stack), where a Map's hashing and
 * boxing cost a tenth of the whole attribution.
 */
export const ABSENT = -1;

export class MaskTable {
  private keys: Int32Array;
  private vals: Int32Array;
  private count = 0;
  /** 32 - log2(table size). */
  private shift: number;

  constructor(capacity = 64) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.keys = new Int32Array(size).fill(-1);
    this.vals = new Int32Array(size);
    this.shift = 32 - Math.log2(size);
  }

  get size() {
    return this.count;
  }

  private slot(mask: number): number {
    const last = this.keys.length - 1;
    // Fibonacci hashing: the product's high bits, which every bit of the mask reaches (its low bits do not).
    let i = Math.imul(mask, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[i];
      if (k === mask || k === -1) return i;
      i = (i + 1) & last;
    }
  }

  /** The value stored for `mask`, or ABSENT. */
  get(mask: number): number {
    const i = this.slot(mask);
    return this.keys[i] === mask ? this.vals[i] : ABSENT;
  }

  has(mask: number): boolean {
    return this.keys[this.slot(mask)] === mask;
  }

  /** Store a value for `mask` (any int32 but ABSENT). */
  set(mask: number, value: number) {
    let i = this.slot(mask);
    if (this.keys[i] !== mask) {
      if (2 * (this.count + 1) > this.keys.length) {
        this.grow();
        i = this.slot(mask);
      }
      this.keys[i] = mask;
      this.count++;
    }
    this.vals[i] = value;
  }

  /** The value stored for `mask`; if none, stores `value` and returns ABSENT (one probe where get + set take two). */
  getOrSet(mask: number, value: number): number {
    let i = this.slot(mask);
    if (this.keys[i] === mask) return this.vals[i];
    if (2 * (this.count + 1) > this.keys.length) {
      this.grow();
      i = this.slot(mask);
    }
    this.keys[i] = mask;
    this.vals[i] = value;
    this.count++;
    return ABSENT;
  }

  /** Room for `count` entries in all without growing on the way (growing rehashes every entry). */
  reserve(count: number) {
    while (2 * count > this.keys.length) this.grow();
  }

  clear() {
    this.keys.fill(-1);
    this.count = 0;
  }

  private grow() {
    const keys = this.keys;
    const vals = this.vals;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.vals = new Int32Array(keys.length * 2);
    this.shift--;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === -1) continue;
      const i = this.slot(keys[j]);
      this.keys[i] = keys[j];
      this.vals[i] = vals[j];
    }
  }
}
