#!/usr/bin/env node
/**
 * Bundles the scenario page's Web Worker (app/components/scenario/bands.worker.ts) into
 * public/build/workers/bands-<hash>.js, and writes public/build/workers/manifest.json ({ "bands": "/build/..." })
 * for the server to name it in the page. Runs after `remix build` (which empties public/build): the Remix classic
 * compiler has no worker entry point (decision 023). esbuild is the one Remix's compiler uses (a dependency of
 * @remix-run/dev), resolved through it so no package is added.
 * Usage: node scripts/build-worker.mjs [--dev]   (--dev: no minification, inline source map)
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = path.join(ROOT, "public", "build", "workers");
export const WORKERS = { bands: "app/components/scenario/bands.worker.ts" };

const require = createRequire(import.meta.url);
const esbuild = createRequire(require.resolve("@remix-run/dev"))("esbuild");

export async function buildWorkers({ dev = false } = {}) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const manifest = {};
  for (const [name, entry] of Object.entries(WORKERS)) {
    const result = await esbuild.build({
      entryPoints: [path.join(ROOT, entry)],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2020",
      minify: !dev,
      sourcemap: dev ? "inline" : false,
      tsconfig: path.join(ROOT, "tsconfig.json"),
      define: { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") },
      logLevel: "error",
    });
    const code = result.outputFiles[0].contents;
    const hash = crypto.createHash("sha256").update(code).digest("hex").slice(0, 10).toUpperCase();
    const file = `${name}-${hash}.js`;
    fs.writeFileSync(path.join(OUT_DIR, file), code);
    manifest[name] = `/build/workers/${file}`;
  }
  fs.writeFileSync(path.join(OUT_DIR, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = await buildWorkers({ dev: process.argv.includes("--dev") });
  for (const [name, url] of Object.entries(manifest)) console.log(`worker ${name}: public${url}`);
}
