/**
 * Helpers for the scenario page's browser tests: the numbers the page should show, from the CLI
 * (`npm run scenarios -- evaluate <id> --format json` on the scratch database) or from the engine run here on the
 * server's own model and scenario (for what-if values the CLI does not take).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

import type { APIRequestContext, Page } from "@playwright/test";

import { attribute, evaluate, type Attribution, type Model, type Result } from "../../app/engine";
import type { Scenario } from "../../app/scenarios/schema";
import { tunables } from "../../app/scenarios/tunables";
import { applyWhatIf, parseWhatIf } from "../../app/scenarios/what-if";
import { formatMillions, formatRmbBn } from "../../app/utils/format";
import { E2E } from "./support/env";

export type Payload = { scenario: Scenario; result: Result; attribution: Attribution };

const cliCache = new Map<string, Payload>();

/** What `npm run scenarios -- evaluate <id> --format json` prints against the browser tests' database. */
export function evaluateWithCli(id: string): Payload {
  const cached = cliCache.get(id);
  if (cached) return cached;
  const out = execFileSync(process.execPath, [path.join(E2E.root, "node_modules/tsx/dist/cli.mjs"), "scripts/scenarios.ts", "evaluate", id, "--format", "json"], {
    cwd: E2E.root,
    env: { ...process.env, DATABASE_PATH: E2E.app.db },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const payload = JSON.parse(out) as Payload;
  cliCache.set(id, payload);
  return payload;
}

/** The engine run here on the server's model, for a scenario and a scenario page URL's search (what-if values). */
async function evaluateForSearch(request: APIRequestContext, scenario: Scenario, search: string): Promise<Payload> {
  const model = (await (await request.get("/api/model")).json()) as Model;
  const whatIf = parseWhatIf(new URLSearchParams(search), tunables(scenario, model));
  const applied = applyWhatIf(scenario, whatIf.values);
  const opts = { assumptions: applied.assumptions };
  return { scenario: applied.scenario, result: evaluate(model, applied.scenario, opts), attribution: attribute(model, applied.scenario, opts) };
}

/** The engine's result for a library scenario page URL's search, on the model and scenario the server serves. */
export async function evaluateWithEngine(request: APIRequestContext, id: string, search: string): Promise<Payload> {
  const body = (await (await request.get(`/api/scenarios/${id}`)).json()) as Scenario & { file?: string; warnings?: unknown };
  const { file: _f, warnings: _w, ...scenario } = body;
  return evaluateForSearch(request, scenario as Scenario, search);
}

/** The same for a saved variant's version, from its definition as the API returns it. */
export async function evaluateVariantWithEngine(request: APIRequestContext, id: string, version: number, search: string): Promise<Payload> {
  const stored = (await (await request.get(`/api/variants/${id}/versions/${version}`)).json()) as { definition: Omit<Scenario, "id"> };
  return evaluateForSearch(request, { ...stored.definition, id } as Scenario, search);
}

const FORMATS = {
  revenue: formatRmbBn,
  attributableRevenue: formatRmbBn,
  profit: formatRmbBn,
  equityValue: formatRmbBn,
  capitalShortfall: formatRmbBn,
  capitalRaised: formatRmbBn,
  serviceReach: formatMillions,
} as const;

/** The KPI tiles' texts the page should show for a result: scenario values and baselines. */
export function expectedKpis(result: Result): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, format] of Object.entries(FORMATS)) {
    const h = result.headline[key as keyof typeof FORMATS];
    out[`kpi-${key}`] = format(h.scenario);
    out[`kpi-${key}-baseline`] = format(h.baseline);
  }
  return out;
}

/** The KPI tiles' texts on the page. */
export async function pageKpis(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll("[data-testid^='kpi-']")) {
      const id = el.getAttribute("data-testid")!;
      // The 80% ranges and their note have their own tests (uncertainty.spec.ts).
      if (!id.endsWith("-delta") && !id.endsWith("-range") && id !== "kpi-ranges-note") out[id] = el.textContent ?? "";
    }
    return out;
  });
}

/** A table cell's text by table id, row id and field. */
export function cell(page: Page, table: string, row: string, field: string) {
  return page.locator(`#${table} [data-row-id="${row}"] [data-field="${field}"]`);
}
