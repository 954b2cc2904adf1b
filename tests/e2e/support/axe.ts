/** The accessibility check every page's spec runs: axe's serious or critical violations, one line each. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** Serious or critical axe violations on the page as it is now, as readable lines (empty when there are none). */
export async function seriousViolations(page: Page, where = ""): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where ? `${where} ` : ""}${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}
