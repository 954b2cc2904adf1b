import type { Model } from "~/engine/model";
import { formatHhi, formatPercent } from "~/utils/format";

import { HhiChart, MarketSharesChart } from "./charts";
import { DataTable } from "../common/DataTable";
import { HHI_BANDS_2010, marketViews, type MarketView } from "../common/model-views";
import { figColumn, nameColumn } from "./columns";
import { ChartWithTable, Section } from "../common/Section";

type Player = MarketView["players"][number];

export function MarketsSection({ model }: { model: Model }) {
  const markets = marketViews(model);
  const unitName = new Map(model.units.map((u) => [u.id, u.name]));

  const hhiTable = (
    <DataTable<MarketView>
      id="hhi-table"
      caption="Concentration by market: Ant's share, HHI and its band (2010 US guidelines)"
      rows={markets}
      rowKey={(m) => m.id}
      columns={[
        nameColumn<MarketView>("name", "Market", (m) => m.name, undefined, "wrap"),
        {
          key: "antShare",
          header: "Ant's share",
          numeric: true,
          cell: (m) => <span className="num">{formatPercent(m.players.filter((p) => p.isAnt).reduce((s, p) => s + p.share, 0), 1)}</span>,
        },
        { key: "hhi", header: "HHI", numeric: true, cell: (m) => <span className="num">{formatHhi(m.hhi)}</span> },
        { key: "band", header: "Band", cell: (m) => m.band },
      ]}
    />
  );

  return (
    <Section
      id="markets"
      title="Markets, shares and concentration"
      intro={
        <p>
          Shares of each market&apos;s players, Ant&apos;s marked &quot;(Ant)&quot;. HHI is the sum of the squared
          shares in percent (0 to 10,000); a fragmented remainder of many small firms counts as 0. Bands of the
          2010 US Horizontal Merger Guidelines: below {formatHhi(HHI_BANDS_2010.moderate)} unconcentrated,{" "}
          {formatHhi(HHI_BANDS_2010.moderate)} to {formatHhi(HHI_BANDS_2010.high)} moderately concentrated, above{" "}
          {formatHhi(HHI_BANDS_2010.high)} highly concentrated.
        </p>
      }
    >
      <ChartWithTable fit chart={<HhiChart markets={markets} />} table={hhiTable} />
      <div className="market-grid">
        {markets.map((m) => (
          <article key={m.id} className="market-card" aria-labelledby={`market-${m.id}-heading`}>
            <h3 id={`market-${m.id}-heading`}>{m.name}</h3>
            <p className="measure">Measured by {m.measure}.</p>
            <MarketSharesChart model={model} market={m} />
            <DataTable
              id={`market-${m.id}-table`}
              caption={`${m.name}: shares and their squares (HHI points)`}
              rows={m.players}
              rowKey={(p) => p.playerId}
              columns={[
                nameColumn<Player>(
                  "name",
                  "Player",
                  (p) => p.name,
                  (p) => (p.isAnt ? `Ant: ${p.unitIds.map((id) => unitName.get(id) ?? id).join(", ")}` : p.fragmented ? "fragmented, counts 0 in HHI" : null),
                  "wrap",
                ),
                figColumn<Player>("share", "Share", "marketPlayers", (p) => `${m.id}/${p.playerId}`, (p) => formatPercent(p.share)),
                {
                  key: "square",
                  header: "Share² (HHI points)",
                  numeric: true,
                  cell: (p) => <span className="num">{formatHhi(p.square)}</span>,
                },
              ]}
              footer={
                <tr className="total">
                  <th scope="row">Total</th>
                  <td className="numeric" data-field="shareTotal">
                    <span className="num">{formatPercent(m.shareTotal)}</span>
                  </td>
                  <td className="numeric" data-field="hhi">
                    HHI <span className="num">{formatHhi(m.hhi)}</span>
                    <span className="sub">{m.band}</span>
                  </td>
                </tr>
              }
            />
          </article>
        ))}
      </div>
    </Section>
  );
}
