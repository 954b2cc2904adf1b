/**
 * The builder's draft: a scenario as the form holds it (numbers may still be text a person is typing), its
 * encoding as HTML form fields, and the form's buttons ("add a rule", "remove", "move up") as intents.
 *
 * One decoder serves both sides: the server reads a posted form with it (no JavaScript), and the browser reads
 * the live form with it on every change (the preview). Field names follow the scenario's paths, so an error at
 * `rules[0].consentRate` sits beside the input named `rules[0].consentRate.value`:
 *
 *   title, summary, date, hypothetical, sources (one per line), assumptions.<id>
 *   rules[i].type (hidden), rules[i].<field> (text, select, checkbox; repeated for lists)
 *   rules[i].<param>.value / .low / .high (low and high empty: a plain value; a share typed as a percentage, 30)
 *   assumptions.<id>% for an assumption typed as a percentage
 *   inputs (hidden: the scenario's `inputs:` as JSON, kept unchanged)
 *   versionAuthor, versionNote, forkedFrom, baseVersion, intent
 *
 * Pure and isomorphic.
 */
import type { Model } from "../../engine/model";
import { validateDefinition, type FieldError } from "../../scenarios/definition-check";
import { ruleIdOf } from "../../scenarios/ids";
import type { ScenarioDefinition } from "../../scenarios/schema";

import { fromInputNumber, toInputNumber, type ValueFormat } from "../../utils/format";

import { ruleTypeSpec, TOP_LEVEL, type FieldSpec } from "./schema-fields";

/** A rule as the form holds it: `type` and whatever fields were given. */
export type DraftRule = { type: string } & Record<string, unknown>;

export interface Draft {
  title: string;
  summary: string;
  date: string;
  hypothetical: boolean;
  sources: string[];
  /** Overrides by assumption id: numbers, or text that is not (yet) a number. */
  assumptions: Record<string, unknown>;
  rules: DraftRule[];
  /**
   * The scenario's `inputs:` (its numbers typed in from history), carried unchanged through the form as one hidden
   * JSON field: the builder has no editor for them, and a fork must not drop them (the schema checks them).
   */
  inputs: unknown[];
}

/** One problem, at a path of the scenario (`rules[0].consentRate`) or of the form (`versionNote`). */
export interface DraftError {
  path: string;
  message: string;
}

/** What the version being saved carries besides the scenario. */
export interface DraftMeta {
  author?: string;
  note?: string;
  forkedFrom?: string;
  baseVersion?: string;
}

export type Intent =
  | { kind: "add"; type: string }
  | { kind: "remove" | "up" | "down"; index: number }
  | { kind: "save" }
  /** Save on top of the given version, chosen after a stale save showed it. */
  | { kind: "save-over"; version: number }
  /** Re-render with the draft and its errors, saving nothing (no-JavaScript "check" button). */
  | { kind: "check" };

/** Most rules a posted form may carry; beyond the schema's limit so that the limit's own message shows. */
const MAX_FORM_RULES = 40;

export const EMPTY_DRAFT: Draft = {
  title: "",
  summary: "",
  date: "",
  hypothetical: false,
  sources: [],
  assumptions: {},
  rules: [],
  inputs: [],
};

/** A stored or library scenario as a draft. */
export function draftFromDefinition(def: ScenarioDefinition | (ScenarioDefinition & { id?: string; $schema?: string })): Draft {
  return {
    title: def.title,
    summary: def.summary,
    date: def.date,
    hypothetical: def.hypothetical ?? false,
    sources: [...def.sources],
    assumptions: { ...(def.assumptions ?? {}) },
    rules: def.rules.map((r) => ({ ...(r as unknown as DraftRule) })),
    inputs: (def.inputs ?? []).map((i) => ({ ...i, sources: [...i.sources] })),
  };
}

/** The draft as the plain data the schema validates (empty optional parts left out). */
export function draftToInput(draft: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {
    title: draft.title,
    summary: draft.summary,
    date: draft.date,
    hypothetical: draft.hypothetical,
    sources: draft.sources,
  };
  if (Object.keys(draft.assumptions).length > 0) out.assumptions = draft.assumptions;
  out.rules = draft.rules.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  if (draft.inputs.length > 0) out.inputs = draft.inputs;
  return out;
}

// ---- names ---------------------------------------------------------------------------------------------------

/** The form name of a rule's field: `rules[2].units`. */
export function ruleFieldName(index: number, field: string): string {
  return `rules[${index}].${field}`;
}

/** The form name of one part of a numeric parameter: `rules[2].consentRate.low`. */
export function paramPartName(index: number, field: string, part: "value" | "low" | "high"): string {
  return `${ruleFieldName(index, field)}.${part}`;
}

/** The form name of an assumption override. */
export function assumptionName(id: string): string {
  return `assumptions.${id}`;
}

// ---- decoding ------------------------------------------------------------------------------------------------

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/** Text from a number input: a number, undefined when empty, or the text itself (the schema then says why). */
export function parseNumberText(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === "") return undefined;
  return NUMBER.test(t) ? Number(t) : t;
}

/** A typed number as stored (30 -> 0.3 for a percentage); text and empty pass through for the schema to judge. */
function stored(typed: number | string | undefined, format: ValueFormat): number | string | undefined {
  return typeof typed === "number" ? fromInputNumber(typed, format) : typed;
}

/**
 * The input name of an assumption typed as a percentage: `assumptions.<id>%` (the form knows the model's units, the
 * decoder does not, so the name says it).
 */
export const PERCENT_NAME_SUFFIX = "%";

/** The hidden field that carries the scenario's `inputs:` as JSON. */
export const INPUTS_NAME = "inputs";

/** The hidden `inputs` field: a JSON list, or [] when absent; anything else is kept as a one-item list for the schema to refuse. */
function decodeInputs(text: string | undefined): unknown[] {
  if (text === undefined || text.trim() === "") return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return [text];
  }
}

type Values = Map<string, string[]>;

function collect(entries: Iterable<[string, unknown]>): Values {
  const values: Values = new Map();
  for (const [k, v] of entries) {
    if (typeof v !== "string") continue; // files are read by the upload route, never here
    const list = values.get(k);
    if (list) list.push(v);
    else values.set(k, [v]);
  }
  return values;
}

const one = (values: Values, key: string): string | undefined => values.get(key)?.[0];

function decodeField(values: Values, index: number, spec: FieldSpec): unknown {
  const name = ruleFieldName(index, spec.name);
  switch (spec.kind) {
    case "text": {
      const t = (one(values, name) ?? "").trim();
      return t === "" && spec.optional ? undefined : t;
    }
    case "reference":
    case "enum": {
      const t = one(values, name) ?? "";
      return t === "" ? undefined : t;
    }
    case "boolean":
      return values.get(name)?.includes("true") ?? false;
    case "reference-list":
    case "enum-list": {
      const list = (values.get(name) ?? []).filter((v) => v !== "");
      return list.length === 0 && spec.optional ? undefined : list;
    }
    case "all-or-list": {
      const list = (values.get(name) ?? []).filter((v) => v !== "");
      return list.includes("all") ? "all" : list;
    }
    case "param": {
      // A share is typed as a percentage (30) and stored as the fraction (0.3).
      const part = (p: "value" | "low" | "high") => stored(parseNumberText(one(values, paramPartName(index, spec.name, p))), spec.format);
      const value = part("value");
      const low = part("low");
      const high = part("high");
      if (low === undefined && high === undefined) return value;
      return { low, high, value };
    }
  }
}

/** Everything a posted (or live) builder form says: the draft, the version's metadata and the button pressed. */
export function decodeForm(entries: Iterable<[string, unknown]>): { draft: Draft; meta: DraftMeta; intent: Intent | null } {
  const values = collect(entries);
  const text = (k: string) => one(values, k) ?? "";
  // The picker's ticked keys and the free-text box (URLs, one a line) both post as `sources`.
  const sources = [
    ...new Set(
      (values.get("sources") ?? [])
        .flatMap((v) => v.split(/[\n,]+/))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const assumptions: Record<string, unknown> = {};
  for (const [k, v] of values) {
    if (!k.startsWith("assumptions.")) continue;
    const percent = k.endsWith(PERCENT_NAME_SUFFIX);
    const n = stored(parseNumberText(v[0]), percent ? "percent" : "number");
    if (n !== undefined) assumptions[k.slice("assumptions.".length, percent ? -PERCENT_NAME_SUFFIX.length : undefined)] = n;
  }
  const indexes = [...values.keys()]
    .map((k) => /^rules\[(\d{1,3})\]\.type$/.exec(k)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
    .slice(0, MAX_FORM_RULES);
  const rules: DraftRule[] = indexes.map((i) => {
    const type = text(`rules[${i}].type`);
    const spec = ruleTypeSpec(type);
    if (!spec) return { type };
    const rule: DraftRule = { type };
    for (const f of spec.fields) {
      const v = decodeField(values, i, f);
      if (v !== undefined) rule[f.name] = v;
    }
    return rule;
  });
  const draft: Draft = {
    title: text("title").trim(),
    summary: text("summary").trim(),
    date: text("date").trim(),
    hypothetical: values.get("hypothetical")?.includes("true") ?? false,
    sources,
    assumptions,
    rules,
    inputs: decodeInputs(one(values, INPUTS_NAME)),
  };
  const optional = (k: string) => {
    const t = one(values, k);
    return t === undefined || t.trim() === "" ? undefined : t;
  };
  const meta: DraftMeta = {
    author: optional("versionAuthor"),
    note: optional("versionNote"),
    forkedFrom: optional("forkedFrom"),
    baseVersion: optional("baseVersion"),
  };
  return { draft, meta, intent: parseIntent(one(values, "intent")) };
}

/** The button a form was submitted with, or null. */
export function parseIntent(raw: string | undefined): Intent | null {
  if (!raw) return null;
  if (raw === "save") return { kind: "save" };
  if (raw === "check") return { kind: "check" };
  let m = /^add:([a-z-]{1,40})$/.exec(raw);
  if (m) return ruleTypeSpec(m[1]!) ? { kind: "add", type: m[1]! } : null;
  m = /^(remove|up|down):(\d{1,3})$/.exec(raw);
  if (m) return { kind: m[1] as "remove" | "up" | "down", index: Number(m[2]) };
  m = /^save-over:([1-9]\d{0,8})$/.exec(raw);
  if (m) return { kind: "save-over", version: Number(m[1]) };
  return null;
}

// ---- editing -------------------------------------------------------------------------------------------------

/** A new rule of a type: a unique id, the type's name as label, defaults from the schema; numbers left for the person. */
export function newRule(type: string, existing: readonly DraftRule[]): DraftRule {
  const spec = ruleTypeSpec(type);
  if (!spec) throw new Error(`unknown rule type '${type}'`);
  const taken = new Set(existing.map((r, i) => ruleIdOf(r as { id?: string }, i)));
  let id = type;
  for (let n = 2; taken.has(id); n++) id = `${type}-${n}`;
  const rule: DraftRule = { id, type, label: spec.title };
  for (const f of spec.fields) {
    if (f.kind === "boolean") rule[f.name] = f.defaultValue;
    else if (f.kind === "enum" && !f.optional) rule[f.name] = f.options[0];
    else if (f.kind === "all-or-list" && !f.optional) rule[f.name] = "all";
  }
  return rule;
}

/** Moves item `i` of a list up or down by one (unchanged at the ends). */
export function move<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** The draft after an "add", "remove" or "move" button; other intents leave it as it is. */
export function applyIntent(draft: Draft, intent: Intent): Draft {
  switch (intent.kind) {
    case "add":
      return { ...draft, rules: [...draft.rules, newRule(intent.type, draft.rules)] };
    case "remove":
      return { ...draft, rules: draft.rules.filter((_, i) => i !== intent.index) };
    case "up":
      return { ...draft, rules: move(draft.rules, intent.index, -1) };
    case "down":
      return { ...draft, rules: move(draft.rules, intent.index, 1) };
    default:
      return draft;
  }
}

// ---- checking ------------------------------------------------------------------------------------------------

export type DraftCheck =
  | { ok: true; definition: ScenarioDefinition; warnings: DraftError[] }
  | { ok: false; errors: DraftError[]; warnings: DraftError[] };

/**
 * Validates a draft with the server's own check (`validateDefinition`): the schema with the file messages,
 * duplicate rule ids, then ids against the model. Runs in the browser for the live preview; the server checks
 * again on save.
 */
export function checkDraft(draft: Draft, model: Model): DraftCheck {
  const check = validateDefinition(draftToInput(draft), model);
  const strip = (e: FieldError): DraftError => ({ path: e.path, message: percentMessage(draft, e.path, e.message) });
  return check.ok
    ? { ok: true, definition: check.definition, warnings: check.warnings.map(strip) }
    : { ok: false, errors: check.errors.map(strip), warnings: check.warnings.map(strip) };
}

/**
 * A bound message of a share, in the percentages the form is typed in: "expected a number from 0 to 1, got 1.5"
 * reads "expected a percentage from 0% to 100%, got 150%" beside an input where 150 was typed.
 */
function percentMessage(draft: Draft, path: string, message: string): string {
  const m = /^rules\[(\d+)\]\.([A-Za-z]+)(?:\.(?:value|low|high))?$/.exec(path);
  const rule = m ? draft.rules[Number(m[1])] : undefined;
  const spec = rule ? ruleTypeSpec(rule.type)?.fields.find((f) => f.name === m![2]) : undefined;
  if (spec?.kind !== "param" || spec.format !== "percent") return message;
  const pct = (n: string) => `${toInputNumber(Number(n), "percent")}%`;
  return message.replace(/expected a number from (\S+) to (\S+), got (\S+)$/, (_, a: string, b: string, c: string) =>
    `expected a percentage from ${pct(a)} to ${pct(b)}, got ${pct(c)}`,
  );
}

/** The errors that belong to a field: at its path, or inside it (`rules[0].units[1]`, `rules[0].cap.low`). */
export function errorsAt(errors: readonly DraftError[], path: string): DraftError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`));
}

/** A fork's title: the original's with "(variant)" after it (once), within the title's length limit. */
export function variantTitle(title: string, max = TOP_LEVEL.title.maxLength ?? 200): string {
  const t = title.trim();
  if (/\(variant\)$/i.test(t)) return t;
  const tag = " (variant)";
  return `${t.length + tag.length > max ? `${t.slice(0, max - tag.length - 1).trimEnd()}…` : t}${tag}`;
}

/** Whether an error's path belongs to a field the user changed (its name, a part of it, or its whole). */
export function isTouched(path: string, touched: ReadonlySet<string>): boolean {
  for (const name of touched) {
    const n = name.endsWith(PERCENT_NAME_SUFFIX) ? name.slice(0, -PERCENT_NAME_SUFFIX.length) : name;
    if (path === n || path.startsWith(`${n}.`) || path.startsWith(`${n}[`) || n.startsWith(`${path}.`)) return true;
  }
  return false;
}

/** A save refused on a stale base, as the editor shows it (StalePanel): both versions and their diff. */
export interface StalePayload {
  id: string;
  baseVersion: number;
  latestVersion: number;
  latestAuthor: string | null;
  latestNote: string | null;
  latestCreatedAt: string | null;
  latestYaml: string;
  submittedYaml: string;
  /** The draft against the latest version, in plain language. */
  changes: string[];
}
