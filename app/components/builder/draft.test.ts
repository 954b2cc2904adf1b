import { describe, expect, it } from "vitest";

import { tinyModel } from "../../engine/test-model";
import { validateDefinition } from "../../data/variant.server";
import {
  applyIntent,
  checkDraft,
  decodeForm,
  draftFromDefinition,
  draftToInput,
  EMPTY_DRAFT,
  errorsAt,
  isTouched,
  newRule,
  parseIntent,
  variantTitle,
  type Draft,
} from "./draft";
import { RULE_TYPE_SPECS, TOP_LEVEL, ruleTypeSpec, ruleTypesByFamily } from "./schema-fields";
import { sourceMatches } from "./SourcePicker";

const model = tinyModel();

const base: Draft = {
  ...EMPTY_DRAFT,
  title: "Consent at 40%",
  summary: "Only 40% opt in.",
  date: "2021-04",
  sources: ["S1"],
  rules: [{ id: "consent", type: "consent-required", label: "Consent", categories: ["transactions"], consentRate: 0.4 }],
};

/** The form fields a browser would post for a draft (what BuilderForm renders). */
function post(pairs: Array<[string, string]>) {
  return decodeForm(pairs);
}

describe("form fields from the zod schema", () => {
  it("has all 14 rule types grouped into the three families, with bounds, units and help text from the schema", () => {
    expect(RULE_TYPE_SPECS).toHaveLength(14);
    expect(ruleTypesByFamily().map((f) => [f.family, f.types.length])).toEqual([
      ["privacy", 4],
      ["anti-monopoly", 4],
      ["capital", 6],
    ]);
    expect(ruleTypeSpec("fine")!.fields.find((f) => f.name === "amount")).toMatchObject({ kind: "param", unit: "RMB bn" });
    expect(ruleTypeSpec("fine")!.fields.find((f) => f.name === "date")).toMatchObject({ kind: "text", optional: false });
    const consent = ruleTypeSpec("consent-required")!.fields.find((f) => f.name === "consentRate")!;
    // Typed as a percentage in the form, so its help does not say "0..1" (the files' scale).
    expect(consent).toMatchObject({ kind: "param", min: 0, max: 1, optional: false, description: "Share of users who opt in" });
    expect(ruleTypeSpec("spin-off")!.fields.find((f) => f.name === "stakeKept")!.description).toBe(
      "Ant's stake in the new entity (at 0.5 or below it is no longer consolidated: a majority is needed for control)",
    );
    for (const spec of RULE_TYPE_SPECS) for (const f of spec.fields) if (f.kind === "param" && f.format === "percent") expect(f.description).not.toContain("0..1");
    // Titles keep the words' hyphens: "Co-lending", "Spin-off" (the buttons read "+ Co lending").
    expect(ruleTypeSpec("co-lending")!.title).toBe("Co-lending");
    expect(ruleTypeSpec("spin-off")!.title).toBe("Spin-off");
    expect(ruleTypeSpec("consent-required")!.title).toBe("Consent required");
    const aum = ruleTypeSpec("fund-size-cap")!.fields.find((f) => f.name === "maxAum")!;
    expect(aum).toMatchObject({ kind: "param", min: 0, max: 10000, unit: "RMB bn" });
    const from = ruleTypeSpec("data-ban")!.fields.find((f) => f.name === "from")!;
    expect(from).toMatchObject({ kind: "reference-list", source: "units", optional: true, description: "Units that send the data (default: any)" });
    expect(ruleTypeSpec("unbundle")!.fields.find((f) => f.name === "entryPoints")).toMatchObject({ kind: "all-or-list" });
    expect(ruleTypeSpec("min-capital")!.fields.find((f) => f.name === "units")).toMatchObject({ allowGroup: true });
    expect(ruleTypeSpec("interoperability")!.fields.find((f) => f.name === "player")).toMatchObject({ kind: "reference", source: "players" });
    expect(ruleTypeSpec("spin-off")!.fields.find((f) => f.name === "keepLinks")).toMatchObject({ kind: "boolean", defaultValue: false });
    expect(TOP_LEVEL.title.maxLength).toBe(200);
    expect(TOP_LEVEL.rules.maxItems).toBe(12);
  });
});

describe("decoding a posted form", () => {
  it("reads values, ranges, lists, booleans and assumptions by their scenario paths (shares typed as percentages)", () => {
    const { draft, meta, intent } = post([
      ["title", " T "],
      ["summary", "S"],
      ["date", "2021"],
      ["hypothetical", "true"],
      ["sources", "S1\nhttps://example.org/x\n\n"],
      ["assumptions.cost-of-equity%", "10"],
      ["assumptions.contribution-margin", ""],
      ["rules[0].type", "consent-required"],
      ["rules[0].id", "consent"],
      ["rules[0].label", "Consent"],
      ["rules[0].note", ""],
      ["rules[0].categories", "transactions"],
      ["rules[0].categories", "identity"],
      ["rules[0].consentRate.value", "40"],
      ["rules[0].consentRate.low", "20"],
      ["rules[0].consentRate.high", "80"],
      ["rules[1].type", "spin-off"],
      ["rules[1].label", "Split"],
      ["rules[1].units", "hb"],
      ["rules[1].entity", "NewCo"],
      ["rules[1].stakeKept.value", "abc"],
      ["rules[1].keepLinks", "true"],
      ["versionAuthor", "Ana"],
      ["versionNote", ""],
      ["intent", "add:data-ban"],
    ]);
    expect(draft).toEqual({
      title: "T",
      summary: "S",
      date: "2021",
      hypothetical: true,
      sources: ["S1", "https://example.org/x"],
      assumptions: { "cost-of-equity": 0.1 },
      rules: [
        { type: "consent-required", id: "consent", label: "Consent", categories: ["transactions", "identity"], consentRate: { low: 0.2, high: 0.8, value: 0.4 } },
        { type: "spin-off", label: "Split", units: ["hb"], entity: "NewCo", stakeKept: "abc", keepLinks: true },
      ],
      inputs: [],
    });
    expect(meta).toEqual({ author: "Ana", note: undefined, forkedFrom: undefined, baseVersion: undefined });
    expect(intent).toEqual({ kind: "add", type: "data-ban" });
  });

  it("puts each error beside its field: text in a number, a missing number, an empty list", () => {
    const { draft } = post([
      ["title", "T"],
      ["summary", "S"],
      ["date", "2021"],
      ["sources", "S1"],
      ["rules[0].type", "co-lending"],
      ["rules[0].label", "Own funding"],
      ["rules[0].minOwnShare.value", "150"],
      ["rules[0].response", "raise"],
      ["rules[1].type", "fund-size-cap"],
      ["rules[1].label", "Cap"],
      ["rules[1].unit", "fund"],
      ["rules[1].maxAum.value", "lots"],
    ]);
    const check = checkDraft(draft, model);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(errorsAt(check.errors, "rules[0].minOwnShare")[0]!.message).toBe("expected a percentage from 0% to 100%, got 150%");
    expect(errorsAt(check.errors, "rules[0].units")[0]!.message).toBe("expected at least 1 item, got an empty list");
    expect(errorsAt(check.errors, "rules[1].maxAum")[0]!.message).toBe("expected a number from 0 to 10000, or a range { low, high, value }, got 'lots'");
  });

  it("reads button intents and refuses unknown ones", () => {
    expect(parseIntent("remove:2")).toEqual({ kind: "remove", index: 2 });
    expect(parseIntent("up:0")).toEqual({ kind: "up", index: 0 });
    expect(parseIntent("save-over:3")).toEqual({ kind: "save-over", version: 3 });
    expect(parseIntent("add:no-such-rule")).toBeNull();
    expect(parseIntent("drop table")).toBeNull();
  });
});

describe("editing", () => {
  it("adds a rule of every type with a unique id, removes and reorders", () => {
    let d = base;
    for (const spec of RULE_TYPE_SPECS) d = applyIntent(d, { kind: "add", type: spec.type });
    expect(d.rules).toHaveLength(15);
    d = applyIntent(d, { kind: "add", type: "consent-required" });
    expect(d.rules.map((r) => r.id)).toContain("consent-required-2");
    expect(newRule("unbundle", [])).toMatchObject({ entryPoints: "all", label: "Unbundle" });
    expect(newRule("capital-ratio", [])).toMatchObject({ response: "raise" });
    const moved = applyIntent(base, { kind: "add", type: "data-ban" });
    expect(applyIntent(moved, { kind: "up", index: 1 }).rules.map((r) => r.type)).toEqual(["data-ban", "consent-required"]);
    expect(applyIntent(moved, { kind: "down", index: 1 }).rules.map((r) => r.type)).toEqual(["consent-required", "data-ban"]);
    expect(applyIntent(moved, { kind: "remove", index: 0 }).rules.map((r) => r.type)).toEqual(["data-ban"]);
  });
});

describe("checkDraft: the server's own check (validateDefinition) on a draft", () => {
  // The builder's check is the server's function, so these pin the messages a facilitator sees beside the fields.
  const cases: Array<[string, Draft, Array<[string, RegExp]>]> = [
    ["empty", EMPTY_DRAFT, [["title", /at least 1 character/], ["sources", /at least 1 item/]]],
    ["unknown unit", { ...base, rules: [{ type: "co-lending", label: "x", units: ["nope"], minOwnShare: 0.3, response: "raise" }] }, [["rules[0].units[0]", /unknown unit 'nope'/]]],
    ["duplicate ids", { ...base, rules: [base.rules[0]!, base.rules[0]!] }, [["rules[1].id", /duplicate rule id/]]],
    ["bad range", { ...base, rules: [{ ...base.rules[0]!, consentRate: { low: 0.5, high: 0.2, value: 0.3 } }] }, [["rules[0].consentRate", /low <= value <= high/]]],
    ["assumption out of range", { ...base, assumptions: { "cost-of-equity": 9 } }, [["assumptions.cost-of-equity", /9/]]],
  ];
  it.each(cases)("%s: refused, each error at its field", (_name, draft, expected) => {
    const check = checkDraft(draft, model);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    for (const [path, message] of expected) expect(check.errors.find((e) => e.path === path)?.message, path).toMatch(message);
    // The server refuses the same input with the same messages (it runs the same function on save).
    const server = validateDefinition(draftToInput(draft), model);
    expect(server.ok).toBe(false);
    if (!server.ok) expect(check.errors).toEqual(server.errors.map(({ path, message }) => ({ path, message })));
  });

  it("a valid draft passes", () => {
    expect(checkDraft(base, model).ok).toBe(true);
  });

  it("a library-shaped definition round-trips through the draft", () => {
    const check = checkDraft(base, model);
    expect(check.ok).toBe(true);
    if (check.ok) expect(draftFromDefinition(check.definition).rules[0]).toEqual(base.rules[0]);
  });
});

describe("the builder's sources, forks and shown errors", () => {
  it("merges ticked sources and the free-text box into one list, each once", () => {
    const { draft } = decodeForm([
      ["sources", "S36"],
      ["sources", "S30"],
      ["sources", "https://example.org/a\nS36\n"],
    ]);
    expect(draft.sources).toEqual(["S36", "S30", "https://example.org/a"]);
  });

  it("titles a fork '(variant)' once, within the length limit", () => {
    expect(variantTitle("Co-lending 30%")).toBe("Co-lending 30% (variant)");
    expect(variantTitle("Co-lending 30% (variant)")).toBe("Co-lending 30% (variant)");
    const long = variantTitle("x".repeat(200), 200);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith("… (variant)")).toBe(true);
  });

  it("shows an error only for a field the user changed (its parts and its whole rule too)", () => {
    const touched = new Set(["rules[0].minOwnShare.value", "sources"]);
    expect(isTouched("rules[0].minOwnShare.value", touched)).toBe(true);
    expect(isTouched("rules[0].minOwnShare", touched)).toBe(true);
    expect(isTouched("sources[1]", touched)).toBe(true);
    expect(isTouched("title", touched)).toBe(false);
    expect(isTouched("rules[1].label", touched)).toBe(false);
    expect(isTouched("assumptions.cost-of-equity", new Set(["assumptions.cost-of-equity%"]))).toBe(true); // typed as a percentage
  });

  it("finds a source by any words of its key or citation", () => {
    const s = { key: "S36", citation: "CBIRC co-lending rules, 2020" };
    expect(sourceMatches(s, "s36")).toBe(true);
    expect(sourceMatches(s, "co-lending cbirc")).toBe(true);
    expect(sourceMatches(s, "prospectus")).toBe(false);
    expect(sourceMatches(s, "")).toBe(true);
  });
});

describe("a scenario's inputs from history through the builder (a fork once dropped them)", () => {
  const inputs = [{ rule: "own-funding", field: "minOwnShare", what: "the co-lending rules' minimum own share", sources: ["S36"] }];
  const definition = {
    title: "Co-lending",
    summary: "S",
    date: "2021",
    hypothetical: false,
    sources: ["S36"],
    rules: [{ id: "own-funding", type: "co-lending" as const, label: "Own funding", units: ["huabei"], minOwnShare: 0.3, response: "raise" as const }],
    inputs,
  };

  it("keeps them from the definition to the schema's input, and through the form's hidden field", () => {
    const draft = draftFromDefinition(definition);
    expect(draft.inputs).toEqual(inputs);
    expect(draftToInput(draft).inputs).toEqual(inputs);
    const { draft: posted } = post([
      ["title", "T"],
      ["inputs", JSON.stringify(inputs)],
    ]);
    expect(posted.inputs).toEqual(inputs);
    expect(post([["title", "T"]]).draft.inputs).toEqual([]);
    expect(draftToInput(EMPTY_DRAFT)).not.toHaveProperty("inputs");
  });

  it("a tampered field is refused by the schema, not dropped", () => {
    const { draft } = post([["inputs", "not json"]]);
    expect(draft.inputs).toEqual(["not json"]);
  });
});
