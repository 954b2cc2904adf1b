/**
 * What `/compare?s=…` asks for: 2 to 4 references, parsed and checked without I/O so the route, the library's
 * form and tests agree. Each `s` is a ScenarioRef (app/scenarios/ref.ts): `<id>` or `<variant-id>@<n>`.
 */
import { formatScenarioRef, parseScenarioRef, type ScenarioRef } from "../../scenarios/ref";

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

/** A problem with the selection as a whole or with one `s` value. */
export type SelectionProblem =
  | { kind: "count"; count: number }
  | { kind: "malformed"; value: string; reason: string }
  | { kind: "duplicate"; value: string };

export type Selection = { ok: true; refs: ScenarioRef[] } | { ok: false; refs: ScenarioRef[]; problems: SelectionProblem[] };

/**
 * Every `s` value of a query, in order. Valid references come back even when the selection as a whole is not
 * valid, so a page can keep them ticked while it explains the problem.
 */
export function parseSelection(values: readonly string[]): Selection {
  const refs: ScenarioRef[] = [];
  const problems: SelectionProblem[] = [];
  const seen = new Set<string>();
  for (const raw of values) {
    const parsed = parseScenarioRef(raw);
    if (!parsed.ok) {
      problems.push({ kind: "malformed", value: raw, reason: parsed.reason });
      continue;
    }
    // Two spellings of one thing (`variant:x@1`, `x@1`) have the same key.
    const key = formatScenarioRef(parsed.ref);
    if (seen.has(key)) {
      if (!problems.some((p) => p.kind === "duplicate" && p.value === key)) problems.push({ kind: "duplicate", value: key });
      continue;
    }
    seen.add(key);
    refs.push(parsed.ref);
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
      return `'${p.value}' was chosen more than once: each scenario can appear once.`;
  }
}

/** The query string for a selection: `?s=a&s=b`. */
export function compareSearch(refs: readonly ScenarioRef[]): string {
  const params = new URLSearchParams();
  for (const r of refs) params.append("s", formatScenarioRef(r));
  return `?${params.toString()}`;
}
