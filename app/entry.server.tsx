/**
 * Server entry: renders the document and sets security headers on every HTML response.
 * The Content-Security-Policy allows only same-origin resources and Remix's own inline scripts: by nonce, or by
 * hash on a cached page (csp.server.ts, decision 028).
 */
import { randomBytes } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

import type { EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToString } from "react-dom/server";

import { NonceProvider } from "~/components/NonceProvider";
import { type CachedPage, hashOf, PAGE_KEY_HEADER, PAGE_STAMP_HEADER, pageCache } from "~/services/cache.server";
import { contentSecurityPolicy, nonceSource, sealWithHashes } from "~/services/csp.server";
import { chooseEncoding, encodedBody, fastPathKey, ifNoneMatch, pageBytes, parsePageStamp, rememberPage } from "~/services/page-fast-path.server";
import { parseView, rewriteLinks } from "~/utils/view";

/** Called by scripts/serve.mjs before it listens: a bad PORT, HOST, DATABASE_PATH or ALLOWED_HOSTS stops the start. */
export { getEnv as checkEnvironment } from "~/utils/env.server";
/** scripts/serve.mjs answers a cached scenario page with this before Remix sees the request (decision 028). */
export { serveCachedPage } from "~/services/page-fast-path.server";
/**
 * The compute pool's worker threads import this same build and call `runComputeTask` (decision 021); serve.mjs
 * starts the workers before it listens.
 */
export { runComputeTask } from "~/services/compute-tasks.server";
export { startComputePool } from "~/services/compute-pool.server";

const ABORT_DELAY = 5_000;

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

/**
 * The whole document as a string, for a page that is cached or shown in the room view: there every internal link
 * carries the view (decision 025), so it is kept without JavaScript too.
 *
 * Rendered in one synchronous pass (decision 033): Remix's serialised loader data (its turbo-stream "handoff") is
 * read whole first and handed to its StreamTransfer as already read, so nothing on the page suspends, and React's
 * string renderer builds the page by string concatenation; the streaming renderer encodes each of its some 30,000
 * small chunks to UTF-8 on its own, about a third of its time. The markup is the same either way.
 */
async function renderToText(request: Request, remixContext: EntryContext, nonce: string): Promise<{ html: string; failed: boolean }> {
  const stream = remixContext.serverHandoffStream;
  if (stream) {
    const handoff = await new Response(stream).text();
    // What StreamTransfer (@remix-run/react, single fetch) reads back: chunk 0 is all of it, chunk 1 the end.
    const read = (value: string, done: boolean) => Object.assign(Promise.resolve(), { result: { done, value } });
    remixContext.renderMeta = { ...remixContext.renderMeta, streamCache: { 0: read(handoff, false), 1: read("", true) } };
    // RemixServer takes a reader of it even though StreamTransfer then reads nothing: an empty stream.
    remixContext.serverHandoffStream = new ReadableStream({ start: (c) => c.close() });
  }
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>,
  );
  // The streaming renderer writes the doctype before a root <html>; the string renderer does not.
  const document = html.startsWith("<html") ? `<!DOCTYPE html>${html}` : html;
  return { html: rewriteLinks(document, parseView(new URL(request.url).search)), failed: false };
}

/**
 * A page whose loader named its content (PAGE_KEY_HEADER: scenario content, model version, query) is rendered once
 * per key and build and kept in the page cache as the bytes it is sent as: its inline scripts are allowed by hash,
 * not by a nonce, so every request gets the same bytes (decision 028). Its ETag answers If-None-Match with a 304
 * (decision 014). With the loader's stamp (PAGE_STAMP_HEADER) the URL is remembered, and scripts/serve.mjs then
 * answers it before Remix while the stamp holds (page-fast-path.server.ts).
 */
async function cachedDocument(
  request: Request,
  pageKey: string,
  stamp: { scenarioId: string; stamp: string } | null,
  responseHeaders: Headers,
  remixContext: EntryContext,
): Promise<Response> {
  const etag = `"${hashOf([pageKey, request.url, remixContext.manifest.version])}"`;
  responseHeaders.set("ETag", etag);
  // Browsers may keep the page but must ask again (a 304 costs the server a hash, not a render).
  responseHeaders.set("Cache-Control", "no-cache");
  setCommonSecurityHeaders(responseHeaders);
  const cache = pageCache();
  const url = new URL(request.url);
  const remember = () => {
    if (stamp)
      rememberPage(fastPathKey(request.headers.get("host") ?? undefined, request.headers.get("x-forwarded-host") ?? undefined, url.pathname + url.search), {
        etag,
        ...stamp,
      });
  };
  if (ifNoneMatch(request.headers.get("If-None-Match"), etag)) {
    if (cache.has(etag)) remember();
    return new Response(null, { status: 304, headers: responseHeaders });
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  let page = cache.get(etag);
  let failed = false;
  if (!page) {
    // Requests for a page being rendered wait for that render (a room opening one new link renders it once).
    let rendering = renders.get(etag);
    if (!rendering) {
      const headers: Array<[string, string]> = [...responseHeaders.entries()];
      rendering = renderSealed(request, remixContext, headers).finally(() => renders.delete(etag));
      renders.set(etag, rendering);
    }
    const rendered = await rendering;
    page = rendered.page;
    failed = rendered.failed;
    if (!failed && !cache.has(etag)) cache.set(etag, page, pageBytes(page));
  }
  responseHeaders.set("Content-Security-Policy", page.csp);
  if (failed) return new Response(bytesOf(page.body), { status: 500, headers: responseHeaders });
  remember();
  // Compressed here, once, in one call on libuv's threads, and kept with the page for the fast path's later
  // requests: scripts/serve.mjs's compression() then leaves the response alone (it is encoded), instead of
  // compressing it in 16 KB pieces driven from the main thread, and again on the first warm request (decision 033).
  const encoding = chooseEncoding(request.headers.get("accept-encoding") ?? undefined);
  responseHeaders.set("Vary", "Accept-Encoding");
  if (encoding === "identity") return new Response(bytesOf(page.body), { status: 200, headers: responseHeaders });
  const body = await Promise.resolve(encodedBody(etag, page, encoding)).catch(() => null);
  if (!body) return new Response(bytesOf(page.body), { status: 200, headers: responseHeaders });
  responseHeaders.set("Content-Encoding", encoding);
  responseHeaders.set("Content-Length", String(body.length));
  return new Response(bytesOf(body), { status: 200, headers: responseHeaders });
}

/** A Buffer as the Uint8Array a Response takes (a view of the same bytes, not a copy). */
const bytesOf = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/** Renders a page with a secret nonce, then seals it: scripts allowed by hash, the nonce gone (csp.server.ts). */
async function renderSealed(request: Request, remixContext: EntryContext, headers: Array<[string, string]>): Promise<{ page: CachedPage; failed: boolean }> {
  const nonce = randomBytes(16).toString("base64");
  const { html, failed } = await renderToText(request, remixContext, nonce);
  const sealed = sealWithHashes(html, nonce);
  return { page: { body: sealed.body, csp: contentSecurityPolicy(sealed.scriptSources.join(" ")), headers, encoded: {} }, failed };
}

/** Page renders in progress, by ETag (decision 021). */
const renders = new Map<string, Promise<{ page: CachedPage; failed: boolean }>>();

/** A page in the room view: rendered whole, so its links can carry the view before it is sent. */
async function roomDocument(request: Request, status: number, responseHeaders: Headers, remixContext: EntryContext, nonce: string): Promise<Response> {
  const { html, failed } = await renderToText(request, remixContext, nonce);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonceSource(nonce)));
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
  const stamp = parsePageStamp(responseHeaders.get(PAGE_STAMP_HEADER));
  responseHeaders.delete(PAGE_KEY_HEADER);
  responseHeaders.delete(PAGE_STAMP_HEADER);
  if (pageKey && responseStatusCode === 200 && request.method === "GET") return cachedDocument(request, pageKey, stamp, responseHeaders, remixContext);
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
      responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonceSource(nonce)));
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
  response.headers.delete(PAGE_STAMP_HEADER);
  setCommonSecurityHeaders(response.headers);
  return response;
};
