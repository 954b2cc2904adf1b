/**
 * Helpers for the JSON resource routes: responses, bounded body reading, same-origin checks for state-changing
 * requests, and 405s. Framework-free (plain Request/Response) so they test without a server.
 */
import { MAX_SCENARIO_BYTES } from "./limits";
import { isKnownHost } from "./env.server";

/** Largest request body accepted: 256 KB, the same as a scenario file. */
export const MAX_BODY_BYTES = MAX_SCENARIO_BYTES;

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-cache",
};

/** Where scripts/serve.mjs puts the Origin of a cross-origin state-changing request (same name there). */
export const FOREIGN_ORIGIN_HEADER = "X-Foreign-Origin";

/** A JSON response (status 200 unless given). */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(JSON_HEADERS);
  for (const [k, v] of new Headers(headers)) h.set(k, v);
  return new Response(JSON.stringify(body), { status, headers: h });
}

/** A JSON error response: `{ error, ...extra }`. */
export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}): Response {
  return json({ error, ...extra }, status, headers);
}

/** An error that is already an HTTP answer; route code throws it and `toResponse` turns it into JSON. */
export class HttpError extends Error {
  readonly status: number;
  readonly extra: Record<string, unknown>;
  readonly headers: HeadersInit;
  constructor(status: number, message: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.extra = extra;
    this.headers = headers;
  }
  toResponse(): Response {
    return jsonError(this.status, this.message, this.extra, this.headers);
  }
}

function tooLarge(limit: number, size?: number): HttpError {
  const what = size === undefined ? "the request body is" : `the request body is ${Math.ceil(size / 1024)} KB,`;
  return new HttpError(413, `${what} larger than the ${Math.round(limit / 1024)} KB limit; nothing was saved`, { limit });
}

/** A body that sends nothing for this long is refused (408): a stalled client must not hold a connection. */
export const BODY_IDLE_MS = 10_000;
/** After a 413 the rest of a body is read and dropped (up to this much), so the client gets the answer, not a reset. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

function bodyTimedOut(): HttpError {
  return new HttpError(
    408,
    `the request body stopped arriving (nothing for ${BODY_IDLE_MS / 1000} s); nothing was saved`,
    {},
    { Connection: "close" },
  );
}

/** The next chunk, or a 408 when none comes within BODY_IDLE_MS. */
async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = reader.read();
  try {
    return await Promise.race([next, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(bodyTimedOut()), ms)))]);
  } catch (e) {
    next.catch(() => {}); // the read still pending ends when the connection does
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Reads and drops what is left of a refused body, in the background, then lets go. */
function drain(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  void (async () => {
    let dropped = 0;
    try {
      for (;;) {
        const { done, value } = await readWithin(reader, BODY_IDLE_MS);
        if (done) return;
        dropped += value.byteLength;
        if (dropped > DRAIN_LIMIT_BYTES) break;
      }
    } catch {
      // stalled or closed: nothing more to drop
    }
    await reader.cancel().catch(() => {});
  })();
}

/**
 * A request body's bytes, at most `limit`: a declared Content-Length over it is refused before reading, and a body
 * (chunked too) is refused as soon as it passes it; the rest is drained in the background so the client reads the
 * refusal instead of a reset connection. A body that stalls for BODY_IDLE_MS is a 408. `tooBig` makes the error
 * to throw for an oversized body (its kind is the caller's).
 */
export async function readBodyBytes(request: Request, limit: number, tooBig: (declared?: number) => Error): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > limit) throw tooBig(declared);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await readWithin(reader, BODY_IDLE_MS);
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      drain(reader);
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

/**
 * Reads a request body as UTF-8 text, refusing more than `limit` bytes (413) without reading further, and
 * bytes that are not UTF-8 (400). A declared Content-Length over the limit is refused before reading.
 */
export async function readBodyText(request: Request, { limit = MAX_BODY_BYTES }: { limit?: number } = {}): Promise<string> {
  const bytes = await readBodyBytes(request, limit, (declared) => tooLarge(limit, declared));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new HttpError(400, "the request body is not valid UTF-8 text; nothing was saved");
  }
}

/**
 * For a state-changing request: a 403 response if it comes from another origin, else null. A request with an
 * Origin header must name this server's host; `Sec-Fetch-Site: cross-site` or `same-site` is refused too.
 * Requests with neither header (curl, scripts) pass: this is a local tool and scripts are welcome. The Host must be
 * one this server has (isKnownHost), whatever the Origin says.
 * The host is compared, not the scheme, so a TLS-terminating proxy in front does not break it.
 */
export function checkSameOrigin(request: Request, knownHost: (hostname: string) => boolean = isKnownHost): Response | null {
  const url = new URL(request.url);
  // scripts/serve.mjs moves a foreign Origin here, out of the way of Remix's own check (which answers an empty 500).
  const origin = request.headers.get("Origin") ?? request.headers.get(FOREIGN_ORIGIN_HEADER);
  const site = request.headers.get("Sec-Fetch-Site");
  const refuse = (why: string) =>
    jsonError(403, `cross-origin request refused: ${why}. Only pages of this app may change its data; nothing was saved`);
  // A foreign name that resolves here (DNS rebinding) makes Origin and Host agree: the host itself must be ours.
  if (!knownHost(url.hostname))
    return refuse(`this server does not answer to the host name '${url.hostname}' (ALLOWED_HOSTS lists the names it may have)`);
  if (origin !== null) {
    let host: string | null = null;
    try {
      host = origin === "null" ? null : new URL(origin).host;
    } catch {
      host = null;
    }
    if (host === null) return refuse(`the request's origin '${origin}' is opaque or invalid`);
    if (host !== url.host) return refuse(`it comes from ${origin}, not from ${url.protocol}//${url.host}`);
  }
  if (site === "cross-site" || site === "same-site") return refuse(`the browser says it comes from another site (Sec-Fetch-Site: ${site})`);
  return null;
}

/** A 405 JSON response naming the methods the URL accepts. */
export function methodNotAllowed(request: Request, allowed: readonly string[]): Response {
  return jsonError(405, `${request.method} is not allowed here; use ${allowed.join(" or ")}`, { allowed }, { Allow: allowed.join(", ") });
}

/** The media type of a request (lower case, without parameters), or "" when it has none. */
export function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** 1-based line and column of a character offset in a text. */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, col: lines[lines.length - 1]!.length + 1 };
}
