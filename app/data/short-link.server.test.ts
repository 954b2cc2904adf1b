/** Short links on a real scratch database (migration 0005): validation, one code per target, resolution. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkShareTarget, CODE_ALPHABET, CODE_LENGTH, isShortCode, MAX_SHARE_TARGET } from "../utils/share-target";
import { HttpError } from "../utils/http.server";
import { makeScratchVariantDb, type ScratchVariantDb } from "./__fixtures__/variant-db";
import { findShortCode, resolveShortCode, shortCodeFor } from "./short-link.server";

let scratch: ScratchVariantDb;
beforeAll(() => {
  scratch = makeScratchVariantDb();
});
afterAll(() => scratch.cleanup());

describe("what a short link may point at", () => {
  it("takes a page of the dashboard as path and query, without its fragment", () => {
    for (const ok of [
      "/scenarios/2021-co-lending?r.own-funding-30.minOwnShare=0.45&view=room",
      "/compare?s=2021-co-lending&s=2021-co-lending%3Fr.own-funding-30.minOwnShare%3D0.5",
      "/variants/abc-def?v=2",
      "/paths/what-happened",
      "/present/2021-rectification?slide=3",
      "/",
      "/history",
      "/model/about",
    ])
      expect(checkShareTarget(ok), ok).toEqual({ ok: true, target: ok });
    expect(checkShareTarget("/scenarios/x?a=1#top")).toEqual({ ok: true, target: "/scenarios/x?a=1" });
  });

  it.each([
    ["", /empty/],
    ["https://evil.example/scenarios/x", /single \//],
    ["//evil.example/scenarios/x", /single \//],
    ["/\\evil.example", /single \//],
    ["javascript:alert(1)", /single \//],
    ["/scenarios/x\u0000", /single \//],
    ["/api/variants", /not a page/],
    ["/scenarios/x/export/result.csv", /not a page/],
    ["/s/abcdefghjk", /not a page/],
    ["/builder?fork=x", /not a page/],
    [`/scenarios/x?q=${"a".repeat(MAX_SHARE_TARGET)}`, /too long/],
  ])("refuses %j", (target, message) => {
    const r = checkShareTarget(target);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe("short codes in SQLite", () => {
  it("gives a new target a short code, and the same target the same code (idempotent)", () => {
    const { store } = scratch.copy("links-idem");
    const target = "/scenarios/2021-co-lending?r.own-funding-30.minOwnShare=0.45";
    const first = shortCodeFor(target, store.db);
    expect(first.created).toBe(true);
    expect(first.code).toHaveLength(CODE_LENGTH);
    expect([...first.code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    expect(isShortCode(first.code)).toBe(true);
    const again = shortCodeFor(target, store.db);
    expect(again).toEqual({ code: first.code, target, created: false });
    // A fragment does not make another state.
    expect(shortCodeFor(`${target}#kpis`, store.db).code).toBe(first.code);
    const other = shortCodeFor("/scenarios/2021-co-lending?r.own-funding-30.minOwnShare=0.4", store.db);
    expect(other.code).not.toBe(first.code);
    expect(resolveShortCode(first.code, store.db)).toBe(target);
    expect(findShortCode(target, store.db)).toBe(first.code);
  });

  it("refuses a target that may not be shared with a 400 and stores nothing", () => {
    const { store, sqlite } = scratch.copy("links-bad");
    expect(() => shortCodeFor("https://evil.example/", store.db)).toThrow(HttpError);
    try {
      shortCodeFor("/api/model", store.db);
    } catch (e) {
      expect((e as HttpError).status).toBe(400);
    }
    expect(sqlite.prepare("select count(*) as n from short_links").get()).toEqual({ n: 0 });
  });

  it("an unknown or malformed code resolves to nothing", () => {
    const { store } = scratch.copy("links-unknown");
    expect(resolveShortCode("2345678923", store.db)).toBeNull();
    expect(resolveShortCode("../etc", store.db)).toBeNull();
    expect(resolveShortCode("O0Il1O0Il1", store.db)).toBeNull();
  });
});
