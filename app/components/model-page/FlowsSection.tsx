import type { DataFlow, Model } from "~/engine/model";
import { DATA_CATEGORIES } from "~/engine/vocabulary";
import { formatPercent } from "~/utils/format";

import { Fig } from "./Provenance";
import { Section } from "../common/Section";

/**
 * Data flows as a receiving unit x category table: each cell lists who sends that category of data to the unit
 * and how much the unit depends on it. Compact enough to read on one screen.
 */
export function FlowsSection({ model }: { model: Model }) {
  const unitName = new Map(model.units.map((u) => [u.id, u.name]));
  const name = (id: string) => unitName.get(id) ?? id;
  const categories = DATA_CATEGORIES.filter((c) => model.dataFlows.some((f) => f.category === c));
  const receivers = [...new Set(model.dataFlows.map((f) => f.toUnit))].sort((a, b) => name(a).localeCompare(name(b)));
  const cell = (to: string, category: string): DataFlow[] =>
    model.dataFlows.filter((f) => f.toUnit === to && f.category === category).sort((a, b) => b.dependence - a.dependence);
  return (
    <Section
      id="data-flows"
      title="Data flows between units"
      intro={
        <p>
          Which unit passes which category of data to which, and how much the receiving unit&apos;s performance
          rests on it (dependence, 0 to 100%). Dependences are judgements within an assumption&apos;s range:
          privacy rules act on them.
        </p>
      }
    >
      <div className="table-wrap">
        <table id="data-flows-table" className="data-table flows">
          <caption>Data flows: sending unit and dependence, by receiving unit and category of data</caption>
          <thead>
            <tr>
              <th scope="col">Receiving unit</th>
              {categories.map((c) => (
                <th key={c} scope="col">
                  {c.replace(/-/g, " ")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {receivers.map((to) => (
              <tr key={to} data-row-id={to}>
                <th scope="row">{name(to)}</th>
                {categories.map((c) => (
                  <td key={c} data-field={c}>
                    {cell(to, c).map((f) => (
                      <div key={f.id} className="flow" data-flow-id={f.id}>
                        {name(f.fromUnit)}{" "}
                        <span className="fig">
                          <Fig text={formatPercent(f.dependence, 0)} table="dataFlows" rowId={f.id} field="dependence" />
                        </span>
                      </div>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
