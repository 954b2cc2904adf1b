import { describe, expect, it } from "vitest";

import { formatScenarioRef as formatRef } from "../../scenarios/ref";

import type { ScenarioRef } from "../../scenarios/ref";

import { compareSearch, describeProblem, formatColumn, parseColumn, parseSelection, whatIfCompareHref, type ColumnRef } from "./selection";

const col = (ref: ScenarioRef): ColumnRef => ({ ref, whatIf: [] });

describe("each s is a ScenarioRef", () => {
  it("reads the old variant:<id>@<n> spelling and the one spelling alike", () => {
    const s = parseSelection(["variant:my-breakup@3", "pipl"]);
    expect(s).toEqual({ ok: true, refs: [col({ kind: "variant", id: "my-breakup", version: 3 }), col({ kind: "library", id: "pipl" })] });
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
      refs: [col({ kind: "library", id: "b" }), col({ kind: "library", id: "a" })],
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
    expect(s.refs.map((c) => formatRef(c.ref))).toEqual(["a", "b"]);
  });

  it("reports each malformed value with the others kept", () => {
    const s = parseSelection(["a", "NOPE", "b"]);
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.problems).toEqual([{ kind: "malformed", value: "NOPE", reason: expect.stringMatching(/not a scenario id/) }]);
    expect(s.refs.map((c) => formatRef(c.ref))).toEqual(["a", "b"]);
  });

  it("round-trips through a query string", () => {
    const refs = [
      { kind: "library", id: "a" },
      { kind: "variant", id: "v", version: 12 },
    ] as const;
    const search = compareSearch(refs);
    expect(search).toBe("?s=a&s=v%4012");
    expect(parseSelection(new URLSearchParams(search).getAll("s"))).toEqual({ ok: true, refs: refs.map(col) });
  });
});

describe("a column with a what-if state", () => {
  it("reads `<ref>?<what-if query>`, keys sorted, so two spellings are one column", () => {
    const a = parseColumn("2021-co-lending?r.own-funding-30.minOwnShare=0.5&a.cost-of-equity=0.1");
    expect(a).toEqual({
      ok: true,
      column: {
        ref: { kind: "library", id: "2021-co-lending" },
        whatIf: [
          ["a.cost-of-equity", "0.1"],
          ["r.own-funding-30.minOwnShare", "0.5"],
        ],
      },
    });
    const b = parseColumn("2021-co-lending?a.cost-of-equity=0.1&r.own-funding-30.minOwnShare=0.5");
    expect(a.ok && b.ok && formatColumn(a.column) === formatColumn(b.column)).toBe(true);
    expect(parseColumn("my-variant@2?a.x=1")).toMatchObject({ ok: true, column: { ref: { kind: "variant", id: "my-variant", version: 2 } } });
  });

  it("lets one scenario stand beside itself with another what-if, but not twice the same", () => {
    expect(parseSelection(["2021-co-lending", "2021-co-lending?r.x.minOwnShare=0.5"]).ok).toBe(true);
    const s = parseSelection(["a?r.x.y=1", "a?r.x.y=1"]);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.problems).toEqual([{ kind: "duplicate", value: "a?r.x.y=1" }]);
  });

  it.each([
    ["a?draws=5", /only rule parameters/],
    ["a?r.x.y=1&r.x.y=2", /twice/],
    ["a?" + Array.from({ length: 70 }, (_, i) => `a.k${i}=1`).join("&"), /more than 64/],
    ["A?r.x.y=1", /not a scenario id/],
  ])("refuses %j with a reason", (raw, reason) => {
    expect(parseColumn(raw)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it("'Add to compare' puts moved values beside the scenario as written, or opens the picker with it", () => {
    const lib: ScenarioRef = { kind: "library", id: "2021-co-lending" };
    const href = whatIfCompareHref(lib, "r.own-funding-30.minOwnShare=0.5");
    expect(new URL(href, "http://x").searchParams.getAll("s")).toEqual(["2021-co-lending", "2021-co-lending?r.own-funding-30.minOwnShare=0.5"]);
    expect(whatIfCompareHref(lib, "")).toBe("/compare?s=2021-co-lending");
    expect(new URL(whatIfCompareHref({ kind: "variant", id: "v-1", version: 3 }, "a.x=2"), "http://x").searchParams.getAll("s")).toEqual(["v-1@3", "v-1@3?a.x=2"]);
  });
});
