/**
 * The scenario a view or an export is about: a library file by id, or a saved variant (its latest version, or
 * version `v`). Shared by presentation mode and the export routes so both read `?v=` the same way.
 * Library ids are looked up first; variant ids carry a random suffix, so the two do not collide in practice.
 */
import type { Model } from "../engine/model";
import type { ScenarioError } from "../scenarios/parse";
import { isSlug } from "../scenarios/parse";
import { parseVersion } from "../scenarios/ref";
import type { Scenario } from "../scenarios/schema";
import { getScenario } from "./scenario.server";
import { getVariant, isVariantId, variantAsScenario } from "./variant.server";

export type ViewedScenario =
  | { status: "ok"; kind: "library"; scenario: Scenario; file: string; warnings: ScenarioError[]; version: null; latestVersion: null }
  | { status: "ok"; kind: "variant"; scenario: Scenario; file: null; warnings: ScenarioError[]; version: number; latestVersion: number }
  /** No such scenario or variant version: 404. */
  | { status: "not-found"; message: string }
  /** A malformed `v`, or a `v` on a library scenario: 400. */
  | { status: "bad-request"; message: string }
  /** A library file with errors: 422. */
  | { status: "invalid"; file: string; errors: ScenarioError[] };

/** `v` from a URL: null when absent, a version number, or an error message. */
function versionParam(raw: string | null): { version: number | null; error: string | null } {
  if (raw === null) return { version: null, error: null };
  const version = parseVersion(raw);
  if (version === null) return { version: null, error: `'v' must be a version number (1, 2, ...), got '${raw.slice(0, 40)}'.` };
  return { version, error: null };
}

/** The library scenario or variant version named by `id` and the raw `v` parameter. Throws DatabaseUnavailableError. */
export function getViewedScenario({ id, v, model }: { id: string; v: string | null; model: Model }): ViewedScenario {
  if (!isSlug(id))
    return {
      status: "not-found",
      message: `'${id.slice(0, 80)}' is not a scenario id: ids are lower-case letters, digits and dashes, like 2021-co-lending.`,
    };
  const { version, error } = versionParam(v);
  if (error) return { status: "bad-request", message: error };

  const file = getScenario({ id, model });
  if (file) {
    if (version !== null)
      return { status: "bad-request", message: `'${id}' is a library scenario: it has no versions, so 'v' does not apply. Remove it from the address.` };
    if (!file.ok) return { status: "invalid", file: file.file, errors: file.errors };
    return { status: "ok", kind: "library", scenario: file.scenario, file: file.file, warnings: file.warnings, version: null, latestVersion: null };
  }

  if (!isVariantId(id)) return { status: "not-found", message: `There is no scenario '${id}' in the library.` };
  const variant = getVariant({ id });
  if (!variant) return { status: "not-found", message: `There is no scenario '${id}' in the library, and no saved variant by that id.` };
  const n = version ?? variant.latestVersion;
  const scenario = variantAsScenario({ id, version: n });
  if (!scenario)
    return { status: "not-found", message: `Variant '${id}' has no version ${n}: its versions are 1 to ${variant.latestVersion}.` };
  return { status: "ok", kind: "variant", scenario, file: null, warnings: [], version: n, latestVersion: variant.latestVersion };
}
