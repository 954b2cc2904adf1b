/**
 * Server entry: renders the document and sets security headers on every HTML response.
 * The Content-Security-Policy allows only same-origin resources and Remix's own inline scripts (by nonce).
 * recharts writes `style` attributes, hence 'unsafe-inline' for styles only.
 */
import { randomBytes } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

import type { EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { NonceProvider } from "~/components/NonceProvider";
import { hashOf, PAGE_KEY_HEADER, pageCache } from "~/services/cache.server";
import { parseView, rewriteLinks } from "~/utils/view";

/** Called by scripts/serve.mjs before it listens: a bad PORT, HOST, DATABASE_PATH or ALLOWED_HOSTS stops the start. */
export { getEnv as checkEnvironment } from "~/utils/env.server";
/**
 * The compute pool's worker threads import this same build and call `runComputeTask` (decision 021); serve.mjs
 * starts the workers before it listens.
 */
export { runComputeTask } from "~/services/compute-tasks.server";
export { startComputePool } from "~/services/compute-pool.server";

const ABORT_DELAY = 5_000;

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The scenario page's ranges are computed in a Web Worker served from /build/workers/ (decision 023).
    "worker-src 'self'",
    `connect-src 'self'${dev ? " ws: http://localhost:*" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Drops U+0000 bytes from the rendered HTML. react-dom 18's streaming renderer flushes its whole 2 KB view when a
 * multi-byte character does not fit in what is left of it, zero bytes included (fixed only in React 19): pages
 * carried stray NULs before such characters. A 0x00 byte is never part of a multi-byte UTF-8 character and never
 * valid in HTML, so removing it byte by byte is safe.
 */
export class StripNul extends Transform {
  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (bytes.indexOf(0) === -1) return done(null, bytes);
    done(null, Buffer.from(bytes.filter((b) => b !== 0)));
  }
}

/** Headers every response of ours carries. */
function setCommonSecurityHeaders(headers: Headers) {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
}

/** Whether the request's If-None-Match names `etag` (or is `*`). */
function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === etag || tag === "*";
  });
}

/**
 * The whole document as a string (NULs stripped), for a page that is cached or shown in the room view: there
 * every internal link carries the view (decision 025), so it is kept without JavaScript too.
 */
function renderToText(request: Request, remixContext: EntryContext, nonce: string): Promise<{ html: string; failed: boolean }> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          const body = new StripNul();
          const chunks: Buffer[] = [];
          body.on("data", (c: Buffer) => chunks.push(c));
          body.on("end", () => resolve({ html: rewriteLinks(Buffer.concat(chunks).toString("utf8"), parseView(new URL(request.url).search)), failed }));
          body.on("error", reject);
          pipe(body);
        },
        onShellError: reject,
        onError(error: unknown) {
          failed = true;
          console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}

/**
 * A page whose loader named its content (PAGE_KEY_HEADER: scenario content, model version, query) is rendered once
 * per key and build, then served from the page cache with a fresh CSP nonce; its ETag answers If-None-Match with a
 * 304 (decision 014).
 */
async function cachedDocument(request: Request, pageKey: string, responseHeaders: Headers, remixContext: EntryContext): Promise<Response> {
  const etag = `"${hashOf([pageKey, request.url, remixContext.manifest.version])}"`;
  responseHeaders.set("ETag", etag);
  // Browsers may keep the page but must ask again (a 304 costs the server a hash, not a render).
  responseHeaders.set("Cache-Control", "no-cache");
  setCommonSecurityHeaders(responseHeaders);
  if (notModified(request, etag)) return new Response(null, { status: 304, headers: responseHeaders });
  const nonce = randomBytes(16).toString("base64");
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  const cache = pageCache();
  const hit = cache.get(etag);
  if (hit) return new Response(hit.html.split(hit.nonce).join(nonce), { status: 200, headers: responseHeaders });
  // Requests for a page being rendered wait for that render (a room opening one new link renders it once).
  let rendering = renders.get(etag);
  if (!rendering) {
    rendering = renderToText(request, remixContext, nonce)
      .then((r) => ({ ...r, nonce }))
      .finally(() => renders.delete(etag));
    renders.set(etag, rendering);
  }
  const rendered = await rendering;
  const html = rendered.nonce === nonce ? rendered.html : rendered.html.split(rendered.nonce).join(nonce);
  if (rendered.failed) return new Response(html, { status: 500, headers: responseHeaders });
  if (rendered.nonce === nonce) cache.set(etag, { html, nonce }, html.length * 2);
  return new Response(html, { status: 200, headers: responseHeaders });
}

/** Page renders in progress, by ETag (decision 021). */
const renders = new Map<string, Promise<{ html: string; failed: boolean; nonce: string }>>();

/** A page in the room view: rendered whole, so its links can carry the view before it is sent. */
async function roomDocument(request: Request, status: number, responseHeaders: Headers, remixContext: EntryContext, nonce: string): Promise<Response> {
  const { html, failed } = await renderToText(request, remixContext, nonce);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  setCommonSecurityHeaders(responseHeaders);
  return new Response(html, { status: failed ? 500 : status, headers: responseHeaders });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const pageKey = responseHeaders.get(PAGE_KEY_HEADER);
  responseHeaders.delete(PAGE_KEY_HEADER);
  if (pageKey && responseStatusCode === 200 && request.method === "GET") return cachedDocument(request, pageKey, responseHeaders, remixContext);
  const nonce = randomBytes(16).toString("base64");
  if (parseView(new URL(request.url).search).room) return roomDocument(request, responseStatusCode, responseHeaders, remixContext, nonce);
  // Crawlers and the no-JavaScript case get the whole document at once; browsers get the shell streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new StripNul();
      const stream = createReadableStreamFromReadable(body);
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
      setCommonSecurityHeaders(responseHeaders);
      resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady: waitForAll ? undefined : ready,
        onAllReady: waitForAll ? ready : undefined,
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above and are logged by Remix; log only later ones.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}

/** Data requests (client navigations) carry the same basic headers as documents. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  response.headers.delete(PAGE_KEY_HEADER);
  setCommonSecurityHeaders(response.headers);
  return response;
};
