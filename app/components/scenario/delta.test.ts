import { describe, expect, it } from "vitest";

import { HEADLINE_KEYS } from "../../engine/result";
import { RISE_IS, tone } from "./delta";

describe("the tone of a change", () => {
  it("reads a rising shortfall as bad and a rising profit as good, whatever the direction's colour", () => {
    expect(tone("capitalShortfall", 2)).toBe("bad");
    expect(tone("capitalShortfall", -2)).toBe("good");
    expect(tone("profit", 2)).toBe("good");
    expect(tone("profit", -2)).toBe("bad");
    expect(tone("capitalRaised", 5)).toBe("neutral");
    expect(tone("revenue", 1e-12)).toBe("neutral");
  });

  it("gives every headline figure a meaning", () => {
    for (const k of HEADLINE_KEYS) expect(["good", "bad", "neutral"]).toContain(RISE_IS[k]);
  });
});
