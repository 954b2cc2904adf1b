/**
 * What-if state: the numeric parameters of a scenario's rules and the engine assumptions a user may move, their
 * allowed ranges, and their encoding in the URL (so a link reproduces exactly what was on screen).
 *
 * URL keys: `r.<ruleId>.<field>` for a rule parameter, `a.<assumptionId>` for an engine assumption.
 * Ranges come from the scenario file (a parameter given as low/high/value) or else from the zod schema's bounds,
 * and from the model for assumptions: nothing here restates a bound.
 */
import type { z } from "zod";
import type { Model } from "../engine/model";
import { ruleIdOf } from "./ids";
import { paramValue, ruleSchema, type Param, type Rule, type Scenario } from "./schema";

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

type AnySchema = z.ZodType & { def: { type: string }; description?: string };

/** Bounds and description of a numeric parameter field, read off the zod schema. */
function fieldBounds(type: Rule["type"], field: string): { min: number; max: number; description: string } | null {
  const member = ruleSchema.options.find((o) => o.shape.type.value === type);
  let f = (member?.shape as Record<string, AnySchema> | undefined)?.[field];
  if (!f) return null;
  const description = f.description ?? "";
  if (f.def.type === "optional") f = (f as unknown as z.ZodOptional<AnySchema>).unwrap() as AnySchema;
  if (f.def.type !== "union") return null;
  const num = (f as unknown as z.ZodUnion<AnySchema[]>).options[0] as unknown as z.ZodNumber;
  if (num.def.type !== "number") return null;
  return { min: num.minValue ?? 0, max: num.maxValue ?? 1, description: description || (f.description ?? "") };
}

function niceStep(min: number, max: number) {
  const span = max - min;
  if (span <= 0) return 1;
  const raw = span / 200;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? p;
}

function isParam(v: unknown): v is Param {
  return (
    typeof v === "number" ||
    (typeof v === "object" && v !== null && "value" in v && "low" in v && "high" in v && typeof v.value === "number")
  );
}

const unitOf = (field: string, description: string) =>
  /RMB bn/.test(description)
    ? "RMB bn"
    : /RMB/.test(description)
      ? "RMB"
      : /multiple/.test(description)
        ? "x"
        : field === "months"
          ? "months"
          : /0\.\.1|fraction|share|rate|ratio/i.test(description + field)
            ? "share"
            : "";

/** Every parameter of the scenario a what-if may move, then the model's engine assumptions. */
export function tunables(scenario: Scenario, model: Pick<Model, "assumptions">): Tunable[] {
  const out: Tunable[] = [];
  scenario.rules.forEach((rule, i) => {
    const ruleId = ruleIdOf(rule, i);
    for (const [field, value] of Object.entries(rule)) {
      if (!isParam(value)) continue;
      const bounds = fieldBounds(rule.type, field);
      if (!bounds) continue;
      const [min, max] = typeof value === "number" ? [bounds.min, bounds.max] : [value.low, value.high];
      out.push({
        key: `r.${ruleId}.${field}`,
        kind: "rule",
        targetId: ruleId,
        field,
        label: `${rule.label}: ${field}`,
        description: bounds.description,
        fileValue: paramValue(value),
        min,
        max,
        step: niceStep(min, max),
        unit: unitOf(field, bounds.description),
      });
    }
  });
  for (const a of model.assumptions) {
    if (a.usedBy !== "engine") continue;
    out.push({
      key: `a.${a.id}`,
      kind: "assumption",
      targetId: a.id,
      field: null,
      label: a.label,
      description: a.rationale,
      fileValue: scenario.assumptions?.[a.id] ?? a.value,
      min: a.low,
      max: a.high,
      step: niceStep(a.low, a.high),
      unit: a.unit,
    });
  }
  return out;
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
  for (const t of available) {
    const v = values[t.key];
    if (v !== undefined && v !== t.fileValue) params.set(t.key, String(v));
  }
  return params.toString();
}
