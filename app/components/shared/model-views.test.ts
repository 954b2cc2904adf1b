import { describe, expect, it } from "vitest";

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
