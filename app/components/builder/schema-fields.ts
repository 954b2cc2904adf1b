/**
 * The builder's form fields, read off the zod schema (app/scenarios/schema.ts): which fields each rule type has,
 * in the schema's order, whether they are optional, their bounds, allowed values, defaults and `.describe()` help
 * text; a numeric parameter's label, unit, format and bounds from its metadata (`paramMetaOf`). Nothing here restates a bound or a list of allowed values; a new field or a changed bound in the schema
 * shows in the form without a change here. What the schema cannot say (that `units` names units of the model and
 * `market` a market) is the one table below, REFERENCES. Pure and isomorphic.
 */
import type { z } from "zod";

import { paramMetaOf, RULE_FAMILIES, ruleSchema, scenarioSchema, type RuleFamily, type RuleType } from "../../scenarios/schema";
import { formatWithUnit, type ValueFormat } from "../../utils/format";

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const descriptionOf = (s: Schema): string => (s as unknown as { description?: string }).description ?? "";

/** Which list of the model an id field names. */
export type ReferenceSource = "units" | "services" | "markets" | "players";

/** Id fields by name; the schema only knows they are slugs. `group` (the holding company) is checkReferences'. */
const REFERENCES: Record<string, ReferenceSource> = {
  units: "units",
  unit: "units",
  from: "units",
  to: "units",
  services: "services",
  market: "markets",
  player: "players",
};

interface FieldBase {
  /** Key of the rule object (`consentRate`). */
  name: string;
  /** A readable label made from the key (`Consent rate`). */
  label: string;
  /** The schema's `.describe()` text, or "". */
  description: string;
  optional: boolean;
}

export type FieldSpec = FieldBase &
  (
    | { kind: "text"; multiline: boolean; maxLength: number | null; minLength: number | null; slug: boolean }
    | { kind: "param"; min: number; max: number; unit: string; format: ValueFormat }
    | { kind: "reference-list"; source: ReferenceSource; allowGroup: boolean }
    | { kind: "reference"; source: ReferenceSource }
    | { kind: "enum-list"; options: string[] }
    | { kind: "all-or-list"; options: string[] }
    | { kind: "enum"; options: string[] }
    | { kind: "boolean"; defaultValue: boolean }
  );

export interface RuleTypeSpec {
  type: RuleType;
  family: RuleFamily;
  /** `Consent required` from `consent-required`. */
  title: string;
  /** The fields after `type`, in the schema's order (id, label, note first). */
  fields: FieldSpec[];
}

/** `consentRate` -> `Consent rate`, `consent-required` -> `Consent required`. */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/-/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A parameter's unit as the form says it after the label: " · %" for a percentage, " · RMB bn", " · × capital". */
export function unitText(spec: { unit: string; format: ValueFormat }): string {
  if (spec.format === "percent") return "%";
  return formatWithUnit(1, spec.unit, spec.format).replace(/^1\s*/, "");
}

function unwrapOptional(s: Schema): { schema: Schema; optional: boolean; defaultValue: unknown } {
  let cur = s;
  let optional = false;
  let defaultValue: unknown;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if (d.type === "optional" && d.innerType) {
      optional = true;
      cur = d.innerType;
    } else if (d.type === "default" && d.innerType) {
      optional = true;
      defaultValue = d.defaultValue;
      cur = d.innerType;
    } else break;
  }
  return { schema: cur, optional, defaultValue };
}

function enumOptions(s: Schema): string[] | null {
  const d = defOf(s);
  return d.type === "enum" ? Object.values(d.entries ?? {}) : null;
}

function fieldSpec(type: RuleType, name: string, raw: Schema): FieldSpec {
  const { schema, optional, defaultValue } = unwrapOptional(raw);
  const d = defOf(schema);
  // `.describe()` sits on the outermost schema it was called on: the optional wrapper or the inner one.
  const description = descriptionOf(raw) || descriptionOf(schema);
  const base: FieldBase = { name, label: humanize(name), description, optional };
  const reference = REFERENCES[name];

  if (d.type === "string") {
    const str = schema as unknown as { minLength: number | null; maxLength: number | null; format?: string | null };
    const checks = (d as { checks?: unknown[] }).checks ?? [];
    const slugLike = checks.length > 0 && str.maxLength === null;
    if (reference && slugLike) return { ...base, kind: "reference", source: reference };
    return {
      ...base,
      kind: "text",
      multiline: (str.maxLength ?? 0) > 500,
      maxLength: str.maxLength ?? null,
      minLength: str.minLength ?? null,
      slug: slugLike,
    };
  }
  if (d.type === "boolean") return { ...base, kind: "boolean", defaultValue: defaultValue === true };
  if (d.type === "enum") return { ...base, kind: "enum", options: enumOptions(schema)! };
  if (d.type === "array" && d.element) {
    const options = enumOptions(d.element);
    if (options) return { ...base, kind: "enum-list", options };
    return { ...base, kind: "reference-list", source: reference ?? "units", allowGroup: type === "min-capital" && name === "units" };
  }
  if (d.type === "union" && d.options) {
    const first = d.options[0]!;
    const fd = defOf(first);
    if (fd.type === "number") {
      // Label, unit, format and bounds are the parameter's metadata on the schema (decision 026).
      const meta = paramMetaOf(type, name);
      if (!meta) throw new Error(`builder: ${type}.${name} declares no unit, label and format; use param() in app/scenarios/schema.ts`);
      // The words beside the field are the registry's, without the file schema's note (a share's "0..1"), which
      // would contradict "Allowed: 0% to 100% (type 30 for 30%)".
      return { ...base, description: meta.description, label: meta.label, kind: "param", min: meta.min, max: meta.max, unit: meta.unit, format: meta.format };
    }
    const list = d.options.find((o) => defOf(o).type === "array");
    const options = list ? enumOptions(defOf(list).element!) : null;
    if (options) return { ...base, kind: "all-or-list", options };
  }
  throw new Error(`builder: no form field for ${type}.${name} (schema type ${d.type}); teach schema-fields.ts about it`);
}

/** Rule types whose words keep their hyphen ("Co lending" read as two words). */
const TYPE_TITLES: Partial<Record<RuleType, string>> = { "co-lending": "Co-lending", "spin-off": "Spin-off" };

/** Every rule type's form, in the schema's order. */
export const RULE_TYPE_SPECS: RuleTypeSpec[] = ruleSchema.options.map((option) => {
  const shape = option.shape as unknown as Record<string, Schema>;
  const type = (option.shape.type as unknown as { value: RuleType }).value;
  const fields = Object.entries(shape)
    .filter(([name]) => name !== "type")
    .map(([name, s]) => fieldSpec(type, name, s));
  return { type, family: RULE_FAMILIES[type], title: TYPE_TITLES[type] ?? humanize(type), fields };
});

const SPEC_BY_TYPE = new Map(RULE_TYPE_SPECS.map((s) => [s.type, s]));

/** The form of one rule type, or undefined for an unknown type. */
export function ruleTypeSpec(type: string): RuleTypeSpec | undefined {
  return SPEC_BY_TYPE.get(type as RuleType);
}

export const FAMILY_LABEL: Record<RuleFamily, string> = {
  privacy: "Data privacy",
  "anti-monopoly": "Anti-monopoly splits",
  capital: "Capital requirements",
};

/** Rule types grouped by family, in the schema's order: the "add a rule" menu. */
export function ruleTypesByFamily(): Array<{ family: RuleFamily; label: string; types: RuleTypeSpec[] }> {
  const families = [...new Set(RULE_TYPE_SPECS.map((s) => s.family))];
  return families.map((family) => ({ family, label: FAMILY_LABEL[family], types: RULE_TYPE_SPECS.filter((s) => s.family === family) }));
}

/** Help text and limits of one of the scenario's top-level fields, from the schema. */
export interface TopLevelSpec {
  label: string;
  description: string;
  /** Longest text (strings). */
  maxLength: number | null;
  /** Most items (lists). */
  maxItems: number | null;
}

export type TopLevelName = "title" | "summary" | "date" | "hypothetical" | "sources" | "assumptions" | "rules";

function topLevelSpec(name: TopLevelName): TopLevelSpec {
  const raw = (scenarioSchema.shape as unknown as Record<string, Schema>)[name]!;
  const { schema } = unwrapOptional(raw);
  const d = defOf(schema) as Def & { checks?: Array<{ _zod: { def: { check: string; maximum?: number } } }> };
  const maxItems = d.type === "array" ? (d.checks ?? []).map((c) => c._zod.def).find((c) => c.check === "max_length")?.maximum ?? null : null;
  const maxLength = d.type === "string" ? ((schema as unknown as { maxLength: number | null }).maxLength ?? null) : null;
  return { label: humanize(name), description: descriptionOf(raw) || descriptionOf(schema), maxLength, maxItems };
}

/** The scenario's top-level fields: labels, `.describe()` texts and limits. */
export const TOP_LEVEL: Record<TopLevelName, TopLevelSpec> = {
  title: topLevelSpec("title"),
  summary: topLevelSpec("summary"),
  date: topLevelSpec("date"),
  hypothetical: topLevelSpec("hypothetical"),
  sources: topLevelSpec("sources"),
  assumptions: topLevelSpec("assumptions"),
  rules: topLevelSpec("rules"),
};
