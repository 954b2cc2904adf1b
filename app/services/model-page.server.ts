/**
 * /model: the baseline model, its fact register, and for each unit the library scenarios that change it;
 * GET /api/model: the model as JSON with an ETag.
 */
import { createHash } from "node:crypto";

import { getFacts, getModel } from "~/data/model.server";
import { listScenarios } from "~/data/scenario.server";
import { evaluate } from "~/engine/evaluate";
import type { Model } from "~/engine/model";
import { scenariosByUnit } from "~/scenarios/touches";

import { jsonErrorResponse, pageErrors, pageErrorsAsync } from "./errors.server";
import { modelAbout } from "./model-docs.server";

/** unitId -> library scenarios that change it; a broken library never takes the model page down. */
function scenarioLinks(model: Model) {
  try {
    const evaluated = listScenarios({ model }).flatMap((r) =>
      r.ok ? [{ id: r.id, title: r.scenario.title, result: evaluate(model, r.scenario) }] : [],
    );
    return scenariosByUnit(evaluated);
  } catch (error) {
    console.warn(`[model] scenario links skipped: ${(error as Error).message}`);
    return {};
  }
}

export function loadModelPage() {
  return pageErrors("model", () => {
    const model = getModel();
    return { model, facts: getFacts(), scenariosByUnit: scenarioLinks(model) };
  });
}

/** /model/about: the model's documentation, through the same model read and error mapping as /model. */
export function loadModelAbout() {
  return pageErrorsAsync("model/about", () => modelAbout(getModel()));
}

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
};

/** GET /api/model. `no-cache` makes clients revalidate (a reseed changes the model); the ETag makes that cheap. */
export function modelJsonResponse(ifNoneMatch: string | null): Response {
  let body: string;
  try {
    body = JSON.stringify(getModel());
  } catch (error) {
    return jsonErrorResponse(error, "api/model");
  }
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ...JSON_HEADERS, "Cache-Control": "no-cache", ETag: etag };
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
