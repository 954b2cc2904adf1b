import type { Rule } from "./schema";

/** A rule's id: its own `id`, or `rule-N` (1-based position) when the file gives none. Shared by engine and URLs. */
export function ruleIdOf(rule: Pick<Rule, "id">, index: number): string {
  return rule.id ?? `rule-${index + 1}`;
}
