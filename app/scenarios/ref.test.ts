import { describe, expect, it } from "vitest";

import { formatScenarioRef, MAX_VERSION, parseScenarioRef, parseVersion, scenarioRefHref } from "./ref";

describe("ScenarioRef", () => {
  it("reads and writes a library id and a variant version the same way", () => {
    for (const text of ["2021-co-lending", "my-breakup-k3x9q2@3"]) {
      const parsed = parseScenarioRef(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(formatScenarioRef(parsed.ref)).toBe(text);
    }
    expect(parseScenarioRef("my-breakup@3")).toEqual({ ok: true, ref: { kind: "variant", id: "my-breakup", version: 3 } });
  });

  it("still reads the old variant:<id>@<n> spelling, and writes the one spelling", () => {
    const parsed = parseScenarioRef(" variant:my-breakup@3 ");
    expect(parsed).toEqual({ ok: true, ref: { kind: "variant", id: "my-breakup", version: 3 } });
    if (parsed.ok) expect(formatScenarioRef(parsed.ref)).toBe("my-breakup@3");
  });

  it.each([
    ["", /empty/],
    ["variant:x", /without its version/],
    ["x@0", /whole number/],
    ["x@1.5", /whole number/],
    ["x@01", /whole number/],
    ["x@1234567890", /whole number/],
    ["Bad_Id", /not a scenario id/],
    ["Bad@2", /not a lower-case id/],
  ])("refuses %j", (raw, reason) => {
    const parsed = parseScenarioRef(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it("has one version parser: 1..MAX_VERSION, digits only", () => {
    expect(parseVersion("1")).toBe(1);
    expect(parseVersion(String(MAX_VERSION))).toBe(MAX_VERSION);
    for (const bad of [null, undefined, "", "0", "-1", "1e3", "2.yaml", " 2", "abc", "1000000000"]) expect(parseVersion(bad)).toBeNull();
  });

  it("links a reference to its page", () => {
    expect(scenarioRefHref({ kind: "library", id: "a-b" })).toBe("/scenarios/a-b");
    expect(scenarioRefHref({ kind: "variant", id: "a-b", version: 2 })).toBe("/scenarios/a-b?v=2");
  });
});
