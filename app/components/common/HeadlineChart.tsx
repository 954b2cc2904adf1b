/**
 * A scenario's money headlines, baseline beside scenario, as a small plain SVG (no chart library: it is cheap to
 * draw on the server): the library's flagship card and the top of the scenario page, so a chart is on the first
 * screen. The numbers are in the table or the tiles beside it.
 */
import type { HeadlineKey } from "../../engine/result";
import { OKABE_ITO } from "../charts/palette";
import { METRICS, formatDelta } from "../library/headline";

const KEYS = ["revenue", "attributableRevenue", "profit"] as const;
const W = 560;
const LABEL_W = 190;
const ROW = 56;
const BAR = 18;

type Headline = Record<HeadlineKey, { baseline: number; scenario: number }>;

/** `chartId`: names the figure as a chart of the page (`data-chart`), e.g. for tests. */
export function HeadlineChart({ headline, chartId }: { headline: Headline; chartId?: string }) {
  const max = Math.max(...KEYS.flatMap((k) => [headline[k].baseline, headline[k].scenario]), 1);
  const plot = W - LABEL_W - 150;
  const x = (v: number) => (Math.max(0, v) / max) * plot;
  const height = KEYS.length * ROW + 8;
  const description = KEYS.map((k) => {
    const h = headline[k];
    return `${METRICS[k].label}: ${METRICS[k].format(h.baseline)} at the baseline, ${METRICS[k].format(h.scenario)} under the scenario (RMB bn a year)`;
  }).join("; ");
  return (
    <figure className="headline-chart" data-chart={chartId}>
      <figcaption className="headline-chart-title">Baseline and scenario, RMB bn a year</figcaption>
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="swatch" style={{ backgroundColor: "#b8c2cc" }} /> Baseline (mid-2020)
        </li>
        <li>
          <span className="swatch" style={{ backgroundColor: OKABE_ITO.blue }} /> Scenario
        </li>
      </ul>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={description} className="headline-svg">
        {KEYS.map((k, i) => {
          const h = headline[k];
          const y = i * ROW + 4;
          const d = formatDelta(h.scenario - h.baseline, METRICS[k].format);
          return (
            <g key={k}>
              <text x={LABEL_W - 8} y={y + BAR + 2} textAnchor="end" className="headline-label">
                {k === "attributableRevenue" ? "Attributable revenue" : METRICS[k].label}
              </text>
              <rect x={LABEL_W} y={y} width={x(h.baseline)} height={BAR} fill="#b8c2cc" />
              <text x={LABEL_W + x(h.baseline) + 6} y={y + BAR - 4} className="headline-value">
                {METRICS[k].format(h.baseline)}
              </text>
              <rect x={LABEL_W} y={y + BAR + 2} width={x(h.scenario)} height={BAR} fill={OKABE_ITO.blue} />
              <text x={LABEL_W + x(h.scenario) + 6} y={y + 2 * BAR - 2} className="headline-value">
                {METRICS[k].format(h.scenario)} ({d.text})
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
