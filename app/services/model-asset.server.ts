/**
 * The model the browser's engine needs, sent once as a content-hashed, immutable file (decision 021) instead of
 * inside every scenario page: `/model-data/<hash>.json`, where the hash is of the JSON itself, so a changed model
 * is a new address and a browser may keep a fetched one for ever. The page names the address and renders from the
 * small part of the model its own HTML needs (names, sources, the assumptions its explanations name).
 */
import { getModel } from "../data/model.server";
import type { Assumption, Model, Source } from "../engine/model";
import type { Result } from "../engine/result";
import { hashOf } from "./cache.server";
import { jsonErrorResponse } from "./errors.server";

export interface ModelAsset {
  /** The file's name: `<hash>.json`. */
  file: string;
  href: string;
  json: string;
  etag: string;
}

/**
 * The model as the browser's engine reads it: everything but the provenance rows, of which the ranges' draws need
 * only which seed figure an assumption sets (the Web Worker recomputes the ranges, decision 023).
 */
export function clientModel(model: Model): Model {
  return {
    ...model,
    provenance: model.provenance
      .filter((p) => p.assumptionId)
      .map((p) => ({ table: p.table, rowId: p.rowId, field: p.field, assumptionId: p.assumptionId, sourceKeys: [], note: "" })),
  };
}

const assets = new WeakMap<Model, ModelAsset>();

/** The asset of a model (its JSON made and hashed once per model object). */
export function modelAsset(model: Model): ModelAsset {
  let asset = assets.get(model);
  if (!asset) {
    const json = JSON.stringify(clientModel(model));
    const hash = hashOf(json);
    asset = { file: `${hash}.json`, href: `/model-data/${hash}.json`, json, etag: `"${hash}"` };
    assets.set(model, asset);
  }
  return asset;
}

/** What the scenario page renders from before (and without) the model asset: a few KB instead of about 70. */
export interface PageModel {
  /** Unit, service, market and player names by id. */
  names: Array<[string, string]>;
  sources: Array<Pick<Source, "key" | "citation">>;
  /** The assumptions the result's explanations name. */
  assumptions: Array<Pick<Assumption, "id" | "label" | "rationale">>;
}

export function pageModel(model: Model, result: Result): PageModel {
  const named = new Set(result.explanations.flatMap((e) => e.assumptionIds));
  return {
    names: [
      ...model.units.map((u) => [u.id, u.name] as [string, string]),
      ...model.services.map((s) => [s.id, s.name] as [string, string]),
      ...model.markets.map((m) => [m.id, m.name] as [string, string]),
      ...model.marketPlayers.map((p) => [p.playerId, p.name] as [string, string]),
    ],
    sources: model.sources.map((s) => ({ key: s.key, citation: s.citation })),
    assumptions: model.assumptions.filter((a) => named.has(a.id)).map((a) => ({ id: a.id, label: a.label, rationale: a.rationale })),
  };
}

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * GET /model-data/:file: the current model's JSON when `file` is its name (immutable: cached for a year), 304 for a
 * matching If-None-Match, 404 naming the current address for any other name (an old model, or a typo), 503 without
 * a database.
 */
export function modelAssetResponse(request: Request, file: string, source: { model?: Model } = {}): Response {
  let asset: ModelAsset;
  try {
    asset = modelAsset(source.model ?? getModel());
  } catch (error) {
    return jsonErrorResponse(error, "model-data");
  }
  if (file !== asset.file)
    return new Response(JSON.stringify({ error: `no model data '${file.slice(0, 80)}': the current model is at ${asset.href}`, href: asset.href }), {
      status: 404,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  const headers = { ETag: asset.etag, "Cache-Control": IMMUTABLE, "X-Content-Type-Options": "nosniff" };
  if (request.headers.get("If-None-Match")?.split(",").some((t) => t.trim().replace(/^W\//, "") === asset.etag)) return new Response(null, { status: 304, headers });
  return new Response(asset.json, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}
