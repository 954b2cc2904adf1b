/**
 * The parameters of a scenario's rules and the engine assumptions a what-if may move, with their allowed
 * ranges: from the scenario file (a parameter given as low/high/value) or else from the zod schema's bounds,
 * and from the model for assumptions; nothing here restates a bound. Reads the zod schema, so it runs on the
 * server (loaders, the CLI); the browser gets the list from the loader (docs/decisions/011-client-bundle.md).
 */
import type { z } from "zod";
import type { Model } from "../engine/model";
import { ruleIdOf } from "./ids";
import { isParam, paramValue } from "./params";
import { ruleSchema, type Rule, type Scenario } from "./schema";
import type { Tunable } from "./what-if";

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
