/**
 * The headline figures of every column with their 80% range, and each column's difference from column A with the
 * 80% range of that difference, computed draw by draw on the same draws (common random numbers, decision 024).
 * Cells carry `data-field` = the column's `s` value, as the other compare tables.
 */
import type { HeadlineKey } from "~/engine/result";
import type { Band } from "~/engine/uncertainty";

import { DataTable } from "../common/DataTable";
import { formatDelta, METRICS } from "../library/headline";
import { BandSub, metricColumn, scenarioColumns } from "./columns";
import type { CompareView, HeadlineRow } from "./view";

export type CompareBandsData = {
  draws: number;
  seed: number;
  headline: Record<HeadlineKey, Band[]>;
  delta: Record<HeadlineKey, Band[]>;
  versusFirst: Record<HeadlineKey, Array<Band | null>>;
};

const signed = (v: number, format: (v: number) => string) => formatDelta(v, format).text;

export function CompareBandsTable({ view, bands }: { view: CompareView; bands: CompareBandsData }) {
  const first = view.columns[0]!;
  return (
    <DataTable<HeadlineRow>
      id="compare-bands-table"
      className="compare-table"
      caption={`Headline figures with their 80% range (P10 to P90 of ${bands.draws.toLocaleString("en-GB")} draws, seed ${bands.seed}, the same draws for every column), and each column against ${first.letter} with the 80% range of the difference`}
      rows={view.headline}
      rowKey={(r) => r.key}
      columns={[
        metricColumn<HeadlineRow>(),
        ...scenarioColumns<HeadlineRow>(view.columns, (r, i) => {
          const f = METRICS[r.key].format;
          const b = bands.headline[r.key][i]!;
          const vs = bands.versusFirst[r.key][i];
          const diff = r.scenario[i]! - r.scenario[0]!;
          return (
            <>
              <span className="num">{f(r.scenario[i]!)}</span>
              <BandSub band={b} format={f} />
              {vs ? (
                <span className="sub" data-band="versus-first" data-p10={vs.p10} data-p90={vs.p90}>
                  vs {first.letter}: {signed(diff, f)} (80% range {signed(vs.p10, f)} to {signed(vs.p90, f)})
                </span>
              ) : null}
            </>
          );
        }),
      ]}
    />
  );
}
