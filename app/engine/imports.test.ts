/**
 * The engine imports nothing from outside `app/engine` (it runs in the browser and is the bottom layer): every
 * relative import resolves inside this folder, and packages are limited to zod for the model's schema (model.ts,
 * parsed by the data layer) and the test tools. One exception: `app/utils/format.ts`, the one number formatter
 * (pure, Intl only, importing nothing), so explanations print numbers as the pages do (decision 032).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.dirname(new URL(import.meta.url).pathname);
const NUMBER_FORMATTER = path.resolve(root, "..", "utils", "format.ts");
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });

describe("engine imports", () => {
  it("stay inside app/engine", () => {
    const outside: string[] = [];
    for (const file of files(root)) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/^\s*(?:import|export)[^;]*?from\s+"([^"]+)"/gms)) {
        const spec = m[1];
        const rel = path.relative(root, file);
        if (spec.startsWith(".")) {
          if (path.resolve(path.dirname(file), `${spec}.ts`) === NUMBER_FORMATTER) continue;
          if (path.relative(root, path.resolve(path.dirname(file), spec)).startsWith("..")) outside.push(`${rel}: ${spec}`);
        } else if (spec.startsWith("node:") || spec === "vitest" || spec === "fast-check") {
          if (!rel.endsWith(".test.ts")) outside.push(`${rel}: ${spec}`);
        } else if (!(spec === "zod" && rel === "model.ts")) outside.push(`${rel}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
