/**
 * The JSON (and YAML) responses of the variant API, independent of Remix so they test with plain Requests:
 *
 *   GET  /api/variants?q=&page=&limit=         -> 200 { variants: [VariantSummary], q, page, limit, total, pageCount,
 *                                                 next, prev } (24 a page, at most 100; out of range: 400)
 *   POST /api/variants                         -> 201 { id, version, warnings }   body: scenario (JSON or YAML), or
 *                                                 JSON { scenario, author?, note?, forkedFrom? }
 *   GET  /api/variants/:id/versions            -> 200 { id, createdAt, forkedFrom, latestVersion, versions }
 *   POST /api/variants/:id/versions            -> 201 { id, version, warnings } | 409 { error, latestVersion,
 *                                                 baseVersion, latest, submitted }   body: JSON { baseVersion,
 *                                                 scenario | restoreFrom, author?, note? }, or YAML + ?baseVersion=
 *   GET  /api/variants/:id/versions/:n         -> 200 VariantVersion   (`:n` may also be `2.yaml`: the YAML file)
 *   GET  /api/variants/:id/versions/:n/yaml    -> 200 the version as a YAML file (Content-Disposition: attachment)
 *
 * Errors: 400 { error, errors: [{ path, line?, col?, message }] } (nothing stored), 403 foreign Origin,
 * 404 unknown id or version, 405 other methods, 413 body over MAX_BODY_BYTES, 415 neither JSON nor YAML,
 * 503 database locked, read-only or missing. Only POST changes anything.
 */
import {
  createVariant,
  getVariant,
  getVersion,
  listVersions,
  restoreVersion,
  saveVersion,
  storeModel,
  validateDefinitionYaml,
  type FieldError,
  type VariantStore,
} from "../data/variant.server";
import { checkSameOrigin, HttpError, json, jsonError, lineColAt, MAX_BODY_BYTES, mediaType, methodNotAllowed, readBodyText } from "../utils/http.server";
import { duplicateJsonKey } from "../scenarios/bounds";
import { parseVersion } from "../scenarios/ref";
import { scenarioToYaml, yamlFileName } from "../scenarios/to-yaml";
import { takeSave, tooManySavesMessage } from "../utils/rate-limit.server";
import { jsonErrors } from "./errors.server";
import { parseVariantListQuery, variantList, variantListHref } from "./variant-list.server";

const YAML_TYPES = new Set(["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]);
const LOOSE_TYPES = new Set(["", "text/plain", "application/octet-stream"]);
const isJsonType = (t: string) => t === "application/json" || t.endsWith("+json");

type Body = { kind: "json"; data: unknown } | { kind: "yaml"; text: string };

function invalid(errors: FieldError[], error = "the scenario is invalid; nothing was saved"): HttpError {
  return new HttpError(400, error, { errors });
}

/**
 * Reads a POST body as JSON or YAML: YAML when the Content-Type says so, or when a body without a JSON type
 * does not parse as JSON. Bounded by MAX_BODY_BYTES.
 */
async function readScenarioBody(request: Request): Promise<Body> {
  const type = mediaType(request);
  const yaml = YAML_TYPES.has(type);
  if (!yaml && !isJsonType(type) && !LOOSE_TYPES.has(type))
    throw new HttpError(415, `unsupported Content-Type '${type}': send the scenario as JSON (application/json) or YAML (application/yaml)`);
  const text = await readBodyText(request, { limit: MAX_BODY_BYTES });
  if (text.trim() === "") throw invalid([{ path: "", message: "the request body is empty: send a scenario as JSON or YAML" }], "empty request body; nothing was saved");
  if (yaml) return { kind: "yaml", text };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    if (!isJsonType(type)) return { kind: "yaml", text };
    const why = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(why);
    const pos = at ? lineColAt(text, Number(at[1])) : {};
    throw invalid([{ path: "", ...pos, message: `invalid JSON: ${why}` }], "the body is not valid JSON; nothing was saved");
  }
  // JSON.parse lets the last of two equal keys win silently; a YAML file with them is refused, so is JSON.
  const dup = duplicateJsonKey(text);
  if (dup)
    throw invalid(
      [{ path: "", ...lineColAt(text, dup.offset), message: `the key '${dup.key}' appears twice in the same object` }],
      "the body is not valid: a key appears twice; nothing was saved",
    );
  return { kind: "json", data };
}

/**
 * Fields GET /api/scenarios/:id adds to a definition (its id, file and load warnings): read-only, so a definition
 * fetched there can be posted back as it is. They are dropped, not stored.
 */
const READ_ONLY_FIELDS = ["id", "file", "warnings"] as const;

function withoutReadOnlyFields(definition: unknown): unknown {
  if (!isRecord(definition)) return definition;
  const copy = { ...definition };
  for (const k of READ_ONLY_FIELDS) delete copy[k];
  return copy;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Refuses keys of a JSON wrapper object other than `allowed`. */
function checkWrapperKeys(data: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(data).filter((k) => !allowed.includes(k));
  if (unknown.length > 0)
    throw invalid(
      unknown.map((k) => ({ path: k, message: `unknown field '${k}'; the body may have ${allowed.join(", ")}` })),
      "the request body is invalid; nothing was saved",
    );
}

/** Turns what the store throws into JSON answers; anything unexpected is a 500 that says little. */
function answer(handler: () => Response | Promise<Response>): Promise<Response> {
  return jsonErrors("api/variants", handler);
}

/** Checks method and origin of a state-changing request; a Response when it must stop there. */
function guardWrite(request: Request, allowed: readonly string[]): Response | null {
  if (request.method !== "POST") return methodNotAllowed(request, allowed);
  return checkSameOrigin(request);
}

/** Optional text from the query string (for YAML bodies, which have no room for it). */
function queryMeta(request: Request, keys: readonly string[]): Record<string, string | undefined> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
}

function created(id: string, version: number, warnings: FieldError[]): Response {
  const location = `/api/variants/${id}/versions/${version}`;
  return json({ id, version, url: location, warnings }, 201, { Location: location });
}

/** 429 with Retry-After when this client has saved too often (every attempt counts, valid or not). */
function saveRateLimited(request: Request): Response | null {
  const wait = takeSave(request);
  return wait === 0 ? null : jsonError(429, tooManySavesMessage(wait), { retryAfter: wait }, { "Retry-After": String(wait) });
}

/** GET /api/variants: one page of saved variants, latest saved first, with the addresses of the next and previous. */
export function variantsIndexResponse(request: Request, store: VariantStore = {}): Promise<Response> {
  return answer(() => {
    const query = parseVariantListQuery(new URL(request.url).searchParams, { allowLimit: true });
    const list = variantList(query, store);
    const next = list.page < list.pageCount ? variantListHref("/api/variants", { ...query, page: list.page + 1 }, { withLimit: true }) : null;
    const prev = list.page > 1 ? variantListHref("/api/variants", { ...query, page: list.page - 1 }, { withLimit: true }) : null;
    const link = [next && `<${next}>; rel="next"`, prev && `<${prev}>; rel="prev"`].filter(Boolean).join(", ");
    return json({ ...list, next, prev }, 200, link ? { Link: link } : {});
  });
}

/** POST /api/variants: a new variant from a scenario (JSON, JSON wrapper, or YAML). */
export async function createVariantResponse(request: Request, store: VariantStore = {}): Promise<Response> {
  const stop = guardWrite(request, ["GET", "POST"]) ?? saveRateLimited(request);
  if (stop) return stop;
  return answer(async () => {
    const body = await readScenarioBody(request);
    let input: { definition: unknown; author?: unknown; note?: unknown; forkedFrom?: unknown };
    if (body.kind === "yaml") {
      const checked = validateDefinitionYaml(body.text, storeModel(store));
      if (!checked.ok) throw invalid(checked.errors);
      input = { definition: checked.definition, ...queryMeta(request, ["author", "note", "forkedFrom"]) };
    } else if (isRecord(body.data) && "scenario" in body.data) {
      checkWrapperKeys(body.data, ["scenario", "author", "note", "forkedFrom"]);
      const { scenario, author, note, forkedFrom } = body.data;
      input = { definition: withoutReadOnlyFields(scenario), author, note, forkedFrom };
    } else {
      input = { definition: withoutReadOnlyFields(body.data) };
    }
    const r = createVariant(input, store);
    return created(r.id, r.version, r.warnings);
  });
}

/** GET /api/variants/:id/versions */
export function versionsResponse(id: string, store: VariantStore = {}): Promise<Response> {
  return answer(() => {
    const variant = getVariant({ id }, store);
    const versions = variant && listVersions({ id }, store);
    if (!variant || !versions) return jsonError(404, `no variant with id '${id}'`);
    return json({ ...variant, versions });
  });
}

/** POST /api/variants/:id/versions: a new version on `baseVersion` (a scenario, or `restoreFrom` an old one). */
export async function saveVersionResponse(request: Request, id: string, store: VariantStore = {}): Promise<Response> {
  const stop = guardWrite(request, ["GET", "POST"]) ?? saveRateLimited(request);
  if (stop) return stop;
  return answer(async () => {
    if (!getVariant({ id }, store)) return jsonError(404, `no variant with id '${id}'`);
    const body = await readScenarioBody(request);
    if (body.kind === "yaml") {
      const checked = validateDefinitionYaml(body.text, storeModel(store));
      if (!checked.ok) throw invalid(checked.errors);
      const { baseVersion, author, note } = queryMeta(request, ["baseVersion", "author", "note"]);
      const base = baseVersion !== undefined && /^\d{1,9}$/.test(baseVersion) ? Number(baseVersion) : baseVersion;
      const r = saveVersion({ id, baseVersion: base, definition: checked.definition, author, note }, store);
      return created(id, r.version, r.warnings);
    }
    const data = body.data;
    if (!isRecord(data) || (!("scenario" in data) && !("restoreFrom" in data)))
      throw invalid(
        [{ path: "scenario", message: "expected { \"baseVersion\": n, \"scenario\": {...} } (or \"restoreFrom\": n instead of \"scenario\")" }],
        "the request body is invalid; nothing was saved",
      );
    checkWrapperKeys(data, ["baseVersion", "scenario", "restoreFrom", "author", "note"]);
    if ("restoreFrom" in data) {
      if ("scenario" in data) throw invalid([{ path: "restoreFrom", message: "give either scenario or restoreFrom, not both" }]);
      const from = data.restoreFrom;
      if (typeof from !== "number" || !Number.isInteger(from) || from < 1)
        throw invalid([{ path: "restoreFrom", message: "expected a version number (an integer from 1)" }]);
      const r = restoreVersion({ id, version: from, baseVersion: data.baseVersion, author: data.author, note: data.note }, store);
      return created(id, r.version, r.warnings);
    }
    const r = saveVersion(
      { id, baseVersion: data.baseVersion, definition: withoutReadOnlyFields(data.scenario), author: data.author, note: data.note },
      store,
    );
    return created(id, r.version, r.warnings);
  });
}

/** The version number in a URL segment (`2`, or `2.yaml` when `yaml` is allowed), or null. */
function parseVersionSegment(n: string): { version: number; yaml: boolean } | null {
  const yaml = n.endsWith(".yaml");
  const version = parseVersion(yaml ? n.slice(0, -".yaml".length) : n);
  return version === null ? null : { version, yaml };
}

/** GET /api/variants/:id/versions/:n (`:n` = `2` for JSON, `2.yaml` for the YAML file). */
export function versionResponse(id: string, n: string, store: VariantStore = {}): Promise<Response> {
  const parsed = parseVersionSegment(n);
  if (parsed?.yaml) return versionYamlResponse(id, String(parsed.version), store);
  return answer(() => {
    const v = parsed && getVersion({ id, version: parsed.version }, store);
    if (!v) return notFoundVersion(id, n, store);
    return json(v);
  });
}

/** GET /api/variants/:id/versions/:n/yaml: the version as a scenario file to download. */
export function versionYamlResponse(id: string, n: string, store: VariantStore = {}): Promise<Response> {
  return answer(() => {
    const parsed = parseVersionSegment(n);
    const v = parsed && !parsed.yaml ? getVersion({ id, version: parsed.version }, store) : null;
    if (!v) return notFoundVersion(id, n, store);
    const file = yamlFileName(id, v.version);
    return new Response(scenarioToYaml(v.definition), {
      status: 200,
      headers: {
        "Content-Type": "application/yaml; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      },
    });
  });
}

function notFoundVersion(id: string, n: string, store: VariantStore): Response {
  const variant = getVariant({ id }, store);
  if (!variant) return jsonError(404, `no variant with id '${id}'`);
  return jsonError(404, `variant '${id}' has no version '${n}'; its versions are 1 to ${variant.latestVersion}`, {
    latestVersion: variant.latestVersion,
  });
}

/** Any method but GET/HEAD on a read-only URL. */
export function readOnlyAction(request: Request): Response {
  return methodNotAllowed(request, ["GET"]);
}
