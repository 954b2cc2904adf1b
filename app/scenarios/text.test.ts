import { describe, expect, it } from "vitest";
import { validateDefinition } from "./definition-check";
import { fixtureModel } from "./__fixtures__/model";
import { parseScenario } from "./parse";
import { textProblem } from "./text";

const definition = (over: Record<string, unknown> = {}, rule: Record<string, unknown> = {}) => ({
  title: "T",
  summary: "S",
  date: "2021",
  sources: ["S36"],
  rules: [{ type: "spin-off", label: "L", units: ["huabei"], entity: "E", stakeKept: 0.4, ...rule }],
  ...over,
});

describe("free text (titles, summaries, labels, notes, entity names)", () => {
  it("refuses control characters, bidi overrides, invisible-only text and lone surrogates", () => {
    expect(textProblem("x\ud800y")).toContain("lone UTF-16 surrogate");
    expect(textProblem("\udc00")).toContain("lone UTF-16 surrogate");
    expect(textProblem("a\u0007b")).toContain("control characters");
    expect(textProblem("a\u0085b")).toContain("control characters");
    expect(textProblem("evil\u202egnp.exe")).toContain("bidirectional");
    expect(textProblem("\u2066x\u2069")).toContain("bidirectional");
    expect(textProblem("\u200b\u200b")).toContain("visible text");
    expect(textProblem(" \u3164 \ufeff")).toContain("visible text");
    expect(textProblem("two\nlines", { oneLine: true })).toContain("one line");
  });

  it("accepts ordinary text in any script, emoji, tabs and (where allowed) line breaks", () => {
    for (const ok of ["Ant Group 蚂蚁集团", "Zhima Credit 😀", "co-lending\t30%", "joiner\u200dword", "مرحبا"]) expect(textProblem(ok, { oneLine: true }), ok).toBeNull();
    expect(textProblem("two\nlines")).toBeNull();
  });

  it("the scenario schema refuses them in the title, summary, label, note and entity, with the reason", () => {
    const cases: Array<[Record<string, unknown>, Record<string, unknown>, string]> = [
      [{ title: "x\ud800y" }, {}, "title"],
      [{ title: "\u200b" }, {}, "title"],
      [{ summary: "a\u202eb" }, {}, "summary"],
      [{}, { label: "L\u0000" }, "rules[0].label"],
      [{}, { note: "n\u0001" }, "rules[0].note"],
      [{}, { entity: "line\nbreak" }, "rules[0].entity"],
    ];
    for (const [over, rule, path] of cases) {
      const r = validateDefinition(definition(over, rule), fixtureModel);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.path), path).toContain(path);
    }
    expect(validateDefinition(definition(), fixtureModel).ok).toBe(true);
  });

  it("a YAML file with such a title fails at the title's line", () => {
    const r = parseScenario('title: "x\\ud800y"\nsummary: S\ndate: "2021"\nsources: [S36]\nrules: []\n', "x.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 1, col: 8, path: "title" });
  });
});
