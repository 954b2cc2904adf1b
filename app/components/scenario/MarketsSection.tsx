/** Market shares before and after per market, and HHI against the chosen concentration bands. */
import { useNavigate } from "@remix-run/react";
import { Bar, BarChart, CartesianGrid, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";

import { ChartFrame } from "~/components/charts/ChartFrame";
import { INK, OKABE_ITO, tint } from "~/components/charts/palette";
import { makeBottomTick, makeLeftTick } from "~/components/charts/svgText";
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
  type MarketResult,
  type PbocStatus,
  type Result,
} from "~/engine";
import { formatCompact, formatHhi, formatPercent } from "~/utils/format";

import { signed } from "./delta";
import { memoBySlice } from "./memo";
import { rangeColumn, type LiveRanges } from "./RangeCell";

const LeftTick = makeLeftTick((v) => String(v), 18, 15);
const BottomTick = makeBottomTick((v) => String(v), 16, 14);
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

function pointLabel(format: (n: number) => string, size = 13) {
  return function Label(props: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown }) {
    if (typeof props.value !== "number") return null;
    return (
      <text x={Number(props.x ?? 0) + Number(props.width ?? 0) + 4} y={Number(props.y ?? 0) + Number(props.height ?? 0) / 2} dominantBaseline="central" fontSize={size} fill={INK.text}>
        {format(props.value)}
      </text>
    );
  };
}
const ShareLabel = pointLabel((n) => formatPercent(n, 1), 15);

/** Percent with one decimal, as the shares tables print them. */
const sharePercent = (n: number) => formatPercent(n, 1);

function MarketCard({ market, ranges }: { market: MarketResult; ranges?: LiveRanges | null }) {
  // The engine draws Ant's share of each market (its players together): the range sits on Ant's row when it is one.
  const antPlayers = market.players.filter((p) => p.isAnt);
  const id = `market-${market.id}-chart`;
  const data = market.players.map((p) => ({ name: p.name + (p.isAnt ? " (Ant)" : ""), baseline: p.share.baseline, scenario: p.share.scenario }));
  return (
    <div className="market-card">
      <ChartFrame
        id={id}
        title={`${market.name}: shares, % before and after`}
        description={`Horizontal bar chart of the shares of ${data.length} players in ${market.name}, at the baseline and in the scenario. The numbers are in the table below.`}
        legend={[
          { label: "Before", color: "#b8c2cc" },
          { label: "After", color: OKABE_ITO.blue },
        ]}
      >
        <BarChart id={id} width={520} height={data.length * 56 + 40} data={data} layout="vertical" margin={{ top: 5, right: 60, bottom: 10, left: 5 }} barCategoryGap={8} barGap={1}>
          <CartesianGrid horizontal={false} stroke={INK.grid} />
          <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} tick={{ fill: INK.text, fontSize: 14 }} stroke={INK.muted} interval={0} />
          <YAxis type="category" dataKey="name" width={165} tick={<LeftTick />} interval={0} stroke={INK.muted} />
          <Bar dataKey="baseline" fill="#b8c2cc" isAnimationActive={false} label={<ShareLabel />} />
          <Bar dataKey="scenario" fill={OKABE_ITO.blue} isAnimationActive={false} label={<ShareLabel />} />
        </BarChart>
      </ChartFrame>
      <DataTable
        id={`market-${market.id}-result-table`}
        scrollable
        caption={`${market.name}: shares`}
        rows={market.players}
        rowKey={(p) => p.playerId}
        columns={[
          { key: "name", header: "Player", cell: (p) => <>{p.name}{p.isAnt ? <span className="sub">Ant Group</span> : null}</> },
          { key: "shareBaseline", header: "Before", numeric: true, cell: (p) => <span className="num">{formatPercent(p.share.baseline, 1)}</span> },
          { key: "share", header: "After", numeric: true, cell: (p) => <span className="num">{formatPercent(p.share.scenario, 1)}</span> },
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
  const data = result.markets.map((m) => ({ name: m.name, baseline: Math.round(m.hhi.baseline), scenario: Math.round(m.hhi.scenario) }));
  const TopLabel = (props: { x?: number | string; y?: number | string; width?: number | string; value?: unknown }) =>
    typeof props.value === "number" ? (
      <text x={Number(props.x ?? 0) + Number(props.width ?? 0) / 2} y={Number(props.y ?? 0) - 6} textAnchor="middle" fontSize={14} fill={INK.text}>
        {formatHhi(props.value)}
      </text>
    ) : null;
  const bandLabel = (text: string) =>
    function BandLabel({ viewBox }: { viewBox?: { x?: number; y?: number; width?: number } }) {
      const { x = 0, y = 0, width = 0 } = viewBox ?? {};
      return (
        <text x={x + width - 6} y={y + 16} textAnchor="end" fontSize={14} fill={INK.muted}>
          {text}
        </text>
      );
    };
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
      <div className="chart-with-table">
        <div className="chart-cell">
          <ChartFrame
            id="scenario-hhi-chart"
            title="Concentration: HHI by market, before and after (0 to 10,000)"
            description={`Bar chart of the HHI of ${data.length} markets before and after the scenario, against the ${b.label} bands at ${b.moderate} and ${b.high}. The numbers are in the table beside it.`}
            legend={[
              { label: "Before", color: "#b8c2cc" },
              { label: "After", color: OKABE_ITO.blue },
            ]}
            note={`Bands: ${b.label}.`}
          >
            <BarChart id="scenario-hhi-chart" width={700} height={400} data={data} margin={{ top: 24, right: 10, bottom: 10, left: 10 }} barGap={2}>
              <ReferenceArea y1={0} y2={b.moderate} fill={tint(OKABE_ITO.bluishGreen, 0.12)} ifOverflow="hidden" label={bandLabel(`Unconcentrated (< ${formatHhi(b.moderate)})`)} />
              <ReferenceArea y1={b.moderate} y2={b.high} fill={tint(OKABE_ITO.yellow, 0.25)} ifOverflow="hidden" label={bandLabel("Moderately concentrated")} />
              <ReferenceArea y1={b.high} y2={10_000} fill={tint(OKABE_ITO.vermillion, 0.1)} ifOverflow="hidden" label={bandLabel(`Highly concentrated (> ${formatHhi(b.high)})`)} />
              <CartesianGrid vertical={false} stroke={INK.grid} strokeDasharray="3 3" />
              <ReferenceLine y={b.moderate} stroke={INK.muted} strokeDasharray="6 3" />
              <ReferenceLine y={b.high} stroke={INK.muted} strokeDasharray="6 3" />
              <XAxis dataKey="name" interval={0} height={60} tick={<BottomTick />} stroke={INK.muted} />
              <YAxis type="number" domain={[0, 10_000]} ticks={[0, b.moderate, b.high, 5000, 7500, 10000]} interval={0} tickFormatter={(v: number) => formatHhi(v)} tick={{ fill: INK.text, fontSize: 14 }} width={64} stroke={INK.muted} />
              <Bar dataKey="baseline" fill="#b8c2cc" isAnimationActive={false} label={<TopLabel />} maxBarSize={70} />
              <Bar dataKey="scenario" fill={OKABE_ITO.blue} isAnimationActive={false} label={<TopLabel />} maxBarSize={70} />
            </BarChart>
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
