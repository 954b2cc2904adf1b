/**
 * Which units power which service: a services x units matrix. Each filled cell is the revenue (RMB bn a year)
 * the unit earns through the service, printed in the cell; the shade only repeats the number.
 */
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis } from "recharts";

import { formatRmbBn } from "~/utils/format";

import type { ServiceView } from "../common/model-views";
import { ChartFrame } from "./ChartFrame";
import { INK, OKABE_ITO, tint } from "./palette";
import { makeLeftTick, makeTopTick } from "./svgText";

const ID = "service-unit-matrix";
const CELL_W = 100;
const CELL_H = 42;
const LEFT = 250;
const TOP = 80;

type Cell = { x: number; y: number; revenue: number; share: number; unitName: string; serviceName: string };

export function ServiceUnitMatrix({ services }: { services: ServiceView[] }) {
  // Columns: units that power at least one service, by total revenue through services.
  const unitTotals = new Map<string, { name: string; total: number }>();
  for (const s of services)
    for (const l of s.units) {
      const t = unitTotals.get(l.unitId) ?? { name: l.unitName, total: 0 };
      t.total += l.revenue;
      unitTotals.set(l.unitId, t);
    }
  const columns = [...unitTotals.entries()].sort((a, b) => b[1].total - a[1].total);
  const colIndex = new Map(columns.map(([id], i) => [id, i]));
  const cells: Cell[] = services.flatMap((s, y) =>
    s.units.map((l) => ({
      x: colIndex.get(l.unitId) ?? 0,
      y,
      revenue: l.revenue,
      share: l.revenueShare,
      unitName: l.unitName,
      serviceName: s.name,
    })),
  );
  const max = Math.max(1e-9, ...cells.map((c) => c.revenue));
  const width = LEFT + columns.length * CELL_W + 10;
  const height = TOP + services.length * CELL_H + 10;

  const TopTick = makeTopTick((v) => columns[Number(v)]?.[1].name ?? "", 12, 14);
  const LeftTick = makeLeftTick((v) => services[Number(v)]?.name ?? "", 28, 15);

  function renderCell(props: unknown) {
    const { cx = 0, cy = 0, payload } = props as { cx?: number; cy?: number; payload?: Cell };
    if (!payload) return <g />;
    // Square-root scale so small but real links stay visible; the number is printed regardless.
    const t = 0.12 + 0.88 * Math.sqrt(payload.revenue / max);
    const fill = tint(OKABE_ITO.blue, t);
    const dark = t > 0.55;
    return (
      <g>
        <rect
          x={cx - CELL_W / 2 + 2}
          y={cy - CELL_H / 2 + 2}
          width={CELL_W - 4}
          height={CELL_H - 4}
          rx={3}
          fill={fill}
          stroke={OKABE_ITO.blue}
          strokeWidth={1}
        />
        <text x={cx} y={cy} textAnchor="middle" dominantBaseline="central" fontSize={16} fill={dark ? "#ffffff" : INK.text}>
          {formatRmbBn(payload.revenue)}
        </text>
      </g>
    );
  }

  return (
    <ChartFrame
      id={ID}
      title="Which units power which service: revenue each unit earns through the service, RMB bn a year"
      description={`Matrix of ${services.length} services by ${columns.length} units; each filled cell gives the revenue the unit earns through the service. The numbers are in the table beside the chart.`}
      note="An empty cell: the unit does not power the service. Darker cells earn more; the figure in the cell is what counts."
    >
      <ScatterChart id={ID} width={width} height={height} margin={{ top: 0, right: 10, bottom: 10, left: 0 }}>
        <CartesianGrid stroke={INK.faint} />
        <XAxis
          type="number"
          dataKey="x"
          orientation="top"
          domain={[-0.5, columns.length - 0.5]}
          ticks={columns.map((_, i) => i)}
          interval={0}
          height={TOP}
          tick={<TopTick />}
          tickLine={false}
          axisLine={false}
        />
        <YAxis
          type="number"
          dataKey="y"
          reversed
          domain={[-0.5, services.length - 0.5]}
          ticks={services.map((_, i) => i)}
          interval={0}
          width={LEFT}
          tick={<LeftTick />}
          tickLine={false}
          axisLine={false}
        />
        <Scatter data={cells} isAnimationActive={false} shape={renderCell} />
      </ScatterChart>
    </ChartFrame>
  );
}
