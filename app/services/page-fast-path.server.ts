/**
 * A cached scenario page served before Remix (decision 028). Once a URL's page has been rendered and cached
 * (entry.server.tsx, decision 014), a later request for the same URL is answered here, by `scripts/serve.mjs`'s first
 * middleware, without routing, the loader, Remix's serialisation of the loader data or compressing the page again:
 * the page's bytes are kept as they are sent, and its gzip and brotli forms are made once, off the event loop.
 *
 * Invalidation: with each remembered URL goes a stamp of what its page depends on beyond the URL, taken by the
 * loader *before* it reads any of it (scenarioPageStamp). A request whose current stamp differs is handed to
 * Remix, which loads, keys and caches the page anew. So a changed scenario file, a new variant version or another
 * model is never served stale; the build is fixed for the life of the process, and its manifest version is part of
 * every page's ETag.
 */
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";

import { getModel, modelVersion } from "../data/model.server";
import { scenariosDir } from "../data/scenario.server";
import { latestVersionNumber, type VariantStore } from "../data/variant.server";
import { listScenarioFiles } from "../scenarios/load.server";
import { scenarioIdFromFile } from "../scenarios/parse";
import { hashOf, pageCache, type CachedPage } from "./cache.server";

/**
 * What a scenario page depends on beyond its URL, as a short hash: the model's version; the library directory's
 * identity and modification time (a file added, removed or renamed changes it); the identity of every file with
 * this id (name, inode, size, modification and change times, through symbolic links too: its content, its
 * warnings, a duplicate id); and, when no library file has this id (library ids are looked up first), the latest
 * version of the variant with this id. That is what the page's cache key is made of (the scenario as loaded, the
 * model, the query). Null when any of it cannot be read (the request then goes to Remix, which says why).
 */
export function scenarioPageStamp(id: string, source: { dir?: string; store?: VariantStore } = {}): string | null {
  try {
    const dir = source.dir ?? scenariosDir();
    const dirPart = statPart(dir);
    const parts: string[] = [modelVersion(source.store?.model ?? getModel()), dirPart];
    const files = filesWithId(dir, dirPart, id);
    for (const file of files) parts.push(statPart(file));
    if (files.length === 0) parts.push(`variant:${latestVersionNumber({ id }, source.store) ?? "-"}`);
    return hashOf(parts.join("\n"));
  } catch {
    return null;
  }
}

/** The directory's listing by id, read again only when the directory itself changed (its stat part). */
const listings = new Map<string, { dirPart: string; byId: Map<string, string[]> }>();

function filesWithId(dir: string, dirPart: string, id: string): string[] {
  let listing = listings.get(dir);
  if (!listing || listing.dirPart !== dirPart) {
    const byId = new Map<string, string[]>();
    for (const file of listScenarioFiles(dir)) {
      const fileId = scenarioIdFromFile(file);
      byId.set(fileId, [...(byId.get(fileId) ?? []), file]);
    }
    listing = { dirPart, byId };
    listings.set(dir, listing);
  }
  return listing.byId.get(id) ?? [];
}

function statPart(file: string): string {
  const own = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!own) return `${path.basename(file)}:-`;
  const part = `${path.basename(file)}:${own.ino}:${own.size}:${own.mtimeMs}:${own.ctimeMs}`;
  if (!own.isSymbolicLink()) return part;
  const target = fs.statSync(file, { throwIfNoEntry: false });
  return `${part}->${target ? `${target.ino}:${target.size}:${target.mtimeMs}:${target.ctimeMs}` : "-"}`;
}

/** PAGE_STAMP_HEADER's value: the scenario id and its stamp. */
export function formatPageStamp(scenarioId: string, stamp: string): string {
  return `${scenarioId} ${stamp}`;
}

export function parsePageStamp(value: string | null): { scenarioId: string; stamp: string } | null {
  const m = value ? /^(\S+) (\S+)$/.exec(value) : null;
  return m ? { scenarioId: m[1]!, stamp: m[2]! } : null;
}

/** The request as the fast path and entry.server both see it: Host and X-Forwarded-Host (they make Remix's URL), path and query. */
export function fastPathKey(host: string | undefined, forwardedHost: string | undefined, pathAndQuery: string): string {
  return `${host ?? ""}\n${forwardedHost ?? ""}\n${pathAndQuery}`;
}

interface Remembered {
  etag: string;
  scenarioId: string;
  stamp: string;
}

/** URLs whose cached page may be served before Remix. Capped: the page cache itself holds far fewer pages. */
const MAX_REMEMBERED = 2048;
const remembered = new Map<string, Remembered>();

/**
 * Called by entry.server.tsx when it serves a cached page for a GET: later requests with the same key are answered
 * here while `stamp` (taken by the loader before it read anything) is still current.
 */
export function rememberPage(key: string, entry: Remembered): void {
  remembered.delete(key);
  remembered.set(key, entry);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

/** For tests: forget every remembered URL. */
export function forgetPages(): void {
  remembered.clear();
}

export function rememberedCount(): number {
  return remembered.size;
}

/** Whether an If-None-Match header names `etag` (or is `*`). */
export function ifNoneMatch(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === etag || tag === "*";
  });
}

export type Encoding = "br" | "gzip" | "identity";

/** The encoding to send for an Accept-Encoding header: brotli, else gzip, else none (q=0 refuses one). */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return "identity";
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

/** Compression done once per page and encoding; requests arriving meanwhile wait for the same one. */
const compressing = new Map<string, Promise<Buffer>>();

/** The page's body in `encoding`, compressed on first use (on libuv's threads) and kept with the page. */
export function encodedBody(etag: string, page: CachedPage, encoding: Encoding): Buffer | Promise<Buffer> {
  if (encoding === "identity") return page.body;
  const done = page.encoded[encoding];
  if (done) return done;
  const key = `${encoding}:${etag}`;
  let pending = compressing.get(key);
  if (!pending) {
    pending = new Promise<Buffer>((resolve, reject) => {
      const callback = (error: Error | null, out: Buffer) => (error ? reject(error) : resolve(out));
      if (encoding === "gzip") gzip(page.body, { level: 9 }, callback);
      else
        brotliCompress(
          page.body,
          {
            params: {
              // Quality 4 (as compression() uses): 55 KB for a 368 KB scenario page in 5.5 ms of CPU, against
              // 50 KB in 8.5 ms at 6 and 48 KB in 48 ms at 9. Every cold page is compressed once as it is
              // made (entry.server.tsx), on the same two cores that make it (decision 033).
              [zlibConstants.BROTLI_PARAM_QUALITY]: 4,
              [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: page.body.length,
            },
          },
          callback,
        );
    }).then(
      (out) => {
        compressing.delete(key);
        page.encoded[encoding] = out;
        // The page now holds more: count it (a page no longer cached is not put back).
        const cache = pageCache();
        if (cache.has(etag)) cache.set(etag, page, pageBytes(page));
        return out;
      },
      (error: unknown) => {
        compressing.delete(key);
        throw error;
      },
    );
    compressing.set(key, pending);
  }
  return pending;
}

/** What a cached page holds, in bytes (its body and the encodings made so far). */
export function pageBytes(page: CachedPage): number {
  return page.body.length + (page.encoded.gzip?.length ?? 0) + (page.encoded.br?.length ?? 0) + page.csp.length;
}

/** The headers a cached page is sent with: its own (ETag, caching, CSP, security headers) and the encoding's. */
function send(res: ServerResponse, page: CachedPage, encoding: Encoding, body: Buffer) {
  res.statusCode = 200;
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader("Content-Security-Policy", page.csp);
  res.setHeader("Vary", "Accept-Encoding");
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

/**
 * Express-style middleware (scripts/serve.mjs installs it first): answers a GET for a remembered scenario page URL
 * whose stamp is current, with a 304 for a matching If-None-Match; anything else goes on to Remix (`next`).
 */
export function serveCachedPage(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
  const url = req.url;
  if (req.method !== "GET" || !url || !url.startsWith("/scenarios/")) return next();
  const forwarded = req.headers["x-forwarded-host"];
  const key = fastPathKey(req.headers.host, typeof forwarded === "string" ? forwarded : forwarded?.join(","), url);
  const entry = remembered.get(key);
  if (!entry) return next();
  const page = pageCache().get(entry.etag);
  if (!page || scenarioPageStamp(entry.scenarioId) !== entry.stamp) {
    remembered.delete(key);
    return next();
  }
  if (ifNoneMatch(req.headers["if-none-match"], entry.etag)) {
    res.statusCode = 304;
    for (const [name, value] of page.headers) if (name.toLowerCase() !== "content-type") res.setHeader(name, value);
    res.setHeader("Vary", "Accept-Encoding");
    res.end();
    return;
  }
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const body = encodedBody(entry.etag, page, encoding);
  if (Buffer.isBuffer(body)) return send(res, page, encoding, body);
  body.then(
    (b) => send(res, page, encoding, b),
    // Compression failed (it should not): the identity body is always there.
    () => send(res, page, "identity", page.body),
  );
}
