/**
 * evaluate(model, scenario): the rules applied to the baseline. Pure, deterministic, no I/O.
 *
 * One stage per rule family, each a function of (state, rules) in `stages/` (PROPAGATION.md has the account):
 *  1. privacy: data flows cut -> each receiving unit's coverage -> its volume;
 *  2. splits: stakes and consolidation, links out, entry points -> each service's reach;
 *  3. markets: interoperability, share caps and fund caps move volume to rivals;
 *  4. capital: requirements, shortfall, raise or shrink; the holding company; bureau fees;
 *  5. results: revenue, then the headline (and, for `evaluate`, every unit, service, market and flow).
 * Rules of one type combine order-independently (products, minima, maxima), so the order of rules in a file
 * never matters: this is what makes the Shapley attribution well defined.
 * The model is never copied: what depends only on it is indexed once (`model-index.ts`) and the state is a few
 * flat arrays, so Monte Carlo and attribution can run thousands of evaluations.
 */
import { assumptionValues, type AssumptionValues } from "./assumptions";
import type { Model } from "./model";
import { indexModel } from "./model-index";
import type { Headline, Result } from "./result";
import type { EngineScenario } from "./rules";
import { capitalStage } from "./stages/capital";
import { marketsStage } from "./stages/markets";
import { privacyStage } from "./stages/privacy";
import { buildResult, headlineOf, revenueStage } from "./stages/results";
import { splitsStage } from "./stages/splits";
import { createState, groupRules, type State } from "./state";

export interface EvaluateOptions {
  /** What-if overrides of engine assumptions, applied after the scenario's own overrides. */
  assumptions?: Record<string, number>;
  /** false skips explanations and warnings in `evaluate` (the uncertainty analysis evaluates a thousand draws). */
  explain?: boolean;
}

/** Run the stages. `explain` off skips sentences and warnings (Monte Carlo and attribution run this many times). */
function run(model: Model, scenario: EngineScenario, a: Readonly<AssumptionValues>, explain: boolean): State {
  const s = createState(indexModel(model), a, explain);
  const rules = groupRules(scenario);
  privacyStage(s, rules);
  splitsStage(s, rules);
  marketsStage(s, rules);
  capitalStage(s, rules);
  revenueStage(s);
  return s;
}

/** The assumption values a scenario runs with: the model's, then the scenario's overrides, then the what-if's. */
export function assumptionsFor(model: Model, scenario: EngineScenario, options: EvaluateOptions = {}): Readonly<AssumptionValues> {
  return assumptionValues(model, scenario.assumptions, options.assumptions);
}

/**
 * The headline only: what attribution and Monte Carlo need, without building the full result. `resolved` lets a
 * caller that evaluates many variants of one scenario resolve its assumptions once.
 */
export function evaluateHeadline(
  model: Model,
  scenario: EngineScenario,
  options: EvaluateOptions = {},
  resolved: Readonly<AssumptionValues> = assumptionsFor(model, scenario, options),
): Headline {
  return headlineOf(run(model, scenario, resolved, false));
}

/** Apply a scenario to the baseline model and return every figure against its baseline. */
export function evaluate(model: Model, scenario: EngineScenario, options: EvaluateOptions = {}): Result {
  return buildResult(run(model, scenario, assumptionsFor(model, scenario, options), options.explain !== false), scenario.id);
}
