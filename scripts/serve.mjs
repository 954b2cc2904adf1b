#!/usr/bin/env node
/**
 * The production server: `node scripts/serve.mjs [build/index.js]` on HOST:PORT. What remix-serve does (compression,
 * fingerprinted assets cached for a year, public/ for an hour, the Remix handler), plus what it cannot be told
 * (decision 013):
 *   - time limits: headers must arrive within 10 s and a whole request within 60 s, so a client that declares a body
 *     and never sends it cannot hold a connection for 5 minutes (the body reader has its own idle deadline too);
 *   - cross-origin form posts reach the app's own origin check, which answers its 403 page: Remix's built-in check
 *     throws first and answers an empty 500. The foreign Origin is moved to `X-Foreign-Origin`, which the app's
 *     check reads as the Origin (a client that sends that header itself only gets itself refused);
 *   - a cached scenario page is answered before Remix, as the bytes it was cached as (decision 028).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

/** Where a cross-origin state-changing request's Origin is moved (read by checkSameOrigin in app/utils/http.server.ts). */
export const FOREIGN_ORIGIN_HEADER = "x-foreign-origin";

export const TIMEOUTS = { headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000 };

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The host a request's Origin names, or null for an opaque or invalid Origin. */
function originHost(origin) {
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Express middleware: hides a foreign Origin from Remix's own CSRF check, for the app's check to refuse properly. */
export function markForeignOrigin(req, _res, next) {
  const origin = req.headers.origin;
  if (UNSAFE.has(req.method) && typeof origin === "string") {
    const forwarded = req.headers["x-forwarded-host"];
    const host = (typeof forwarded === "string" && forwarded.split(",")[0].trim()) || req.headers.host;
    if (originHost(origin) !== host) {
      delete req.headers.origin;
      req.headers[FOREIGN_ORIGIN_HEADER] = origin;
    }
  }
  next();
}

/** Where the client's socket address goes (read by the save rate limit, app/utils/rate-limit.server.ts). */
export const CLIENT_ADDRESS_HEADER = "x-ant-client-address";

/** Express middleware: tags the request with its socket address, replacing any value the client sent. */
export function tagClientAddress(req, _res, next) {
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
  next();
}

export async function createServer(buildPath) {
  const build = await import(pathToFileURL(path.resolve(buildPath)).href);
  // The environment is validated once, by the app's env module (app/utils/env.server.ts), before listening.
  build.entry.module.checkEnvironment?.();
  // Heavy computations run on worker threads that load this same build (decision 021): start them now.
  build.entry.module.startComputePool?.();
  installGlobals({ nativeFetch: build.future?.v3_singleFetch });
  const app = express();
  app.disable("x-powered-by");
  // A cached scenario page is answered first, as the bytes it was cached as (gzip and brotli made once): no
  // routing, loader or compression per request while what it depends on is unchanged (decision 028).
  if (build.entry.module.serveCachedPage) app.use(build.entry.module.serveCachedPage);
  app.use(compression());
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(markForeignOrigin);
  app.use(tagClientAddress);
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));
  return app;
}

async function main() {
  process.env.NODE_ENV ??= "production";
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || "127.0.0.1";
  let app;
  try {
    app = await createServer(process.argv[2] ?? "build/index.js");
  } catch (error) {
    if (error?.name !== "EnvError") throw error;
    console.error(`[serve] ${error.message}`);
    process.exit(1);
  }
  const server = app.listen(port, host, () => console.log(`[serve] http://${host.includes(":") ? `[${host}]` : host}:${port}`));
  server.headersTimeout = TIMEOUTS.headersMs;
  server.requestTimeout = TIMEOUTS.requestMs;
  server.keepAliveTimeout = TIMEOUTS.keepAliveMs;
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
    });
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) await main();
