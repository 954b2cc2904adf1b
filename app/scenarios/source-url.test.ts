import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScenarioHeader } from "../components/scenario/ScenarioHeader";
import { validateDefinition } from "./definition-check";
import { fixtureModel } from "./__fixtures__/model";
import type { Scenario } from "./schema";
import { sourceUrl } from "./source-url";

const BROKEN = ["http://[", "https://%zz", "http://exa mple.org", "https://"];

describe("source URLs", () => {
  it("are checked with the parser that renders them: what new URL refuses is refused on save", () => {
    for (const bad of BROKEN) {
      expect(sourceUrl(bad), bad).toBeNull();
      const r = validateDefinition({ title: "T", summary: "S", date: "2021", sources: ["S36", bad], rules: [] }, fixtureModel);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatchObject({ path: "sources[1]" });
    }
    expect(sourceUrl("https://www.example.org/a?b=c")?.hostname).toBe("www.example.org");
    expect(sourceUrl("S36")).toBeNull();
  });

  it("a bad URL stored before the check renders as text, and the header never throws", () => {
    const scenario = { id: "x", title: "T", summary: "S", date: "2021", hypothetical: false, sources: ["S36", ...BROKEN, "https://example.org/p"], rules: [] } as unknown as Scenario;
    const html = renderToStaticMarkup(createElement(ScenarioHeader, { scenario, model: { sources: [] }, file: null, warnings: [] }));
    expect(html).toContain("http://[");
    expect(html).not.toContain('href="http://["');
    expect(html).toContain('href="https://example.org/p"');
  });
});
