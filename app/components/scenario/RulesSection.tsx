/**
 * The scenario's rules in plain language, each with its id, family (as a word) and note. The text follows the
 * what-if (it describes the values on screen); a rule the what-if changed says so in words and gives the file's
 * text beside it, because its label, written for the file, may still quote the file's number.
 */
import { Section } from "~/components/common/Section";
import { describeRule, type NameLookup } from "~/scenarios/describe-rule";
import { ruleIdOf } from "~/scenarios/ids";
import { RULE_FAMILIES } from "~/scenarios/families";
import { historyInputNumber, historyInputs, type HistoryInput } from "~/scenarios/inputs";
import type { Scenario } from "~/scenarios/schema";
import type { Tunable } from "~/scenarios/what-if";

import { memoBySlice } from "./memo";

const FAMILY_LABEL = { privacy: "Data privacy", "anti-monopoly": "Anti-monopoly", capital: "Capital" } as const;

/** "Input from history [S42]": a number typed in from what happened, shown as such and never as a result. */
export function HistoryInputNote({ input, tunables }: { input: HistoryInput; tunables: Tunable[] }) {
  const show = (v: number) => historyInputNumber(v, input, tunables);
  const moved = Math.abs(input.value - input.fileValue) > 1e-12;
  return (
    <p className="rule-input" data-input={`${input.ruleId}.${input.field}`}>
      <strong>Input from history</strong>{" "}
      {input.sources.map((k, i) => (
        <span key={k}>
          {i === 0 ? "[" : ", "}
          <a href={`/model#src-${k}`}>{k}</a>
          {i === input.sources.length - 1 ? "]" : null}
        </span>
      ))}
      : {show(input.fileValue)}, {input.what}. Typed in, not a prediction.
      {moved ? ` The what-if sets ${show(input.value)}: no longer the historical figure.` : null}
    </p>
  );
}

function RulesSectionView({ scenario, applied, names, tunables }: { scenario: Scenario; applied: Scenario; names: NameLookup; tunables: Tunable[] }) {
  const inputs = historyInputs(scenario, applied);
  return (
    <Section id="rules" title={`The rules (${scenario.rules.length})`}>
      {inputs.length > 0 ? (
        <p className="rules-inputs-intro">
          {inputs.length === 1 ? "One number" : `${inputs.length} numbers`} in these rules {inputs.length === 1 ? "was" : "were"} typed in
          from history, marked &quot;input from history&quot; below: the model takes them as given, so they are not
          predictions and agreeing with history proves nothing.
        </p>
      ) : null}
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
              {inputs
                .filter((x) => x.ruleId === id)
                .map((x) => (
                  <HistoryInputNote key={x.field} input={x} tunables={tunables} />
                ))}
              {rule.note ? <p className="rule-note">{rule.note}</p> : null}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

export const RulesSection = memoBySlice(RulesSectionView, (p) => [p.scenario, p.applied]);
