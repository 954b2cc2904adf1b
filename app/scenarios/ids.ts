/**
 * Rule ids: one definition shared by the engine, attribution, URLs and the validator.
 * A rule's id is the one it states, or `rule-N` (1-based position in the scenario).
 */

/** The id of a rule: its own `id`, or `rule-N` for the rule at 0-based `index`. */
export function ruleIdOf(rule: { id?: string | undefined }, index: number): string {
  return rule.id ?? `rule-${index + 1}`;
}

/** The ids of a scenario's rules, in order. */
export function ruleIds(scenario: { rules: ReadonlyArray<{ id?: string | undefined }> }): string[] {
  return scenario.rules.map(ruleIdOf);
}

/** Indexes of rules whose id repeats an earlier rule's id, with the index of the first rule holding it. */
export function duplicateRuleIds(
  scenario: { rules: ReadonlyArray<{ id?: string | undefined }> },
): Array<{ index: number; id: string; firstIndex: number }> {
  const seen = new Map<string, number>();
  const dups: Array<{ index: number; id: string; firstIndex: number }> = [];
  scenario.rules.forEach((rule, index) => {
    const id = ruleIdOf(rule, index);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else dups.push({ index, id, firstIndex: first });
  });
  return dups;
}
