/** Users each integrated service reaches in a year, millions (the services table has the same numbers). */
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

import { formatMillions } from "~/utils/format";

import type { ServiceView } from "../common/model-views";
import { ChartFrame } from "./ChartFrame";
import { makeEndLabel } from "./labels";
import { INK, OKABE_ITO } from "./palette";
import { makeLeftTick } from "./svgText";

const ID = "service-users-chart";
const ROW = 40;

const LeftTick = makeLeftTick((v) => String(v), 26, 15);
const EndLabel = makeEndLabel(formatMillions, 15);

export function ServiceUsersChart({ services }: { services: ServiceView[] }) {
  const data = [...services].sort((a, b) => b.users - a.users).map((s) => ({ name: s.name, users: s.users }));
  return (
    <ChartFrame
      id={ID}
      title="Users reached per service, millions a year"
      description={`Horizontal bar chart of the users each of ${data.length} services reaches, largest first. The numbers are in the services table.`}
    >
      <BarChart
        id={ID}
        width={760}
        height={data.length * ROW + 40}
        data={data}
        layout="vertical"
        margin={{ top: 5, right: 50, bottom: 10, left: 5 }}
        barCategoryGap={6}
      >
        <CartesianGrid horizontal={false} stroke={INK.grid} />
        <XAxis type="number" tick={{ fill: INK.text, fontSize: 15 }} stroke={INK.muted} interval={0} />
        <YAxis type="category" dataKey="name" width={230} tick={<LeftTick />} interval={0} stroke={INK.muted} />
        <Bar dataKey="users" name="Users (m)" fill={OKABE_ITO.bluishGreen} isAnimationActive={false} label={<EndLabel />} />
      </BarChart>
    </ChartFrame>
  );
}
