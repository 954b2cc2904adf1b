/** Revenue and capital held per unit, as horizontal bars (the units table beside it has the same numbers). */
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

import type { Unit } from "~/engine/model";
import { formatRmbBn } from "~/utils/format";

import { ChartFrame } from "./ChartFrame";
import { makeEndLabel } from "./labels";
import { INK, OKABE_ITO } from "./palette";
import { makeLeftTick } from "./svgText";

const ID = "units-chart";
const WIDTH = 760;
const ROW = 50;

const LeftTick = makeLeftTick((v) => String(v), 22, 15);
const EndLabel = makeEndLabel(formatRmbBn, 15);

export function UnitsChart({ units }: { units: Unit[] }) {
  const data = [...units]
    .sort((a, b) => b.revenue - a.revenue)
    .map((u) => ({ name: u.name, revenue: u.revenue, capitalHeld: u.capitalHeld }));
  const height = data.length * ROW + 50;
  return (
    <ChartFrame
      id={ID}
      title="Revenue and capital held by unit, RMB bn"
      description={`Horizontal bar chart of annual revenue and capital held for ${data.length} units, largest revenue first. The numbers are in the units table.`}
      legend={[
        { label: "Revenue (annual)", color: OKABE_ITO.blue },
        { label: "Capital held (hatched)", color: OKABE_ITO.orange, pattern: "hatch" },
      ]}
    >
      <BarChart
        id={ID}
        width={WIDTH}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 5, right: 64, bottom: 20, left: 5 }}
        barCategoryGap={8}
        barGap={2}
      >
        <defs>
          <pattern id={`${ID}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={OKABE_ITO.orange} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" tick={{ fill: INK.text, fontSize: 15 }} stroke={INK.muted} interval={0} />
        <YAxis type="category" dataKey="name" width={200} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="revenue" name="Revenue" fill={OKABE_ITO.blue} isAnimationActive={false} label={<EndLabel />} />
        <Bar
          dataKey="capitalHeld"
          name="Capital held"
          fill={`url(#${ID}-hatch)`}
          stroke={OKABE_ITO.orange}
          isAnimationActive={false}
          label={<EndLabel />}
        />
      </BarChart>
    </ChartFrame>
  );
}
