/**
 * The scenario's rules in plain language, each with its id, family (as a word) and note. The text follows the
 * what-if (it describes the values on screen); a rule the what-if changed says so in words and gives the file's
 * text beside it, because its label, written for the file, may still quote the file's number.
 */
import { Section } from "~/components/shared/Section";
import { describeRule, type NameLookup } from "~/scenarios/describe-rule";
import { ruleIdOf } from "~/scenarios/ids";
import { RULE_FAMILIES } from "~/scenarios/families";
import type { Scenario } from "~/scenarios/schema";

import { memoBySlice } from "./memo";

const FAMILY_LABEL = { privacy: "Data privacy", "anti-monopoly": "Anti-monopoly", capital: "Capital" } as const;

function RulesSectionView({ scenario, applied, names }: { scenario: Scenario; applied: Scenario; names: NameLookup }) {
  return (
    <Section id="rules" title={`The rules (${scenario.rules.length})`}>
      <ol className="rule-list">
        {scenario.rules.map((rule, i) => {
          const id = ruleIdOf(rule, i);
          const family = RULE_FAMILIES[rule.type];
          const now = applied.rules[i] ?? rule;
          const changed = describeRule(now, names) !== describeRule(rule, names);
          return (
            <li key={id} id={`rule-${id}`} className={`rule rule-${family}`} data-rule-id={id} data-whatif={changed ? "changed" : undefined}>
              <p className="rule-meta">
                <span className={`family family-${family}`}>{FAMILY_LABEL[family]}</span>
                <code className="rule-id">{id}</code>
                <span className="rule-label">{rule.label}</span>
              </p>
              <p className="rule-text">
                {changed ? <strong className="rule-whatif-tag">What-if: </strong> : null}
                {describeRule(now, names)}
              </p>
              {changed ? <p className="rule-file-text">In the file: {describeRule(rule, names)}</p> : null}
              {rule.note ? <p className="rule-note">{rule.note}</p> : null}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

export const RulesSection = memoBySlice(RulesSectionView, (p) => [p.scenario, p.applied]);
