/**
 * Attribution: how much each rule contributed to each headline change.
 *
 * Shapley values over the rules: a rule's share is its marginal effect averaged over every order in which the
 * rules could be added. They do not depend on the order of the rules in the file, they add up exactly to the
 * total change (efficiency), and a rule that changes nothing gets zero (null player). Exact computation
 * evaluates every subset of rules: 2^n evaluations, 128 for the seven rules of the largest library scenario;
 * the schema caps a scenario at 12 rules (4,096 evaluations). See docs/decisions/ for why not sampling.
 */
import { assumptionsFor, evaluateHeadline, type EvaluateOptions } from "./evaluate";
import type { Model } from "./model";
import { HEADLINE_KEYS, type Attribution, type Headline, type HeadlineKey } from "./result";
import { ruleIdOf, type EngineScenario as Scenario } from "./rules";

/** Shapley attribution of every headline metric to the scenario's rules. */
export function attribute(model: Model, scenario: Scenario, options: EvaluateOptions = {}): Attribution {
  const run = startAttribution(model, scenario, options);
  run.step(run.evaluations);
  return run.result();
}

/**
 * The same attribution, computed a few subsets at a time: the browser runs it in slices of a few milliseconds
 * while a slider moves, so a 128-evaluation scenario never blocks a frame. The engine stays clock-free: the caller
 * decides how many steps fit. `step(k)` evaluates up to k more subsets and says whether all are done.
 */
export interface AttributionRun {
  /** Evaluations in all: 2^rules. */
  readonly evaluations: number;
  /** Evaluations done so far. */
  readonly done: number;
  step(count: number): boolean;
  /** The attribution; throws before every subset is evaluated. */
  result(): Attribution;
}

export function startAttribution(model: Model, scenario: Scenario, options: EvaluateOptions = {}): AttributionRun {
  const rules = scenario.rules;
  const n = rules.length;
  const ruleIds = rules.map((r, i) => ruleIdOf(r, i));
  // Keep each rule's own id when it runs inside a subset, so explanations and warnings stay traceable.
  const tagged = rules.map((r, i) => ({ ...r, id: ruleIds[i] }));
  const resolved = assumptionsFor(model, scenario, options);
  const evaluations = 1 << n;
  const values: Headline[] = new Array(evaluations);
  let done = 0;
  return {
    evaluations,
    get done() {
      return done;
    },
    step(count: number) {
      for (const end = Math.min(evaluations, done + Math.max(0, count)); done < end; done++) {
        const mask = done;
        const subset = tagged.filter((_, i) => mask & (1 << i));
        values[mask] = evaluateHeadline(model, { ...scenario, rules: subset }, options, resolved);
      }
      return done === evaluations;
    },
    result() {
      if (done < evaluations) throw new Error(`attribution not finished: ${done} of ${evaluations} subsets evaluated`);
      return shapley(values, n, ruleIds, rules.map((r) => r.label));
    },
  };
}

/** Shapley values from the headline of every subset of rules (indexed by bit mask). */
function shapley(values: Headline[], n: number, ruleIds: string[], ruleLabels: string[]): Attribution {
  // weight[k] = k! (n-k-1)! / n!, the share of orders in which a rule joins a coalition of size k
  const fact = [1];
  for (let i = 1; i <= n; i++) fact[i] = fact[i - 1] * i;
  const weight = (k: number) => (fact[k] * fact[n - k - 1]) / fact[n];
  const popcount = (m: number) => {
    let c = 0;
    while (m) {
      m &= m - 1;
      c++;
    }
    return c;
  };

  const metrics = {} as Attribution["metrics"];
  const full = (1 << n) - 1;
  for (const key of HEADLINE_KEYS) {
    const byRule = new Array(n).fill(0);
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      let phi = 0;
      for (let mask = 0; mask <= full; mask++) {
        if (mask & bit) continue;
        const diff = values[mask | bit][key].scenario - values[mask][key].scenario;
        if (diff !== 0) phi += weight(popcount(mask)) * diff;
      }
      byRule[i] = phi;
    }
    metrics[key as HeadlineKey] = {
      total: values[full][key].scenario - values[0][key].scenario,
      byRule,
    };
  }
  return { ruleIds, ruleLabels, metrics };
}
