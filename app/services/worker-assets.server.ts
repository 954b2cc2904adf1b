/**
 * Where the browser finds the page's Web Workers: the URLs scripts/build-worker.mjs wrote to
 * public/build/workers/manifest.json (content-hashed, so cached for a year like Remix's own assets). Read once per
 * process once found, relative to the working directory the server serves public/ from. No manifest (a development
 * build, a build made without the worker step): null, and the page says its ranges are those of the values loaded.
 */
import fs from "node:fs";
import path from "node:path";

let manifest: Record<string, string> | null = null;

/** The URL of a worker's script, or null when it was not built. */
export function workerUrl(name: "bands"): string | null {
  if (manifest === null) {
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), "public", "build", "workers", "manifest.json"), "utf8")) as Record<string, string>;
    } catch {
      return null;
    }
  }
  const url = manifest?.[name];
  return typeof url === "string" && /^\/build\/workers\/[\w-]+\.js$/.test(url) ? url : null;
}
