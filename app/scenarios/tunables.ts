/**
 * The parameters of a scenario's rules and the engine assumptions a what-if may move, with their allowed
 * ranges: from the scenario file (a parameter given as low/high/value) or else from the bounds declared with
 * the parameter's unit, label and format on the zod schema (its metadata), and from the model for assumptions;
 * nothing here restates a bound or guesses a unit. Reads the zod schema, so it runs on the
 * server (loaders, the CLI); the browser gets the list from the loader (docs/decisions/011-client-bundle.md).
 */
import type { Model } from "../engine/model";
import type { Swing } from "../engine/uncertainty";
import { formatOfUnit } from "../utils/format";
import { ruleIdOf } from "./ids";
import { isParam, paramValue } from "./params";
import { paramMetaOf, type Scenario } from "./schema";
import type { Tunable } from "./what-if";

function niceStep(min: number, max: number) {
  const span = max - min;
  if (span <= 0) return 1;
  const raw = span / 200;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? p;
}

/** Every parameter of the scenario a what-if may move, then the model's engine assumptions. */
export function tunables(scenario: Pick<Scenario, "rules" | "assumptions"> & Partial<Scenario>, model: Pick<Model, "assumptions">): Tunable[] {
  const out: Tunable[] = [];
  scenario.rules.forEach((rule, i) => {
    const ruleId = ruleIdOf(rule, i);
    for (const [field, value] of Object.entries(rule)) {
      if (!isParam(value)) continue;
      // Unit, label, format and bounds are declared once, on the zod schema (paramMetaOf reads the registry).
      const meta = paramMetaOf(rule.type, field);
      if (!meta) continue;
      const [min, max] = typeof value === "number" ? [meta.min, meta.max] : [value.low, value.high];
      out.push({
        key: `r.${ruleId}.${field}`,
        kind: "rule",
        targetId: ruleId,
        field,
        group: rule.label,
        name: meta.label,
        label: `${rule.label}: ${meta.label}`,
        description: meta.description,
        fileValue: paramValue(value),
        min,
        max,
        step: niceStep(min, max),
        unit: meta.unit,
        format: meta.format,
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
      group: "Engine assumptions",
      name: a.label,
      label: a.label,
      description: a.rationale,
      fileValue: scenario.assumptions?.[a.id] ?? a.value,
      min: a.low,
      max: a.high,
      step: niceStep(a.low, a.high),
      unit: a.unit,
      format: formatOfUnit(a.unit),
    });
  }
  return out;
}

/**
 * The engine names a rule parameter by its field (`<rule label>: minOwnShare`); people read the schema's label
 * for it, as the what-if panel does (`<rule label>: Minimum own funding`). Relabels swings keyed by metric.
 */
export function withParameterLabels<K extends string>(sensitivity: Record<K, Swing[]>, available: Tunable[]): Record<K, Swing[]> {
  const labels = new Map(available.map((t) => [t.key, t.label]));
  const relabel = (s: Swing): Swing => (s.kind === "parameter" ? { ...s, label: labels.get(`r.${s.id}`) ?? s.label } : s);
  return Object.fromEntries(Object.entries<Swing[]>(sensitivity).map(([k, swings]) => [k, swings.map(relabel)])) as Record<K, Swing[]>;
}
