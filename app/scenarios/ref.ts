/**
 * What a URL or a stored row names as "a scenario": a library file by id, or one version of a saved variant.
 * One spelling everywhere (`s=` on /compare, `fork=` on /builder, a variant's stored `forkedFrom`): `<id>` or
 * `<id>@<version>`; `?v=<n>` on a page is the same reference split over the path and the query. Pure and
 * zod-free, so pages and the server parse it alike.
 */
import { isSlug } from "../engine/vocabulary";

export type ScenarioRef = { kind: "library"; id: string } | { kind: "variant"; id: string; version: number };

/** Largest version number accepted from a URL or a form (far above any real history; keeps the parse bounded). */
export const MAX_VERSION = 999_999_999;

/** A version number as written in a URL or form (`1`, `2`, ... up to MAX_VERSION, no sign, no leading zero), or null. */
export function parseVersion(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || !/^[1-9]\d{0,8}$/.test(raw)) return null;
  return Number(raw);
}

/** `<id>` or `<id>@<version>`: the inverse of parseScenarioRef. */
export function formatScenarioRef(ref: ScenarioRef): string {
  return ref.kind === "library" ? ref.id : `${ref.id}@${ref.version}`;
}

/**
 * A reference as written, or why it is not one. `variant:<id>@<n>` (the spelling /compare used before) is
 * still read, so old links keep working.
 */
export function parseScenarioRef(raw: string): { ok: true; ref: ScenarioRef } | { ok: false; reason: string } {
  let value = raw.trim();
  if (value === "") return { ok: false, reason: "is empty" };
  const legacy = value.startsWith("variant:");
  if (legacy) value = value.slice("variant:".length);
  const at = value.indexOf("@");
  if (at < 0) {
    if (legacy) return { ok: false, reason: "names a variant without its version: write <id>@<version>" };
    if (!isSlug(value)) return { ok: false, reason: "is not a scenario id (lower-case letters, digits and dashes, like 2021-co-lending)" };
    return { ok: true, ref: { kind: "library", id: value } };
  }
  const id = value.slice(0, at);
  const n = value.slice(at + 1);
  if (!isSlug(id)) return { ok: false, reason: `has a variant id '${id.slice(0, 80)}' that is not a lower-case id (letters, digits, dashes)` };
  const version = parseVersion(n);
  if (version === null) return { ok: false, reason: `has a version '${n.slice(0, 20)}' that is not a whole number from 1` };
  return { ok: true, ref: { kind: "variant", id, version } };
}

/** The page that shows a reference in depth. */
export function scenarioRefHref(ref: ScenarioRef): string {
  const path = `/scenarios/${encodeURIComponent(ref.id)}`;
  return ref.kind === "library" ? path : `${path}?v=${ref.version}`;
}
