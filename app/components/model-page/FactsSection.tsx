import type { Fact } from "~/engine/model";

import { ProvenanceMarks } from "./Provenance";
import { Section } from "../common/Section";

/** `#fact-consumer-credit` */
export function factAnchor(id: string): string {
  return `fact-${id}`;
}

/** The project's fact register, by topic: each fact's text, the date it describes and links to its sources. */
export function FactsSection({ facts }: { facts: Fact[] }) {
  const topics = [...new Set(facts.map((f) => f.topic))];
  return (
    <Section
      id="facts"
      title="Fact register"
      intro={
        <p>
          The public facts the model, the scenario library and the back-test rest on, as the project keeps them
          (<code>db/seed/facts.ts</code>, also in <code>docs/facts/ant-group.md</code>). Each names its sources by
          key; a figure the record does not give is an assumption instead, with a range.
        </p>
      }
    >
      {topics.map((topic) => (
        <div key={topic} className="fact-topic">
          <h3>{topic}</h3>
          <ul className="facts">
            {facts
              .filter((f) => f.topic === topic)
              .map((f) => (
                <li key={f.id} id={factAnchor(f.id)} className="anchor-target" data-fact-id={f.id}>
                  {f.text}
                  <ProvenanceMarks sourceKeys={f.sourceKeys} assumptionId={null} />{" "}
                  <span className="sub">
                    as of {f.date} · <code>{f.id}</code>
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
