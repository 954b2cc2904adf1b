/**
 * Turns zod issues into messages a scenario author can act on: what was expected, what was found.
 *
 * zod 4's own messages are terse ("Too big: expected number to be <=1"); here each issue is rewritten with the
 * schema at its path (to state both bounds of a number, the valid rule types, the allowed keys) and the value
 * the file actually holds. Pure: no I/O.
 */
import type { z } from "zod";
import { didYouMean } from "./suggest";

export type PathSegment = string | number;

/** A message about one place in a scenario file, before positions are attached. */
export interface PathMessage {
  path: PathSegment[];
  message: string;
  /** Point at the mapping key named by the last path segment rather than its value (unknown keys). */
  atKey?: boolean;
}

/** `rules[2].consentRate` from ["rules", 2, "consentRate"]. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The value at `path` inside `data`, or undefined. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** A short description of a value found in a file: `1.3`, `'abc'`, `a list`, `nothing`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "an empty value";
  if (typeof v === "string") {
    const s = v.length > 60 ? `${v.slice(0, 57)}...` : v;
    return `'${s}'`;
  }
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : "a list";
  if (typeof v === "object") return "a mapping";
  return typeof v;
}

// ---- walking the schema along a path ----------------------------------------------------------------------

type Schema = z.core.$ZodType;
// zod 4 keeps a schema's definition on `_zod.def`; only the fields read here are typed.
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  discriminator?: string;
  valueType?: Schema;
  values?: unknown[];
  entries?: Record<string, unknown>;
}
const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const d = defOf(cur);
    if (["optional", "default", "nullable", "prefault", "readonly", "catch", "nonoptional"].includes(d.type) && d.innerType)
      cur = d.innerType;
    else if (d.type === "pipe" && d.in) cur = d.in;
    else break;
  }
  return cur;
}

function jsKind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function acceptsKind(s: Schema, kind: string): boolean {
  const d = defOf(unwrap(s));
  switch (d.type) {
    case "number":
      return kind === "number";
    case "string":
    case "enum":
      return kind === "string";
    case "boolean":
      return kind === "boolean";
    case "literal":
      return (d.values ?? []).some((v) => jsKind(v) === kind);
    case "array":
      return kind === "array";
    case "object":
    case "record":
      return kind === "object";
    case "union":
      return (d.options ?? []).some((o) => acceptsKind(o, kind));
    default:
      return false;
  }
}

/** For a union, the option that applies to `value` (by discriminator or by kind of value). */
function pickOption(s: Schema, value: unknown): Schema | undefined {
  const d = defOf(s);
  if (d.type !== "union" || !d.options) return undefined;
  if (d.discriminator && value && typeof value === "object") {
    const tag = (value as Record<string, unknown>)[d.discriminator];
    return d.options.find((o) => {
      const shape = defOf(unwrap(o)).shape;
      const lit = shape?.[d.discriminator!];
      return lit !== undefined && (defOf(unwrap(lit)).values ?? []).includes(tag);
    });
  }
  const kind = jsKind(value);
  return d.options.find((o) => acceptsKind(o, kind));
}

/** The schema that governs `path` in `root`, following the data through unions, or undefined. */
export function schemaAt(root: Schema, data: unknown, path: readonly PathSegment[]): Schema | undefined {
  let s: Schema | undefined = unwrap(root);
  let value: unknown = data;
  for (const seg of path) {
    if (!s) return undefined;
    let d = defOf(s);
    if (d.type === "union") {
      s = pickOption(s, value);
      if (!s) return undefined;
      s = unwrap(s);
      d = defOf(s);
    }
    if (d.type === "object" && typeof seg === "string") s = d.shape?.[seg];
    else if (d.type === "array" && typeof seg === "number") s = d.element;
    else if (d.type === "record") s = d.valueType;
    else return undefined;
    s = s && unwrap(s);
    value = value !== null && typeof value === "object" ? (value as Record<PathSegment, unknown>)[seg] : undefined;
  }
  return s;
}

/** What a schema expects, in words: "a number from 0 to 1", "one of raise, shrink". */
export function describeExpected(s: Schema | undefined): string {
  if (!s) return "a valid value";
  const u = unwrap(s);
  const d = defOf(u);
  switch (d.type) {
    case "number": {
      const { minValue, maxValue } = u as unknown as { minValue: number | null; maxValue: number | null };
      const lo = minValue !== null && Number.isFinite(minValue) ? minValue : undefined;
      const hi = maxValue !== null && Number.isFinite(maxValue) ? maxValue : undefined;
      if (lo !== undefined && hi !== undefined) return `a number from ${lo} to ${hi}`;
      if (lo !== undefined) return `a number >= ${lo}`;
      if (hi !== undefined) return `a number <= ${hi}`;
      return "a number";
    }
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    case "enum":
      return `one of ${Object.values(d.entries ?? {}).join(", ")}`;
    case "literal":
      return (d.values ?? []).map((v) => `'${String(v)}'`).join(" or ");
    case "array":
      return "a list";
    case "record":
      return "a mapping of ids to numbers";
    case "object": {
      const keys = Object.keys(d.shape ?? {});
      if (keys.length === 3 && ["low", "high", "value"].every((k) => keys.includes(k)))
        return "a range { low, high, value }";
      return "a mapping";
    }
    case "union":
      if (d.discriminator) return `a mapping with a '${d.discriminator}'`;
      return (d.options ?? []).map(describeExpected).join(", or ");
    default:
      return "a valid value";
  }
}

/** For a union, the option that applies to `value`; otherwise the schema itself. */
function resolveFor(s: Schema | undefined, value: unknown): Schema | undefined {
  if (!s) return undefined;
  const u = unwrap(s);
  return defOf(u).type === "union" ? (pickOption(u, value) ?? u) : u;
}

function allowedKeys(s: Schema | undefined, value: unknown): string[] {
  const r = resolveFor(s, value);
  if (!r) return [];
  const d = defOf(unwrap(r));
  return d.type === "object" ? Object.keys(d.shape ?? {}) : [];
}

// ---- issues -> messages ------------------------------------------------------------------------------------

interface Issue {
  code: string;
  path: PathSegment[];
  message: string;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  options?: unknown[];
  discriminator?: string;
  errors?: Issue[][];
  issues?: Issue[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  note?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Friendly messages for a list of zod issues against `root` and the raw `data` it was given. */
export function messagesFor(root: Schema, data: unknown, issues: readonly z.core.$ZodIssue[]): PathMessage[] {
  const out: PathMessage[] = [];
  for (const issue of issues as unknown as Issue[]) out.push(...messagesForIssue(root, data, issue, []));
  // A union branch may repeat the same complaint; keep one of each.
  const seen = new Set<string>();
  return out.filter((m) => {
    const k = `${formatPath(m.path)}|${m.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function messagesForIssue(root: Schema, data: unknown, issue: Issue, prefix: PathSegment[]): PathMessage[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const value = valueAt(data, path);
  const schema = schemaAt(root, data, path);
  const got = describeValue(value);

  const missing =
    value === undefined && path.length > 0 && !["unrecognized_keys", "invalid_key", "custom"].includes(issue.code) &&
    !(issue.code === "invalid_union" && issue.discriminator);
  if (missing) {
    const key = path[path.length - 1];
    return [{ path, message: `missing required field '${String(key)}': expected ${describeExpected(schema)}` }];
  }

  switch (issue.code) {
    case "invalid_type": {
      // YAML reads `date: 2021` as a number and `title: yes` as text only when quoted: say how to fix it.
      const quoteHint =
        issue.expected === "string" && (typeof value === "number" || typeof value === "boolean")
          ? ` (YAML read it as a ${typeof value}; put it in quotes: "${String(value)}")`
          : "";
      return [{ path, message: `expected ${describeExpected(schema)}, got ${got}${quoteHint}` }];
    }
    case "too_big":
    case "too_small": {
      if (issue.origin === "number")
        return [{ path, message: `expected ${describeExpected(resolveFor(schema, value))}, got ${got}` }];
      const isMax = issue.code === "too_big";
      const bound = Number(isMax ? issue.maximum : issue.minimum);
      if (issue.origin === "array") {
        const n = Array.isArray(value) ? value.length : 0;
        return [
          {
            path,
            message: isMax
              ? `expected at most ${plural(bound, "item")}, got ${n}`
              : `expected at least ${plural(bound, "item")}, got ${n === 0 ? "an empty list" : n}`,
          },
        ];
      }
      if (issue.origin === "string") {
        const n = typeof value === "string" ? value.length : 0;
        return [
          {
            path,
            message: isMax
              ? `expected at most ${plural(bound, "character")}, got ${n}`
              : `expected at least ${plural(bound, "character")}, got ${n === 0 ? "empty text" : n}`,
          },
        ];
      }
      return [{ path, message: `${issue.message}, got ${got}` }];
    }
    case "invalid_format":
      return [{ path, message: `${issue.message.startsWith("expected") ? issue.message : `expected ${issue.message}`}, got ${got}` }];
    case "invalid_value": {
      const values = (issue.values ?? []).map(String);
      const hint = typeof value === "string" ? didYouMean(value, values) : "";
      if (values.length === 1) return [{ path, message: `expected '${values[0]}', got ${got}` }];
      return [{ path, message: `expected one of ${values.join(", ")}, got ${got}${hint}` }];
    }
    case "unrecognized_keys": {
      const allowed = allowedKeys(schema, value);
      return (issue.keys ?? []).map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown key '${key}'${didYouMean(key, allowed)}; allowed keys here: ${allowed.join(", ")}`,
      }));
    }
    case "invalid_key": {
      const key = path[path.length - 1];
      const inner = issue.issues?.[0]?.message ?? "invalid key";
      return [{ path, atKey: true, message: `invalid key '${String(key)}': ${inner}` }];
    }
    case "invalid_union": {
      if (issue.discriminator) {
        const options = (issue.options ?? []).map(String);
        const tagPath = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
        const tag = valueAt(data, tagPath);
        if (tag === undefined)
          return [{ path: tagPath.slice(0, -1), message: `missing required field '${issue.discriminator}': expected one of ${options.join(", ")}` }];
        const hint = typeof tag === "string" ? didYouMean(tag, options) : "";
        return [
          {
            path: tagPath,
            message: `unknown rule ${issue.discriminator} ${describeValue(tag)}${hint}; valid types: ${options.join(", ")}`,
          },
        ];
      }
      // Keep the branches whose kind matched (their complaints are about the inside of the value).
      const branches = (issue.errors ?? []).filter(
        (errs) => errs.length > 0 && !errs.some((e) => e.path.length === 0 && (e.code === "invalid_type" || e.code === "invalid_value")),
      );
      if (branches.length > 0) return branches[0]!.flatMap((e) => messagesForIssue(root, data, e, path));
      return [{ path, message: `expected ${describeExpected(schema)}, got ${got}` }];
    }
    case "custom": {
      if (issue.message === "expected low <= value <= high" && value && typeof value === "object") {
        const r = value as { low: number; high: number; value: number };
        const why = r.low > r.high ? "low is above high" : "value lies outside [low, high]";
        return [{ path, message: `expected low <= value <= high, got low ${r.low}, value ${r.value}, high ${r.high} (${why})` }];
      }
      return [{ path, message: issue.message }];
    }
    default:
      return [{ path, message: `${issue.message}, got ${got}` }];
  }
}
