import { describe, expect, it } from "vitest";

import { attribute } from "../../engine/attribution";
import { evaluate } from "../../engine/evaluate";
import { fixtureModel } from "../../scenarios/__fixtures__/model";
import type { Scenario } from "../../scenarios/schema";
import {
  sensitivityTakeaway,
  SLIDES,
  assumptionRows,
  capitalTakeaway,
  marketsTakeaway,
  metWithoutCapital,
  commandForKey,
  firstSentence,
  parseSlide,
  speakerNotes,
  sameApartFromSlide,
  servicesTakeaway,
  slideForKey,
  slideSearch,
  sourceRows,
  waterfallTakeaway,
} from "./deck";

const base = { summary: "S", date: "2021", hypothetical: false, sources: ["S36"] };
const none: Scenario = { id: "none", title: "Nothing", ...base, rules: [] };
const coLending: Scenario = {
  id: "co",
  title: "Co-lending",
  ...base,
  rules: [{ id: "own-funding", type: "co-lending", label: "30% own funding", units: ["huabei", "jiebei"], minOwnShare: 0.3, response: "raise" }],
};
const spinOff: Scenario = {
  id: "spin",
  title: "Spin-off",
  ...base,
  assumptions: { "linked-out-retention": 0.6 },
  rules: [
    { id: "spin", type: "spin-off", label: "Huabei and Jiebei spun off", units: ["huabei", "jiebei"], entity: "NewCo", stakeKept: 0.5, keepLinks: false },
    { id: "cap", type: "fund-size-cap", label: "Fund capped", unit: "yuebao", maxAum: 500 },
  ],
};

describe("the slide in the URL", () => {
  it("reads slide=N, a number past the end as the last slide, and falls back to slide 1 with a message", () => {
    expect(parseSlide(null)).toEqual({ slide: 1, error: null });
    expect(parseSlide("3")).toEqual({ slide: 3, error: null });
    expect(parseSlide(String(SLIDES.length))).toEqual({ slide: SLIDES.length, error: null });
    expect(parseSlide("99")).toEqual({ slide: SLIDES.length, error: null });
    expect(parseSlide("0")).toEqual({ slide: 1, error: null });
    for (const bad of ["2.5", "-1", "abc", "1e1"]) {
      const r = parseSlide(bad);
      expect(r.slide).toBe(1);
      expect(r.error).toMatch(/must be a number from 1 to/);
    }
  });

  it("names the deck's commands: digits, Enter, F, P, ? and Esc", () => {
    expect(commandForKey("7")).toEqual({ digit: 7 });
    expect(commandForKey("Enter")).toBe("jump");
    expect(commandForKey("f")).toBe("fullscreen");
    expect(commandForKey("F")).toBe("fullscreen");
    expect(commandForKey("P")).toBe("presenter");
    expect(commandForKey("?")).toBe("help");
    expect(commandForKey("Escape")).toBe("escape");
    expect(commandForKey("ArrowRight")).toBeNull();
    expect(commandForKey("x")).toBeNull();
  });

  it("keeps the first sentence of a summary, cut at a word when long", () => {
    expect(firstSentence("Ant becomes a holding. Then more happens.")).toBe("Ant becomes a holding.");
    expect(firstSentence("No stop at all")).toBe("No stop at all");
    const long = firstSentence(`${"word ".repeat(80)}end.`, 100);
    expect(long.length).toBeLessThanOrEqual(101);
    expect(long.endsWith("…")).toBe(true);
    expect(long).not.toMatch(/wor…$/);
    expect(firstSentence(`The rectification of 2021, as one scenario: ${"a rule; ".repeat(40)}done.`)).toBe("The rectification of 2021, as one scenario.");
  });

  it("writes slide=N and keeps every other parameter", () => {
    expect(slideSearch("?r.x.y=0.4&slide=2&v=3", 5)).toBe("?slide=5&r.x.y=0.4&v=3");
    expect(slideSearch("", 1)).toBe("?slide=1");
  });

  it("tells a change of slide from a change of state", () => {
    const a = new URL("http://h/present/x?slide=1&r.a.b=1");
    expect(sameApartFromSlide(a, new URL("http://h/present/x?r.a.b=1&slide=4"))).toBe(true);
    expect(sameApartFromSlide(a, new URL("http://h/present/x?slide=4&r.a.b=2"))).toBe(false);
    expect(sameApartFromSlide(a, new URL("http://h/present/x?slide=2&r.a.b=1&view=presenter"))).toBe(true);
    expect(sameApartFromSlide(a, new URL("http://h/present/y?slide=1&r.a.b=1"))).toBe(false);
  });

  it("maps the keys of a presenter's clicker and keyboard, within the deck", () => {
    expect(slideForKey("ArrowRight", false, 2, 8)).toBe(3);
    expect(slideForKey(" ", false, 2, 8)).toBe(3);
    expect(slideForKey(" ", true, 2, 8)).toBe(1);
    expect(slideForKey("PageDown", false, 8, 8)).toBe(8);
    expect(slideForKey("PageUp", false, 1, 8)).toBe(1);
    expect(slideForKey("ArrowLeft", false, 5, 8)).toBe(4);
    expect(slideForKey("Home", false, 5, 8)).toBe(1);
    expect(slideForKey("End", false, 5, 8)).toBe(8);
    expect(slideForKey("a", false, 5, 8)).toBeNull();
  });
});

describe("takeaways", () => {
  it("say plainly when nothing changes", () => {
    const r = evaluate(fixtureModel, none);
    expect(servicesTakeaway(r)).toMatch(/^All \d+ services keep their users/);
    expect(waterfallTakeaway(attribute(fixtureModel, none), r.headline)).toBe("Together the rules leave revenue and profit unchanged.");
    expect(capitalTakeaway(r)).toMatch(/^No unit needs more capital than it holds/);
    expect(marketsTakeaway(r, () => "band")).toMatch(/^Shares and concentration do not change/);
  });

  it("name the service that changes most, with its users, the change and why", () => {
    const r = evaluate(fixtureModel, spinOff);
    const top = [...r.services].sort((a, b) => Math.abs(b.users.scenario - b.users.baseline) - Math.abs(a.users.scenario - a.users.baseline))[0]!;
    const text = servicesTakeaway(r);
    expect(text.startsWith(`${top.name} reaches `)).toBe(true);
    expect(text).toMatch(/m users, down \d+%: /);
    expect(text).toContain("NewCo");
  });

  it("name the rule that drives revenue most", () => {
    const r = evaluate(fixtureModel, spinOff);
    const a = attribute(fixtureModel, spinOff);
    const by = a.metrics.revenue.byRule;
    const top = by.reduce((best, v, i) => (Math.abs(v) > Math.abs(by[best]!) ? i : best), 0);
    const text = waterfallTakeaway(a, r.headline);
    expect(text).toMatch(/^Revenue goes down [\d.]+ RMB bn \(\d+%\) to [\d.]+ RMB bn; the largest part, −[\d.]+ RMB bn, comes from “[^”]+”/);
    expect(text).toContain(`comes from “${a.ruleLabels[top]}”`);
    expect(text).not.toMatch(/bn RMB/);
    expect(text).toMatch(/Profit goes down from/);
  });

  it("say who is short of capital and how it is met", () => {
    const r = evaluate(fixtureModel, coLending);
    const short = r.units.filter((u) => u.shortfall > 0);
    expect(short.length).toBeGreaterThan(0);
    const text = capitalTakeaway(r);
    expect(text).toMatch(/short of capital by [\d.]+ RMB bn/);
    for (const u of short) expect(text).toContain(u.name);
    expect(text).toContain("raised as new capital");
  });

  it("say the loans moved onto partner banks' books when the units facilitate, as the warnings do", () => {
    const facilitate: Scenario = { ...coLending, rules: [{ ...coLending.rules[0]!, response: "facilitate" } as Scenario["rules"][number]] };
    const r = evaluate(fixtureModel, facilitate);
    expect(JSON.stringify(r.warnings)).toContain("met by moving loans to partner banks");
    expect(capitalTakeaway(r)).toMatch(/: met by moving loans onto partner banks' books rather than raising capital\.$/);
    expect(capitalTakeaway(r)).not.toContain("shrinking");
    const shrink = evaluate(fixtureModel, { ...coLending, rules: [{ ...coLending.rules[0]!, response: "shrink" } as Scenario["rules"][number]] });
    expect(capitalTakeaway(shrink)).toMatch(/met by shrinking books rather than raising capital\.$/);
    expect(metWithoutCapital([
      { shortfall: 2, capitalRaised: 0, response: "shrink" },
      { shortfall: 1, capitalRaised: 0, response: "facilitate" },
    ])).toBe("shrinking books or moving loans onto partner banks' books");
  });
});

describe("assumptions and sources", () => {
  it("list the cited and overridden assumptions with the value used and who set it", () => {
    const r = evaluate(fixtureModel, spinOff, { assumptions: { "cost-of-equity": 0.12 } });
    const rows = assumptionRows(fixtureModel.assumptions, r, spinOff.assumptions, { "cost-of-equity": 0.12 });
    const byId = new Map(rows.map((a) => [a.id, a]));
    expect(byId.get("linked-out-retention")).toMatchObject({ value: 0.6, override: "scenario" });
    expect(byId.get("cost-of-equity")).toMatchObject({ value: 0.12, override: "what-if" });
    const cited = new Set(r.explanations.flatMap((e) => e.assumptionIds));
    for (const a of rows) expect(cited.has(a.id) || a.override !== null).toBe(true);
  });

  it("list every engine assumption when none is cited", () => {
    const r = evaluate(fixtureModel, none);
    expect(assumptionRows(fixtureModel.assumptions, r, undefined, {})).toHaveLength(fixtureModel.assumptions.filter((a) => a.usedBy === "engine").length);
  });

  it("list the scenario's sources first, each once, with the model's citation", () => {
    const r = evaluate(fixtureModel, coLending);
    const rows = sourceRows(["S36", "https://example.org/x", "S36"], r, [], fixtureModel.sources);
    expect(rows[0]).toMatchObject({ key: "S36", cited: "scenario" });
    expect(rows[0]!.citation).toBe(fixtureModel.sources.find((s) => s.key === "S36")?.citation ?? "not in the model's source list");
    expect(rows[1]).toMatchObject({ key: "https://example.org/x", href: "https://example.org/x" });
    expect(new Set(rows.map((s) => s.key)).size).toBe(rows.length);
  });
});

describe("speaker notes", () => {
  it("give every slide notes computed from the result, with the full summary and each rule's why", () => {
    const model = fixtureModel;
    const result = evaluate(model, coLending);
    const notes = speakerNotes({
      summary: "A long summary. With a second sentence.",
      rules: [{ id: "own-funding", family: "capital", label: "30% own funding", text: "t", fileText: null, note: "Why [S36]." }],
      result,
      movedCount: 2,
      assumptions: [],
    });
    for (const s of SLIDES) expect(notes[s.id].length, s.id).toBeGreaterThan(0);
    expect(notes.title[0]).toBe("A long summary. With a second sentence.");
    expect(notes.title.join(" ")).toContain("2 values were moved");
    expect(notes.rules).toEqual(["30% own funding: Why [S36]."]);
    const short = result.units.filter((u) => u.shortfall > 1e-9);
    if (short.length > 0) expect(notes.capital[0]).toContain(short[0]!.name);
    else expect(notes.capital[0]).toBe("No unit is short of capital under these rules.");
  });
});

describe("sensitivityTakeaway", () => {
  it("names the inputs with the largest swing of net profit, largest first, with their swings", () => {
    const t = sensitivityTakeaway([
      { label: "Cost of equity", low: 40, high: 50 },
      { label: "Yield on loans", low: 30, high: 45 },
      { label: "Nothing", low: 44, high: 44 },
    ]);
    expect(t).toBe("Net profit hinges first on yield on loans and cost of equity (swings of 15.0 and 10.0 RMB bn from end to end).");
  });
  it("says so when nothing moves net profit", () => {
    expect(sensitivityTakeaway([{ label: "A", low: 1, high: 1 }])).toMatch(/No ranged input moves net profit/);
  });
});
