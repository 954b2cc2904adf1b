import { describe, expect, it } from "vitest";
import { bandsLabel, hhiBandsOf, marketStanding, PBOC_THRESHOLDS } from "./markets";

describe("the bands switch: 2010, 2023 or the PBoC share test", () => {
  it("bands=pboc reads the market's PBoC status, not its HHI", () => {
    // An HHI of 3,000 is highly concentrated on both US guidelines; the PBoC test looks at the shares instead.
    const market = { hhi: 3000, pboc: "review" as const };
    expect(marketStanding(market, "pboc")).toEqual({ test: "pboc", status: "review" });
    expect(marketStanding(market, "2010")).toEqual({ test: "hhi", band: "high" });
    expect(marketStanding({ hhi: 1200, pboc: "below" }, "2010")).toEqual({ test: "hhi", band: "unconcentrated" });
    expect(marketStanding({ hhi: 1200, pboc: "below" }, "2023")).toEqual({ test: "hhi", band: "moderate" });
  });

  it("names the PBoC rules and keeps the 2010 HHI lines for charts under them", () => {
    expect(bandsLabel("pboc")).toBe(PBOC_THRESHOLDS.label);
    expect(bandsLabel("2023")).toBe("2023 US merger guidelines");
    expect(hhiBandsOf("pboc")).toBe("2010");
    expect(hhiBandsOf("2023")).toBe("2023");
  });
});
