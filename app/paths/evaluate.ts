/**
 * A resolved path evaluated step by step. Pure (no I/O): runs on the server and could run in the browser.
 *
 * Step k's result is the engine's evaluation of every rule in force after step k (see resolve.ts), with the
 * assumption overrides in force then. Its change from step k-1 is attributed to the step's own rules by exact
 * Shapley values over the game v(S) = the headline with the rules of S landed on step k-1's rules; a change in
 * the assumption overrides (a scenario that brings its own) is a line of its own, so the parts add up to the
 * step's change exactly.
 */
import { evaluate, evaluateHeadline, type EvaluateOptions } from "../engine/evaluate";
import type { Model } from "../engine/model";
import { HEADLINE_KEYS, type Headline, type HeadlineKey, type Result } from "../engine/result";
import type { EngineScenario } from "../engine/rules";
import { applyRules, type PathRule, type ResolvedPath, type ResolvedStep } from "./resolve";

export type Figures = Record<HeadlineKey, number>;

export interface StepAttribution {
  /** The step's rules, then `assumptions` when the step changed the assumption overrides. */
  ids: string[];
  labels: string[];
  /** Per headline metric, one value per id; they add up to the step's change. */
  byRule: Record<HeadlineKey, number[]>;
}

export interface StepEvaluation {
  index: number;
  date: string;
  label: string;
  result: Result;
  /** Headline figures after the step. */
  headline: Figures;
  /** Change from the previous step (from the baseline for the first). */
  change: Figures;
  attribution: StepAttribution;
}

export interface PathEvaluation {
  pathId: string;
  baseline: Result;
  steps: StepEvaluation[];
}

/** The scenario the engine evaluates for a set of rules in force. */
export function scenarioOf(path: ResolvedPath, step: ResolvedStep, rules: readonly PathRule[]): EngineScenario {
  return {
    id: `${path.id}@${step.date}`,
    assumptions: step.assumptions,
    rules: rules.map((r) => ({ ...r.rule, id: r.id })),
  };
}

const figures = (h: Headline): Figures =>
  Object.fromEntries(HEADLINE_KEYS.map((k) => [k, h[k].scenario])) as Figures;

/** Shapley values of n players from the value of every subset (bit mask -> figures). */
function shapley(values: Figures[], n: number): Record<HeadlineKey, number[]> {
  const fact = [1];
  for (let i = 1; i <= n; i++) fact[i] = fact[i - 1]! * i;
  const weight = (k: number) => (fact[k]! * fact[n - k - 1]!) / fact[n]!;
  const size = (m: number) => {
    let c = 0;
    for (; m; m &= m - 1) c++;
    return c;
  };
  const out = {} as Record<HeadlineKey, number[]>;
  for (const key of HEADLINE_KEYS) {
    out[key] = Array.from({ length: n }, (_, i) => {
      let phi = 0;
      for (let mask = 0; mask < 1 << n; mask++) {
        if (mask & (1 << i)) continue;
        const d = values[mask | (1 << i)]![key] - values[mask]![key];
        if (d !== 0) phi += weight(size(mask)) * d;
      }
      return phi;
    });
  }
  return out;
}

/** Every step of a resolved path, evaluated, with its change attributed. */
export function evaluatePath(model: Model, path: ResolvedPath, options: EvaluateOptions = {}): PathEvaluation {
  const empty: EngineScenario = { id: `${path.id}@baseline`, rules: [] };
  const baseline = evaluate(model, empty, options);
  let before: PathRule[] = [];
  let previous = figures(baseline.headline);
  const steps = path.steps.map((step): StepEvaluation => {
    const result = evaluate(model, scenarioOf(path, step, step.active), options);
    const headline = figures(result.headline);
    const change = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, headline[k] - previous[k]])) as Figures;
    const n = step.rules.length;
    const values: Figures[] = new Array(1 << n);
    for (let mask = 0; mask < 1 << n; mask++) {
      const subset = step.rules.filter((_, i) => mask & (1 << i));
      const rules = mask === (1 << n) - 1 ? step.active : applyRules(before, subset).active;
      values[mask] = mask === (1 << n) - 1 ? headline : figures(evaluateHeadline(model, scenarioOf(path, step, rules), options));
    }
    const byRule = shapley(values, n);
    const ids = step.rules.map((r) => r.id);
    const labels = step.rules.map((r) => r.label);
    // The part of the change that the assumption overrides made before any of the step's rules landed.
    const fromAssumptions = HEADLINE_KEYS.map((k) => values[0]![k] - previous[k]);
    if (fromAssumptions.some((d) => Math.abs(d) > 1e-12)) {
      ids.push("assumptions");
      labels.push("Assumption overrides of the step's scenarios");
      HEADLINE_KEYS.forEach((k, j) => byRule[k].push(fromAssumptions[j]!));
    }
    before = step.active;
    previous = headline;
    return { index: step.index, date: step.date, label: step.label, result, headline, change, attribution: { ids, labels, byRule } };
  });
  return { pathId: path.id, baseline, steps };
}
