/**
 * Saves are rate-limited per client (docs/decisions/014-a-server-a-full-room-can-use.md): an in-memory token bucket
 * keyed by the client's address. A bucket holds SAVE_BURST saves and refills one every SAVE_REFILL_MS; an empty
 * bucket answers 429 with Retry-After. State is per process and forgotten on restart, which is enough for one
 * server in a room; several server processes would need a shared store.
 */
/** The header scripts/serve.mjs sets on every request to the client's socket address (a client's own value is replaced). */
export const CLIENT_ADDRESS_HEADER = "x-ant-client-address";

/** The client a request came from (its socket address), or null for a request that did not come over the network. */
export function clientAddress(request: Request): string | null {
  return request.headers.get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || null;
}

export class TokenBucket {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly burst: number,
    readonly refillMs: number,
    private readonly now: () => number = Date.now,
    /** Buckets kept at most; the stalest are dropped (a full bucket carries no state worth keeping). */
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes a token for `key`: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) / this.refillMs);
    b.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, b); // most recently used last
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - b.tokens) * this.refillMs) / 1000));
  }
}

/** 30 saves at once, then one every 2 s (30 a minute) per client: far above a person, far below a script. */
export const SAVE_BURST = 30;
export const SAVE_REFILL_MS = 2_000;
const saves = new TokenBucket(SAVE_BURST, SAVE_REFILL_MS);

/**
 * Seconds the client must wait before saving again, or 0 (and a save is counted). Requests made in-process (tests,
 * tools calling a route) carry no client address and are not limited.
 */
export function takeSave(request: Request): number {
  const client = clientAddress(request);
  return client === null ? 0 : saves.take(client);
}

/** The message a refused save carries. */
export function tooManySavesMessage(retryAfter: number): string {
  return `Too many saves from this address: at most ${SAVE_BURST} at once, then one every ${SAVE_REFILL_MS / 1000} s. Nothing was saved; try again in ${retryAfter} s.`;
}
