import { describe, expect, it } from "vitest";
import { fixtureModel } from "./__fixtures__/model";
import { checkReferences } from "./references";
import type { Rule, ScenarioDefinition } from "./schema";

const scenario = (rules: Rule[], assumptions?: Record<string, number>): ScenarioDefinition => ({
  title: "T",
  summary: "S",
  date: "2021",
  hypothetical: false,
  sources: ["S36"],
  assumptions,
  rules,
});
const errors = (s: ScenarioDefinition) => checkReferences(s, fixtureModel).filter((i) => i.severity === "error");
const warnings = (s: ScenarioDefinition) => checkReferences(s, fixtureModel).filter((i) => i.severity === "warning");

describe("checkReferences", () => {
  it("accepts ids the model has, and 'group' for min-capital only", () => {
    expect(errors(scenario([{ type: "min-capital", label: "m", units: ["group", "huabei"], minimum: 5 }]))).toEqual([]);
    expect(errors(scenario([{ type: "capital-ratio", label: "c", units: ["group"], minRatio: 0.1, response: "raise" }]))[0]?.message).toContain(
      "unknown unit 'group'",
    );
  });

  it("suggests the closest unit for a typo", () => {
    const [e] = errors(scenario([{ type: "spin-off", label: "s", units: ["huabei", "jeibei"], entity: "E", stakeKept: 0.5, keepLinks: false }]));
    expect(e).toEqual({ path: ["rules", 0, "units", 1], message: "unknown unit 'jeibei' (did you mean 'jiebei'?)", severity: "error" });
  });

  it("lists the model's units when nothing is close", () => {
    const [e] = errors(scenario([{ type: "min-capital", label: "m", units: ["zzzzzzzz"], minimum: 5 }]));
    expect(e!.message).toContain("the model's units: alipay-payments");
  });

  it("checks a player belongs to the rule's market", () => {
    const [e] = errors(scenario([{ type: "interoperability", label: "i", market: "consumer-credit", player: "alipay", shareShift: 0.1 }]));
    expect(e!.message).toContain("'alipay' is a player in 'mobile-payments'");
  });

  it("requires a credit book for co-lending and warns for capital rules without one", () => {
    expect(errors(scenario([{ type: "co-lending", label: "c", units: ["ant-fortune"], minOwnShare: 0.3, response: "raise" }]))).toHaveLength(1);
    const s = scenario([{ type: "capital-ratio", label: "c", units: ["ant-fortune"], minRatio: 0.1, response: "raise" }]);
    expect(errors(s)).toEqual([]);
    expect(warnings(s)[0]!.message).toContain("no credit book");
  });

  it("requires a fund for fund-size-cap", () => {
    expect(errors(scenario([{ type: "fund-size-cap", label: "f", unit: "yuebao", maxAum: 500 }]))).toEqual([]);
    expect(errors(scenario([{ type: "fund-size-cap", label: "f", unit: "huabei", maxAum: 500 }]))[0]!.message).toContain("runs no fund");
  });

  it("refuses a unit spun off twice", () => {
    const so = (units: string[]): Rule => ({ type: "spin-off", label: "s", units, entity: "E", stakeKept: 0.5, keepLinks: false });
    expect(errors(scenario([so(["huabei"]), so(["huabei", "jiebei"])]))[0]!.message).toContain("already spun off by rules[0]");
  });

  it("checks assumption overrides: known, engine-only, within range", () => {
    expect(errors(scenario([], { "cost-of-equity": 0.12 }))).toEqual([]);
    expect(errors(scenario([], { "cost-of-equity": 0.2 }))[0]!.message).toContain("expected a value from 0.08 to 0.15");
    expect(errors(scenario([], { "cost-of-equty": 0.1 }))[0]!.message).toContain("did you mean 'cost-of-equity'");
    expect(errors(scenario([], { "yuebao-aum": 1100 }))[0]!.message).toContain("not an engine assumption");
  });

  it("warns when a privacy rule matches no data flow", () => {
    const s = scenario([{ type: "data-ban", label: "d", categories: ["social"], to: ["huabei"] }]);
    expect(errors(s)).toEqual([]);
    expect(warnings(s)[0]!.message).toContain("changes nothing");
  });

  it("checks unbundled services, with a did-you-mean", () => {
    const [e] = errors(scenario([{ type: "unbundle", label: "u", services: ["cashloans"], entryPoints: "all" }]));
    expect(e!.message).toBe("unknown service 'cashloans' (did you mean 'cash-loans'?)");
  });
});
