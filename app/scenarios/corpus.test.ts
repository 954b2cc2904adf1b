/**
 * The corpus of bad scenario files (tests/fixtures/bad-scenarios): each file must fail with the messages listed
 * in expected.json, at the stated line and column, and must not stop the other files from loading.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureModel } from "./__fixtures__/model";
import { describeError } from "./format-errors";
import { loadScenarios } from "./load.server";

const dir = path.resolve(__dirname, "../../tests/fixtures/bad-scenarios");
const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Record<string, unknown>;
const valid = new Set(expected.$valid as string[]);
const cases = Object.entries(expected).filter(([k]) => !k.startsWith("$")) as Array<[string, string[]]>;
const results = loadScenarios({ dir, model: fixtureModel });
const byFile = new Map(results.map((r) => [path.basename(r.file), r]));

describe("bad scenario corpus", () => {
  it("every file in the corpus has its expected messages (no untested file)", () => {
    const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    const untested = files.filter((f) => !valid.has(f) && !cases.some(([k]) => k === f));
    expect(untested).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)("%s fails with its message at its line and column", (file, wanted) => {
    const r = byFile.get(file);
    expect(r, `${file} was not loaded`).toBeDefined();
    expect(r!.ok).toBe(false);
    const got = r!.ok ? [] : r!.errors.map((e) => `${e.line}:${e.col}: ${describeError(e)}`);
    for (const w of wanted) {
      const [, pos, text] = /^(\d+:\d+): (.*)$/s.exec(w)!;
      expect(
        got.some((g) => g.startsWith(`${pos}: `) && g.includes(text!)),
        `expected ${file} to report\n  ${w}\ngot\n  ${got.join("\n  ")}`,
      ).toBe(true);
    }
    // Every error names the file it is in.
    if (!r!.ok) for (const e of r!.errors) expect(e.file.endsWith(file)).toBe(true);
  });

  it("a broken file does not stop the others: the valid one still loads", () => {
    for (const f of valid) expect(byFile.get(f)?.ok).toBe(true);
  });
});
