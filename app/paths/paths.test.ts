/**
 * Paths against the real seeded model and library (a scratch database): format errors with file:line:col,
 * conflicts with both locations, replacement across steps, and step attributions that add up.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { HEADLINE_KEYS } from "../engine/result";
import { makeScratchDatabase, type ScratchDatabase } from "../scenarios/__fixtures__/scratch-db";
import { formatError } from "../scenarios/format-errors";
import { loadScenarios } from "../scenarios/load.server";
import type { ScenarioFileResult } from "../scenarios/validate";
import { evaluatePath } from "./evaluate";
import { PATH_SCHEMA_PATH, pathJsonSchemaText } from "./json-schema";
import { loadPaths, pathsDirOf } from "./load.server";
import { validatePathText, type PathOk } from "./parse";
import { applyRules, narrowRule, targetKeys, type PathRule } from "./resolve";

const root = path.resolve(__dirname, "../..");
const dir = path.join(root, "scenarios");
let scratch: ScratchDatabase;
let library: ScenarioFileResult[];

beforeAll(() => {
  scratch = makeScratchDatabase();
  library = loadScenarios({ dir, model: scratch.model });
});
afterAll(() => scratch.cleanup());

const check = (text: string, file = "scenarios/paths/test-path.yaml") => validatePathText(text, file, library, scratch.model);
const ok = (text: string): PathOk => {
  const r = check(text);
  if (!r.ok) throw new Error(r.errors.map((e) => formatError(e)).join("\n"));
  return r;
};

const HEAD = "title: T\nsummary: S\nsteps:\n";

describe("path files", () => {
  it("the committed paths are valid against the library and the model, without warnings", () => {
    const results = loadPaths(pathsDirOf(dir), library, scratch.model);
    expect(results.map((r) => r.id)).toContain("what-happened");
    for (const r of results) {
      expect(r.ok ? [] : r.errors.map((e) => formatError(e)), r.file).toEqual([]);
      expect(r.warnings, r.file).toEqual([]);
    }
  });

  it("a symbolic link out of the paths directory is refused without reading it, as in the library (it was followed)", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "paths-link-"));
    try {
      const pathsDir = path.join(tmp, "paths");
      fs.mkdirSync(pathsDir);
      fs.writeFileSync(path.join(tmp, "secret.txt"), "root:x:0:0:secret line\n");
      fs.symlinkSync(path.join(tmp, "secret.txt"), path.join(pathsDir, "leak.yaml"));
      fs.copyFileSync(path.join(pathsDirOf(dir), "what-happened.yaml"), path.join(pathsDir, "copy.yaml"));
      fs.symlinkSync(path.join(pathsDir, "copy.yaml"), path.join(pathsDir, "alias.yaml")); // a link inside is fine
      const byId = new Map(loadPaths(pathsDir, library, scratch.model).map((r) => [r.id, r]));
      const leak = byId.get("leak")!;
      expect(leak.ok).toBe(false);
      expect(JSON.stringify(leak)).not.toContain("secret");
      if (!leak.ok) expect(leak.errors[0]!.message).toBe("a symbolic link to a file outside the scenario directory; it was not read");
      expect(byId.get("alias")?.ok).toBe(true);
      expect(byId.get("copy")?.ok).toBe(true);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("format errors carry file:line:col and the field, as scenario files do", () => {
    const r = check(`${HEAD}  - date: "2021-13"\n    scenarios: [2021-rectification]\n  - date: "2022-01-01"\n    scenarioz: [2021-co-lending]\n`);
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.errors.map((e) => formatError(e));
    expect(lines[0]).toMatch(/^scenarios\/paths\/test-path\.yaml:4:11: steps\[0\]\.date: /);
    expect(lines.some((l) => /^scenarios\/paths\/test-path\.yaml:7:5: steps\[1\]/.test(l) && /scenarioz/.test(l))).toBe(true);
  });

  it("an unknown scenario id is an error at its place, with a suggestion", () => {
    const r = check(`${HEAD}  - date: "2021-04-12"\n    scenarios: [2021-rectificaton]\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatError(r.errors[0]!)).toBe(
      "scenarios/paths/test-path.yaml:5:17: steps[0].scenarios[0]: unknown scenario '2021-rectificaton' (did you mean '2021-rectification'?)",
    );
  });

  it("steps must be in date order, and a step needs scenarios or rules", () => {
    const r = check(`${HEAD}  - date: "2022-01-01"\n    scenarios: [2021-co-lending]\n  - date: "2021-04-12"\n    label: empty\n`);
    expect(r.ok).toBe(false);
    const msgs = r.ok ? [] : r.errors.map((e) => formatError(e));
    expect(msgs).toContain("scenarios/paths/test-path.yaml:6:11: steps[1].date: steps must be in date order: 2021-04-12 is not after the previous step's 2022-01-01");
    expect(msgs.some((m) => /^scenarios\/paths\/test-path\.yaml:6:5: steps\[1\]: a step needs/.test(m))).toBe(true);
  });

  it("inline rules are checked against the model like a scenario's", () => {
    const r = check(
      `${HEAD}  - date: "2021-04-12"\n    rules:\n      - type: fund-size-cap\n        label: cap\n        unit: yuebo\n        maxAum: 700\n`,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatError(r.errors[0]!)).toBe("scenarios/paths/test-path.yaml:8:15: steps[0].rules[0].unit: unknown unit 'yuebo' (did you mean 'yuebao'?)");
  });

  it("two rules of one type on the same units within a step are a conflict, reported with both locations", () => {
    const text = `${HEAD}  - date: "2021-04-12"\n    scenarios: [2021-rectification, 2021-co-lending]\n`;
    const r = check(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    const line = formatError(r.errors[0]!);
    // At the second source, naming the first with its own line:col.
    expect(line).toMatch(/^scenarios\/paths\/test-path\.yaml:5:37: steps\[0\]\.scenarios\[1\]: conflict: co-lending rule '2021-co-lending\.own-funding-30'/);
    expect(line).toContain("'2021-rectification.own-funding-30' from scenario '2021-rectification' (steps[0].scenarios[0], line 5:17)");
    expect(line).toContain("unit 'huabei'");
  });

  it("conflicts: later-wins keeps the later source's rule; combine keeps both", () => {
    const base = `${HEAD}  - date: "2021-04-12"\n    scenarios: [2021-rectification, 2021-co-lending]\n`;
    const later = ok(`${base}    conflicts: later-wins\n`).path.steps[0]!;
    const colending = later.rules.filter((r) => r.rule.type === "co-lending").map((r) => r.id);
    expect(colending).toEqual(["2021-co-lending.own-funding-30"]);
    const both = ok(`${base}    conflicts: combine\n`).path.steps[0]!;
    expect(both.rules.filter((r) => r.rule.type === "co-lending")).toHaveLength(2);
  });

  it("a later step's rule of a replacing type narrows or removes an earlier one; cumulative types stay", () => {
    const p = ok(
      `${HEAD}  - date: "2021-04-12"\n    scenarios: [2021-rectification]\n  - date: "2023-02-17"\n    scenarios: [2023-money-market-fund-rules]\n`,
    ).path;
    const after = p.steps[1]!.active.map((r) => r.id);
    expect(after).not.toContain("2021-rectification.yuebao-reduced");
    expect(after).toContain("2023-money-market-fund-rules.fund-cap-500");
    expect(after).toContain("2021-rectification.consumer-finance-company"); // a spin-off stays
    expect(p.steps[1]!.replaced.map((x) => x.rule.id)).toEqual(["2021-rectification.yuebao-reduced"]);
  });

  it("the JSON Schema file is up to date with the zod schema", () => {
    const file = path.join(root, PATH_SCHEMA_PATH);
    const onDisk = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (onDisk !== pathJsonSchemaText()) throw new Error(`${PATH_SCHEMA_PATH} is out of date: run \`npm run scenarios -- schema\` and commit it`);
  });
});

describe("replacement of rules", () => {
  const rule = (id: string, units: string[], step = 0): PathRule => ({
    id,
    rule: { type: "min-capital", label: id, units, minimum: 5 },
    label: id,
    step,
    scenarioId: null,
    at: [],
  });

  it("narrows an earlier rule to the units the later one does not cover", () => {
    const { active, replaced } = applyRules([rule("a", ["huabei", "jiebei"])], [rule("b", ["jiebei"], 1)]);
    expect(active.map((r) => [r.id, (r.rule as { units: string[] }).units])).toEqual([
      ["a", ["huabei"]],
      ["b", ["jiebei"]],
    ]);
    expect(replaced).toHaveLength(1);
  });

  it("keys name what a rule acts on; a single-target rule is replaced whole", () => {
    expect(targetKeys({ type: "fund-size-cap", label: "x", unit: "yuebao", maxAum: 1 })).toEqual(["unit:yuebao"]);
    expect(narrowRule({ type: "fund-size-cap", label: "x", unit: "yuebao", maxAum: 1 }, new Set(["unit:yuebao"]))).toBeNull();
    expect(targetKeys({ type: "consent-required", label: "x", categories: ["credit-history"], to: ["huabei"], consentRate: 0.5 })).toEqual([
      "data:credit-history@*>huabei",
    ]);
  });
});

describe("evaluating a path", () => {
  it("step k equals the engine on the rules in force; each step's parts add up to its change", () => {
    const p = ok(fs.readFileSync(path.join(dir, "paths/what-happened.yaml"), "utf8")).path;
    const ev = evaluatePath(scratch.model, p);
    expect(ev.steps).toHaveLength(p.steps.length);
    let prev = ev.baseline.headline;
    ev.steps.forEach((s, k) => {
      for (const m of HEADLINE_KEYS) {
        const sum = s.attribution.byRule[m].reduce((a, b) => a + b, 0);
        expect(sum, `${s.date} ${m}`).toBeCloseTo(s.change[m], 6);
        expect(s.change[m]).toBeCloseTo(s.headline[m] - (k === 0 ? prev[m].baseline : ev.steps[k - 1]!.headline[m]), 9);
      }
      prev = s.result.headline;
    });
    // The last step is the engine on the union of rules in force, nothing else.
    const last = p.steps.at(-1)!;
    const direct = evaluate(scratch.model, {
      id: "x",
      assumptions: last.assumptions,
      rules: last.active.map((r) => ({ ...r.rule, id: r.id })),
    });
    expect(ev.steps.at(-1)!.headline.profit).toBeCloseTo(direct.headline.profit.scenario, 9);
  });

  it("what-happened applies the 2023 money-market rules to the fund as reported in Feb 2023, not to 2020's", () => {
    const p = ok(fs.readFileSync(path.join(dir, "paths/what-happened.yaml"), "utf8")).path;
    const ev = evaluatePath(scratch.model, p);
    const aum = (date: string) => ev.steps.find((s) => s.date === date)!.result.units.find((u) => u.id === "yuebao")!.book!.scenario;
    expect(aum("2023-02-01")).toBeCloseTo(689.3, 9); // reported [S43]: an input from history
    expect(aum("2023-02-17")).toBeCloseTo(500, 9); // the rule's own step: 689.3 -> 500
  });

  it("a path of one step is that scenario on the baseline", () => {
    const p = ok(`${HEAD}  - date: "2021-04-12"\n    scenarios: [2021-rectification]\n`).path;
    const sc = library.find((r) => r.id === "2021-rectification");
    if (!sc?.ok) throw new Error("rectification missing");
    const one = evaluatePath(scratch.model, p).steps[0]!;
    expect(one.headline.revenue).toBeCloseTo(evaluate(scratch.model, sc.scenario).headline.revenue.scenario, 9);
  });
});
