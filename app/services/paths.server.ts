/**
 * Paths as a use case: list them, evaluate one with its bands, answer the API. Path files are read on each call
 * (an edit shows on the next request); the bands (hundreds of draws for every step) are computed once per
 * distinct set of rules in force and kept in memory, since the same path is asked for by the page, the API and
 * the back-test.
 */
import { getModel } from "../data/model.server";
import { listScenarios, scenariosDir } from "../data/scenario.server";
import type { Model } from "../engine/model";
import { DEFAULT_SEED } from "../engine/uncertainty";
import { pathBands, type PathBands } from "../paths/bands";
import { evaluatePath, type PathEvaluation } from "../paths/evaluate";
import { loadPaths, pathsDirOf, type PathFileResult, type PathOk } from "../paths/load.server";
import { pathResultPayload, summarisePath, type PathResultPayload } from "../paths/payload";
import type { ResolvedPath } from "../paths/resolve";
import { isSlug } from "../scenarios/parse";
import { DatabaseUnavailableError } from "../data/db.server";
import { jsonResponse } from "./scenario-api.server";

/**
 * Draws per state on a path: a path evaluates every step (seven states for what-happened), so 400 draws cost
 * about as much as 2,800 of one scenario; P10 and P90 of 400 draws move by about 1.5 percentile points between
 * seeds, well inside what the bands are for (decision 018). The API takes `draws` up to MAX_PATH_DRAWS.
 */
export const PATH_DRAWS = 400;
export const MAX_PATH_DRAWS = 2000;

export interface PathSource {
  model?: Model;
  /** The scenarios directory (paths are in its `paths/`); default: scenariosDir(). */
  dir?: string;
}

export function listPaths({ model, dir }: PathSource = {}): PathFileResult[] {
  const m = model ?? getModel();
  const d = dir ?? scenariosDir();
  return loadPaths(pathsDirOf(d), listScenarios({ model: m, dir: d }), m);
}

export function getPath(id: string, source: PathSource = {}): PathFileResult | null {
  return listPaths(source).find((p) => p.id === id) ?? null;
}

export interface PathView {
  file: PathOk;
  evaluation: PathEvaluation;
  bands: PathBands;
  payload: PathResultPayload;
}

const cache = new Map<string, { model: Model; evaluation: PathEvaluation; bands: PathBands }>();
const CACHE_ENTRIES = 8;

function stateKey(path: ResolvedPath, draws: number, seed: number): string {
  return JSON.stringify([path.id, draws, seed, path.steps.map((s) => [s.date, s.assumptions, s.active.map((r) => [r.id, r.rule])])]);
}

/** A path evaluated with its bands (cached), and the API payload with the bands filled in. */
export function viewPath(file: PathOk, model: Model, opts: { draws?: number; seed?: number } = {}): PathView {
  const draws = Math.max(1, Math.min(MAX_PATH_DRAWS, Math.floor(opts.draws ?? PATH_DRAWS)));
  const seed = Math.floor(opts.seed ?? DEFAULT_SEED);
  const key = stateKey(file.path, draws, seed);
  let hit = cache.get(key);
  if (!hit || hit.model !== model) {
    hit = { model, evaluation: evaluatePath(model, file.path), bands: pathBands(model, file.path, { draws, seed }) };
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  const payload = pathResultPayload(model, file.path, hit.evaluation);
  payload.steps.forEach((s, k) => {
    s.bands = hit!.bands.steps[k]!.headline;
  });
  return { file, evaluation: hit.evaluation, bands: hit.bands, payload };
}

export type PathLookup = { status: "ok"; view: PathView } | { status: "not-found" } | { status: "invalid"; file: PathFileResult & { ok: false } };

export function getPathView(id: string, opts: { draws?: number; seed?: number } & PathSource = {}): PathLookup {
  const model = opts.model ?? getModel();
  const found = isSlug(id) ? getPath(id, { ...opts, model }) : null;
  if (!found) return { status: "not-found" };
  if (!found.ok) return { status: "invalid", file: found };
  return { status: "ok", view: viewPath(found, model, opts) };
}

function guarded(handler: () => Response): Response {
  try {
    return handler();
  } catch (error) {
    if (error instanceof DatabaseUnavailableError)
      return jsonResponse({ error: error.message, hint: "Run `npm run db:setup` to create the model database." }, 503);
    throw error;
  }
}

/** GET /api/paths: `[{ id, title, summary, steps: [{ date, label, scenarios, rules }] }]`, or a broken file's errors. */
export function pathsIndexResponse(source: PathSource = {}): Response {
  return guarded(() =>
    jsonResponse(listPaths(source).map((p) => (p.ok ? { ok: true, ...summarisePath(p.path) } : { id: p.id, ok: false, file: p.file, errors: p.errors }))),
  );
}

/** Reads `draws` and `seed` from a query; a bad value is a message, never a silent default. */
export function parseDrawOptions(url: URL): { draws?: number; seed?: number } | { error: string } {
  const out: { draws?: number; seed?: number } = {};
  for (const name of ["draws", "seed"] as const) {
    const raw = url.searchParams.get(name);
    if (raw === null) continue;
    if (!/^\d{1,9}$/.test(raw)) return { error: `${name} must be a whole number, got '${raw}'` };
    out[name] = Number(raw);
  }
  if (out.draws !== undefined && (out.draws < 1 || out.draws > MAX_PATH_DRAWS))
    return { error: `draws must be from 1 to ${MAX_PATH_DRAWS}, got ${out.draws}` };
  return out;
}

/** GET /api/paths/:id/result: `{ path, baseline, steps: [{ date, headline, bands, change, attribution, ... }] }`. */
export function pathResultResponse(id: string, url: URL, source: PathSource = {}): Response {
  const opts = parseDrawOptions(url);
  if ("error" in opts) return jsonResponse({ error: opts.error }, 400);
  return guarded(() => {
    const r = getPathView(id, { ...source, ...opts });
    if (r.status === "not-found") return jsonResponse({ error: `no path with id '${id}' in scenarios/paths` }, 404);
    if (r.status === "invalid")
      return jsonResponse({ error: `path '${id}' (${r.file.file}) is invalid: fix its errors`, id, file: r.file.file, errors: r.file.errors }, 422);
    const { payload, bands } = r.view;
    return jsonResponse({ ...payload, draws: bands.draws, seed: bands.seed });
  });
}
