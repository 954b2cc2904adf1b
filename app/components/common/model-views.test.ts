import { describe, expect, it } from "vitest";

import { concentration } from "~/engine/markets";
import type { Model } from "~/engine/model";

import { hhi, hhiBand, inputRange, provenanceLookup } from "./model-views";

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

describe("inputRange", () => {
  const model = {
    assumptions: [
      { id: "capital-held-huabei", value: 5, low: 3, high: 12 },
      { id: "balance-share", value: 0.45, low: 0.35, high: 0.6 },
      { id: "pinned", value: 2, low: 2, high: 2 },
    ],
    provenance: [
      { table: "units", rowId: "huabei", field: "capitalHeld", sourceKeys: [], assumptionId: "capital-held-huabei", note: "" },
      { table: "units", rowId: "huabei", field: "revenue", sourceKeys: ["S10"], assumptionId: "balance-share", note: "" },
      { table: "units", rowId: "alipay", field: "revenue", sourceKeys: ["S4"], assumptionId: null, note: "" },
      { table: "units", rowId: "tech", field: "revenue", sourceKeys: [], assumptionId: "pinned", note: "" },
    ],
  } as unknown as Model;
  const lookup = provenanceLookup(model);

  it("gives a figure that is a ranged assumption's value the P10 and P90 of its triangular low / value / high", () => {
    const r = inputRange(model, lookup, "units", "huabei", "capitalHeld", 5)!;
    // Triangular(3, 5, 12): F(5) = 2/9, so P10 = 3 + sqrt(0.1 * 9 * 2) and P90 = 12 - sqrt(0.1 * 9 * 7).
    expect(r.low).toBeCloseTo(3 + Math.sqrt(1.8), 12);
    expect(r.high).toBeCloseTo(12 - Math.sqrt(6.3), 12);
    expect(r.low).toBeLessThan(5);
    expect(r.high).toBeGreaterThan(5);
    expect(r.assumptionId).toBe("capital-held-huabei");
  });

  it("gives none to a sourced fact, a figure computed from an assumption, or an assumption whose range is a point", () => {
    expect(inputRange(model, lookup, "units", "alipay", "revenue", 50)).toBeNull();
    expect(inputRange(model, lookup, "units", "huabei", "revenue", 20.96)).toBeNull();
    expect(inputRange(model, lookup, "units", "tech", "revenue", 2)).toBeNull();
    expect(inputRange(model, lookup, "units", "nobody", "revenue", 1)).toBeNull();
  });
});
