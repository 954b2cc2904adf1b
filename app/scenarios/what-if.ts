/**
 * What-if state: the numeric parameters of a scenario's rules and the engine assumptions a user may move, their
 * allowed ranges, and their encoding in the URL (so a link reproduces exactly what was on screen).
 *
 * URL keys: `r.<ruleId>.<field>` for a rule parameter, `a.<assumptionId>` for an engine assumption.
 * The list of tunables (with their ranges) is made on the server by `tunables.ts`, which reads the zod schema;
 * this module is what the browser needs, and stays free of zod (docs/decisions/011-client-bundle.md).
 */
import { ruleIdOf } from "./ids";
import { isParam } from "./params";
import type { Rule, Scenario } from "./schema";

export interface Tunable {
  /** URL key. */
  key: string;
  kind: "rule" | "assumption";
  /** Rule id or assumption id. */
  targetId: string;
  /** The rule's field (rule parameters only). */
  field: string | null;
  label: string;
  description: string;
  /** The value in the file (or the model, for assumptions): what reset returns to. */
  fileValue: number;
  min: number;
  max: number;
  step: number;
  unit: string;
}

export interface WhatIf {
  /** Valid overrides by URL key. */
  values: Record<string, number>;
  /** One message per rejected URL parameter; the rejected value is ignored and the file's value kept. */
  errors: string[];
}

/** Read what-if values from URL parameters; anything malformed or out of range is reported and ignored. */
export function parseWhatIf(params: URLSearchParams, available: Tunable[]): WhatIf {
  const byKey = new Map(available.map((t) => [t.key, t]));
  const values: Record<string, number> = {};
  const errors: string[] = [];
  for (const [key, raw] of params) {
    if (!key.startsWith("r.") && !key.startsWith("a.")) continue;
    const t = byKey.get(key);
    if (!t) {
      errors.push(`Unknown parameter '${key}': this scenario has no such rule parameter or assumption. It was ignored.`);
      continue;
    }
    const v = raw.trim() === "" ? Number.NaN : Number(raw);
    if (!Number.isFinite(v)) {
      errors.push(`'${key}' must be a number, got '${raw.slice(0, 40)}'. The file's value ${t.fileValue} is used.`);
    } else if (v < t.min || v > t.max) {
      errors.push(
        `'${key}' must be between ${t.min} and ${t.max}, got ${v}. The file's value ${t.fileValue} is used.`,
      );
    } else {
      values[key] = v;
    }
  }
  return { values, errors };
}

/** The scenario with what-if values put in place of the file's (ranges kept), and the assumption overrides. */
export function applyWhatIf(
  scenario: Scenario,
  values: Record<string, number>,
): { scenario: Scenario; assumptions: Record<string, number> } {
  const assumptions: Record<string, number> = {};
  for (const [key, v] of Object.entries(values)) if (key.startsWith("a.")) assumptions[key.slice(2)] = v;
  const rules = scenario.rules.map((rule, i) => {
    const ruleId = ruleIdOf(rule, i);
    let copy: Rule | null = null;
    for (const [field, current] of Object.entries(rule)) {
      const v = values[`r.${ruleId}.${field}`];
      if (v === undefined || !isParam(current)) continue;
      copy ??= { ...rule };
      (copy as Record<string, unknown>)[field] = typeof current === "number" ? v : { ...current, value: v };
    }
    return copy ?? rule;
  });
  return { scenario: { ...scenario, rules }, assumptions };
}

/** URL search string for what-if values that differ from the file's (so a reset gives a clean URL). */
export function whatIfSearch(values: Record<string, number>, available: Tunable[]): string {
  const params = new URLSearchParams();
  for (const t of movedTunables(values, available)) params.set(t.key, String(values[t.key]));
  return params.toString();
}

/**
 * The one test of "moved by the what-if": a value is set and differs from the file's. The URL, the charts' marks,
 * the builder's fork, the exports and the deck all ask this, so they always agree on what moved.
 */
export function movedTunables(values: Record<string, number>, available: readonly Tunable[]): Tunable[] {
  return available.filter((t) => values[t.key] !== undefined && values[t.key] !== t.fileValue);
}

/** Ids of the rules whose parameters the what-if moves away from the file's values (charts mark them). */
export function rulesMovedByWhatIf(values: Record<string, number>, available: Tunable[]): string[] {
  const ids = new Set<string>();
  for (const t of movedTunables(values, available)) if (t.kind === "rule") ids.add(t.targetId);
  return [...ids];
}
