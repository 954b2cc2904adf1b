/**
 * GET /scenarios/:id/export/:format: a library scenario or a variant version (`?v=<n>`), with the what-if
 * values in the same URL keys as the scenario page (`r.<ruleId>.<field>`, `a.<assumptionId>`), as
 *   result.csv     the figures (header, units column, formula-injection guard on text)
 *   result.json    `{ scenario, result, attribution }`, the body of /api/scenarios/:id/result
 *   scenario.yaml  the scenario in the library's format, what-if folded in (passes `npm run scenarios -- check`)
 * Always `Content-Disposition: attachment`. Errors are JSON: 400 for a bad what-if value or `v` (with every
 * message; nothing is half-applied), 404 unknown id/version/format, 422 broken file, 503 no database.
 * Framework-free, so it tests with plain Requests.
 */
import type { Model } from "../engine/model";
import { getModel, modelVersion } from "../data/model.server";
import { getViewedScenario } from "../data/scenario-ref.server";
import { jsonError, methodNotAllowed } from "../utils/http.server";
import { EXPORT_FORMATS, exportCsv, exportFileName, isExportFormat, scenarioWithWhatIf, whatIfChanged } from "../components/export/files";
import { formatJson } from "../scenarios/format-result";
import { parseDrawsSeed } from "../scenarios/uncertainty-params";
import { scenarioToYaml } from "../scenarios/to-yaml";
import { tunables } from "../scenarios/tunables";
import { movedTunables, parseWhatIf } from "../scenarios/what-if";
import { cachedAsync, hashOf } from "./cache.server";
import { compute } from "./compute-pool.server";
import { jsonErrorResponse } from "./errors.server";

/**
 * The export for a GET (or HEAD) request; `model` defaults to the server's. The figures (and bands, with `draws`)
 * are computed on the compute pool once per model, scenario, what-if and draws/seed (decision 021); a full pool
 * answers 503 with Retry-After.
 */
export async function exportResponse(request: Request, id: string, format: string, { model }: { model?: Model } = {}): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed(request, ["GET"]);
  if (!isExportFormat(format))
    return jsonError(404, `no export '${format.slice(0, 40)}': use one of ${Object.keys(EXPORT_FORMATS).join(", ")}`, {
      formats: Object.keys(EXPORT_FORMATS),
    });
  try {
    const m = model ?? getModel();
    const url = new URL(request.url);
    const viewed = getViewedScenario({ id, v: url.searchParams.get("v"), model: m });
    if (viewed.status === "not-found") return jsonError(404, viewed.message);
    if (viewed.status === "bad-request") return jsonError(400, viewed.message, { errors: [viewed.message] });
    if (viewed.status === "invalid")
      return jsonError(422, `scenario '${id}' (${viewed.file}) is invalid: fix its errors`, { file: viewed.file, errors: viewed.errors });

    const available = tunables(viewed.scenario, m);
    const whatIf = parseWhatIf(url.searchParams, available);
    if (whatIf.errors.length > 0)
      return jsonError(400, `the address has ${whatIf.errors.length === 1 ? "an invalid what-if value" : `${whatIf.errors.length} invalid what-if values`}; nothing was exported`, {
        errors: whatIf.errors,
      });
    // `draws`/`seed` (as on the page and the API) add the bands to result.json and result.csv.
    const uncertainty = parseDrawsSeed(url.searchParams.get("draws"), url.searchParams.get("seed"));
    if (!uncertainty.ok) return jsonError(400, `${uncertainty.error}; nothing was exported`, { errors: [uncertainty.error] });
    const changed = whatIfChanged(whatIf.values, available);
    const scenario = scenarioWithWhatIf(viewed.scenario, whatIf.values);
    const name = exportFileName(format, { id, version: viewed.version, changed });

    let body: string;
    if (format === "scenario.yaml") {
      const { id: _id, ...definition } = scenario;
      body = scenarioToYaml(definition);
    } else {
      const options = { uncertainty: uncertainty.value, whatIf: whatIf.values };
      const payload = await cachedAsync(`export:${hashOf([modelVersion(m), scenario, options])}`, () => compute("resultPayload", { scenario, options }, m));
      if (format === "result.json") body = formatJson(payload);
      else {
        const moved = movedTunables(whatIf.values, available).map((t) => ({ key: t.key, unit: t.unit, fileValue: t.fileValue, value: whatIf.values[t.key]! }));
        body = exportCsv(payload, { version: viewed.version, whatIf: moved });
      }
    }
    return new Response(request.method === "HEAD" ? null : body, {
      status: 200,
      headers: {
        "Content-Type": EXPORT_FORMATS[format].type,
        "Content-Disposition": `attachment; filename="${name}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      },
    });
  } catch (error) {
    return jsonErrorResponse(error, "export");
  }
}
