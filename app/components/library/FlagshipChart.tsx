/**
 * The library's first picture: the flagship scenario's money headlines, baseline beside scenario, as a small
 * plain SVG (no chart library: it is drawn on the server for every visit to `/`). The card's table beside it
 * gives the same numbers.
 */
import { OKABE_ITO } from "../charts/palette";
import type { ComparableEntry } from "./entries";
import { METRICS, formatDelta } from "./headline";

const KEYS = ["revenue", "attributableRevenue", "profit"] as const;
const W = 560;
const LABEL_W = 190;
const ROW = 56;
const BAR = 18;

export function FlagshipChart({ entry }: { entry: ComparableEntry }) {
  const max = Math.max(...KEYS.flatMap((k) => [entry.headline[k].baseline, entry.headline[k].scenario]), 1);
  const plot = W - LABEL_W - 150;
  const x = (v: number) => (Math.max(0, v) / max) * plot;
  const height = KEYS.length * ROW + 8;
  const description = KEYS.map((k) => {
    const h = entry.headline[k];
    return `${METRICS[k].label}: ${METRICS[k].format(h.baseline)} at the baseline, ${METRICS[k].format(h.scenario)} under the scenario (RMB bn a year)`;
  }).join("; ");
  return (
    <figure className="flagship-chart" data-chart="flagship">
      <figcaption className="flagship-chart-title">Baseline and scenario, RMB bn a year</figcaption>
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="swatch" style={{ backgroundColor: "#b8c2cc" }} /> Baseline (mid-2020)
        </li>
        <li>
          <span className="swatch" style={{ backgroundColor: OKABE_ITO.blue }} /> Scenario
        </li>
      </ul>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={description} className="flagship-svg">
        {KEYS.map((k, i) => {
          const h = entry.headline[k];
          const y = i * ROW + 4;
          const d = formatDelta(h.scenario - h.baseline, METRICS[k].format);
          return (
            <g key={k}>
              <text x={LABEL_W - 8} y={y + BAR + 2} textAnchor="end" className="flagship-label">
                {k === "attributableRevenue" ? "Attributable revenue" : METRICS[k].label}
              </text>
              <rect x={LABEL_W} y={y} width={x(h.baseline)} height={BAR} fill="#b8c2cc" />
              <text x={LABEL_W + x(h.baseline) + 6} y={y + BAR - 4} className="flagship-value">
                {METRICS[k].format(h.baseline)}
              </text>
              <rect x={LABEL_W} y={y + BAR + 2} width={x(h.scenario)} height={BAR} fill={OKABE_ITO.blue} />
              <text x={LABEL_W + x(h.scenario) + 6} y={y + 2 * BAR - 2} className="flagship-value">
                {METRICS[k].format(h.scenario)} ({d.text})
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
