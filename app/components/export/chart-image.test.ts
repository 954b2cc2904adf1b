import { describe, expect, it } from "vitest";

import { chartFileName, escapeXml, headerSvg } from "./chart-image";

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
});
