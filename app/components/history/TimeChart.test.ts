import { describe, expect, it } from "vitest";

import { formatRmbBn, formatShare } from "~/utils/format";
import { tickLabel, timeChartTicks } from "./TimeChart";

describe("the time charts' value axis", () => {
  it("steps in round numbers from zero past the highest value (Yu'e Bao read 0.00, 321.3, 642.6, 963.9, 1,285)", () => {
    expect(timeChartTicks(0, 1190)).toEqual([0, 500, 1000, 1500]);
    expect(timeChartTicks(0, 56.8 / 1.08)).toEqual([0, 20, 40, 60]);
    expect(timeChartTicks(0, 0.448)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(timeChartTicks(0, 0)).toEqual([0, 1]);
  });

  it("labels a round tick without the decimals its figure's format adds", () => {
    expect(timeChartTicks(0, 1190).map((t) => tickLabel(formatRmbBn(t)))).toEqual(["0", "500", "1,000", "1,500"]);
    expect(timeChartTicks(0, 52).map((t) => tickLabel(formatRmbBn(t)))).toEqual(["0", "20", "40", "60"]);
    expect(tickLabel(formatShare(0.2))).toBe("20%");
    expect(tickLabel(formatRmbBn(2.5))).toBe("2.50");
  });
});
