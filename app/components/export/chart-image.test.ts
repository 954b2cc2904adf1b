import { describe, expect, it } from "vitest";

import { chartFileName, escapeXml, headerSvg, stampSvg } from "./chart-image";

describe("chart image helpers", () => {
  it("escape text for SVG", () => {
    expect(escapeXml(`<script>"a" & 'b'</script>`)).toBe("&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;");
  });

  it("draw the title and legend, wrapping the legend to the width", () => {
    const legend = Array.from({ length: 8 }, (_, i) => ({ label: `Series number ${i}`, color: "#0072B2", hatch: i === 3 }));
    const wide = headerSvg("A <title>", legend, 4000);
    const narrow = headerSvg("A <title>", legend, 500);
    expect(wide.markup).toContain("A &lt;title&gt;");
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(wide.markup).toContain("<pattern id=\"export-hatch-0072B2\"");
    expect(headerSvg("Only a title", [], 500).markup).not.toContain("<rect");
  });

  it("name files after the chart id", () => {
    expect(chartFileName("present-services-chart", "svg")).toBe("present-services-chart.svg");
    expect(chartFileName("../x y", "png")).toBe("x-y.png");
  });
  it("stamp the scenario, each changed value, the date and the caveat, escaped and wrapped to the width", () => {
    const stamp = { scenario: "Rules & <more>", changes: ["Own funding: minOwnShare: 30% → 40%", "Cost of equity: 10% → 12%"] };
    const wide = stampSvg(stamp, { width: 2000, top: 100, date: "2026-11-29", withRanges: true });
    expect(wide.markup).toContain("Scenario: Rules &amp; &lt;more&gt;");
    expect(wide.markup).toContain("What-if changed: Own funding: minOwnShare: 30% → 40%");
    expect(wide.markup).toContain("Cost of equity: 10% → 12%");
    expect(wide.markup).toContain("Exported 2026-11-29.");
    expect(wide.markup).toContain("Model output, illustrative");
    expect(wide.markup).toContain("80% range shown");
    const narrow = stampSvg(stamp, { width: 400, top: 100, date: "2026-11-29", withRanges: false });
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(narrow.markup).not.toContain("80% range shown");
    expect(stampSvg({ scenario: "S", changes: [] }, { width: 800, top: 0, date: "2026-11-29", withRanges: false }).markup).toContain("no value changed");
  });
});
