/**
 * What matters first: a tornado of the net profit (each drawn input at its low and at its high, the others at their
 * values), its table, the same tables for the other headline figures, and the inputs that move nothing. Plain SVG
 * rendered on the server, so it reads without JavaScript; the bars carry their values as text, not only colour.
 */
import { INK, OKABE_ITO } from "~/components/charts/palette";
import { DataTable } from "~/components/common/DataTable";
import { ChartWithTable, Section } from "~/components/common/Section";
import { HEADLINE_KEYS, type HeadlineKey } from "~/engine/result";
import type { Swing } from "~/engine/uncertainty";
import { formatMillions, formatRmbBn } from "~/utils/format";

import { swingKey, swingOf } from "./swings";

export const LABELS: Record<HeadlineKey, string> = {
  revenue: "Revenue (consolidated)",
  attributableRevenue: "Ant's attributable revenue",
  profit: "Net profit",
  equityValue: "Equity value (illustrative)",
  capitalShortfall: "Capital shortfall",
  capitalRaised: "Capital raised",
  serviceReach: "Users reached",
  oneOffCharges: "One-off charges",
} as Record<HeadlineKey, string>;

export const fmt = (k: HeadlineKey) => (k === "serviceReach" ? formatMillions : formatRmbBn);
const TOP = 10;

/**
 * A tornado's drawing: `width` wide in SVG units with its labels in the first `labelW` (13 px text when drawn 1:1),
 * shown at most `maxWidth` px wide. The wide one may grow a quarter (text 16 px, the page's own size).
 */
const NARROW = { width: 640, labelW: 250, maxWidth: 640 };
const WIDE = { width: 900, labelW: 380, maxWidth: 1125 };

function TornadoSvg({
  rows,
  point,
  metric,
  titleId,
  size,
  className,
}: {
  rows: Swing[];
  point: number;
  metric: HeadlineKey;
  titleId: string;
  size: { width: number; labelW: number; maxWidth: number };
  className?: string;
}) {
  const f = fmt(metric);
  const lo = Math.min(point, ...rows.map((r) => Math.min(r.low, r.high)));
  const hi = Math.max(point, ...rows.map((r) => Math.max(r.low, r.high)));
  const { width, labelW, maxWidth } = size;
  const plotL = labelW + 70;
  const plotR = width - 70;
  const rowH = 30;
  const top = 28;
  const height = top + rows.length * rowH + 10;
  const x = (v: number) => (hi > lo ? plotL + ((v - lo) / (hi - lo)) * (plotR - plotL) : (plotL + plotR) / 2);
  // About 7 px a character at 13 px: 32 characters fit the 250 px label column, 48 the 380 px one.
  const chars = Math.floor(labelW / 7.8);
  const short = (t: string) => (t.length > chars ? `${t.slice(0, chars - 1)}…` : t);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={titleId} className={className} style={{ maxWidth }}>
      <title id={titleId}>{`Tornado: ${LABELS[metric]} with each input at its low and its high end; the table beside gives the numbers.`}</title>
      <text x={x(point)} y={14} textAnchor="middle" fontSize={13} fill={INK.text}>
        {`at the values shown: ${f(point)}`}
      </text>
      <line x1={x(point)} x2={x(point)} y1={20} y2={height - 6} stroke={INK.text} strokeWidth={1.5} />
      {rows.map((r, i) => {
        const y = top + i * rowH;
        const a = x(Math.min(r.low, r.high));
        const b = x(Math.max(r.low, r.high));
        const lowLeft = r.low <= r.high;
        return (
          <g key={r.id}>
            <text x={labelW - 4} y={y + rowH / 2} textAnchor="end" dominantBaseline="central" fontSize={13} fill={INK.text}>
              {short(r.label)}
            </text>
            {/* Low end of the input: orange; high end: blue; each half carries its value as text too. */}
            <rect x={a} y={y + 6} width={Math.max(1, x(point) - a)} height={rowH - 12} fill={lowLeft ? OKABE_ITO.orange : OKABE_ITO.blue} />
            <rect x={x(point)} y={y + 6} width={Math.max(1, b - x(point))} height={rowH - 12} fill={lowLeft ? OKABE_ITO.blue : OKABE_ITO.orange} />
            <text x={a - 4} y={y + rowH / 2} textAnchor="end" dominantBaseline="central" fontSize={12} fill={INK.text}>
              {f(Math.min(r.low, r.high))}
            </text>
            <text x={b + 4} y={y + rowH / 2} dominantBaseline="central" fontSize={12} fill={INK.text}>
              {f(Math.max(r.low, r.high))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The tornado of one headline figure; `id` names the figure (the page's and the deck's differ). `roomy`: the figure
 * also carries a wider drawing (longer labels, longer bars) that CSS shows instead when the figure has the width
 * for it (a container query in app.css: the page's tornado when its table wraps below it). Both are plain SVG, so
 * the choice needs no JavaScript; the hidden one is `display: none`, out of the accessibility tree.
 */
export function Tornado({
  swings,
  point,
  metric,
  id = "scenario-tornado-chart",
  rest = "the table lists every input",
  roomy = false,
}: {
  swings: Swing[];
  point: number;
  metric: HeadlineKey;
  id?: string;
  /** What the caption says of the inputs the chart leaves out. */
  rest?: string;
  roomy?: boolean;
}) {
  const rows = swings.filter((s) => swingOf(s) > 0).slice(0, TOP);
  return (
    <figure className={`chart${roomy ? " tornado-roomy" : ""}`} id={id}>
      <TornadoSvg rows={rows} point={point} metric={metric} titleId={`${id}-title`} size={NARROW} className={roomy ? "tornado-narrow" : undefined} />
      {roomy ? <TornadoSvg rows={rows} point={point} metric={metric} titleId={`${id}-wide-title`} size={WIDE} className="tornado-wide" /> : null}
      <figcaption className="chart-caption">
        Orange: the input at its low end; blue: at its high end. The {Math.min(TOP, rows.length)} inputs with the largest
        swing; {rest}.
      </figcaption>
    </figure>
  );
}

function SwingTable({ metric, swings, id }: { metric: HeadlineKey; swings: Swing[]; id: string }) {
  const f = fmt(metric);
  return (
    <DataTable
      id={id}
      caption={`${LABELS[metric] ?? metric}: each input from its low to its high end, largest swing first`}
      rows={swings}
      rowKey={(s) => s.id}
      columns={[
        { key: "input", header: "Input", cell: (s) => s.label, className: "wrap" },
        { key: "kind", header: "Kind", cell: (s) => (s.kind === "parameter" ? "rule parameter" : "assumption") },
        { key: "low", header: "At its low end", cell: (s) => f(s.low), numeric: true },
        { key: "high", header: "At its high end", cell: (s) => f(s.high), numeric: true },
        { key: "swing", header: "Swing", cell: (s) => (swingOf(s) > 0 ? f(swingOf(s)) : "moves nothing"), numeric: true },
      ]}
    />
  );
}

/**
 * What the section shows of the swings, and all the page sends for it (decision 033): every input's profit swing
 * (the tornado and its table), the other figures' swings that move them (their tables), and the labels of the
 * inputs that move nothing. The whole sensitivity is 8 figures x every input, about 60 KB of a cold page's 93 KB
 * of loader data, serialised on the main thread for every new what-if; this is about a third of it.
 */
export interface ShownSensitivity {
  profit: Swing[];
  others: Array<{ metric: HeadlineKey; swings: Swing[] }>;
  /** Labels of the inputs that move no headline figure from end to end, and how many inputs were swung in all. */
  inert: string[];
  inputs: number;
}

/**
 * `swingByKey` is the worker's verdict on each input (the engine's `inertInputs`), so the list of inputs that move
 * nothing and the what-if panel's hints come from one test, not two with different tolerances.
 */
export function shownSensitivity(sensitivity: Record<HeadlineKey, Swing[]>, swingByKey: Record<string, { moves: boolean }>): ShownSensitivity {
  // The profit list has every input (the worker trims only the other figures' lists to the swings that move them).
  const profit = sensitivity.profit ?? [];
  return {
    profit,
    others: HEADLINE_KEYS.filter((k) => k !== "profit" && sensitivity[k]?.some((s) => swingOf(s) > 0)).map((k) => ({
      metric: k,
      swings: sensitivity[k].filter((s) => swingOf(s) > 0),
    })),
    inert: profit.filter((s) => swingByKey[swingKey(s)]?.moves === false).map((s) => s.label),
    inputs: profit.length,
  };
}

export function SensitivitySection({
  sensitivity,
  point,
}: {
  sensitivity: ShownSensitivity;
  /** The headline at the values the page loaded with. */
  point: Record<HeadlineKey, number>;
}) {
  const { inert } = sensitivity;
  return (
    <Section
      id="sensitivity"
      title="What matters first"
      intro={
        <p>
          Each ranged input moved from its low to its high end with every other input at its value (one at a time).
          {inert.length > 0 ? ` ${inert.length} of ${sensitivity.inputs} inputs move no headline figure at all (listed below).` : ""}
        </p>
      }
    >
      {/* fit: the swing table's range columns do not fit beside the tornado at 1920, so it wraps below, never scrolling;
          grow: the tornado then takes the row's width (its wider drawing). */}
      <ChartWithTable
        fit
        grow
        chart={<Tornado swings={sensitivity.profit} point={point.profit} metric="profit" roomy />}
        table={<SwingTable metric="profit" swings={sensitivity.profit} id="sensitivity-profit-table" />}
      />
      {sensitivity.others.map(({ metric: k, swings }) => (
        <details key={k} className="sensitivity-more">
          <summary>{LABELS[k] ?? k}: what moves it</summary>
          <SwingTable metric={k} swings={swings} id={`sensitivity-${k}-table`} />
        </details>
      ))}
      {inert.length > 0 ? (
        <p data-testid="inert-inputs">
          <strong>Move nothing from end to end:</strong> {inert.join("; ")}.
        </p>
      ) : null}
    </Section>
  );
}
