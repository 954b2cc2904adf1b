/** The scenario's rules in plain language, each with its id, family (as a word) and note. */
import { Section } from "~/components/model/Section";
import { describeRule, type NameLookup } from "~/scenarios/describe-rule";
import { ruleIdOf } from "~/scenarios/ids";
import { RULE_FAMILIES } from "~/scenarios/families";
import type { Scenario } from "~/scenarios/schema";

import { memoBySlice } from "./memo";

const FAMILY_LABEL = { privacy: "Data privacy", "anti-monopoly": "Anti-monopoly", capital: "Capital" } as const;

function RulesSectionView({ scenario, names }: { scenario: Scenario; names: NameLookup }) {
  return (
    <Section id="rules" title={`The rules (${scenario.rules.length})`}>
      <ol className="rule-list">
        {scenario.rules.map((rule, i) => {
          const id = ruleIdOf(rule, i);
          const family = RULE_FAMILIES[rule.type];
          return (
            <li key={id} id={`rule-${id}`} className={`rule rule-${family}`} data-rule-id={id}>
              <p className="rule-meta">
                <span className={`family family-${family}`}>{FAMILY_LABEL[family]}</span>
                <code className="rule-id">{id}</code>
                <span className="rule-label">{rule.label}</span>
              </p>
              <p className="rule-text">{describeRule(rule, names)}</p>
              {rule.note ? <p className="rule-note">{rule.note}</p> : null}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

export const RulesSection = memoBySlice(RulesSectionView, (p) => p.scenario);
