/**
 * Inputs from history: the numbers of a scenario's rules that were typed in from what happened (the 780.8 RMB bn
 * Yu'e Bao cap, the 50% stake), as the scenario's `inputs` list declares them. Comparing such a number with
 * history proves nothing, so the page, the deck and the CLI label it "input from history [S..]", never as a
 * result. Pure and zod-free (pages import it).
 */
import type { PathSegment } from "./messages";
import { ruleIdOf } from "./ids";
import { isParam, paramValue } from "./params";
import type { ScenarioDefinition } from "./schema";
import type { Tunable } from "./what-if";
import { formatCompact, formatUnitParts } from "../utils/format";

export interface HistoryInput {
  ruleId: string;
  field: string;
  what: string;
  sources: string[];
  /** The value in the file (the historical figure). */
  fileValue: number;
  /** The value applied (differs from fileValue when a what-if moved it: then it is no longer history). */
  value: number;
}

type Definition = Pick<ScenarioDefinition, "rules" | "inputs">;

/** The scenario's inputs from history with their values; `applied` is the scenario after a what-if, if any. */
export function historyInputs(scenario: Definition, applied: Definition = scenario): HistoryInput[] {
  const out: HistoryInput[] = [];
  for (const input of scenario.inputs ?? []) {
    const i = scenario.rules.findIndex((r, j) => ruleIdOf(r, j) === input.rule);
    const fileParam = i >= 0 ? (scenario.rules[i] as Record<string, unknown>)[input.field] : undefined;
    if (!isParam(fileParam)) continue; // reported by historyInputIssues
    const appliedParam = (applied.rules[i] as Record<string, unknown> | undefined)?.[input.field];
    out.push({
      ruleId: input.rule,
      field: input.field,
      what: input.what,
      sources: input.sources,
      fileValue: paramValue(fileParam),
      value: isParam(appliedParam) ? paramValue(appliedParam) : paramValue(fileParam),
    });
  }
  return out;
}

/** Inputs that name no rule of the scenario, or no numeric parameter of it, or that repeat another. */
export function historyInputIssues(scenario: Definition): Array<{ path: PathSegment[]; message: string }> {
  const issues: Array<{ path: PathSegment[]; message: string }> = [];
  const ids = scenario.rules.map(ruleIdOf);
  const seen = new Set<string>();
  (scenario.inputs ?? []).forEach((input, j) => {
    const i = ids.indexOf(input.rule);
    if (i < 0) {
      issues.push({ path: ["inputs", j, "rule"], message: `no rule '${input.rule}' in this scenario; its rules: ${ids.join(", ")}` });
      return;
    }
    const rule = scenario.rules[i] as Record<string, unknown>;
    if (!isParam(rule[input.field])) {
      const params = Object.keys(rule).filter((k) => isParam(rule[k]));
      issues.push({
        path: ["inputs", j, "field"],
        message: `rule '${input.rule}' has no numeric parameter '${input.field}'; its parameters: ${params.join(", ") || "none"}`,
      });
      return;
    }
    const key = `${input.rule}.${input.field}`;
    if (seen.has(key)) issues.push({ path: ["inputs", j], message: `'${key}' is marked as an input twice` });
    seen.add(key);
  });
  return issues;
}

/**
 * An input's number as it reads in its parameter's unit, the unit itself left to the input's `what`: a share as a
 * percentage (0.3 -> "30%"), a multiple with its sign (5 -> "5×"), else the number as typed ("780.8"). `available` is the
 * scenario's tunables (they carry each parameter's unit and format from the schema).
 */
export function historyInputNumber(value: number, input: Pick<HistoryInput, "ruleId" | "field">, available: Array<Pick<Tunable, "key" | "unit" | "format">>): string {
  const t = available.find((x) => x.key === `r.${input.ruleId}.${input.field}`);
  if (!t) return formatCompact(value);
  if (t.format === "multiple") return `${formatCompact(value)}×`;
  // Precise: a figure typed in from history shows as typed (780.8, not rounded to 781).
  return formatUnitParts(value, t.unit, t.format, true).number;
}
