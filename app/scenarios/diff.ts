/**
 * What changed between two versions of a scenario, in plain language: "Share of users who consent (consentRate)
 * of rule 'consent' changed from 40% to 60%", "rule 'cut-links' added", "title changed from ... to ...". Rules are matched by their id
 * (`ruleIdOf`), so a rule keeps its identity when others are added, removed or reordered. Pure and isomorphic.
 */
import { ruleIdOf } from "./ids";
import { formatWithUnit } from "../utils/format";
import { paramMetaOf, type Param, type Rule, type RuleType, type ScenarioDefinition } from "./schema";
import { ruleFieldOrder } from "./to-yaml";

export interface ScenarioChange {
  kind: "added" | "removed" | "changed" | "reordered";
  /** Where: `title`, `sources`, `assumptions.x`, `rules.consent`, `rules.consent.consentRate`. */
  path: string;
  /** The rule the change is about, if any. */
  ruleId?: string;
  message: string;
}

/** What applies when an optional field is dropped. */
const DEFAULT_NOTES: Record<string, string> = {
  recapture: "the model's assumption applies",
  riskWeight: "the credit book's own risk weight applies",
  from: "any unit",
  to: "any unit",
};

const trim = (n: number) => String(Number(n.toFixed(6)));

/** A parameter's number in its unit and format, as declared on the schema (percentages as percentages). */
function formatNumber(type: RuleType, field: string, n: number): string {
  const meta = paramMetaOf(type, field);
  return meta ? formatWithUnit(n, meta.unit, meta.format, true) : trim(n);
}

function isRange(v: unknown): v is { low: number; high: number; value: number } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "value" in v && "low" in v && "high" in v;
}

function formatParam(type: RuleType, field: string, p: Param): string {
  if (typeof p === "number") return formatNumber(type, field, p);
  return `${formatNumber(type, field, p.value)} (range ${formatNumber(type, field, p.low)} to ${formatNumber(type, field, p.high)})`;
}

function quote(s: string, max = 80): string {
  const one = s.replace(/\s+/g, " ").trim();
  return `"${one.length > max ? `${one.slice(0, max - 1)}…` : one}"`;
}

function formatValue(type: RuleType, field: string, v: unknown): string {
  if (typeof v === "number" || isRange(v)) return formatParam(type, field, v as Param);
  if (typeof v === "string") return field === "response" || field === "type" || field === "entryPoints" ? v : quote(v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length === 0 ? "none" : v.join(", ");
  return JSON.stringify(v);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRange(a) && isRange(b)) return a.low === b.low && a.high === b.high && a.value === b.value;
  return a === b;
}

function isIdList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/** Changes to one field of a rule. */
function diffField(type: RuleType, ruleId: string, field: string, a: unknown, b: unknown): ScenarioChange[] {
  const path = `rules.${ruleId}.${field}`;
  // A parameter is named by its label, as everywhere people read it (decision 032), with the file's key beside it.
  const meta = paramMetaOf(type, field);
  const where = meta ? `${meta.label} (${field}) of rule '${ruleId}'` : `${field} of rule '${ruleId}'`;
  if (sameValue(a, b)) return [];
  if (a === undefined) return [{ kind: "added", path, ruleId, message: `${where} set to ${formatValue(type, field, b)}` }];
  if (b === undefined) {
    const fallback = DEFAULT_NOTES[field];
    return [{ kind: "removed", path, ruleId, message: `${where} removed${fallback ? ` (${fallback})` : ""}` }];
  }
  if (isIdList(a) && isIdList(b)) {
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    if (added.length === 0 && removed.length === 0) return []; // same ids in another order: no effect
    const parts = [added.length > 0 ? `added ${added.join(", ")}` : "", removed.length > 0 ? `removed ${removed.join(", ")}` : ""];
    return [{ kind: "changed", path, ruleId, message: `${where}: ${parts.filter(Boolean).join("; ")}` }];
  }
  if (field === "note" && typeof b === "string")
    return [{ kind: "changed", path, ruleId, message: `${where} changed to ${quote(b, 120)}` }];
  return [{ kind: "changed", path, ruleId, message: `${where} changed from ${formatValue(type, field, a)} to ${formatValue(type, field, b)}` }];
}

function diffRule(ruleId: string, a: Rule, b: Rule): ScenarioChange[] {
  if (a.type !== b.type)
    return [{ kind: "changed", path: `rules.${ruleId}.type`, ruleId, message: `rule '${ruleId}' changed type from ${a.type} to ${b.type}` }];
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const keys = [...ruleFieldOrder(a.type), ...Object.keys(ra), ...Object.keys(rb)].filter((k, i, all) => k !== "id" && k !== "type" && all.indexOf(k) === i);
  return keys.flatMap((k) => diffField(a.type, ruleId, k, ra[k], rb[k]));
}

/** Every difference between two scenario definitions, in plain language, in reading order. */
export function diffScenarios(before: ScenarioDefinition, after: ScenarioDefinition): ScenarioChange[] {
  const changes: ScenarioChange[] = [];
  const push = (kind: ScenarioChange["kind"], path: string, message: string) => changes.push({ kind, path, message });

  if (before.title !== after.title) push("changed", "title", `title changed from ${quote(before.title)} to ${quote(after.title)}`);
  if (before.summary !== after.summary) push("changed", "summary", `summary changed to ${quote(after.summary, 120)}`);
  if (before.date !== after.date) push("changed", "date", `date changed from ${before.date} to ${after.date}`);
  if (Boolean(before.hypothetical) !== Boolean(after.hypothetical))
    push("changed", "hypothetical", after.hypothetical ? "now marked hypothetical" : "no longer marked hypothetical");

  for (const s of after.sources) if (!before.sources.includes(s)) push("added", "sources", `source ${s} added`);
  for (const s of before.sources) if (!after.sources.includes(s)) push("removed", "sources", `source ${s} removed`);

  const aa = before.assumptions ?? {};
  const ab = after.assumptions ?? {};
  for (const id of new Set([...Object.keys(aa), ...Object.keys(ab)])) {
    const x = aa[id];
    const y = ab[id];
    if (x === y) continue;
    const path = `assumptions.${id}`;
    if (x === undefined) push("added", path, `assumption '${id}' overridden: ${trim(y!)}`);
    else if (y === undefined) push("removed", path, `override of assumption '${id}' removed (the model's value applies)`);
    else push("changed", path, `assumption '${id}' changed from ${trim(x)} to ${trim(y)}`);
  }

  const idsA = before.rules.map(ruleIdOf);
  const idsB = after.rules.map(ruleIdOf);
  const rulesA = new Map(before.rules.map((r, i) => [idsA[i]!, r]));
  const rulesB = new Map(after.rules.map((r, i) => [idsB[i]!, r]));
  idsB.forEach((id) => {
    const b = rulesB.get(id)!;
    const a = rulesA.get(id);
    if (!a) changes.push({ kind: "added", path: `rules.${id}`, ruleId: id, message: `rule '${id}' added (${b.type}: ${quote(b.label, 60)})` });
    else changes.push(...diffRule(id, a, b));
  });
  for (const id of idsA)
    if (!rulesB.has(id)) changes.push({ kind: "removed", path: `rules.${id}`, ruleId: id, message: `rule '${id}' removed (${rulesA.get(id)!.type}: ${quote(rulesA.get(id)!.label, 60)})` });

  const keptA = idsA.filter((id) => rulesB.has(id));
  const keptB = idsB.filter((id) => rulesA.has(id));
  if (keptA.some((id, i) => keptB[i] !== id))
    push("reordered", "rules", "rules reordered (the order of rules does not change the result)");

  return changes;
}

/** The changes as lines of text, or one line saying there are none. */
export function describeChanges(changes: readonly ScenarioChange[]): string[] {
  return changes.length === 0 ? ["no changes"] : changes.map((c) => c.message);
}
