/**
 * Shares of one market's players as horizontal bars. Ant's players are named "(Ant)" and drawn in vermillion,
 * rivals in blue, fragmented remainders in grey: the name says it, the colour repeats it.
 */
import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from "recharts";

import { formatPercent } from "~/utils/format";

import type { MarketView } from "../common/model-views";
import { ChartFrame } from "./ChartFrame";
import { makeEndLabel } from "./labels";
import { INK, OKABE_ITO } from "./palette";
import { makeLeftTick } from "./svgText";

const ROW = 38;
const LeftTick = makeLeftTick((v) => String(v), 22, 14);
const EndLabel = makeEndLabel((v) => formatPercent(v, 1), 14);

export const MARKET_COLORS = { ant: OKABE_ITO.vermillion, rival: OKABE_ITO.blue, fragmented: "#8c8c8c" } as const;

/** How a player is labelled in charts: Ant's players are marked so colour is never the only cue. */
export function playerLabel(p: { name: string; isAnt: boolean; fragmented: boolean }): string {
  return p.isAnt && !/\bAnt\b/.test(p.name) ? `${p.name} (Ant)` : p.name;
}

export function MarketSharesChart({ market }: { market: MarketView }) {
  const id = `market-${market.id}-chart`;
  const data = market.players.map((p) => ({
    name: playerLabel(p),
    share: p.share,
    kind: p.isAnt ? "ant" : p.fragmented ? "fragmented" : "rival",
  })) as { name: string; share: number; kind: keyof typeof MARKET_COLORS }[];
  const maxShare = Math.max(0.1, ...data.map((d) => d.share));
  const domainMax = Math.min(1, Math.ceil((maxShare + 0.08) * 10) / 10);
  const ticks = Array.from({ length: Math.round(domainMax * 10) + 1 }, (_, i) => i / 10).filter(
    (t, i, all) => all.length <= 6 || i % 2 === 0,
  );
  return (
    <ChartFrame
      id={id}
      title={`${market.name}: shares`}
      hideTitle
      description={`Horizontal bar chart of the shares of ${data.length} players in ${market.name}. The numbers are in the table below.`}
    >
      <BarChart
        id={id}
        width={520}
        height={data.length * ROW + 40}
        data={data}
        layout="vertical"
        margin={{ top: 5, right: 56, bottom: 10, left: 5 }}
        barCategoryGap={6}
      >
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis
          type="number"
          domain={[0, domainMax]}
          ticks={ticks}
          interval={0}
          tickFormatter={(v: number) => formatPercent(v, 0)}
          tick={{ fill: INK.text, fontSize: 14 }}
          stroke={INK.muted}
        />
        <YAxis type="category" dataKey="name" width={180} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="share" isAnimationActive={false} label={<EndLabel />}>
          {data.map((d) => (
            <Cell key={d.name} fill={MARKET_COLORS[d.kind]} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
