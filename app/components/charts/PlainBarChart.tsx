/**
 * A BarChartSpec drawn as plain SVG: what the server sends and what the browser's first render repeats (so
 * hydration matches), at a fraction of recharts' server cost (decision 022). The drawing has a viewBox and scales
 * to its container's width. Range marks are whiskers with caps (`.range-mark`), one per plotted item with a range.
 */
import { INK } from "./palette";
import { barEnd, categoryLines, geometry, labelOf, type BarChartSpec, type Geometry } from "./spec";

export function PlainBarChart({ spec }: { spec: BarChartSpec }) {
  const g = geometry(spec);
  const rows = spec.orientation === "rows";
  const { plot, font } = g;
  const small = font - 1;
  return (
    <svg
      className="chart-svg"
      viewBox={`0 0 ${g.width} ${g.height}`}
      width={g.width}
      height={g.height}
      focusable="false"
      data-renderer="plain"
    >
      {(spec.areas ?? []).map((a, i) => {
        const p0 = g.scale(a.from);
        const p1 = g.scale(a.to);
        return rows ? (
          <rect key={`a${i}`} x={Math.min(p0, p1)} y={plot.y} width={Math.abs(p1 - p0)} height={plot.h} fill={a.fill} />
        ) : (
          <rect key={`a${i}`} x={plot.x} y={Math.min(p0, p1)} width={plot.w} height={Math.abs(p1 - p0)} fill={a.fill} />
        );
      })}
      {spec.ticks.map((t) => {
        const p = g.scale(t);
        return rows ? (
          <line key={`g${t}`} x1={p} x2={p} y1={plot.y} y2={plot.y + plot.h} stroke={INK.grid} strokeDasharray={spec.dashedGrid ? "3 3" : undefined} />
        ) : (
          <line key={`g${t}`} x1={plot.x} x2={plot.x + plot.w} y1={p} y2={p} stroke={INK.grid} strokeDasharray={spec.dashedGrid ? "3 3" : undefined} />
        );
      })}
      {(spec.areas ?? []).map((a, i) => (a.label ? <AreaLabel key={`al${i}`} g={g} spec={spec} index={i} /> : null))}
      {(spec.lines ?? []).map((l, i) => {
        const p = g.scale(l.at);
        return rows ? (
          <line key={`l${i}`} x1={p} x2={p} y1={plot.y} y2={plot.y + plot.h} stroke={l.stroke} strokeDasharray={l.dash} strokeWidth={l.width ?? 1} />
        ) : (
          <line key={`l${i}`} x1={plot.x} x2={plot.x + plot.w} y1={p} y2={p} stroke={l.stroke} strokeDasharray={l.dash} strokeWidth={l.width ?? 1} />
        );
      })}
      {/* Axes: the value axis with its ticks, the category axis with its wrapped labels. */}
      {rows ? (
        <g className="chart-axis">
          <line x1={plot.x} x2={plot.x + plot.w} y1={plot.y + plot.h} y2={plot.y + plot.h} stroke={INK.muted} />
          <line x1={plot.x} x2={plot.x} y1={plot.y} y2={plot.y + plot.h} stroke={INK.muted} />
          {spec.ticks.map((t) => (
            <text key={`t${t}`} x={g.scale(t)} y={plot.y + plot.h + small + 6} textAnchor="middle" fontSize={small} fill={INK.text}>
              {spec.formatTick(t)}
            </text>
          ))}
        </g>
      ) : (
        <g className="chart-axis">
          <line x1={plot.x} x2={plot.x + plot.w} y1={plot.y + plot.h} y2={plot.y + plot.h} stroke={INK.muted} />
          <line x1={plot.x} x2={plot.x} y1={plot.y} y2={plot.y + plot.h} stroke={INK.muted} />
          {spec.ticks.map((t) => (
            <text key={`t${t}`} x={plot.x - 8} y={g.scale(t)} textAnchor="end" dominantBaseline="central" fontSize={small} fill={INK.text}>
              {spec.formatTick(t)}
            </text>
          ))}
        </g>
      )}
      {spec.categories.map((_, i) => (
        <CategoryLabel key={`c${i}`} spec={spec} g={g} index={i} />
      ))}
      {spec.series.map((s, j) => (
        <g key={s.key} className="chart-series" data-series={s.key}>
          {s.values.map((v, i) => {
            if (v === null) return null;
            const [a, b] = Array.isArray(v) ? v : [0, v];
            const p0 = g.scale(a);
            const p1 = g.scale(b);
            const start = g.barStart(i, j);
            const fill = s.fills?.[i] ?? s.fill;
            const stroke = s.strokes?.[i] ?? s.stroke;
            return rows ? (
              <rect key={i} className="chart-bar" x={Math.min(p0, p1)} y={start} width={Math.abs(p1 - p0)} height={g.barSize} fill={fill} stroke={stroke} strokeWidth={stroke ? (s.strokeWidth ?? 1) : undefined} />
            ) : (
              <rect key={i} className="chart-bar" x={start} y={Math.min(p0, p1)} width={g.barSize} height={Math.abs(p1 - p0)} fill={fill} stroke={stroke} strokeWidth={stroke ? (s.strokeWidth ?? 1) : undefined} />
            );
          })}
          {s.values.map((v, i) => {
            const r = s.ranges?.[i];
            if (v === null || !r) return null;
            return <RangeWhisker key={`r${i}`} g={g} rows={rows} at={g.barStart(i, j) + g.barSize / 2} low={r.low} high={r.high} />;
          })}
          {s.values.map((v, i) => (v === null ? null : <ValueLabel key={`v${i}`} spec={spec} g={g} series={j} index={i} />))}
        </g>
      ))}
    </svg>
  );
}

/** Half the length of a range mark's caps. */
export function capSize(g: Geometry): number {
  return Math.max(3, Math.min(7, g.barSize / 2.5));
}

function RangeWhisker({ g, rows, at, low, high }: { g: Geometry; rows: boolean; at: number; low: number; high: number }) {
  const p0 = g.scale(low);
  const p1 = g.scale(high);
  const c = capSize(g);
  const style = { stroke: INK.text, strokeWidth: 2 };
  return rows ? (
    <g className="range-mark">
      <line x1={p0} x2={p1} y1={at} y2={at} {...style} />
      <line x1={p0} x2={p0} y1={at - c} y2={at + c} {...style} />
      <line x1={p1} x2={p1} y1={at - c} y2={at + c} {...style} />
    </g>
  ) : (
    <g className="range-mark">
      <line x1={at} x2={at} y1={p0} y2={p1} {...style} />
      <line x1={at - c} x2={at + c} y1={p0} y2={p0} {...style} />
      <line x1={at - c} x2={at + c} y1={p1} y2={p1} {...style} />
    </g>
  );
}

/** Where a bar's printed value goes: past its end, or past its range's end when the range reaches further. */
export function valueLabelPosition(spec: BarChartSpec, g: Geometry, series: number, index: number): { x: number; y: number; anchor: "start" | "end" | "middle" } | null {
  const s = spec.series[series];
  const v = s?.values[index];
  if (!s || v == null) return null;
  const rows = spec.orientation === "rows";
  const r = s.ranges?.[index];
  const [a, b] = Array.isArray(v) ? v : [0, v];
  const at = g.barStart(index, series) + g.barSize / 2;
  const negative = !Array.isArray(v) && v < 0;
  if (rows) {
    if (negative) {
      const x = Math.min(g.scale(b), r ? g.scale(r.low) : Infinity);
      return { x: x - 6, y: at, anchor: "end" };
    }
    const x = Math.max(g.scale(a), g.scale(b), r ? g.scale(r.high) : -Infinity);
    return { x: x + 6, y: at, anchor: "start" };
  }
  const y = Math.min(g.scale(barEnd(v)), r ? g.scale(r.high) : Infinity);
  return { x: at, y: y - 6, anchor: "middle" };
}

export function ValueLabel({ spec, g, series, index }: { spec: BarChartSpec; g: Geometry; series: number; index: number }) {
  const s = spec.series[series];
  const label = labelOf(s?.labels?.[index]);
  const pos = valueLabelPosition(spec, g, series, index);
  if (!s || !label || !pos) return null;
  const size = s.mutedLabels ? g.font - 2 : g.font;
  return (
    <text
      x={pos.x}
      y={pos.y}
      textAnchor={pos.anchor}
      dominantBaseline={spec.orientation === "rows" ? "central" : undefined}
      fontSize={size}
      fontWeight={label.bold ? 700 : undefined}
      fill={s.mutedLabels ? INK.muted : INK.text}
    >
      {label.text}
      {label.strong ? <tspan fontWeight={700}>{label.strong}</tspan> : null}
    </text>
  );
}

export function CategoryLabel({ spec, g, index }: { spec: BarChartSpec; g: Geometry; index: number }) {
  const lines = categoryLines(spec, index);
  const lh = g.font * 1.15;
  if (spec.orientation === "rows") {
    const x = g.plot.x - 8;
    const first = -((lines.length - 1) * lh) / 2;
    return (
      <text x={x} y={g.centre(index)} textAnchor="end" dominantBaseline="central" fontSize={g.font} fill={INK.text}>
        {lines.map((l, i) => (
          <tspan key={i} x={x} dy={i === 0 ? first : lh}>
            {l}
          </tspan>
        ))}
      </text>
    );
  }
  const x = g.centre(index);
  const y = g.plot.y + g.plot.h + 6;
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={g.font} fill={INK.text}>
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? g.font : lh}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** A shaded area's name: inside its top right corner (columns), or above the plot over its middle (rows). */
export function AreaLabel({ spec, g, index }: { spec: BarChartSpec; g: Geometry; index: number }) {
  const a = spec.areas?.[index];
  if (!a?.label) return null;
  const size = g.font - 1;
  if (spec.orientation === "columns")
    return (
      <text x={g.plot.x + g.plot.w - 6} y={g.scale(a.to) + size + 4} textAnchor="end" fontSize={size} fill={INK.muted}>
        {a.label}
      </text>
    );
  // Alternate rows above the plot, so a narrow middle band's name never runs into its neighbours'.
  return (
    <text x={(g.scale(a.from) + g.scale(a.to)) / 2} y={g.plot.y - 6 - (index % 2) * size * 1.3} textAnchor="middle" fontSize={size} fill={INK.muted}>
      {a.label}
    </text>
  );
}
