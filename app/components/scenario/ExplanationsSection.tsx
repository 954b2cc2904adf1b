/** What drove each change, traceable to its rules, assumptions and sources; and the warnings. */
import { Section } from "~/components/common/Section";
import type { Result } from "~/engine";
import type { Assumption, Source } from "~/engine/model";

import { memoBySlice } from "./memo";

/** `model`: the whole model, or the page's part of it (the assumptions its explanations name, and the sources). */
function ExplanationsSectionView({
  result,
  model,
}: {
  result: Result;
  model: { assumptions: Array<Pick<Assumption, "id" | "label" | "rationale">>; sources: Array<Pick<Source, "key" | "citation">> };
}) {
  const assumptions = new Map(model.assumptions.map((a) => [a.id, a]));
  const citations = new Map(model.sources.map((s) => [s.key, s.citation]));
  return (
    <Section id="explanations" title="What drove the changes">
      {result.warnings.length > 0 ? (
        <div className="warnings" aria-labelledby="warnings-heading">
          <h3 id="warnings-heading">Warnings ({result.warnings.length})</h3>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i} className="warning">
                <strong>Warning:</strong> {w.text}
                {w.ruleId ? (
                  <>
                    {" "}
                    <a href={`#rule-${w.ruleId}`} className="trace">
                      rule {w.ruleId}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="explanations">
        {result.explanations.map((e, i) => (
          <li key={i} className="explanation">
            <span className="explanation-text">{e.text}</span>
            <span className="trace-list">
              {e.ruleIds.map((r) => (
                <a key={r} href={`#rule-${r}`} className="trace">
                  rule {r}
                </a>
              ))}
              {e.assumptionIds.map((a) => (
                <a key={a} href={`/model#asm-${a}`} className="trace trace-asm" title={assumptions.get(a)?.rationale}>
                  assumption: {assumptions.get(a)?.label ?? a}
                </a>
              ))}
              {e.sourceKeys.map((k) => (
                <a key={k} href={`/model#src-${k}`} className="trace" title={citations.get(k) ?? `Source ${k}`}>
                  source {k}
                </a>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export const ExplanationsSection = memoBySlice(ExplanationsSectionView, (p) => [p.result.explanations, p.result.warnings]);
