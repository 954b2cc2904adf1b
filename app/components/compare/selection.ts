/**
 * What `/compare?s=…` asks for: 2 to 4 references, parsed and checked without I/O so the route, the library's
 * form and tests agree. A reference is a library scenario (`s=<id>`) or a saved variant's version
 * (`s=variant:<id>@<n>`).
 */
import { isSlug } from "../../engine/vocabulary";

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

/** One thing to compare. */
export type CompareRef = { kind: "scenario"; id: string } | { kind: "variant"; id: string; version: number };

/** A problem with the selection as a whole or with one `s` value. */
export type SelectionProblem =
  | { kind: "count"; count: number }
  | { kind: "malformed"; value: string; reason: string }
  | { kind: "duplicate"; value: string };

export type Selection = { ok: true; refs: CompareRef[] } | { ok: false; refs: CompareRef[]; problems: SelectionProblem[] };

/** The `s` value of a reference: the inverse of parseRef. */
export function formatRef(ref: CompareRef): string {
  return ref.kind === "scenario" ? ref.id : `variant:${ref.id}@${ref.version}`;
}

/** A stable key for a reference (two spellings of one thing have the same key). */
export function refKey(ref: CompareRef): string {
  return formatRef(ref);
}


/** One `s` value as a reference, or why it is not one. */
export function parseRef(raw: string): { ok: true; ref: CompareRef } | { ok: false; reason: string } {
  const value = raw.trim();
  if (value === "") return { ok: false, reason: "is empty" };
  const variant = /^variant:(.*)$/.exec(value);
  if (variant) {
    const m = /^([^@]*)@(.*)$/.exec(variant[1]!);
    if (!m) return { ok: false, reason: "names a variant without its version: write variant:<id>@<version>" };
    const [, id, n] = m;
    if (!isSlug(id!)) return { ok: false, reason: `has a variant id '${id}' that is not a lower-case id (letters, digits, dashes)` };
    if (!/^[1-9]\d{0,8}$/.test(n!)) return { ok: false, reason: `has a version '${n}' that is not a whole number from 1` };
    return { ok: true, ref: { kind: "variant", id: id!, version: Number(n) } };
  }
  if (!isSlug(value)) return { ok: false, reason: "is not a scenario id (lower-case letters, digits and dashes, like 2021-co-lending)" };
  return { ok: true, ref: { kind: "scenario", id: value } };
}

/**
 * Every `s` value of a query, in order. Valid references come back even when the selection as a whole is not
 * valid, so a page can keep them ticked while it explains the problem.
 */
export function parseSelection(values: readonly string[]): Selection {
  const refs: CompareRef[] = [];
  const problems: SelectionProblem[] = [];
  const seen = new Set<string>();
  for (const raw of values) {
    const parsed = parseRef(raw);
    if (!parsed.ok) {
      problems.push({ kind: "malformed", value: raw, reason: parsed.reason });
      continue;
    }
    const key = refKey(parsed.ref);
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
export function compareSearch(refs: readonly CompareRef[]): string {
  const params = new URLSearchParams();
  for (const r of refs) params.append("s", formatRef(r));
  return `?${params.toString()}`;
}
