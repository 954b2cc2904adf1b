/**
 * The JSON responses of the scenario API, independent of Remix so they can be tested directly.
 * 200 with the body; 404 { error } for an unknown id; 422 { error, id, file, errors } for a broken file;
 * 503 { error } when the model database is unavailable.
 */
import { getScenario, listScenarioSummaries, type ScenarioSource } from "../data/scenario.server";
import { getModel } from "../data/model.server";
import { compute } from "./compute-pool.server";
import { jsonErrorResponse } from "./errors.server";
import { isSlug } from "../scenarios/parse";
import { tunables, withParameterLabels } from "../scenarios/tunables";
import { parseDrawsSeed } from "../scenarios/uncertainty-params";

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-cache",
};

/** A JSON response. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

function notFound(id: string): Response {
  return jsonResponse({ error: `no scenario with id '${id}'` }, 404);
}

function invalid(id: string, file: string, errors: unknown[]): Response {
  return jsonResponse({ error: `scenario '${id}' (${file}) is invalid: fix its errors`, id, file, errors }, 422);
}

/** Runs a handler, answering a known failure (an unavailable database, a full compute pool: 503) as JSON. */
function guarded(handler: () => Response): Response {
  try {
    return handler();
  } catch (error) {
    return jsonErrorResponse(error, "api/scenarios");
  }
}

async function guardedAsync(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return jsonErrorResponse(error, "api/scenarios");
  }
}

/** GET /api/scenarios */
export function scenariosIndexResponse(source: ScenarioSource = {}): Response {
  return guarded(() => jsonResponse(listScenarioSummaries(source)));
}

/** GET /api/scenarios/:id */
export function scenarioResponse(id: string, source: ScenarioSource = {}): Response {
  if (!isSlug(id)) return notFound(id);
  return guarded(() => {
    const found = getScenario({ id, ...source });
    if (!found) return notFound(id);
    if (!found.ok) return invalid(id, found.file, found.errors);
    return jsonResponse({ ...found.scenario, file: found.file, warnings: found.warnings });
  });
}

/**
 * GET /api/scenarios/:id/result: `{ scenario, result, attribution }`, as `evaluate --format json` prints; with
 * `?draws=N&seed=S` (either one), also `bands`. A bad draws or seed is a 400 before any work. Computed on the
 * compute pool (decision 021).
 */
export function scenarioResultResponse(id: string, source: ScenarioSource = {}, query = new URLSearchParams()): Promise<Response> {
  const uncertainty = parseDrawsSeed(query.get("draws"), query.get("seed"));
  if (!uncertainty.ok) return Promise.resolve(jsonResponse({ error: uncertainty.error }, 400));
  if (!isSlug(id)) return Promise.resolve(notFound(id));
  return guardedAsync(async () => {
    const model = source.model ?? getModel();
    const found = getScenario({ id, ...source, model });
    if (!found) return notFound(id);
    if (!found.ok) return invalid(id, found.file, found.errors);
    return jsonResponse(await compute("resultPayload", { scenario: found.scenario, options: { uncertainty: uncertainty.value } }, model));
  });
}

/**
 * GET /api/scenarios/:id/sensitivity: for each headline metric, every drawn input's swing from its low to its high
 * with the others at their values, `[{ id, kind, label, low, high }]`, largest |high - low| first (zero swings last).
 */
export function scenarioSensitivityResponse(id: string, source: ScenarioSource = {}): Promise<Response> {
  if (!isSlug(id)) return Promise.resolve(notFound(id));
  return guardedAsync(async () => {
    const model = source.model ?? getModel();
    const found = getScenario({ id, ...source, model });
    if (!found) return notFound(id);
    if (!found.ok) return invalid(id, found.file, found.errors);
    const swings = await compute("sensitivity", { scenario: found.scenario }, model);
    return jsonResponse(withParameterLabels(swings, tunables(found.scenario, model)));
  });
}
