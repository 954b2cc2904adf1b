/**
 * Rule ids: one definition shared by the engine, attribution, URLs and the validator.
 * A rule's id is the one it states, or `rule-N` (1-based position in the scenario).
 */

export { ruleIdOf, ruleIds } from "../engine/rules";
import { ruleIdOf } from "../engine/rules";

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
