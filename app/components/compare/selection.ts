/**
 * What `/compare?s=…` asks for: 2 to 4 columns, parsed and checked without I/O so the route, the library's
 * form and tests agree. Each `s` is a ScenarioRef (app/scenarios/ref.ts): `<id>` or `<variant-id>@<n>`,
 * optionally followed by a what-if state as the scenario page writes it: `<ref>?r.<rule>.<field>=<v>&a.<id>=<v>`
 * (decision 024). One scenario may appear in several columns with different what-ifs.
 */
import { formatScenarioRef, parseScenarioRef, type ScenarioRef } from "../../scenarios/ref";

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;
/** What-if values one column may carry: far above a scenario's tunables (about 30), bounding the parse. */
export const MAX_COLUMN_WHATIF = 64;

/** One column: a scenario or variant version, and the what-if values (URL keys, raw text) it is shown with. */
export type ColumnRef = { ref: ScenarioRef; whatIf: Array<[string, string]> };

/**
 * `<ref>[?<what-if query>]` -> a column, or why it is not one. Only `r.*` and `a.*` keys belong in a column's
 * query; whether they name a tunable of the scenario and lie in its range is checked against the scenario.
 */
export function parseColumn(raw: string): { ok: true; column: ColumnRef } | { ok: false; reason: string } {
  const q = raw.indexOf("?");
  const parsed = parseScenarioRef(q < 0 ? raw : raw.slice(0, q));
  if (!parsed.ok) return parsed;
  const whatIf: Array<[string, string]> = [];
  if (q >= 0) {
    const seen = new Set<string>();
    for (const [key, value] of new URLSearchParams(raw.slice(q + 1))) {
      if (!/^[ra]\.[A-Za-z0-9][A-Za-z0-9._-]{0,160}$/.test(key))
        return { ok: false, reason: `has '${key.slice(0, 60)}' in its what-if: only rule parameters (r.<rule>.<field>) and assumptions (a.<id>) can be set` };
      if (seen.has(key)) return { ok: false, reason: `sets '${key}' twice in its what-if` };
      seen.add(key);
      whatIf.push([key, value]);
      if (whatIf.length > MAX_COLUMN_WHATIF) return { ok: false, reason: `sets more than ${MAX_COLUMN_WHATIF} what-if values` };
    }
  }
  whatIf.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { ok: true, column: { ref: parsed.ref, whatIf } };
}

/** The one spelling of a column: the inverse of parseColumn, keys sorted (two spellings, one key). */
export function formatColumn(c: ColumnRef): string {
  const ref = formatScenarioRef(c.ref);
  if (c.whatIf.length === 0) return ref;
  return `${ref}?${new URLSearchParams(c.whatIf).toString()}`;
}

/** A problem with the selection as a whole or with one `s` value. */
export type SelectionProblem =
  | { kind: "count"; count: number }
  | { kind: "malformed"; value: string; reason: string }
  | { kind: "duplicate"; value: string };

export type Selection = { ok: true; refs: ColumnRef[] } | { ok: false; refs: ColumnRef[]; problems: SelectionProblem[] };

/**
 * Every `s` value of a query, in order. Valid references come back even when the selection as a whole is not
 * valid, so a page can keep them ticked while it explains the problem.
 */
export function parseSelection(values: readonly string[]): Selection {
  const refs: ColumnRef[] = [];
  const problems: SelectionProblem[] = [];
  const seen = new Set<string>();
  // Bounded before any parse: a query of thousands of `s` is refused by its count alone.
  for (const raw of values.slice(0, MAX_COMPARE + 1)) {
    const parsed = parseColumn(raw);
    if (!parsed.ok) {
      problems.push({ kind: "malformed", value: raw.slice(0, 200), reason: parsed.reason });
      continue;
    }
    // Two spellings of one thing (`variant:x@1`, `x@1`; what-if keys in another order) have the same key.
    const key = formatColumn(parsed.column);
    if (seen.has(key)) {
      if (!problems.some((p) => p.kind === "duplicate" && p.value === key)) problems.push({ kind: "duplicate", value: key });
      continue;
    }
    seen.add(key);
    refs.push(parsed.column);
  }
  // Count what was asked for (duplicates included): "a, a" is one scenario twice, reported as a duplicate.
  if (values.length < MIN_COMPARE || values.length > MAX_COMPARE) problems.unshift({ kind: "count", count: values.length });
  return problems.length === 0 ? { ok: true, refs } : { ok: false, refs, problems };
}

/** A problem as a sentence for the page. */
export function describeProblem(p: SelectionProblem): string {
  switch (p.kind) {
    case "count":
      return p.count < MIN_COMPARE
        ? `Choose at least ${MIN_COMPARE} scenarios to compare: ${p.count === 0 ? "none was" : "only 1 was"} chosen.`
        : `Choose at most ${MAX_COMPARE} scenarios to compare: ${p.count} were chosen.`;
    case "malformed":
      return `'${p.value}' ${p.reason}.`;
    case "duplicate":
      return `'${p.value}' was chosen more than once: each scenario (with its what-if values) can appear once.`;
  }
}

/** The query string for a selection: `?s=a&s=b`. */
export function compareSearch(refs: readonly (ScenarioRef | ColumnRef)[]): string {
  const params = new URLSearchParams();
  for (const r of refs) params.append("s", "ref" in r ? formatColumn(r) : formatScenarioRef(r));
  return `?${params.toString()}`;
}

/**
 * "Add to compare" from a scenario page: the scenario with the what-if values moved on screen (`moved`, the query
 * whatIfSearch writes). With values moved, it opens beside the scenario as written, so the what-if is compared
 * at once; with none, the picker opens with the scenario ticked, to choose what to set beside it.
 */
export function whatIfCompareHref(ref: ScenarioRef, moved: string): string {
  const plain: ColumnRef = { ref, whatIf: [] };
  const parsed = moved ? parseColumn(`${formatScenarioRef(ref)}?${moved}`) : null;
  const columns = parsed && parsed.ok && parsed.column.whatIf.length > 0 ? [plain, parsed.column] : [plain];
  return `/compare${compareSearch(columns)}`;
}
