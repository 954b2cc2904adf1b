/**
 * A parameter's label, unit and format are declared once, on the zod schema (decision 026), and everything that
 * shows a parameter reads them there: the tunables (what-if panel), the builder's form, the diff, the JSON Schema.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { RULE_TYPE_SPECS } from "../components/builder/schema-fields";
import { makeScratchDatabase, type ScratchDatabase } from "./__fixtures__/scratch-db";
import { diffScenarios } from "./diff";
import { scenarioJsonSchema } from "./json-schema";
import { loadScenarios } from "./load.server";
import { numericRuleFields, paramMetaOf, type Scenario } from "./schema";
import { tunables } from "./tunables";
import { parseWhatIf } from "./what-if";

let scratch: ScratchDatabase;
let library: Scenario[];
beforeAll(() => {
  scratch = makeScratchDatabase();
  library = loadScenarios({ dir: path.resolve(__dirname, "../../scenarios"), model: scratch.model }).flatMap((r) => (r.ok ? [r.scenario] : []));
});
afterAll(() => scratch.cleanup());

describe("parameter metadata on the schema", () => {
  it("every numeric parameter of every rule type declares a label, a unit and a format, with its bounds", () => {
    const fields = numericRuleFields();
    expect(fields.length).toBeGreaterThanOrEqual(17);
    for (const { type, field, meta } of fields) {
      expect(meta, `${type}.${field}`).toBeDefined();
      expect(meta!.label.trim(), `${type}.${field} label`).not.toBe("");
      expect(meta!.label, `${type}.${field}: a label a room reads, not the file's key`).not.toBe(field);
      expect(meta!.unit.trim(), `${type}.${field} unit`).not.toBe("");
      expect(["percent", "multiple", "number"], `${type}.${field} format`).toContain(meta!.format);
      expect(meta!.min, `${type}.${field} bounds`).toBeLessThan(meta!.max);
    }
    // The shares read as percentages; money and months as numbers in their unit.
    expect(paramMetaOf("co-lending", "minOwnShare")).toMatchObject({ label: "Minimum own funding", unit: "fraction", format: "percent", min: 0, max: 1 });
    expect(paramMetaOf("capital-ratio", "riskWeight")).toMatchObject({ format: "percent", max: 5 });
    expect(paramMetaOf("fund-size-cap", "maxAum")).toMatchObject({ unit: "RMB bn", format: "number" });
    expect(paramMetaOf("leverage-cap", "maxLeverage")).toMatchObject({ format: "multiple" });
    expect(paramMetaOf("co-lending", "units")).toBeUndefined();
  });

  it("every tunable of every library scenario carries the schema's label, unit and format", () => {
    let ruleTunables = 0;
    for (const s of library) {
      for (const t of tunables(s, scratch.model)) {
        expect(t.name.trim(), t.key).not.toBe("");
        expect(t.unit.trim(), t.key).not.toBe("");
        expect(["percent", "multiple", "number"], t.key).toContain(t.format);
        if (t.kind !== "rule") continue;
        ruleTunables++;
        const rule = s.rules.find((r, i) => (r.id ?? `rule-${i + 1}`) === t.targetId)!;
        const meta = paramMetaOf(rule.type, t.field!)!;
        expect([t.name, t.unit, t.format], t.key).toEqual([meta.label, meta.unit, meta.format]);
      }
    }
    expect(ruleTunables).toBeGreaterThan(10);
  });

  it("assumptions in a percent unit are percentages too (the platform fee's 'per year, of the facilitated balance')", () => {
    const t = tunables(library[0]!, scratch.model).filter((x) => x.kind === "assumption");
    const fee = scratch.model.assumptions.find((a) => /^per year,/.test(a.unit));
    expect(fee, "an assumption in 'per year, …'").toBeDefined();
    expect(t.find((x) => x.targetId === fee!.id)?.format).toBe("percent");
    for (const x of t) if (/^(fraction|per year)/.test(x.unit)) expect(x.format, x.key).toBe("percent");
  });

  it("the builder's form takes each parameter's label, unit and format from the same metadata", () => {
    for (const spec of RULE_TYPE_SPECS)
      for (const f of spec.fields) {
        if (f.kind !== "param") continue;
        const meta = paramMetaOf(spec.type, f.name)!;
        expect([f.label, f.unit, f.format, f.min, f.max], `${spec.type}.${f.name}`).toEqual([meta.label, meta.unit, meta.format, meta.min, meta.max]);
      }
  });

  it("the diff writes a percent parameter as a percentage and money in its unit, by the metadata", () => {
    const base = { title: "T", summary: "S", date: "2021", hypothetical: false, sources: ["S1"] };
    const a = { ...base, rules: [{ id: "r", type: "capital-ratio" as const, label: "R", units: ["huabei"], minRatio: 0.08, riskWeight: 1.5, response: "raise" as const }] };
    const b = { ...base, rules: [{ ...a.rules[0]!, minRatio: 0.105, riskWeight: 1.25 }] };
    expect(diffScenarios(a, b).map((c) => c.message)).toEqual([
      "Minimum capital ratio (minRatio) of rule 'r' changed from 8% to 10.5%",
      "Risk weight (riskWeight) of rule 'r' changed from 150% to 125%",
    ]);
  });

  it("the JSON Schema gives each parameter its label as title and its unit and format", () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toContain('"title":"Minimum own funding","x-unit":"fraction","x-format":"percent"');
    expect(text).toContain('"title":"Largest fund size","x-unit":"RMB bn","x-format":"number"');
  });

  it("a percentage typed without JavaScript (`<key>%=30`) is read as the fraction; a link's `<key>=0.3` as it is", () => {
    const s = library.find((x) => x.id === "2021-co-lending")!;
    const available = tunables(s, scratch.model);
    const key = available.find((t) => t.field === "minOwnShare")!.key;
    expect(parseWhatIf(new URLSearchParams(`${key}%25=45`), available)).toEqual({ values: { [key]: 0.45 }, errors: [] });
    expect(parseWhatIf(new URLSearchParams(`${key}=0.45`), available)).toEqual({ values: { [key]: 0.45 }, errors: [] });
    const out = parseWhatIf(new URLSearchParams(`${key}%25=450`), available);
    expect(out.values).toEqual({});
    expect(out.errors[0]).toMatch(/must be between \d+% and \d+%, got 450%/);
    // Only a percentage may be typed as one.
    const money = tunables(library.find((x) => x.id === "2021-rectification")!, scratch.model).find((t) => t.format === "number" && t.kind === "rule");
    if (money) expect(parseWhatIf(new URLSearchParams(`${money.key}%25=5`), available).errors[0]).toMatch(/Unknown parameter/);
  });
});

describe("the address a percentage typed without JavaScript stands for", () => {
  it("is the link's address: `<key>%=30` becomes `<key>=0.3`, other parameters kept; nothing to do or a refused value gives null", async () => {
    const { canonicalWhatIfSearch } = await import("./what-if");
    const s = library.find((x) => x.id === "2021-co-lending")!;
    const available = tunables(s, scratch.model);
    const key = available.find((t) => t.field === "minOwnShare")!.key;
    const at = (q: string) => {
      const params = new URLSearchParams(q);
      return canonicalWhatIfSearch(params, parseWhatIf(params, available), available);
    };
    expect(at(`v=1&${key}%25=45&bands=2023`)).toBe(`v=1&bands=2023&${encodeURIComponent(key)}=0.45`.replace(/%2E/g, "."));
    expect(at(`${key}=0.45`)).toBeNull();
    expect(at(`${key}%25=450`)).toBeNull();
    expect(at(`a.cost-of-equity%25=12`)).toBe("a.cost-of-equity=0.12");
  });
});
