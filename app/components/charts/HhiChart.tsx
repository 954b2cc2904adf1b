/**
 * HHI per market against the 2010 US Horizontal Merger Guidelines' bands (1,500 and 2,500). The bands are
 * shaded and named on the chart; each bar carries its value.
 */
import { Bar, BarChart, CartesianGrid, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";

import { formatHhi } from "~/utils/format";

import { HHI_BANDS_2010, type MarketView } from "../common/model-views";
import { ChartFrame } from "./ChartFrame";
import { makeTopLabel } from "./labels";
import { INK, OKABE_ITO, tint } from "./palette";
import { makeBottomTick } from "./svgText";

const ID = "hhi-chart";
const TopLabel = makeTopLabel(formatHhi, 16);
const BottomTick = makeBottomTick((v) => String(v), 18, 15);

type ViewBox = { x?: number; y?: number; width?: number; height?: number };

/** A band's name inside its shaded area, at the right edge. */
function bandLabel(text: string) {
  return function BandLabel({ viewBox }: { viewBox?: ViewBox }) {
    const { x = 0, y = 0, width = 0 } = viewBox ?? {};
    return (
      <text x={x + width - 6} y={y + 16} textAnchor="end" fontSize={14} fill={INK.muted}>
        {text}
      </text>
    );
  };
}

export function HhiChart({ markets }: { markets: MarketView[] }) {
  const data = markets.map((m) => ({ name: m.name, hhi: Math.round(m.hhi) }));
  const top = 10_000;
  return (
    <ChartFrame
      id={ID}
      title="Concentration: HHI by market (0 to 10,000)"
      description={`Bar chart of the Herfindahl-Hirschman index of ${data.length} markets against the 2010 US merger guidelines bands at 1,500 and 2,500. The numbers are in the table beside the chart.`}
      note="HHI = sum of the squared shares in percent. Fragmented remainders count as 0. Bands: 2010 US Horizontal Merger Guidelines."
    >
      <BarChart id={ID} width={760} height={420} data={data} margin={{ top: 20, right: 10, bottom: 10, left: 10 }}>
        <ReferenceArea y1={0} y2={HHI_BANDS_2010.moderate} fill={tint(OKABE_ITO.bluishGreen, 0.12)} ifOverflow="hidden" label={bandLabel("Unconcentrated (< 1,500)")} />
        <ReferenceArea y1={HHI_BANDS_2010.moderate} y2={HHI_BANDS_2010.high} fill={tint(OKABE_ITO.yellow, 0.25)} ifOverflow="hidden" label={bandLabel("Moderately concentrated")} />
        <ReferenceArea y1={HHI_BANDS_2010.high} y2={top} fill={tint(OKABE_ITO.vermillion, 0.1)} ifOverflow="hidden" label={bandLabel("Highly concentrated (> 2,500)")} />
        <CartesianGrid vertical={false} stroke={INK.grid} strokeDasharray="3 3" />
        <ReferenceLine y={HHI_BANDS_2010.moderate} stroke={INK.muted} strokeDasharray="6 3" />
        <ReferenceLine y={HHI_BANDS_2010.high} stroke={INK.muted} strokeDasharray="6 3" />
        <XAxis dataKey="name" interval={0} height={60} tick={<BottomTick />} stroke={INK.muted} />
        <YAxis
          type="number"
          domain={[0, top]}
          ticks={[0, 1500, 2500, 5000, 7500, 10000]}
          interval={0}
          tickFormatter={(v: number) => formatHhi(v)}
          tick={{ fill: INK.text, fontSize: 15 }}
          width={64}
          stroke={INK.muted}
        />
        <Bar dataKey="hhi" fill={OKABE_ITO.blue} isAnimationActive={false} label={<TopLabel />} maxBarSize={90} />
      </BarChart>
    </ChartFrame>
  );
}
