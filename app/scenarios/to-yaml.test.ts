/** Scenario -> YAML: every library scenario and odd text survive a round trip through the file format. */
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureModel } from "./__fixtures__/model";
import { loadScenarios } from "./load.server";
import { parseScenario } from "./parse";
import type { ScenarioDefinition } from "./schema";
import { textProblem } from "./text";
import { SCHEMA_COMMENT, scenarioToYaml, yamlFileName } from "./to-yaml";
import { validateScenarioText } from "./validate";

const dir = path.resolve(__dirname, "../../scenarios");
const library = loadScenarios({ dir, model: fixtureModel }).flatMap((r) => (r.ok ? [r.scenario] : []));

function roundTrip(def: ScenarioDefinition, file = "round-trip.yaml") {
  const text = scenarioToYaml(def);
  const back = parseScenario(text, file);
  if (!back.ok) throw new Error(`${text}\n${JSON.stringify(back.errors, null, 2)}`);
  const { id: _id, ...definition } = back.scenario;
  return { text, definition };
}

const minimal: ScenarioDefinition = {
  title: "Consent at 40%",
  summary: "A what-if.",
  date: "2021",
  hypothetical: true,
  sources: ["S30"],
  rules: [
    { id: "consent", type: "consent-required", label: "Consent", categories: ["transactions"], consentRate: 0.4 },
  ],
};

describe("scenarioToYaml", () => {
  it("reads the whole library", () => expect(library.length).toBeGreaterThanOrEqual(9));

  it.each(library.map((s) => [s.id, s] as const))("%s: to YAML and back gives the same scenario, valid against the model", (id, scenario) => {
    const { id: _id, ...def } = scenario;
    const { text, definition } = roundTrip(def);
    expect(definition).toEqual(def);
    const checked = validateScenarioText(text, `${id}.yaml`, fixtureModel);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });

  it("writes the library's format: schema comment first, fields in order, lists and ranges on one line, dates quoted", () => {
    const text = scenarioToYaml({
      ...minimal,
      rules: [
        {
          type: "co-lending",
          response: "raise",
          minOwnShare: { low: 0.1, high: 0.5, value: 0.3 },
          units: ["huabei", "jiebei"],
          label: "30% own funding",
          id: "own-funding",
        },
      ],
    });
    expect(text.split("\n")[0]).toBe(`# ${SCHEMA_COMMENT}`);
    expect(text).toContain('date: "2021"\nhypothetical: true\nsources: [S30]\nrules:\n  - id: own-funding\n    type: co-lending\n');
    expect(text).toContain("    units: [huabei, jiebei]\n    minOwnShare: { low: 0.1, high: 0.5, value: 0.3 }\n    response: raise\n");
  });

  it("omits hypothetical: false, the id and $schema (the file name and the comment carry them)", () => {
    const text = scenarioToYaml({ ...minimal, hypothetical: false, $schema: "./scenario.schema.json", id: "x" } as never);
    expect(text).not.toMatch(/^hypothetical:/m);
    expect(text).not.toMatch(/^\$schema:/m);
    expect(text).not.toMatch(/^id:/m);
  });

  it("keeps assumptions overrides and an empty rule list", () => {
    const def: ScenarioDefinition = { ...minimal, assumptions: { "entry-point-recapture": 0.25 }, rules: [] };
    expect(roundTrip(def).definition).toEqual(def);
  });

  it("keeps text with markup, quotes, colons, hashes, line breaks and unicode exactly", () => {
    const odd = [
      '<script>alert("x")</script> & <b>bold</b>',
      "key: value # not a comment",
      "  leading and trailing spaces  ",
      "line one\nline two\n\nafter a blank line",
      "ends with a newline\n",
      "- looks like a list",
      "'single' and \"double\" quotes, a tab\there",
      "蚂蚁集团 — 花呗/借呗 ✓ 😀",
      "yes",
      "null",
      "0.30",
      "[not, a, list]",
      // Control characters (a bell, a NUL) are refused by the schema (text.ts), so never written.
      "windows\r\nline ends, a BOM \ufeff, a line separator \u2028",
      "trailing blank line\n  ",
      `${"long text that wraps ".repeat(30)}end`,
    ];
    for (const s of odd) {
      const def: ScenarioDefinition = {
        ...minimal,
        // Titles and labels are one line: text with line breaks goes to the summary and the note.
        title: textProblem(s, { oneLine: true }) ? "Odd text" : s.slice(0, 200),
        summary: s,
        rules: [{ ...minimal.rules[0]!, label: textProblem(s, { oneLine: true }) ? "Odd text" : s.slice(0, 200), note: s }],
      } as ScenarioDefinition;
      expect(roundTrip(def).definition, JSON.stringify(s)).toEqual(def);
    }
  });

  it("round-trips any text a user may type (property)", () => {
    const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(text, text, (title, note) => {
        fc.pre(textProblem(title.slice(0, 200) || "x", { oneLine: true }) === null && textProblem(note) === null);
        const def = { ...minimal, title: title.slice(0, 200) || "x", summary: note, rules: [{ ...minimal.rules[0]!, note }] };
        expect(roundTrip(def as ScenarioDefinition).definition).toEqual(def);
      }),
      { numRuns: 300 },
    );
  });

  it("names downloads so the file name gives a valid scenario id", () => {
    expect(yamlFileName("consent-40-k3x9q2", 3)).toBe("consent-40-k3x9q2-v3.yaml");
    expect(yamlFileName("2021-co-lending")).toBe("2021-co-lending.yaml");
  });
});
