import type { Assumption, Fact, Model } from "~/engine/model";
import { formatRange, formatWithUnit } from "~/utils/format";

import { DataTable } from "../common/DataTable";
import { factAnchor } from "./FactsSection";
import { assumptionAnchor, ProvenanceMarks, sourceAnchor } from "./Provenance";
import { Section } from "../common/Section";

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** How many seeded figures cite each source key and each assumption. */
function citationCounts(model: Model) {
  const sources = new Map<string, number>();
  const assumptions = new Map<string, number>();
  for (const p of model.provenance) {
    for (const k of p.sourceKeys) sources.set(k, (sources.get(k) ?? 0) + 1);
    if (p.assumptionId) assumptions.set(p.assumptionId, (assumptions.get(p.assumptionId) ?? 0) + 1);
  }
  for (const a of model.assumptions) for (const k of a.sourceKeys) sources.set(k, (sources.get(k) ?? 0) + 1);
  for (const r of model.regulatoryParameters) for (const k of r.sourceKeys) sources.set(k, (sources.get(k) ?? 0) + 1);
  return { sources, assumptions };
}

export function AssumptionsSection({ model }: { model: Model }) {
  const { assumptions: used } = citationCounts(model);
  return (
    <Section
      id="assumptions"
      title="Assumptions"
      intro={
        <p>
          Figures the public record does not give, or coefficients the scenarios need. Each has a value, a
          plausible range and a rationale; a scenario may override it or use its range for uncertainty. &quot;Engine&quot;
          assumptions are coefficients the rules read by name; &quot;seed&quot; assumptions are data figures.
        </p>
      }
    >
      <DataTable<Assumption & { n: number }>
        id="assumptions-table"
        className="assumptions"
        caption="Assumptions with their ranges"
        rows={model.assumptions.map((a, i) => ({ ...a, n: i + 1 }))}
        rowKey={(a) => a.id}
        columns={[
          {
            key: "label",
            header: "Assumption",
            className: "wrap",
            cell: (a) => (
              <span id={assumptionAnchor(a.id)} className="anchor-target">
                <span className="marker">A{a.n}</span> {a.label}
                <span className="sub">
                  <code>{a.id}</code>
                </span>
              </span>
            ),
          },
          { key: "value", header: "Value", numeric: true, cell: (a) => <span className="num">{formatWithUnit(a.value, a.unit)}</span> },
          {
            key: "range",
            header: "Range",
            numeric: true,
            cell: (a) => (
<span className="num">{formatRange(a.low, a.high, a.unit)}</span>
            ),
          },
          {
            key: "rationale",
            header: "Rationale",
            className: "wrap rationale",
            cell: (a) => (
              <>
                {a.rationale}
                <ProvenanceMarks sourceKeys={a.sourceKeys} assumptionId={null} />
              </>
            ),
          },
          {
            key: "usedBy",
            header: "Used by",
            cell: (a) => (a.usedBy === "engine" ? "engine" : `seed (${plural(used.get(a.id) ?? 0, "figure")})`),
          },
        ]}
      />
    </Section>
  );
}

export function SourcesSection({ model, facts }: { model: Model; facts: Fact[] }) {
  const { sources: cited } = citationCounts(model);
  const factsBySource = new Map<string, Fact[]>();
  for (const f of facts) for (const k of f.sourceKeys) factsBySource.set(k, [...(factsBySource.get(k) ?? []), f]);
  const sources = [...model.sources].sort((a, b) => Number(a.key.slice(1)) - Number(b.key.slice(1)));
  return (
    <Section
      id="sources"
      title="Sources"
      intro={
        <p>
          Public reporting the figures come from (mostly news wires and analysts&apos; write-ups of Ant&apos;s 2020
          IPO prospectus), by the keys of the project&apos;s <a href="#facts">fact register</a>; each links to
          the facts that cite it.
        </p>
      }
    >
      <ol className="sources">
        {sources.map((s) => (
          <li key={s.key} id={sourceAnchor(s.key)} className="anchor-target" data-row-id={s.key}>
            <span className="marker">{s.key}</span> {s.citation}
            <span className="cited">
              {" "}
              · {(cited.get(s.key) ?? 0) > 0 ? `cited by ${plural(cited.get(s.key) ?? 0, "figure")}` : "not cited by the baseline"}
            </span>
            {(factsBySource.get(s.key) ?? []).length > 0 ? (
              <span className="source-facts">
                {" "}
                · facts:{" "}
                {(factsBySource.get(s.key) ?? []).map((f, i) => (
                  <span key={f.id}>
                    {i > 0 ? ", " : null}
                    <a href={`#${factAnchor(f.id)}`}>{f.id}</a>
                  </span>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
