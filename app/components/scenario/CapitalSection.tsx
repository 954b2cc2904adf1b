/** Capital required against capital held per unit, the shortfall and how it is met (raise, shrink or facilitate). */
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

import { ChartFrame } from "~/components/charts/ChartFrame";
import { INK, OKABE_ITO } from "~/components/charts/palette";
import { makeLeftTick } from "~/components/charts/svgText";
import { DataTable } from "~/components/common/DataTable";
import { ChartWithTable, Section } from "~/components/common/Section";
import type { Result, UnitResult } from "~/engine";
import { formatRmbBn } from "~/utils/format";

import { memoBySlice } from "./memo";
import { PATTERN } from "./patterns";
import { rangeColumn, type LiveRanges } from "./RangeCell";

const ID = "scenario-capital-chart";
const LeftTick = makeLeftTick((v) => String(v), 18, 15);
const RESPONSE = { raise: "raises capital", shrink: "shrinks its book", facilitate: "moves loans to partner banks" } as const;

/** Units a capital chart is about: those with a credit book or fund, or a requirement under the scenario. */
export function capitalUnits(result: Result): UnitResult[] {
  return result.units.filter((u) => u.book !== null || u.capitalRequired.scenario > 0 || u.shortfall > 0);
}

function EndLabel(props: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown }) {
  if (typeof props.value !== "number") return null;
  return (
    <text x={Number(props.x ?? 0) + Number(props.width ?? 0) + 5} y={Number(props.y ?? 0) + Number(props.height ?? 0) / 2} dominantBaseline="central" fontSize={14} fill={INK.text}>
      {formatRmbBn(props.value)}
    </text>
  );
}

function CapitalSectionView({ result, ranges }: { result: Result; ranges?: LiveRanges | null }) {
  const units = capitalUnits(result);
  const data = units.map((u) => ({ id: u.id, name: u.name, heldBefore: u.capitalHeld.baseline, required: u.capitalRequired.scenario, heldAfter: u.capitalHeld.scenario }));
  const max = Math.max(1, ...data.map((d) => Math.max(d.heldBefore, d.required, d.heldAfter)));
  const shortfall = result.headline.capitalShortfall.scenario;
  const chart = (
    <ChartFrame
      id={ID}
      title="Capital required and held per unit, RMB bn"
      description={`Horizontal bar chart: for ${data.length} units, capital held before the scenario, capital the scenario requires, and capital held after the unit responds. The numbers are in the table beside it.`}
      legend={[
        { label: "Held before", color: "#b8c2cc" },
        { label: "Required by the scenario", color: OKABE_ITO.vermillion, pattern: "hatch" },
        { label: "Held after (with capital raised)", color: OKABE_ITO.blue },
      ]}
      note="Required capital is shown before the unit responds, so a stricter rule never shows less. A unit that shrinks its book keeps the capital it held."
    >
      <BarChart id={ID} width={640} height={data.length * 78 + 40} data={data} layout="vertical" margin={{ top: 5, right: 70, bottom: 10, left: 5 }} barCategoryGap={10} barGap={1}>
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" domain={[0, Math.ceil(max / 5) * 5]} tick={{ fill: INK.text, fontSize: 14 }} stroke={INK.muted} interval={0} />
        <YAxis type="category" dataKey="name" width={170} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="heldBefore" name="Held before" fill="#b8c2cc" isAnimationActive={false} label={<EndLabel />} />
        <Bar dataKey="required" name="Required" fill={PATTERN.required} stroke={OKABE_ITO.vermillion} isAnimationActive={false} label={<EndLabel />} />
        <Bar dataKey="heldAfter" name="Held after" fill={OKABE_ITO.blue} isAnimationActive={false} label={<EndLabel />} />
      </BarChart>
    </ChartFrame>
  );
  const table = (
    <DataTable
      id="capital-table"
      scrollable
      caption={`Capital per unit, RMB bn (total shortfall ${formatRmbBn(shortfall)}, raised ${formatRmbBn(result.headline.capitalRaised.scenario)})`}
      rows={units}
      rowKey={(u) => u.id}
      columns={[
        { key: "name", header: "Unit", cell: (u) => u.name },
        {
          key: "book",
          header: "Book / AUM, before → after",
          numeric: true,
          cell: (u) =>
            u.book ? (
              <>
                <span className="num">
                  {formatRmbBn(u.book.baseline)} → {formatRmbBn(u.book.scenario)}
                </span>
                {u.ownFundedBook ? (
                  <span className="sub">
                    own-funded {formatRmbBn(u.ownFundedBook.baseline)} → {formatRmbBn(u.ownFundedBook.scenario)}
                  </span>
                ) : null}
              </>
            ) : (
              "—"
            ),
        },
        { key: "heldBefore", header: "Held before", numeric: true, cell: (u) => <span className="num">{formatRmbBn(u.capitalHeld.baseline)}</span> },
        { key: "required", header: "Required", numeric: true, cell: (u) => <span className="num">{formatRmbBn(u.capitalRequired.scenario)}</span> },
        ...rangeColumn<UnitResult>("requiredRange", ranges, (r, u) => r.tables.units[u.id]?.capitalRequired, formatRmbBn),
        { key: "shortfall", header: "Shortfall", numeric: true, cell: (u) => <span className="num">{formatRmbBn(u.shortfall)}</span> },
        ...rangeColumn<UnitResult>("shortfallRange", ranges, (r, u) => r.tables.units[u.id]?.capitalShortfall, formatRmbBn),
        {
          key: "response",
          header: "Met by",
          cell: (u) =>
            u.response ? (
              <>
                {RESPONSE[u.response]}
                {u.capitalRaised > 0 ? (
                  <span className="sub" data-field="raised">
                    raised <span className="num">{formatRmbBn(u.capitalRaised)}</span>
                  </span>
                ) : null}
              </>
            ) : (
              "—"
            ),
        },
        { key: "heldAfter", header: "Held after", numeric: true, cell: (u) => <span className="num">{formatRmbBn(u.capitalHeld.scenario)}</span> },
      ]}
    />
  );
  return (
    <Section id="capital" title="Capital: required against held, and how a shortfall is met">
      <ChartWithTable chart={chart} table={table} wide />
    </Section>
  );
}

export const CapitalSection = memoBySlice(CapitalSectionView, (p) => [
  capitalUnits(p.result),
  p.result.headline.capitalShortfall,
  p.result.headline.capitalRaised,
  p.ranges?.pending,
  p.ranges?.value.tables.units,
]);
