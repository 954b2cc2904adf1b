/**
 * Imports run one way (decision 012): routes -> services -> data -> scenario format -> engine, with utils at the
 * bottom for everyone and db/ (schema, migrations, seed) under the data layer. This walks every import of app/
 * and db/ and fails on one that runs backwards, so the layout stays true as files are added.
 * Tests and their fixtures may reach anything they set up (a scratch database, a worker): they are not walked.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

type Layer = "routes" | "services" | "components" | "data" | "format" | "engine" | "utils" | "db" | "styles";

/** The layer of a repository path, or null for files outside app/ and db/. */
function layerOf(rel: string): Layer | null {
  const [top, dir] = rel.split("/");
  if (top === "db") return "db";
  if (top !== "app") return null;
  if (dir === "routes" || dir === "root.tsx" || dir?.startsWith("entry.")) return "routes";
  if (dir === "services") return "services";
  if (dir === "components") return "components";
  if (dir === "data") return "data";
  // The scenario format, and the formats built on it (dated paths of scenarios, history figures).
  if (dir === "scenarios" || dir === "paths" || dir === "history") return "format";
  if (dir === "engine") return "engine";
  if (dir === "utils") return "utils";
  if (dir === "styles") return "styles";
  throw new Error(`${rel}: no layer for app/${dir}; add it to layerOf and to decision 012`);
}

/** What each layer may import (besides itself). */
const ALLOWED: Record<Layer, Layer[]> = {
  routes: ["services", "components", "format", "engine", "utils", "styles"],
  // Services build page data with the components' pure view helpers (draft.ts, entries.ts, ...), never their JSX.
  services: ["components", "data", "format", "engine", "utils"],
  components: ["format", "engine", "utils"],
  data: ["db", "format", "engine", "utils"],
  format: ["engine", "utils"],
  engine: [],
  utils: [],
  // The seed is typed by the engine's domain types (Fact, Unit, ...): pure, so no cycle.
  db: ["engine"],
  styles: [],
};

/** The one module outside app/engine the engine may import. */
const NUMBER_FORMATTER = "app/utils/format.ts";

const isTest = (rel: string) => /\.test\.[cm]?[jt]sx?$/.test(rel) || rel.includes("/__fixtures__/");

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== "migrations" && entry.name !== "node_modules") walk(rel, out);
    } else if (/\.(ts|tsx|mjs|js)$/.test(entry.name) && !isTest(rel)) out.push(rel);
  }
  return out;
}

const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];

/** A specifier resolved to a repository path, or null for a package. */
function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.posix.join("app", spec.slice(2));
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve '${spec}'`);
}

/** Every module specifier of a file: static imports and re-exports (types included) and dynamic imports. */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

function edges(): { from: string; to: string; spec: string }[] {
  const out: { from: string; to: string; spec: string }[] = [];
  for (const file of [...walk("app"), ...walk("db")]) {
    for (const spec of specifiers(fs.readFileSync(path.join(ROOT, file), "utf8"))) {
      const to = resolve(file, spec);
      if (to) out.push({ from: file, to, spec });
    }
  }
  return out;
}

/** Why an edge is not allowed, or null. */
function violation({ from, to }: { from: string; to: string }): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a) return null;
  if (!b) return `${from} (${a}) imports ${to}, outside app/ and db/`;
  // Components run in the browser: nothing server-only, whatever its layer.
  if (a === "components" && /\.server\.[jt]sx?$/.test(to)) return `${from} (a component) imports server code ${to}`;
  if (a === "services" && b === "components" && to.endsWith(".tsx")) return `${from} (a service) imports the component ${to}`;
  if (a === b || ALLOWED[a].includes(b)) return null;
  // The one number formatter (pure, Intl only, imports nothing): the engine's explanations print numbers as the
  // pages do (decision 032).
  if (a === "engine" && to === NUMBER_FORMATTER) return null;
  return `${from} (${a}) imports ${to} (${b})`;
}

describe("imports run one way", () => {
  const all = edges();

  it("finds the imports it checks (the walk is not empty)", () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((e) => e.from.startsWith("app/routes/") && e.to.startsWith("app/services/"))).toBe(true);
  });

  it("has no import running backwards", () => {
    expect(all.map(violation).filter((v): v is string => v !== null)).toEqual([]);
  });

  it("the number formatter the engine may import stays pure: it imports nothing", () => {
    expect(specifiers(fs.readFileSync(path.join(ROOT, NUMBER_FORMATTER), "utf8"))).toEqual([]);
    expect(violation({ from: "app/engine/state.ts", to: NUMBER_FORMATTER })).toBeNull();
    expect(violation({ from: "app/engine/state.ts", to: "app/utils/limits.ts" })).toMatch(/engine.*imports/);
  });

  it("would catch one", () => {
    expect(violation({ from: "app/engine/evaluate.ts", to: "app/scenarios/schema.ts" })).toMatch(/engine.*imports/);
    expect(violation({ from: "db/setup.ts", to: "app/utils/env.server.ts" })).toMatch(/db.*imports/);
    expect(violation({ from: "app/components/scenario/X.tsx", to: "app/scenarios/load.server.ts" })).toMatch(/server code/);
    expect(violation({ from: "app/utils/http.server.ts", to: "app/scenarios/parse.ts" })).toMatch(/utils.*imports/);
    expect(violation({ from: "app/routes/x.tsx", to: "app/data/model.server.ts" })).toMatch(/routes.*imports.*data/);
    expect(specifiers('import type { A } from "./a";\nexport { b } from "../b";\nconst c = await import("./c");\nimport "./d.css";')).toEqual([
      "./a",
      "../b",
      "./c",
      "./d.css",
    ]);
  });
});
