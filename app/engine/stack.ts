/**
 * A synthetic stack: the rules of several scenarios applied together (the benchmark's 12- and 24-rule stacks,
 * the attribution tests, the history issue's stacked scenarios). Each rule's id is prefixed with its scenario's
 * so ids stay unique; scenario-level assumption overrides are left out (they would conflict). When the scenarios
 * hold fewer rules than asked, the list starts again (ids suffixed `-2`, `-3`, ...): a repeated rule is a second
 * rule of the same kind, which the engine combines as it does any two (the stricter wins).
 */
import { ruleIdOf, type EngineScenario as Scenario } from "./rules";

export function stackScenarios(scenarios: Scenario[], count: number, id = `stack-${count}`): Scenario {
  const all = scenarios.flatMap((s) => s.rules.map((r, i) => ({ ...r, id: `${s.id}-${ruleIdOf(r, i)}` })));
  if (all.length === 0) throw new Error("the scenarios hold no rules");
  const rules = Array.from({ length: count }, (_, k) => {
    const r = all[k % all.length];
    const round = Math.floor(k / all.length);
    return round === 0 ? r : { ...r, id: `${r.id}-${round + 1}` };
  });
  return { id, rules };
}
