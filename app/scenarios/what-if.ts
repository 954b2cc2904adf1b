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
import type { ValueFormat } from "../utils/format";

export interface Tunable {
  /** URL key. */
  key: string;
  kind: "rule" | "assumption";
  /** Rule id or assumption id. */
  targetId: string;
  /** The rule's field (rule parameters only). */
  field: string | null;
  /** What the panel groups it under: the rule's label, or "Engine assumptions". */
  group: string;
  /** The parameter's own label (`Minimum own funding`, from the schema's metadata) or the assumption's. */
  name: string;
  /** `<rule label>: <name>` for a rule parameter, the assumption's label otherwise. */
  label: string;
  description: string;
  /** The value in the file (or the model, for assumptions): what reset returns to. */
  fileValue: number;
  min: number;
  max: number;
  step: number;
  unit: string;
  /** How the value reads and is typed (`percent`: 0.3 shows and is typed as 30%). */
  format: ValueFormat;
}

export interface WhatIf {
  /** Valid overrides by URL key. */
  values: Record<string, number>;
  /** One message per rejected URL parameter; the rejected value is ignored and the file's value kept. */
  errors: string[];
}

/**
 * The URL key a percentage is typed under, without JavaScript: the what-if form's number input for a share shows
 * and submits 30 (for 0.3) as `<key>%=30`. Links and the page itself always write the stored fraction, `<key>=0.3`.
 */
export const PERCENT_KEY_SUFFIX = "%";

/** Read what-if values from URL parameters; anything malformed or out of range is reported and ignored. */
export function parseWhatIf(params: URLSearchParams, available: Tunable[]): WhatIf {
  const byKey = new Map(available.map((t) => [t.key, t]));
  const values: Record<string, number> = {};
  const errors: string[] = [];
  for (const [rawKey, raw] of params) {
    if (!rawKey.startsWith("r.") && !rawKey.startsWith("a.")) continue;
    const typedAsPercent = rawKey.endsWith(PERCENT_KEY_SUFFIX);
    const key = typedAsPercent ? rawKey.slice(0, -PERCENT_KEY_SUFFIX.length) : rawKey;
    const t = byKey.get(key);
    if (!t || (typedAsPercent && t.format !== "percent")) {
      errors.push(`Unknown parameter '${rawKey}': this scenario has no such rule parameter or assumption. It was ignored.`);
      continue;
    }
    const typed = raw.trim() === "" ? Number.NaN : Number(raw.trim().replace(/%$/, ""));
    const v = typedAsPercent ? typed / 100 : typed;
    const shown = (n: number) => (typedAsPercent ? `${Number((n * 100).toPrecision(12))}%` : String(n));
    if (!Number.isFinite(v)) {
      errors.push(`'${key}' must be a number, got '${raw.slice(0, 40)}'. The file's value ${shown(t.fileValue)} is used.`);
    } else if (v < t.min || v > t.max) {
      errors.push(
        `'${key}' must be between ${shown(t.min)} and ${shown(t.max)}, got ${typedAsPercent ? `${typed}%` : v}. The file's value ${shown(t.fileValue)} is used.`,
      );
    } else {
      values[key] = typedAsPercent ? Number(v.toPrecision(12)) : v;
    }
  }
  return { values, errors };
}

/**
 * The address a what-if form typed in percentages (`<key>%=30`, without JavaScript) stands for, written as links
 * write it (`<key>=0.3`, other parameters kept in order), or null when there is nothing to rewrite or a typed
 * value was refused (the page then shows why, at the address the user sent).
 */
export function canonicalWhatIfSearch(params: URLSearchParams, parsed: WhatIf, available: Tunable[]): string | null {
  const typed = [...params.keys()].filter((k) => (k.startsWith("r.") || k.startsWith("a.")) && k.endsWith(PERCENT_KEY_SUFFIX));
  if (typed.length === 0 || parsed.errors.length > 0) return null;
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!k.startsWith("r.") && !k.startsWith("a.")) out.append(k, v);
  for (const [k, v] of new URLSearchParams(whatIfSearch(parsed.values, available))) out.append(k, v);
  return out.toString();
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
