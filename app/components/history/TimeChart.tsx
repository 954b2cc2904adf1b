/**
 * A figure over time, drawn on the server as plain SVG (no JavaScript needed): the model's value as a step line
 * (it changes only when a step lands), its 80% band as a shaded step area, the path's events as numbered dashed
 * lines, and reported values as markers. Markers differ by shape, not only colour: a filled circle for a reported
 * value inside the band, an open square for one outside, a diamond for an input. The table beside each chart
 * holds every number.
 */
import { INK, OKABE_ITO, tint } from "~/components/charts/palette";
import { niceTicks } from "~/components/charts/spec";

/**
 * The value axis: round steps from at or below the lowest value to at or above the highest (0, 500, 1,000, …),
 * where it once divided the span in four (0.00, 321.3, 642.6, 963.9, 1,285).
 */
export function timeChartTicks(min: number, max: number): number[] {
  return max > min ? niceTicks(min, max, 4) : [min, min + 1];
}

/** A round tick reads without the decimals its figure's format adds for precision: "20", not "20.0"; "0%", not "0.0%". */
export function tickLabel(text: string): string {
  return text.replace(/\.0+(?=\D*$)/, "");
}

export interface ChartState {
  /** From when the state holds (YYYY, YYYY-MM or YYYY-MM-DD); the first is the baseline. */
  date: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
}

export interface ChartReported {
  date: string;
  value: number;
  label: string;
  kind: "inside" | "outside" | "input";
}

export interface ChartEvent {
  date: string;
  n: number;
  label: string;
}

/** A date as a fractional year: 2021-04-12 -> 2021.28. */
export function yearOf(date: string): number {
  const [y, m = "1", d = "1"] = date.split("-");
  return Number(y) + (Number(m) - 1) / 12 + (Number(d) - 1) / 365;
}

const W = 720;
const H = 250;
const M = { left: 64, right: 16, top: 26, bottom: 34 };

export function TimeChart({
  title,
  states,
  reported = [],
  events = [],
  format,
  from = 2020.5,
  to = 2025,
  id,
}: {
  title: string;
  states: ChartState[];
  reported?: ChartReported[];
  events?: ChartEvent[];
  format: (v: number) => string;
  from?: number;
  to?: number;
  id: string;
}) {
  const values = [
    ...states.flatMap((s) => [s.value, s.low ?? null, s.high ?? null]),
    ...reported.map((r) => r.value),
  ].filter((v): v is number => v !== null && Number.isFinite(v));
  const ticks = timeChartTicks(Math.min(0, ...values), Math.max(0, ...values));
  const min = ticks[0]!;
  const top = ticks[ticks.length - 1]!;
  const x = (year: number) => M.left + ((Math.min(to, Math.max(from, year)) - from) / (to - from)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - ((v - min) / (top - min)) * (H - M.top - M.bottom);
  const starts = states.map((s, i) => (i === 0 ? from : yearOf(s.date)));
  const ends = states.map((_, i) => (i + 1 < states.length ? starts[i + 1]! : to));
  const line = states
    .map((s, i) => (s.value === null ? "" : `M${x(starts[i]!)},${y(s.value)}H${x(ends[i]!)}`))
    .join("");
  const bands = states.flatMap((s, i) =>
    s.low != null && s.high != null && s.high > s.low
      ? [{ key: i, x0: x(starts[i]!), x1: x(ends[i]!), y0: y(s.high), y1: y(s.low) }]
      : [],
  );
  const years = Array.from({ length: Math.floor(to) - Math.ceil(from) + 1 }, (_, i) => Math.ceil(from) + i);
  const hasValue = states.some((s) => s.value !== null);
  return (
    <figure className="time-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <desc id={`${id}-desc`}>
          {hasValue
            ? `Model value from mid-2020 to 2025, ${states.filter((s) => s.value !== null).map((s) => `${format(s.value!)} from ${s.date}`).join(", ")}` +
              (reported.length ? `; reported: ${reported.map((r) => `${format(r.value)} (${r.date}, ${r.kind})`).join(", ")}` : "")
            : "The model does not produce this figure yet."}
        </desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={INK.faint} />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill={INK.muted}>
              {tickLabel(format(t))}
            </text>
          </g>
        ))}
        {years.map((yr) => (
          <text key={yr} x={x(yr)} y={H - M.bottom + 18} textAnchor="middle" fontSize="12" fill={INK.muted}>
            {yr}
          </text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke={INK.muted} />
        {bands.map((b) => (
          <rect key={b.key} x={b.x0} y={b.y0} width={Math.max(0, b.x1 - b.x0)} height={Math.max(0, b.y1 - b.y0)} fill={tint(OKABE_ITO.blue, 0.22)} />
        ))}
        {events.map((e) => (
          <g key={e.n}>
            <line x1={x(yearOf(e.date))} x2={x(yearOf(e.date))} y1={M.top - 6} y2={H - M.bottom} stroke={INK.muted} strokeDasharray="3 3" />
            <text x={x(yearOf(e.date))} y={M.top - 10} textAnchor="middle" fontSize="12" fontWeight="700" fill={INK.text}>
              {e.n}
            </text>
          </g>
        ))}
        <path d={line} stroke={OKABE_ITO.blue} strokeWidth="2.5" fill="none" />
        {reported.map((r, i) => {
          const cx = x(yearOf(r.date));
          const cy = y(r.value);
          const color = OKABE_ITO.vermillion;
          return (
            <g key={i}>
              <title>{`${r.label}: ${format(r.value)} (${r.date}), ${r.kind === "input" ? "an input" : r.kind === "inside" ? "inside the band" : "outside the band"}`}</title>
              {r.kind === "inside" ? (
                <circle cx={cx} cy={cy} r="5.5" fill={color} stroke={INK.text} />
              ) : r.kind === "outside" ? (
                <rect x={cx - 5} y={cy - 5} width="10" height="10" fill="#ffffff" stroke={color} strokeWidth="2.5" />
              ) : (
                <path d={`M${cx},${cy - 6.5}L${cx + 6.5},${cy}L${cx},${cy + 6.5}L${cx - 6.5},${cy}Z`} fill={tint(OKABE_ITO.orange, 0.5)} stroke={INK.text} />
              )}
            </g>
          );
        })}
        {!hasValue && (
          <text x={W / 2} y={H / 2} textAnchor="middle" fontSize="14" fill={INK.muted}>
            not produced by the model yet
          </text>
        )}
      </svg>
    </figure>
  );
}

/** The legend of TimeChart's marks, in words and shapes. */
export function TimeChartLegend({ reported }: { reported: boolean }) {
  return (
    <ul className="time-legend">
      <li>
        <svg width="28" height="12" aria-hidden="true">
          <line x1="0" x2="28" y1="6" y2="6" stroke={OKABE_ITO.blue} strokeWidth="2.5" />
        </svg>{" "}
        model (point value)
      </li>
      <li>
        <svg width="28" height="12" aria-hidden="true">
          <rect width="28" height="12" fill={tint(OKABE_ITO.blue, 0.22)} />
        </svg>{" "}
        80% band (P10-P90 of the draws)
      </li>
      <li>
        <svg width="28" height="12" aria-hidden="true">
          <line x1="14" x2="14" y1="0" y2="12" stroke={INK.muted} strokeDasharray="3 3" />
        </svg>{" "}
        numbered event (a step of the path)
      </li>
      {reported && (
        <>
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="5.5" fill={OKABE_ITO.vermillion} stroke={INK.text} />
            </svg>{" "}
            reported, inside the band
          </li>
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <rect x="2" y="2" width="10" height="10" fill="#ffffff" stroke={OKABE_ITO.vermillion} strokeWidth="2.5" />
            </svg>{" "}
            reported, outside the band
          </li>
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <path d="M7,0.5L13.5,7L7,13.5L0.5,7Z" fill={tint(OKABE_ITO.orange, 0.5)} stroke={INK.text} />
            </svg>{" "}
            reported, an input (not counted)
          </li>
        </>
      )}
    </ul>
  );
}
