import { describe, expect, it } from "vitest";

import { formatScenarioRef as formatRef } from "../../scenarios/ref";

import { compareSearch, describeProblem, parseSelection } from "./selection";

describe("each s is a ScenarioRef", () => {
  it("reads the old variant:<id>@<n> spelling and the one spelling alike", () => {
    const s = parseSelection(["variant:my-breakup@3", "pipl"]);
    expect(s).toEqual({ ok: true, refs: [{ kind: "variant", id: "my-breakup", version: 3 }, { kind: "library", id: "pipl" }] });
    expect(parseSelection(["variant:my-breakup@3", "my-breakup@3"]).ok).toBe(false);
  });

  it.each([
    ["", /empty/],
    ["Co Lending", /not a scenario id/],
    ["../etc/passwd", /not a scenario id/],
    ["variant:x", /without its version/],
    ["x@0", /whole number/],
    ["variant:Bad@1", /variant id 'Bad'/],
  ])("refuses %j with a reason", (raw, reason) => {
    const r = parseSelection([raw, "a"]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.find((p) => p.kind === "malformed")).toMatchObject({ reason: expect.stringMatching(reason) });
  });
});

describe("parseSelection", () => {
  it("accepts 2 to 4 distinct references in order", () => {
    expect(parseSelection(["b", "a"])).toEqual({
      ok: true,
      refs: [
        { kind: "library", id: "b" },
        { kind: "library", id: "a" },
      ],
    });
    expect(parseSelection(["a", "b", "c", "variant:d@2"]).ok).toBe(true);
  });

  it("says how many were chosen when fewer than 2 or more than 4", () => {
    for (const values of [[], ["a"], ["a", "b", "c", "d", "e"]]) {
      const s = parseSelection(values);
      expect(s.ok).toBe(false);
      if (!s.ok) expect(s.problems[0]).toEqual({ kind: "count", count: values.length });
    }
    expect(describeProblem({ kind: "count", count: 1 })).toMatch(/at least 2.*only 1/);
    expect(describeProblem({ kind: "count", count: 5 })).toMatch(/at most 4.*5 were/);
  });

  it("reports a duplicate once and keeps the valid references", () => {
    const s = parseSelection(["a", "b", "a", "a"]);
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.problems).toEqual([{ kind: "duplicate", value: "a" }]);
    expect(s.refs.map(formatRef)).toEqual(["a", "b"]);
  });

  it("reports each malformed value with the others kept", () => {
    const s = parseSelection(["a", "NOPE", "b"]);
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.problems).toEqual([{ kind: "malformed", value: "NOPE", reason: expect.stringMatching(/not a scenario id/) }]);
    expect(s.refs.map(formatRef)).toEqual(["a", "b"]);
  });

  it("round-trips through a query string", () => {
    const refs = [
      { kind: "library", id: "a" },
      { kind: "variant", id: "v", version: 12 },
    ] as const;
    const search = compareSearch(refs);
    expect(search).toBe("?s=a&s=v%4012");
    expect(parseSelection(new URLSearchParams(search).getAll("s"))).toEqual({ ok: true, refs });
  });
});
