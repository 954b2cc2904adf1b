/**
 * What the API and the CLI return for scenarios, built in one place so `evaluate --format json` and
 * `GET /api/scenarios/:id/result` cannot drift apart. Pure: the caller supplies the model and the scenario.
 */
import { attribute } from "../engine/attribution";
import { evaluate, evaluateHeadline } from "../engine/evaluate";
import type { Model } from "../engine/model";
import { computeBands, type Bands } from "../engine/uncertainty";
import { HEADLINE_KEYS, type Attribution, type HeadlineKey, type Result } from "../engine/result";
import type { ScenarioError } from "./parse";
import { RULE_FAMILIES, type RuleFamily } from "./families";
import type { Scenario } from "./schema";
import type { ScenarioFileResult } from "./validate";

/** `{ scenario, result, attribution }`: the body of /api/scenarios/:id/result and of `evaluate --format json`. */
export interface ScenarioResultPayload {
  scenario: Scenario;
  result: Result;
  attribution: Attribution;
  /** Present when draws were asked for (`?draws=N&seed=S`, `--draws N --seed S`). */
  bands?: Bands;
}

/**
 * Evaluate a scenario and attribute its headline changes to its rules; with `uncertainty`, add the bands of every
 * figure over that many seeded draws (assumptions set by the caller are pinned, not drawn).
 */
export function resultPayload(
  model: Model,
  scenario: Scenario,
  opts: {
    assumptions?: Record<string, number>;
    uncertainty?: { draws: number; seed: number } | null;
    /** What-if values by key, already in the scenario: pinned, not drawn. */
    whatIf?: Record<string, number>;
  } = {},
): ScenarioResultPayload {
  const payload: ScenarioResultPayload = {
    scenario,
    result: evaluate(model, scenario, opts),
    attribution: attribute(model, scenario, opts),
  };
  if (opts.uncertainty) {
    const whatIf = {
      ...Object.fromEntries(Object.entries(opts.assumptions ?? {}).map(([k, v]) => [`a.${k}`, v])),
      ...opts.whatIf,
    };
    payload.bands = computeBands(model, scenario, { ...opts.uncertainty, whatIf });
  }
  return payload;
}

export interface HeadlineDelta {
  baseline: number;
  scenario: number;
  delta: number;
}

/** One entry of GET /api/scenarios: a scenario with its headline deltas, or a broken file with its errors. */
export type ScenarioSummary =
  | {
      id: string;
      ok: true;
      file: string;
      title: string;
      summary: string;
      date: string;
      hypothetical: boolean;
      families: RuleFamily[];
      ruleCount: number;
      headline: Record<HeadlineKey, HeadlineDelta>;
      warnings: ScenarioError[];
    }
  | { id: string; ok: false; file: string; errors: ScenarioError[] };

/** The rule families a scenario touches, in a fixed order. */
export function familiesOf(scenario: Pick<Scenario, "rules">): RuleFamily[] {
  const present = new Set(scenario.rules.map((r) => RULE_FAMILIES[r.type]));
  return (["privacy", "anti-monopoly", "capital"] as const).filter((f) => present.has(f));
}

/** Summarise a loaded file: its headline deltas when it is valid (the model is needed to evaluate it). */
export function summarise(model: Model, loaded: ScenarioFileResult): ScenarioSummary {
  if (!loaded.ok) return { id: loaded.id, ok: false, file: loaded.file, errors: loaded.errors };
  const s = loaded.scenario;
  const h = evaluateHeadline(model, s);
  const headline = Object.fromEntries(
    HEADLINE_KEYS.map((k) => [k, { baseline: h[k].baseline, scenario: h[k].scenario, delta: h[k].scenario - h[k].baseline }]),
  ) as Record<HeadlineKey, HeadlineDelta>;
  return {
    id: s.id,
    ok: true,
    file: loaded.file,
    title: s.title,
    summary: s.summary,
    date: s.date,
    hypothetical: s.hypothetical,
    families: familiesOf(s),
    ruleCount: s.rules.length,
    headline,
    warnings: loaded.warnings,
  };
}
