/**
 * The back-test: each reported outcome beside the model's value on the path at that date, with its 80% band
 * (P10-P90 of the draws), the error, whether the reported value falls inside the band, and whether it was an
 * input (never counted). Pure: the caller supplies the facts, the resolved path, its evaluation and bands.
 */
import type { Fact } from "../engine/model";
import type { PathBands } from "../paths/bands";
import type { PathEvaluation } from "../paths/evaluate";
import { targetKeys, type ResolvedPath } from "../paths/resolve";
import { figureById } from "./figures";
import type { Outcome } from "./outcomes";

export interface BacktestRow {
  /** The figure compared, in words. */
  metric: string;
  figure: string;
  fact: string;
  factLabel: string;
  date: string;
  unit: string;
  comparison: "value" | "at-least";
  reported: number;
  /** Source keys of the fact, comma-separated. */
  source: string;
  /** The model's point value on the path at that date; null when the engine cannot produce the figure. */
  model: number | null;
  low: number | null;
  high: number | null;
  /** model - reported. */
  error: number | null;
  /** Reported value inside the 80% band (for `at-least`, the band reaches it); null without a band. */
  inside: boolean | null;
  input: boolean;
  inputReason: string | null;
  /** The step in force at that date (-1: the baseline) and its label. */
  step: number;
  stepLabel: string;
}

export interface Backtest {
  coverage: { inside: number; outputs: number };
  rows: BacktestRow[];
  /** Outcomes whose fact or figure is missing from the register (shown, so a broken link is never silent). */
  missing: string[];
}

/** A date as the first day it can mean: `2021-06` -> `2021-06-01`; reported figures compare with the state then. */
export function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Index of the last step in force on `date` (-1 for the baseline). */
export function stepAt(path: ResolvedPath, date: string): number {
  const d = firstDay(date);
  let k = -1;
  path.steps.forEach((s, i) => {
    if (firstDay(s.date) <= d) k = i;
  });
  return k;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Numbers held by a rule's fields (a range's value counts), with the field name. */
function numbersOf(rule: Record<string, unknown>): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [field, v] of Object.entries(rule)) {
    if (typeof v === "number") out.push([field, v]);
    else if (v && typeof v === "object" && typeof (v as { value?: unknown }).value === "number") out.push([field, (v as { value: number }).value]);
  }
  return out;
}

/** Why a reported value is an input on the path at step k: a rule in force that holds it; else null. */
function typedInBy(path: ResolvedPath, k: number, figureId: string, reported: number): string | null {
  const fig = figureById(figureId);
  if (!fig || k < 0) return null;
  for (const r of path.steps[k]!.active) {
    const keys = targetKeys(r.rule);
    const relevant = fig.typedIn.types?.includes(r.rule.type) && (!fig.typedIn.keys || keys.some((x) => fig.typedIn.keys!.includes(x)));
    if (!relevant) continue;
    const units = keys.filter((x) => x.startsWith("unit:")).length || 1;
    for (const [field, v] of numbersOf(r.rule as unknown as Record<string, unknown>))
      if (close(v, reported) || close(v * units, reported)) return `typed into rule ${r.id} (${field}: ${v}${units > 1 && !close(v, reported) ? ` for each of ${units} units` : ""})`;
  }
  return null;
}

export function backtest(
  outcomes: readonly Outcome[],
  facts: readonly Fact[],
  path: ResolvedPath,
  evaluation: PathEvaluation,
  bands: PathBands | null,
): Backtest {
  const rows: BacktestRow[] = [];
  const missing: string[] = [];
  for (const o of outcomes) {
    const fig = figureById(o.figure);
    const fact = facts.find((f) => f.id === o.fact);
    const figure = fact?.figures.find((x) => x.label === o.label && x.unit === o.unit);
    if (!fig || !fact || !figure) {
      missing.push(`${o.fact}: ${o.label} (${o.unit})`);
      continue;
    }
    const k = stepAt(path, figure.date);
    const result = k < 0 ? evaluation.baseline : evaluation.steps[k]!.result;
    const model = fig.read(result);
    const band = bands ? (k < 0 ? bands.baseline : bands.steps[k]!).figures[fig.id] ?? null : null;
    const low = model === null || !band ? null : band.p10;
    const high = model === null || !band ? null : band.p90;
    const comparison = o.comparison ?? "value";
    const inside =
      low === null || high === null ? null : comparison === "at-least" ? high >= figure.value : low <= figure.value && figure.value <= high;
    const inputReason = o.inputBecause ?? typedInBy(path, k, fig.id, figure.value);
    rows.push({
      metric: fig.label,
      figure: fig.id,
      fact: fact.id,
      factLabel: figure.label,
      date: figure.date,
      unit: fig.unit,
      comparison,
      reported: figure.value,
      source: fact.sourceKeys.join(", "),
      model,
      low,
      high,
      error: model === null ? null : model - figure.value,
      inside,
      input: inputReason !== null,
      inputReason,
      step: k,
      stepLabel: k < 0 ? "baseline (mid-2020)" : `${path.steps[k]!.date} ${path.steps[k]!.label}`,
    });
  }
  // Outputs: figures the model produced, not typed in. One without a band counts as outside: never a free hit.
  const outputs = rows.filter((r) => !r.input && r.model !== null);
  return { coverage: { inside: outputs.filter((r) => r.inside === true).length, outputs: outputs.length }, rows, missing };
}
