import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, parseScenario, scenarioIdFromFile } from "./parse";
import { RULE_FAMILIES } from "./schema";

const header = `title: T\nsummary: S\ndate: "2021"\nsources: [S36]\n`;

function errorsOf(text: string, file = "scenarios/x.yaml") {
  const r = parseScenario(text, file);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("parseScenario", () => {
  it("gives a valid file its id from the file name and fills defaults", () => {
    const r = parseScenario(`${header}rules:\n  - type: min-capital\n    label: L\n    units: [group]\n    minimum: 5\n`, "dir/2021-x.yml");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.id).toBe("2021-x");
    expect(r.scenario.hypothetical).toBe(false);
    expect(r.scenario.rules[0]).toMatchObject({ type: "min-capital", minimum: 5 });
  });

  it("says a rate of 1.3 is out of 0..1, at the value's line and column", () => {
    const [e] = errorsOf(`${header}rules:\n  - type: consent-required\n    label: L\n    categories: [identity]\n    consentRate: 1.3\n`);
    expect(e).toMatchObject({ line: 9, col: 18, path: "rules[0].consentRate", message: "expected a number from 0 to 1, got 1.3" });
  });

  it("states both bounds for a value inside a range", () => {
    const [e] = errorsOf(
      `${header}rules:\n  - type: consent-required\n    label: L\n    categories: [identity]\n    consentRate: { low: 0.2, high: 1.5, value: 0.5 }\n`,
    );
    expect(e).toMatchObject({ path: "rules[0].consentRate.high", message: "expected a number from 0 to 1, got 1.5" });
  });

  it("lists the valid rule types for an unknown one", () => {
    const [e] = errorsOf(`${header}rules:\n  - type: nationalise\n    label: L\n`);
    for (const t of Object.keys(RULE_FAMILIES)) expect(e!.message).toContain(t);
    expect(e).toMatchObject({ line: 6, col: 11, path: "rules[0].type" });
  });

  it("names an unknown top-level key and suggests the right one", () => {
    const [e] = errorsOf(`${header}titel: X\nrules: []\n`);
    expect(e).toMatchObject({ line: 5, col: 1, path: "titel" });
    expect(e!.message).toContain("unknown key 'titel'");
  });

  it("tells the author to quote a date YAML read as a number", () => {
    const [e] = errorsOf(`title: T\nsummary: S\ndate: 2021\nsources: [S36]\nrules: []\n`);
    expect(e).toMatchObject({ line: 3, col: 7, path: "date" });
    expect(e!.message).toBe('expected text, got 2021 (YAML read it as a number; put it in quotes: "2021")');
  });

  it("reports a YAML syntax error with its position", () => {
    const [e] = errorsOf(`title: [unclosed\nsummary: x\n`);
    expect(e!.message).toMatch(/^YAML syntax error/);
    expect(e!.line).toBeGreaterThanOrEqual(1);
  });

  it("refuses a billion-laughs file quickly", () => {
    const lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const t0 = performance.now();
    const [e] = errorsOf(lines.join("\n"));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(e!.message).toContain("alias");
  });

  it("refuses a file larger than 256 KB without parsing it", () => {
    const text = `${header}rules: []\n# ${"x".repeat(MAX_FILE_BYTES)}\n`;
    const [e] = errorsOf(text);
    expect(e!.message).toContain("larger than the 256 KB");
  });

  it("refuses a file name that is not a slug", () => {
    const [e] = errorsOf(`${header}rules: []\n`, "scenarios/My Scenario.yaml");
    expect(e!.message).toContain("file name");
  });

  it("catches duplicate rule ids, including a clash with a default rule-N", () => {
    const rule = `  - type: min-capital\n    label: L\n    units: [group]\n    minimum: 5\n`;
    const errs = errorsOf(`${header}rules:\n${rule}  - id: rule-1\n    type: min-capital\n    label: L\n    units: [group]\n    minimum: 5\n`);
    expect(errs[0]!.message).toContain("duplicate rule id 'rule-1'");
    expect(errs[0]!.path).toBe("rules[1].id");
  });

  it("points a missing field at the mapping that lacks it", () => {
    const [e] = errorsOf(`${header}rules:\n  - type: co-lending\n    label: L\n    units: [huabei]\n    minOwnShare: 0.3\n`);
    expect(e).toMatchObject({ line: 6, col: 5, path: "rules[0].response" });
    expect(e!.message).toContain("missing required field 'response'");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parseScenario(text, "x.yaml");
        if (!r.ok) for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts any well-formed scenario written out as YAML", () => {
    const rate = fc.double({ min: 0, max: 1, noNaN: true });
    const rule = fc.oneof(
      fc.record({ type: fc.constant("consent-required"), label: fc.constant("c"), categories: fc.constant(["identity"]), consentRate: rate }),
      fc.record({
        type: fc.constant("co-lending"),
        label: fc.constant("c"),
        units: fc.constant(["huabei"]),
        minOwnShare: fc.tuple(rate, rate, rate).map(([a, b, c]) => {
          const [low, value, high] = [a, b, c].sort((x, y) => x - y);
          return { low: low!, high: high!, value: value! };
        }),
        response: fc.constantFrom("raise", "shrink"),
      }),
    );
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 12 }), (rules) => {
        const text = stringify({ title: "T", summary: "S", date: "2021", sources: ["S1"], rules });
        const r = parseScenario(text, "gen.yaml");
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.scenario.rules).toEqual(rules);
      }),
      { numRuns: 100 },
    );
  });
});

describe("scenarioIdFromFile", () => {
  it("strips the directory and the .yaml/.yml extension", () => {
    expect(scenarioIdFromFile("scenarios/2021-co-lending.yaml")).toBe("2021-co-lending");
    expect(scenarioIdFromFile("C:\\s\\foo.yml")).toBe("foo");
  });
});
