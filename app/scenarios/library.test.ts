/** The scenario library in scenarios/: every file loads, cites the fact register and is hooked to the JSON Schema. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCES } from "../../db/seed/sources";
import { fixtureModel } from "./__fixtures__/model";
import { loadScenarios } from "./load.server";

const dir = path.resolve(__dirname, "../../scenarios");
const results = loadScenarios({ dir, model: fixtureModel });
const registerKeys = new Set(SOURCES.map((s) => s.key));

describe("scenario library", () => {
  it("has at least 9 scenarios, all valid against the model's ids", () => {
    expect(results.length).toBeGreaterThanOrEqual(9);
    for (const r of results) expect(r.ok ? [] : r.errors, r.file).toEqual([]);
  });

  it("names the rule families the mission asks for", () => {
    const types = new Set(results.flatMap((r) => (r.ok ? r.scenario.rules.map((x) => x.type) : [])));
    for (const t of ["consent-required", "credit-bureau", "spin-off", "unbundle", "interoperability", "co-lending", "capital-ratio", "leverage-cap", "min-capital", "fund-size-cap", "data-ban"])
      expect(types.has(t as never), t).toBe(true);
  });

  it.each(results.map((r) => [r.id, r] as const))("%s starts with the yaml-language-server schema comment", (_, r) => {
    const text = fs.readFileSync(path.resolve(r.file), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./scenario.schema.json");
  });

  it("cites only keys of the project's fact register (db/seed/sources.ts)", () => {
    const unknown = results.flatMap((r) => (r.ok ? r.scenario.sources.filter((s) => !/^https?:/.test(s) && !registerKeys.has(s)).map((s) => `${r.id} cites ${s}`) : []));
    expect(unknown).toEqual([]);
    // every library file cites at least one key, so the check above always has something to check
    for (const r of results) if (r.ok) expect(r.scenario.sources.some((s) => registerKeys.has(s)), r.id).toBe(true);
  });

  it("names only register keys in its notes and summaries too ([S36] in a rule's note)", () => {
    const unknown = results.flatMap((r) =>
      [...fs.readFileSync(path.resolve(r.file), "utf8").matchAll(/\bS\d+\b/g)].map((m) => m[0]).filter((k) => !registerKeys.has(k)).map((k) => `${r.id}: ${k}`),
    );
    expect(unknown).toEqual([]);
  });

  it("labels the hypothetical scenario in its title", () => {
    const hyp = results.filter((r) => r.ok && r.scenario.hypothetical);
    expect(hyp.length).toBeGreaterThanOrEqual(1);
    for (const r of hyp) if (r.ok) expect(r.scenario.title).toMatch(/^Hypothetical/);
    for (const r of results) if (r.ok && !r.scenario.hypothetical) expect(r.scenario.title).not.toMatch(/hypothetical/i);
  });
});
