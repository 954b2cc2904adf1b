/**
 * Paths as a use case: list them, evaluate one with its bands, answer the API. Path files are read on each call
 * (an edit shows on the next request); the evaluation and bands (1,000 draws for every step) are computed on the
 * compute pool once per distinct state and kept in the result cache, since the same path is asked for by the page,
 * the API and the back-test.
 */
import { getModel, modelVersion } from "../data/model.server";
import { getSavedPath, isSavedPathId, listSavedPaths } from "../data/saved-path.server";
import { listScenarios, scenariosDir } from "../data/scenario.server";
import type { Model } from "../engine/model";
import { DEFAULT_SEED } from "../engine/uncertainty";
import type { PathBands } from "../paths/bands";
import type { PathEvaluation } from "../paths/evaluate";
import { loadPaths, pathsDirOf, type PathFileResult, type PathOk } from "../paths/load.server";
import { pathResultPayload, summarisePath, type PathResultPayload } from "../paths/payload";
import { resolvePath, type ResolvedPath } from "../paths/resolve";
import { applyPathWhatIf, pathTunables } from "../paths/what-if";
import { formatPath } from "../scenarios/messages";
import { isSlug } from "../scenarios/parse";
import { parseVersion } from "../scenarios/ref";
import { parseWhatIf, type Tunable, type WhatIf } from "../scenarios/what-if";
import { DatabaseUnavailableError } from "../data/db.server";
import { cachedAsync, hashOf } from "./cache.server";
import { ComputeBusyError, compute } from "./compute-pool.server";
import { jsonErrorResponse } from "./errors.server";
import { jsonResponse } from "./scenario-api.server";

/**
 * Draws per state on a path: the engine's default, 1,000, as for a scenario. A path evaluates every step (nine
 * states for what-happened, 9,000 draws); on the compiled engine (decision 020) that is a few hundred ms of CPU,
 * once per distinct set of rules in force (cached). Decision 018 chose 400 for time before the compiled engine.
 * The API takes `draws` up to MAX_PATH_DRAWS.
 */
export const PATH_DRAWS = 1000;
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
  /** What a what-if may move on this path, and the values the URL set (rejected ones with a message each). */
  tunables: Tunable[];
  whatIf: WhatIf;
  /** A saved path's version shown, of how many; null for a file. */
  saved: { version: number; latestVersion: number; author: string | null; note: string | null; createdAt: string } | null;
}

function stateKey(path: ResolvedPath, draws: number, seed: number, whatIf: Record<string, number>): string {
  const w = Object.entries(whatIf).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([path.id, draws, seed, w, path.steps.map((s) => [s.date, s.assumptions, s.active.map((r) => [r.id, r.rule])])]);
}

export interface ViewOptions {
  draws?: number;
  seed?: number;
  /** The URL's query: `r.*` and `a.*` what-if values (checked against the path's tunables). */
  query?: URLSearchParams;
}

/**
 * A path evaluated with its bands, with the what-if in the query applied, and the API payload. The evaluation and
 * bands run on the compute pool (decision 021), once per model and state (the rules in force at each step, the
 * what-if, draws and seed), kept in the shared result cache: the page, the API and the back-test ask for the same
 * path. A full pool rejects with ComputeBusyError (503 with Retry-After).
 */
export async function viewPath(file: PathOk, model: Model, opts: ViewOptions = {}, saved: PathView["saved"] = null): Promise<PathView> {
  const draws = Math.max(1, Math.min(MAX_PATH_DRAWS, Math.floor(opts.draws ?? PATH_DRAWS)));
  const seed = Math.floor(opts.seed ?? DEFAULT_SEED);
  const available = pathTunables(file.path, model);
  const whatIf = parseWhatIf(opts.query ?? new URLSearchParams(), available);
  const applied = applyPathWhatIf(file.path, whatIf.values);
  const key = `path:${hashOf([modelVersion(model), stateKey(applied.path, draws, seed, whatIf.values)])}`;
  const state = await cachedAsync(key, () =>
    compute("pathState", { path: applied.path, assumptions: applied.assumptions, draws, seed, whatIf: whatIf.values }, model),
  );
  const payload = pathResultPayload(model, applied.path, state.evaluation);
  payload.steps.forEach((s, k) => {
    s.bands = state.bands.steps[k]!.headline;
  });
  return { file, evaluation: state.evaluation, bands: state.bands, payload, tunables: available, whatIf, saved };
}

export type PathLookup =
  | { status: "ok"; view: PathView }
  | { status: "not-found"; message?: string }
  | { status: "bad-request"; message: string }
  | { status: "invalid"; file: PathFileResult & { ok: false } };

/** A saved path's version as a resolved path, or why it cannot be shown (a scenario it names left the library). */
function savedPathFile(id: string, v: string | null, model: Model, dir?: string): PathLookup | { status: "file"; file: PathOk; saved: NonNullable<PathView["saved"]> } {
  const version = v === null ? undefined : parseVersion(v);
  if (version === null) return { status: "bad-request", message: `'v' must be a version number (1, 2, ...), got '${String(v).slice(0, 40)}'.` };
  const found = getSavedPath({ id, version });
  if (!found) {
    const head = version === undefined ? null : getSavedPath({ id });
    return { status: "not-found", message: head ? `Saved path '${id}' has no version ${version}: its versions are 1 to ${head.latestVersion}.` : `There is no saved path '${id}'.` };
  }
  const file = `saved path ${id} v${found.version}`;
  const r = resolvePath({ id, ...found.definition }, listScenarios({ model, dir: dir ?? scenariosDir() }), { model });
  if (!r.ok)
    return {
      status: "invalid",
      file: { ok: false, id, file, errors: r.errors.map((e) => ({ file, line: 1, col: 1, path: formatPath(e.path), message: e.message })), warnings: [] },
    };
  return {
    status: "file",
    file: { ok: true, id, file, definition: { id, ...found.definition }, path: r.path, warnings: [] },
    saved: { version: found.version, latestVersion: found.latestVersion, author: found.author, note: found.note, createdAt: found.createdAt },
  };
}

export async function getPathView(id: string, opts: ViewOptions & PathSource & { version?: string | null } = {}): Promise<PathLookup> {
  const model = opts.model ?? getModel();
  if (isSavedPathId(id)) {
    const r = savedPathFile(id, opts.version ?? null, model, opts.dir);
    if (r.status !== "file") return r;
    return { status: "ok", view: await viewPath(r.file, model, opts, r.saved) };
  }
  if (opts.version != null) return { status: "bad-request", message: `'${id}' is a path file: it has no versions, so 'v' does not apply.` };
  const found = isSlug(id) ? getPath(id, { ...opts, model }) : null;
  if (!found) return { status: "not-found" };
  if (!found.ok) return { status: "invalid", file: found };
  return { status: "ok", view: await viewPath(found, model, opts) };
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

/** `guarded` for a handler that computes on the pool: a full pool is a 503 with Retry-After (the error table's). */
async function guardedAsync(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof DatabaseUnavailableError)
      return jsonResponse({ error: error.message, hint: "Run `npm run db:setup` to create the model database." }, 503);
    if (error instanceof ComputeBusyError) return jsonErrorResponse(error, "api/paths");
    throw error;
  }
}

/** GET /api/paths: `[{ id, title, summary, steps: [{ date, label, scenarios, rules }] }]`, or a broken file's errors. */
export function pathsIndexResponse(source: PathSource = {}): Response {
  return guarded(() =>
    jsonResponse([
      ...listPaths(source).map((p) =>
        p.ok ? { ok: true, kind: "file", ...summarisePath(p.path) } : { id: p.id, ok: false, kind: "file", file: p.file, errors: p.errors },
      ),
      // The latest saved paths (at most 100), by their `saved.` ids; each opens at /paths/<id>.
      ...listSavedPaths({ limit: 100 }).map((p) => ({ id: p.id, ok: true, kind: "saved", title: p.title, latestVersion: p.latestVersion, updatedAt: p.updatedAt })),
    ]),
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
export async function pathResultResponse(id: string, url: URL, source: PathSource = {}): Promise<Response> {
  const opts = parseDrawOptions(url);
  if ("error" in opts) return jsonResponse({ error: opts.error }, 400);
  return guardedAsync(async () => {
    const r = await getPathView(id, { ...source, ...opts, query: url.searchParams, version: url.searchParams.get("v") });
    if (r.status === "not-found") return jsonResponse({ error: r.message ?? `no path with id '${id}' in scenarios/paths` }, 404);
    if (r.status === "bad-request") return jsonResponse({ error: r.message }, 400);
    if (r.status === "invalid")
      return jsonResponse({ error: `path '${id}' (${r.file.file}) is invalid: fix its errors`, id, file: r.file.file, errors: r.file.errors }, 422);
    const { payload, bands, whatIf } = r.view;
    return jsonResponse({ ...payload, draws: bands.draws, seed: bands.seed, whatIf: whatIf.values, whatIfErrors: whatIf.errors });
  });
}

/** /paths: the path files and the latest saved paths (at most 50), each opening at /paths/<id>. */
export function loadPathsIndex(source: PathSource = {}) {
  return {
    files: listPaths(source).map((p) =>
      p.ok
        ? { id: p.id, ok: true as const, title: p.path.title, steps: p.path.steps.length, first: p.path.steps[0]?.date ?? "", last: p.path.steps.at(-1)?.date ?? "" }
        : { id: p.id, ok: false as const, file: p.file, errors: p.errors.length },
    ),
    saved: listSavedPaths({ limit: 50 }),
  };
}
