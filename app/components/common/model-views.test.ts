import { describe, expect, it } from "vitest";

import { concentration } from "~/engine/markets";
import type { Model } from "~/engine/model";

import { hhi, hhiBand, provenanceLookup } from "./model-views";

describe("hhi", () => {
  it("sums squared shares in percent, counting fragmented players as 0", () => {
    expect(hhi([{ share: 0.554, fragmented: false }, { share: 0.388, fragmented: false }, { share: 0.058, fragmented: true }])).toBeCloseTo(
      55.4 ** 2 + 38.8 ** 2,
      6,
    );
    expect(hhi([{ share: 1, fragmented: false }])).toBeCloseTo(10_000, 6);
    expect(hhi([])).toBe(0);
  });

  it("names the 2010 US guidelines' band", () => {
    expect(hhiBand(1499)).toBe("unconcentrated");
    expect(hhiBand(1500)).toBe("moderately concentrated");
    expect(hhiBand(2500)).toBe("moderately concentrated");
    expect(hhiBand(2501)).toBe("highly concentrated");
  });

  it("agrees with the engine's bands at every boundary (they once disagreed at exactly 2,500)", () => {
    const named = { unconcentrated: "unconcentrated", moderate: "moderately concentrated", high: "highly concentrated" };
    for (const value of [0, 999, 1000, 1499, 1500, 1800, 1801, 2499, 2500, 2500.0001, 2501, 10_000]) {
      expect(hhiBand(value)).toBe(named[concentration(value, "2010")]);
    }
    expect(concentration(2500, "2010")).toBe("moderate");
    expect(concentration(1800, "2023")).toBe("moderate");
    expect(concentration(1801, "2023")).toBe("high");
  });
});

describe("provenanceLookup", () => {
  it("finds a figure's provenance whatever the case or separators of table and field names", () => {
    const model = {
      provenance: [
        { table: "creditBooks", rowId: "huabei", field: "ownShare", sourceKeys: ["S10"], assumptionId: null, note: "" },
      ],
    } as unknown as Model;
    const lookup = provenanceLookup(model);
    expect(lookup("credit_books", "huabei", "own_share")?.sourceKeys).toEqual(["S10"]);
    expect(lookup("creditBooks", "huabei", "ownShare")?.sourceKeys).toEqual(["S10"]);
    expect(lookup("creditBooks", "jiebei", "ownShare")).toBeUndefined();
  });
});
