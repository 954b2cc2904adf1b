/** Market shares before and after per market, and HHI against the chosen concentration bands. */
import { useNavigate } from "@remix-run/react";
import { ChartFrame } from "~/components/charts/ChartFrame";
import { OKABE_ITO } from "~/components/charts/palette";
import { SpecChart } from "~/components/charts/SpecChart";
import { hhiShading, rangeLegend, rangeOf, rowsFrame, type BarChartSpec, type ChartRanges, type RowsSize } from "~/components/charts/spec";
import { DataTable } from "~/components/common/DataTable";
import { Section } from "~/components/common/Section";
import {
  BANDS_CHOICES,
  bandsLabel,
  HHI_BANDS,
  hhiBandsOf,
  marketStanding,
  PBOC_THRESHOLDS,
  type BandsChoice,
  type HhiBands,
  type MarketResult,
  type PbocStatus,
  type Result,
} from "~/engine";
import { formatCompact, formatHhi, formatPercent, formatShare } from "~/utils/format";

import { signed } from "./delta";
import { chartRangesOf } from "./chart-ranges";
import { memoBySlice } from "./memo";
import { rangeColumn, type LiveRanges } from "./RangeCell";
import { BASE_GREY } from "./ServicesSection";

const PBOC_NAME: Record<PbocStatus, string> = {
  below: "below the thresholds",
  review: "review (one holds 1/3, or two hold 1/2)",
  "split-threshold": "split threshold (two hold more than 2/3)",
  dominant: "dominance presumed (one holds more than 1/2)",
};
const BAND_NAME = { unconcentrated: "unconcentrated", moderate: "moderately concentrated", high: "highly concentrated" } as const;

/** The "Band, after" cell under a choice of bands: an HHI band, or the PBoC test's status. */
function standingName(m: MarketResult, bands: BandsChoice): string {
  const s = marketStanding({ hhi: m.hhi.scenario, pboc: m.pboc.scenario }, bands);
  return s.test === "pboc" ? PBOC_NAME[s.status] : BAND_NAME[s.band];
}

/** One market's shares before and after as a spec; Ant's player carries the 80% range of Ant's share. */
export function marketSharesSpec(market: MarketResult, ranges: ChartRanges | null | undefined, opts: RowsSize): BarChartSpec {
  const ant = market.players.filter((p) => p.isAnt);
  // The band is of Ant's players together: it belongs to a bar only when Ant has one player in the market.
  const antRange = ant.length === 1 ? rangeOf(ranges?.markets?.[market.id]?.antShare) : null;
  return {
    ...rowsFrame(opts, market.players.length, 1),
    categories: market.players.map((p) => p.name + (p.isAnt ? " (Ant)" : "")),
    series: [
      { key: "baseline", values: market.players.map((p) => p.share.baseline), fill: BASE_GREY, labels: market.players.map((p) => formatShare(p.share.baseline)) },
      {
        key: "scenario",
        values: market.players.map((p) => p.share.scenario),
        fill: OKABE_ITO.blue,
        labels: market.players.map((p) => formatShare(p.share.scenario)),
        ranges: antRange ? market.players.map((p) => (p.isAnt ? antRange : null)) : undefined,
      },
    ],
    ticks: [0, 0.25, 0.5, 0.75, 1],
    formatTick: (v) => formatPercent(v, 0),
    categoryGap: 0.1,
    barGap: 1,
  };
}

/** Percent with one decimal, as the shares tables print them. */
const sharePercent = formatShare;

function MarketCard({ market, ranges }: { market: MarketResult; ranges?: LiveRanges | null }) {
  // The engine draws Ant's share of each market (its players together): the range sits on Ant's row when it is one.
  const antPlayers = market.players.filter((p) => p.isAnt);
  const id = `market-${market.id}-chart`;
  const spec = marketSharesSpec(market, chartRangesOf(ranges), { id, width: 520, row: 56, font: 15, categorySize: 165, wrap: 18, right: 64 });
  const ranged = spec.series.some((s) => s.ranges);
  return (
    <div className="market-card">
      <ChartFrame
        id={id}
        title={`${market.name}: shares, % before and after`}
        description={`Horizontal bar chart of the shares of ${market.players.length} players in ${market.name}, at the baseline and in the scenario${ranged ? ", Ant's with its 80% range" : ""}. The numbers are in the table below.`}
        legend={[{ label: "Before", color: BASE_GREY }, { label: "After", color: OKABE_ITO.blue }, ...(ranged ? rangeLegend(chartRangesOf(ranges)) : [])]}
        note={ranged ? undefined : ranges ? "No range per player: the draws give Ant's players' share together (in the HHI table's market)." : undefined}
      >
        <SpecChart spec={spec} />
      </ChartFrame>
      <DataTable
        id={`market-${market.id}-result-table`}
        scrollable
        caption={`${market.name}: shares`}
        rows={market.players}
        rowKey={(p) => p.playerId}
        columns={[
          { key: "name", header: "Player", cell: (p) => <>{p.name}{p.isAnt ? <span className="sub">Ant Group</span> : null}</> },
          { key: "shareBaseline", header: "Before", numeric: true, cell: (p) => <span className="num">{formatShare(p.share.baseline)}</span> },
          { key: "share", header: "After", numeric: true, cell: (p) => <span className="num">{formatShare(p.share.scenario)}</span> },
          ...rangeColumn<MarketResult["players"][number]>(
            "shareRange",
            ranges,
            (r, p) => (p.isAnt && antPlayers.length === 1 ? r.tables.markets[market.id]?.antShare : undefined),
            sharePercent,
          ),
          { key: "points", header: "Change, points", numeric: true, cell: (p) => <span className="num">{signed((p.share.scenario - p.share.baseline) * 100, (n) => formatCompact(n, 1))}</span> },
        ]}
      />
    </div>
  );
}

/** The search string for a choice of bands (2010 is the default, so it is left out). */
function withBands(search: URLSearchParams | string, choice: BandsChoice): string {
  const params = new URLSearchParams(search);
  if (choice === "2010") params.delete("bands");
  else params.set("bands", choice);
  return `?${params.toString()}`;
}

/**
 * HHI before and after per market against a choice of bands, the scenario with its 80% range, as a spec.
 * `short`: the bands' short names (a slide).
 */
export function hhiChartSpec(
  result: Pick<Result, "markets">,
  bands: HhiBands,
  ranges: ChartRanges | null | undefined,
  opts: { id: string; width: number; height: number; font: number; categorySize: number; wrap: number; maxBarSize: number; short: boolean },
): BarChartSpec {
  const b = HHI_BANDS[bands];
  const markets = result.markets;
  return {
    id: opts.id,
    orientation: "columns",
    categories: markets.map((m) => m.name),
    series: [
      { key: "baseline", values: markets.map((m) => Math.round(m.hhi.baseline)), fill: BASE_GREY, labels: markets.map((m) => formatHhi(m.hhi.baseline)) },
      {
        key: "scenario",
        values: markets.map((m) => Math.round(m.hhi.scenario)),
        fill: OKABE_ITO.blue,
        labels: markets.map((m) => formatHhi(m.hhi.scenario)),
        ranges: ranges ? markets.map((m) => rangeOf(ranges.markets?.[m.id]?.hhi)) : undefined,
      },
    ],
    domain: [0, 10_000],
    ticks: [0, b.moderate, b.high, 5000, 7500, 10000],
    formatTick: (v) => formatHhi(v),
    width: opts.width,
    height: opts.height,
    fontSize: opts.font,
    categorySize: opts.categorySize,
    wrap: opts.wrap,
    margin: { top: 24, right: 10, bottom: 10, left: 10 },
    categoryGap: 0.1,
    barGap: 2,
    maxBarSize: opts.maxBarSize,
    dashedGrid: true,
    ...hhiShading(
      b,
      opts.short
        ? ["Unconcentrated", "Moderate", "Highly concentrated"]
        : [`Unconcentrated (< ${formatHhi(b.moderate)})`, "Moderately concentrated", `Highly concentrated (> ${formatHhi(b.high)})`],
    ),
  };
}

function MarketsSectionView({ result, bands, search, ranges }: { result: Result; bands: BandsChoice; search: URLSearchParams; ranges?: LiveRanges | null }) {
  // The PBoC test is on shares: under it the chart keeps the 2010 HHI lines and the band column shows the test.
  const b = HHI_BANDS[hhiBandsOf(bands)];
  const others = BANDS_CHOICES.filter((c) => c !== bands);
  const navigate = useNavigate();
  // `search` is the what-if state the page was loaded with (the href for a reader without JavaScript); with
  // JavaScript the current URL is read at the click, so the bands switch keeps the values moved since.
  const switchBands = (choice: BandsChoice) => (e: React.MouseEvent) => {
    e.preventDefault();
    navigate({ search: withBands(window.location.search, choice) }, { preventScrollReset: true });
  };
  const chartRanges = chartRangesOf(ranges);
  const hhiSpec = hhiChartSpec(result, hhiBandsOf(bands), chartRanges, { id: "scenario-hhi-chart", width: 700, height: 400, font: 14, categorySize: 60, wrap: 16, maxBarSize: 70, short: false });
  return (
    <Section
      id="markets"
      title="Markets: shares and concentration (HHI), before and after"
      intro={
        <p>
          HHI is the sum of the squared shares in percent (0 to 10,000; fragmented remainders count 0). Bands used:{" "}
          <strong data-testid="hhi-bands">{bandsLabel(bands)}</strong>{" "}
          {bands === "pboc" ? (
            <>(a share test: talks from 1/3 for one or 1/2 for two, dominance presumed above 1/2; the chart keeps the {b.label}&apos; lines).</>
          ) : (
            <>(moderately concentrated from {formatHhi(b.moderate)}, highly from {formatHhi(b.high)}).</>
          )}{" "}
          Use instead:{" "}
          {others.map((c, i) => (
            <span key={c}>
              {i > 0 ? " or " : null}
              <a href={withBands(search, c)} onClick={switchBands(c)}>the {bandsLabel(c)}</a>
            </span>
          ))}
          .
        </p>
      }
    >
      <div className="market-grid">
        {result.markets.map((m) => (
          <MarketCard key={m.id} market={m} ranges={ranges} />
        ))}
      </div>
      {/* `fit`: the table's two range columns make it wider than a table column at 1920 (it scrolled there). */}
      <div className="chart-with-table fit">
        <div className="chart-cell">
          <ChartFrame
            id="scenario-hhi-chart"
            title="Concentration: HHI by market, before and after (0 to 10,000)"
            description={`Bar chart of the HHI of ${result.markets.length} markets before and after the scenario${chartRanges ? " with its 80% range" : ""}, against the ${b.label} bands at ${b.moderate} and ${b.high}. The numbers are in the table beside it.`}
            legend={[{ label: "Before", color: BASE_GREY }, { label: "After", color: OKABE_ITO.blue }, ...rangeLegend(chartRanges)]}
            note={`Bands: ${b.label}.`}
          >
            <SpecChart spec={hhiSpec} />
          </ChartFrame>
        </div>
        <div className="table-cell">
          <DataTable
            id="hhi-result-table"
            scrollable
            caption={`HHI by market (bands: ${bandsLabel(bands)})`}
            rows={result.markets}
            rowKey={(m) => m.id}
            columns={[
              { key: "name", header: "Market", cell: (m) => m.name },
              { key: "hhiBaseline", header: "Before", numeric: true, cell: (m) => <span className="num">{formatHhi(m.hhi.baseline)}</span> },
              { key: "hhi", header: "After", numeric: true, cell: (m) => <span className="num">{formatHhi(m.hhi.scenario)}</span> },
              ...rangeColumn<MarketResult>("hhiRange", ranges, (r, m) => r.tables.markets[m.id]?.hhi, formatHhi),
              { key: "hhiDelta", header: "Change", numeric: true, cell: (m) => <span className="num">{signed(m.hhi.scenario - m.hhi.baseline, formatHhi)}</span> },
              ...rangeColumn<MarketResult>("hhiDeltaRange", ranges, (r, m) => r.tables.markets[m.id]?.hhiDelta, (n) => signed(n, formatHhi)),
              { key: "band", header: "Band, after", className: "wrap", cell: (m) => standingName(m, bands) },
            ]}
          />
          <p className="table-note" data-testid="market-basis">
            Consumer credit is on one basis: balances by the platform or lender that originates the loan (Ant&apos;s facilitated
            loans count once, as Ant&apos;s, not again as the funding banks&apos;).
          </p>
        </div>
      </div>
      <DataTable
        id="pboc-result-table"
        caption={`Against the ${PBOC_THRESHOLDS.label}: a share test, not an HHI band`}
        rows={result.markets}
        rowKey={(m) => m.id}
        columns={[
          { key: "name", header: "Market", cell: (m) => m.name },
          { key: "pbocBaseline", header: "Before", className: "wrap", cell: (m) => PBOC_NAME[m.pboc.baseline] },
          { key: "pboc", header: "After", className: "wrap", cell: (m) => PBOC_NAME[m.pboc.scenario] },
        ]}
      />
      <p className="table-note">
        The draft's market is all electronic payments (bank cards and online banking included), on which neither Alipay nor WeChat
        Pay reached 1/3 [S84]; the model's market is mobile payments, so the test here overstates what the draft would have found.
      </p>
    </Section>
  );
}

export const MarketsSection = memoBySlice(MarketsSectionView, (p) => [
  p.result.markets,
  p.bands,
  p.search.toString(),
  p.ranges?.pending,
  p.ranges?.value.tables.markets,
]);
