/**
 * Identical requests computed once (decision 014): engine results and rendered scenario pages, kept in LRUs with a
 * byte cap and keyed by what they depend on, so a changed scenario file, a new variant version or another model
 * database is a different key and never a stale hit.
 */
import { createHash } from "node:crypto";

/** A least-recently-used map that holds at most `maxBytes` (as estimated by the caller per entry). */
export class ByteLru<V> {
  private entries = new Map<string, { value: V; bytes: number }>();
  private used = 0;
  constructor(readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e); // most recently used last
    return e.value;
  }

  /** Stores `value`; an entry larger than the whole cap is not kept. Evicts the least recently used first. */
  set(key: string, value: V, bytes: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.used -= old.bytes;
      this.entries.delete(key);
    }
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [k, e] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(k);
      this.used -= e.bytes;
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get bytes(): number {
    return this.used;
  }
  get size(): number {
    return this.entries.size;
  }
  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}

/**
 * What a scenario view depends on. `scenario` is a hash of the scenario as loaded (file content, warnings, or the
 * variant version); `query` is the normalised what-if (sorted values, bands, messages for rejected parameters).
 * `draws` and `seed` are for Monte-Carlo bands: a view with bands is another key.
 */
export interface ViewKey {
  scenario: string;
  model: string;
  query: Record<string, string | number | string[]>;
  draws?: number;
  seed?: number;
}

export function hashOf(value: unknown): string {
  return createHash("sha256").update(typeof value === "string" ? value : JSON.stringify(value)).digest("base64url").slice(0, 22);
}

/** A stable string key for a view (object keys sorted, so the order of URL parameters does not matter). */
export function viewCacheKey(key: ViewKey): string {
  const query = Object.fromEntries(Object.entries(key.query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return hashOf({ s: key.scenario, m: key.model, q: query, d: key.draws ?? null, r: key.seed ?? null });
}

/**
 * Engine results by view key: 16 MB. As counted (JSON length, two bytes a character), a scenario view's result and
 * attribution are about 50 KB and its bands and sensitivity about 160 KB, so this holds some 80 cold views.
 */
export const RESULT_CACHE_BYTES = 16 * 1024 * 1024;
/**
 * Rendered pages by view key and build: 32 MB. A scenario page is about 360 KB, and 110 KB more once compressed, so
 * this holds some 70 pages: every library scenario and many what-ifs. A warm page is now cheap (decision 028), and
 * the caches fill to their caps within one heavy benchmark run instead of over three (they were 32 and 64 MB, and
 * the server's RSS grew 1.1-1.2x from the first run to the third).
 */
export const PAGE_CACHE_BYTES = 32 * 1024 * 1024;

const store = globalThis as typeof globalThis & { __antResultCache?: ByteLru<unknown>; __antPageCache?: ByteLru<CachedPage> };

/**
 * A rendered page as it is sent (decision 028): the same bytes every time, its inline scripts allowed by their
 * hashes in `csp` rather than by a nonce, so it can be kept compressed.
 */
export interface CachedPage {
  /** The document, UTF-8. */
  body: Buffer;
  /** Its Content-Security-Policy (script-src lists its inline scripts' hashes). */
  csp: string;
  /** The other headers it is sent with: Content-Type, ETag, Cache-Control and the security headers. */
  headers: Array<[string, string]>;
  /** Its gzip and brotli forms, made on first use (page-fast-path.server.ts). */
  encoded: { gzip?: Buffer; br?: Buffer };
}

export function resultCache(): ByteLru<unknown> {
  return (store.__antResultCache ??= new ByteLru(RESULT_CACHE_BYTES));
}

export function pageCache(): ByteLru<CachedPage> {
  return (store.__antPageCache ??= new ByteLru(PAGE_CACHE_BYTES));
}

/** Computes `fn()` once per key; the size is estimated from its JSON (UTF-16: two bytes a character). */
export function cached<T>(key: string, fn: () => T): T {
  const cache = resultCache();
  const hit = cache.get(key);
  if (hit !== undefined) return hit as T;
  const value = fn();
  cache.set(key, value, JSON.stringify(value).length * 2);
  return value;
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * `cached` for work that runs elsewhere (a worker thread): computed once per key, and requests that ask while it is
 * being computed share the one computation (a room opening the same new link computes it once). A failure is not
 * kept: the next request tries again.
 */
export function cachedAsync<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const cache = resultCache();
  const hit = cache.get(key);
  if (hit !== undefined) return Promise.resolve(hit as T);
  const pending = inFlight.get(key);
  if (pending) return pending as Promise<T>;
  let run: Promise<T>;
  try {
    run = fn();
  } catch (error) {
    return Promise.reject(error);
  }
  const started = run.then(
    (value) => {
      inFlight.delete(key);
      cache.set(key, value, JSON.stringify(value).length * 2);
      return value;
    },
    (error: unknown) => {
      inFlight.delete(key);
      throw error;
    },
  );
  inFlight.set(key, started);
  return started;
}

/** The response header a loader sets to let the document renderer cache and validate the page (ETag). */
export const PAGE_KEY_HEADER = "X-Page-Key";

/**
 * The response header a loader sets with what its page depends on beyond the URL (`<scenario id> <stamp>`,
 * page-fast-path.server.ts): the renderer then lets the server answer the URL before Remix while it holds.
 */
export const PAGE_STAMP_HEADER = "X-Page-Stamp";
