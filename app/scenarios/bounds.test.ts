import { describe, expect, it } from "vitest";
import { dataShapeProblem, duplicateJsonKey, MAX_LISTED_ERRORS, SHAPE_LIMITS, yamlPrescanProblem } from "./bounds";
import { validateDefinition } from "./definition-check";
import { fixtureModel } from "./__fixtures__/model";
import { parseScenario } from "./parse";

const header = `title: T\nsummary: S\ndate: "2021"\nsources: [S36]\nrules: []\n`;

function errorsOf(text: string) {
  const r = parseScenario(text, "x.yaml");
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("the work on a scenario is bounded before parsing", () => {
  it("refuses a 229 KB file of 24,000 keys with one message (it held the server for 30-70 s)", () => {
    let text = header;
    for (let i = 0; i < 24_000; i++) text += `k${i}: 1\n`;
    expect(text.length).toBeGreaterThan(220_000);
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("more than 2,000 lines of content");
  });

  it("refuses the same keys written as one flow mapping", () => {
    const keys = Array.from({ length: 24_000 }, (_, i) => `k${i}: 1`).join(", ");
    const errors = errorsOf(`${header}extra: {${keys}}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("more than 2,000 list or mapping items");
  });

  it("refuses a mapping of more keys than any scenario has, at that mapping", () => {
    const keys = Array.from({ length: 150 }, (_, i) => `  k${i}: 1`).join("\n");
    const [e, ...rest] = errorsOf(`${header}assumptions:\n${keys}\n`);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ line: 7, col: 3 });
    expect(e!.message).toContain("150 keys, more than the 100");
  });

  it("gives deep nesting one clear message, block or flow (not 820 stack overflows)", () => {
    const flow = errorsOf(`${header}extra: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`);
    expect(flow).toHaveLength(1);
    expect(flow[0]!.message).toContain("nests lists and mappings more than 24 levels deep");
    let block = header;
    for (let i = 0; i < 200; i++) block += `${" ".repeat(i)}k${i}:\n`;
    const nested = errorsOf(block);
    expect(nested).toHaveLength(1);
    expect(nested[0]!.message).toContain("more than 24 levels deep");
  });

  it("refuses aliases that expand a big string many times (stored as 10 MB before)", () => {
    const big = "x".repeat(190_000);
    const text = `title: &big "${big}"\nsummary: S\ndate: "2021"\nsources: [${Array(49).fill("*big").join(", ")}]\nrules: []\n`;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("with its aliases expanded the scenario would be over 256 KB");
  });

  it("lists at most 50 errors and counts the rest", () => {
    const keys = Array.from({ length: 90 }, (_, i) => `k${i}: 1`).join("\n");
    const errors = errorsOf(`${header}${keys}\n`);
    expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(errors[MAX_LISTED_ERRORS]!.message).toBe("and 40 more errors (only the first 50 are listed)");
  });

  it("lets every library-sized file through the prescan", () => {
    const rule = `  - type: co-lending # a comment, with [brackets]\n    label: "L, with a comma"\n    units: [huabei, jiebei]\n    minOwnShare: { low: 0.1, high: 0.5, value: 0.3 }\n    response: raise\n`;
    expect(yamlPrescanProblem(`${header.replace("rules: []\n", "rules:\n")}${rule.repeat(12)}`)).toBeNull();
  });
});

describe("dataShapeProblem (JSON bodies and YAML after aliases)", () => {
  it("refuses 24,000 keys in one object and nesting deeper than the limit", () => {
    const wide = Object.fromEntries(Array.from({ length: 24_000 }, (_, i) => [`k${i}`, 1]));
    expect(dataShapeProblem(wide)?.message).toContain("24,000 keys");
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(dataShapeProblem({ title: deep })?.message).toContain(`more than ${SHAPE_LIMITS.depth} levels deep`);
  });

  it("makes validateDefinition answer one message for a body of 24,000 unknown keys", () => {
    const body = { title: "T", ...Object.fromEntries(Array.from({ length: 24_000 }, (_, i) => [`k${i}`, 1])) };
    const r = validateDefinition(body, fixtureModel);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(1);
  });

  it("caps validateDefinition's errors at 50 and counts the rest", () => {
    const body = { title: "T", ...Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, 1])) };
    const r = validateDefinition(body, fixtureModel);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(MAX_LISTED_ERRORS + 1);
      expect(r.errors.at(-1)!.message).toMatch(/^and \d+ more errors/);
    }
  });
});

describe("duplicateJsonKey", () => {
  it("finds a key given twice in one object, at the second one", () => {
    const text = '{"title": "a", "rules": [{"id": "x", "label": "y"}], "title": "b"}';
    expect(duplicateJsonKey(text)).toEqual({ key: "title", offset: text.lastIndexOf('"title"') });
    expect(duplicateJsonKey('{"a": {"k": 1, "k": 2}}')?.key).toBe("k");
    expect(duplicateJsonKey('{"a\\u0062": 1, "ab": 2}')?.key).toBe("ab");
  });

  it("accepts the same key in different objects, and keys inside strings", () => {
    expect(duplicateJsonKey('{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}], "d": "\\"k\\": 1, \\"k\\""}')).toBeNull();
  });
});
