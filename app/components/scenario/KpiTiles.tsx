/** The headline figures as large tiles: the scenario's value, the baseline and the change (sign, arrow, word). */
import type { Headline, HeadlineKey } from "~/engine";
import type { Band } from "~/engine/uncertainty";
import { REVENUE_BASES_NOTE } from "~/engine/revenue-bases";
import { formatMillions, formatRelativeChange, formatRmbBn } from "~/utils/format";

import { ARROW, WORD, direction, signed, tone } from "./delta";
import { UPDATING } from "./ranges";
import type { RangesState } from "./useLiveRanges";

const TILES: Array<{ key: HeadlineKey; label: string; unit: string; format: (n: number) => string }> = [
  { key: "revenue", label: "Revenue (consolidated)", unit: "RMB bn a year", format: formatRmbBn },
  { key: "attributableRevenue", label: "Ant's attributable revenue", unit: "RMB bn a year", format: formatRmbBn },
  { key: "profit", label: "Net profit", unit: "RMB bn a year", format: formatRmbBn },
  { key: "equityValue", label: "Equity value (illustrative)", unit: "RMB bn, recurring profit × multiple", format: formatRmbBn },
  { key: "capitalShortfall", label: "Capital shortfall", unit: "RMB bn", format: formatRmbBn },
  { key: "capitalRaised", label: "Capital raised", unit: "RMB bn", format: formatRmbBn },
  { key: "serviceReach", label: "Users reached by Alipay's services", unit: "m users, summed over services", format: formatMillions },
];

/** The 80% ranges (P10-P90) of the headline over seeded draws, and whether they belong to the values shown. */
export interface KpiRanges {
  headline: Record<HeadlineKey, Band>;
  draws: number;
  seed: number;
  /**
   * current: the ranges of the values shown; updating: the Web Worker computes those of values just moved;
   * loaded-values: no worker, the ranges are those of the values the page loaded with.
   */
  state: RangesState;
}

export function KpiTiles({ headline, changed, ranges }: { headline: Headline; changed: boolean; ranges?: KpiRanges | null }) {
  return (
    <section aria-labelledby="kpi-heading" className="kpis">
      <h2 id="kpi-heading" className="visually-hidden">
        Headline figures{changed ? " (with your what-if changes)" : ""}
      </h2>
      <ul className="kpi-grid">
        {TILES.map(({ key, label, unit, format }) => {
          const { baseline, scenario } = headline[key];
          const delta = scenario - baseline;
          const dir = direction(delta);
          const rel = Math.abs(baseline) > 1e-9 && dir !== "none" ? formatRelativeChange(delta, baseline) : null;
          const pct = rel ? ` (${rel})` : "";
          return (
            <li key={key} className="kpi" data-kpi={key}>
              <p className="kpi-label" id={`kpi-${key}-label`}>
                {label}
              </p>
              <p className="kpi-value">
                <span className="num" data-testid={`kpi-${key}`}>
                  {format(scenario)}
                </span>
                <span className="kpi-unit">{unit}</span>
              </p>
              <p className={`kpi-delta delta-${dir} tone-${tone(key, delta)}`} data-testid={`kpi-${key}-delta`} data-tone={tone(key, delta)}>
                <span aria-hidden="true">{ARROW[dir]} </span>
                {dir === "none" ? "no change" : `${WORD[dir]} ${signed(delta, format)}${pct}`}
              </p>
              {ranges?.headline[key] ? (
                <p className="kpi-range" data-testid={`kpi-${key}-range`} data-state={ranges.state} aria-busy={ranges.state === "updating" ? "true" : undefined}>
                  {ranges.state === "updating" ? (
                    UPDATING
                  ) : (
                    <>
                      80% range <span className="num">{format(ranges.headline[key].p10)}</span> to{" "}
                      <span className="num">{format(ranges.headline[key].p90)}</span>
                      {ranges.state === "loaded-values" ? " (for the values loaded)" : ""}
                    </>
                  )}
                </p>
              ) : null}
              <p className="kpi-baseline">
                baseline <span className="num" data-testid={`kpi-${key}-baseline`}>{format(baseline)}</span>
              </p>
            </li>
          );
        })}
      </ul>
      {ranges ? (
        <p className="kpi-note" data-testid="kpi-ranges-note">
          80% range: the 10th to the 90th percentile over {ranges.draws.toLocaleString("en-GB")} draws of every ranged
          assumption and rule parameter (seed {ranges.seed}; the same seed gives the same numbers in the API and the
          command line; after a slider moves they are recomputed in the background for the new values).
          {ranges.state === "loaded-values" ? " The ranges are those of the values the page loaded with: reload to recompute them." : ""}
        </p>
      ) : null}
      <p className="kpi-note" data-testid="revenue-bases">{REVENUE_BASES_NOTE}</p>
      <p className="kpi-note" data-testid="equity-value-note">
        Equity value is illustrative: recurring profit (fines left out) times a multiple calibrated so the baseline gives the
        2020 IPO valuation of about 2,100 RMB bn. Rules do not move the multiple: the model cannot explain a risk premium (the
        2023 buyback at 567.1 RMB bn implied about 24 times profit).
      </p>
    </section>
  );
}
