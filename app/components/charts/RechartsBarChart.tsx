/**
 * A BarChartSpec drawn with recharts, in the browser after hydration (decision 022), at the measured size of
 * the plain drawing it replaces and with labels at `--chart-font-size`. The axes' sizes, the margins and the bar
 * sizes come from the same geometry() as the plain SVG, so the value scale is the same linear map and the printed
 * values sit where they sat. Ranges are recharts ErrorBars (`.recharts-errorBar`).
 */
import { Bar, BarChart, CartesianGrid, Cell, Customized, ErrorBar, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";

import { INK } from "./palette";
import { AreaLabel, capSize, CategoryLabel, ValueLabel } from "./PlainBarChart";
import { barEnd, geometry, type BarChartSpec } from "./spec";

export function RechartsBarChart({ spec, size }: { spec: BarChartSpec; size: { width: number; height: number; font: number } }) {
  const g = geometry(spec, size);
  const rows = spec.orientation === "rows";
  const { plot } = g;
  const margin = rows
    ? { top: plot.y, right: g.width - plot.x - plot.w, bottom: g.height - plot.y - plot.h - g.valueAxisSize, left: plot.x - g.categorySize }
    : { top: plot.y, right: g.width - plot.x - plot.w, bottom: g.height - plot.y - plot.h - g.categorySize, left: plot.x - g.valueAxisSize };
  const data = spec.categories.map((name, i) => {
    const d: Record<string, unknown> = { name, i };
    spec.series.forEach((s, j) => {
      const v = s.values[i];
      d[`s${j}`] = v;
      const r = s.ranges?.[i];
      if (v != null && r) {
        const end = barEnd(v);
        d[`e${j}`] = [Math.max(0, end - r.low), Math.max(0, r.high - end)];
      }
    });
    return d;
  });
  const small = g.font - 1;
  const valueAxis = {
    type: "number" as const,
    domain: spec.domain,
    ticks: spec.ticks,
    interval: 0 as const,
    allowDataOverflow: true,
    tickFormatter: (v: number) => spec.formatTick(v),
    tick: { fill: INK.text, fontSize: small },
    stroke: INK.muted,
  };
  const categoryTick = (props: { index?: number }) => <CategoryLabel spec={spec} g={g} index={props.index ?? 0} />;
  return (
    <BarChart
      id={`${spec.id}-recharts`}
      width={g.width}
      height={g.height}
      data={data}
      layout={rows ? "vertical" : "horizontal"}
      margin={margin}
      barCategoryGap={g.categoryGapPx}
      barGap={g.barGap}
    >
      {(spec.areas ?? []).map((a, i) =>
        rows ? (
          <ReferenceArea key={`a${i}`} x1={a.from} x2={a.to} fill={a.fill} fillOpacity={1} ifOverflow="hidden" />
        ) : (
          <ReferenceArea key={`a${i}`} y1={a.from} y2={a.to} fill={a.fill} fillOpacity={1} ifOverflow="hidden" />
        ),
      )}
      <CartesianGrid horizontal={!rows} vertical={rows} stroke={INK.grid} strokeDasharray={spec.dashedGrid ? "3 3" : undefined} />
      {(spec.lines ?? []).map((l, i) =>
        rows ? (
          <ReferenceLine key={`l${i}`} x={l.at} stroke={l.stroke} strokeDasharray={l.dash} strokeWidth={l.width ?? 1} />
        ) : (
          <ReferenceLine key={`l${i}`} y={l.at} stroke={l.stroke} strokeDasharray={l.dash} strokeWidth={l.width ?? 1} />
        ),
      )}
      {rows ? (
        <>
          <XAxis {...valueAxis} height={g.valueAxisSize} />
          <YAxis type="category" dataKey="name" width={g.categorySize} interval={0} tick={categoryTick} stroke={INK.muted} />
        </>
      ) : (
        <>
          <XAxis type="category" dataKey="name" height={g.categorySize} interval={0} tick={categoryTick} stroke={INK.muted} />
          <YAxis {...valueAxis} width={g.valueAxisSize} />
        </>
      )}
      <Customized component={() => <g>{(spec.areas ?? []).map((a, i) => (a.label ? <AreaLabel key={i} spec={spec} g={g} index={i} /> : null))}</g>} />
      {spec.series.map((s, j) => (
        <Bar
          key={s.key}
          dataKey={`s${j}`}
          fill={s.fill}
          stroke={s.stroke}
          strokeWidth={s.stroke ? (s.strokeWidth ?? 1) : undefined}
          barSize={g.barSize}
          isAnimationActive={false}
          label={(p: { index?: number }) => <ValueLabel key={`v${j}-${p.index}`} spec={spec} g={g} series={j} index={p.index ?? 0} />}
        >
          {s.values.map((_, i) => (
            <Cell key={i} fill={s.fills?.[i] ?? s.fill} stroke={s.strokes?.[i] ?? s.stroke} />
          ))}
          {s.ranges ? <ErrorBar dataKey={`e${j}`} direction={rows ? "x" : "y"} width={capSize(g)} stroke={INK.text} strokeWidth={2} /> : null}
        </Bar>
      ))}
    </BarChart>
  );
}
