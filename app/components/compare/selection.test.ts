import { describe, expect, it } from "vitest";

import { compareSearch, describeProblem, formatRef, parseRef, parseSelection } from "./selection";

describe("parseRef", () => {
  it("reads a scenario id and a variant version, and writes them back", () => {
    expect(parseRef("2021-co-lending")).toEqual({ ok: true, ref: { kind: "scenario", id: "2021-co-lending" } });
    expect(parseRef(" pipl ")).toEqual({ ok: true, ref: { kind: "scenario", id: "pipl" } });
    const v = parseRef("variant:my-breakup@3");
    expect(v).toEqual({ ok: true, ref: { kind: "variant", id: "my-breakup", version: 3 } });
    if (v.ok) expect(formatRef(v.ref)).toBe("variant:my-breakup@3");
  });

  it.each([
    ["", /empty/],
    ["Co Lending", /not a scenario id/],
    ["../etc/passwd", /not a scenario id/],
    ["variant:x", /without its version/],
    ["variant:x@0", /whole number/],
    ["variant:x@1.5", /whole number/],
    ["variant:Bad@1", /variant id 'Bad'/],
  ])("refuses %j with a reason", (raw, reason) => {
    const r = parseRef(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("parseSelection", () => {
  it("accepts 2 to 4 distinct references in order", () => {
    expect(parseSelection(["b", "a"])).toEqual({
      ok: true,
      refs: [
        { kind: "scenario", id: "b" },
        { kind: "scenario", id: "a" },
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
      { kind: "scenario", id: "a" },
      { kind: "variant", id: "v", version: 12 },
    ] as const;
    const search = compareSearch(refs);
    expect(search).toBe("?s=a&s=variant%3Av%4012");
    expect(parseSelection(new URLSearchParams(search).getAll("s"))).toEqual({ ok: true, refs });
  });
});
