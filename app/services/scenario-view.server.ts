/**
 * What the scenario page and the deck both load from a URL: the scenario or variant version it names (`:id`,
 * `v`), its what-if values (`r.*`, `a.*`), the HHI bands (`bands`), and the engine's result and attribution.
 * Anything that cannot be shown is thrown as the error page the routes' ErrorBoundary renders, with the same
 * statuses and messages on both pages (404 unknown, 400 bad `v`, 422 broken file or stale variant, 503 database).
 */
import { data, redirect } from "@remix-run/node";

import { type Attribution, BANDS_CHOICES, type BandsChoice, type Model, type Result } from "~/engine";
import { getModel, modelVersion } from "~/data/model.server";
import { getViewedScenario, type ViewedScenario } from "~/data/scenario-ref.server";
import { formatError } from "~/scenarios/format-errors";
import type { Scenario } from "~/scenarios/schema";
import { tunables, withParameterLabels } from "~/scenarios/tunables";
import { applyWhatIf, canonicalWhatIfSearch, parseWhatIf, type Tunable, type WhatIf } from "~/scenarios/what-if";
import { parseDrawsSeed } from "~/scenarios/uncertainty-params";
import type { ErrorPayload, ScenarioFilePayload } from "~/utils/error-payload";

import { cachedAsync, hashOf, viewCacheKey } from "./cache.server";
import { compute } from "./compute-pool.server";
import type { PageUncertainty } from "./compute-tasks.server";
import { throwErrorPage } from "./errors.server";
import { scenarioPageStamp } from "./page-fast-path.server";

export interface ScenarioView {
  model: Model;
  viewed: Extract<ViewedScenario, { status: "ok" }>;
  tunables: Tunable[];
  /** Valid what-if values, and one message per rejected URL parameter (`bands` included). */
  whatIf: WhatIf;
  bands: BandsChoice;
  /** The scenario with the what-if values in place. */
  applied: { scenario: Scenario; assumptions: Record<string, number> };
  result: Result;
  attribution: Attribution;
  /** The view's cache key (scenario content, model version, normalised query): the same key, the same page. */
  key: string;
  /**
   * What the view depended on beyond its URL, taken before anything was read (page-fast-path.server.ts): while it
   * holds, the same URL is the same page. Null when it could not be taken.
   */
  stamp: string | null;
}

/** `bands` URL parameter: which HHI guidelines the market charts show. */
export function parseBands(raw: string | null): { bands: BandsChoice; error: string | null } {
  if (raw === null) return { bands: "2010", error: null };
  const choice = BANDS_CHOICES.find((c) => c === raw);
  if (choice) return { bands: choice, error: null };
  return { bands: "2010", error: `'bands' must be 2010, 2023 or pboc, got '${raw.slice(0, 40)}'. The 2010 bands are used.` };
}

function fail(status: number, payload: ErrorPayload): never {
  throw data(payload, { status, headers: { "Cache-Control": "no-store" } });
}

export type { PageUncertainty };

/**
 * `verb` words the messages ("shown", "presented"); `log` prefixes the server's warning for a 503. The evaluation
 * and attribution run on the compute pool (decision 021), once per view key.
 */
export async function loadScenarioView(id: string, url: URL, { verb, log }: { verb: string; log: string }): Promise<ScenarioView> {
  // First, before reading what it stamps: a change made while this request reads is then a new stamp next time.
  const stamp = scenarioPageStamp(id);
  let model: Model;
  let viewed: ViewedScenario;
  try {
    model = getModel();
    viewed = getViewedScenario({ id, v: url.searchParams.get("v"), model });
  } catch (error) {
    throwErrorPage(error, log);
  }
  if (viewed.status === "not-found")
    fail(404, {
      title: "Scenario not found",
      message: viewed.message,
      hint: "Scenario ids are the file names in scenarios/ without .yaml, or a saved variant's id. Check the address, or go to the library.",
    });
  if (viewed.status === "bad-request")
    fail(400, {
      title: `This address cannot be ${verb}`,
      message: viewed.message,
      hint: "Library scenarios take no 'v'; a saved variant takes the number of one of its versions.",
    });
  if (viewed.status === "invalid") {
    const payload: ScenarioFilePayload = {
      title: `The scenario file ${viewed.file} has ${viewed.errors.length === 1 ? "an error" : `${viewed.errors.length} errors`}`,
      message: `The scenario cannot be ${verb} until the file is fixed. Each line gives file:line:column, the field and the reason.`,
      hint: "Fix the file and reload this page; `npm run scenarios -- check` prints the same messages.",
      file: viewed.file,
      errors: viewed.errors.map((e) => formatError(e)),
    };
    fail(422, payload);
  }

  const available = tunables(viewed.scenario, model);
  const whatIf = parseWhatIf(url.searchParams, available);
  // The what-if form without JavaScript sends a share as typed (`<key>%=30`): answer with the address a link has.
  const canonical = canonicalWhatIfSearch(url.searchParams, whatIf, available);
  if (canonical !== null) throw redirect(`${url.pathname}${canonical ? `?${canonical}` : ""}`);
  const { bands, error: bandsError } = parseBands(url.searchParams.get("bands"));
  if (bandsError) whatIf.errors.push(bandsError);
  const applied = applyWhatIf(viewed.scenario, whatIf.values);
  // The same scenario content, model and normalised what-if give the same figures (and page): computed once.
  // Draws and seed of the page's ranges (loadUncertainty): a bad value is reported with the what-if's messages.
  const drawsSeed = parseDrawsSeed(url.searchParams.get("draws"), url.searchParams.get("seed"));
  if (!drawsSeed.ok) whatIf.errors.push(`${drawsSeed.error}. The defaults are used.`);
  const key = viewCacheKey({
    scenario: hashOf({ kind: viewed.kind, scenario: viewed.scenario, file: viewed.file, warnings: viewed.warnings, version: viewed.version, latest: viewed.latestVersion }),
    model: modelVersion(model),
    query: { ...whatIf.values, bands, errors: whatIf.errors },
    draws: drawsSeed.ok ? drawsSeed.value?.draws : undefined,
    seed: drawsSeed.ok ? drawsSeed.value?.seed : undefined,
  });
  const { result, attribution } = await cachedAsync(`view:${key}`, () =>
    compute("view", { scenario: applied.scenario, assumptions: applied.assumptions }, model),
  ).catch((error: unknown) => throwErrorPage(error, log)); // a full pool: 503 with Retry-After
  return { model, viewed, tunables: available, whatIf, bands, applied, result, attribution, key, stamp };
}

/**
 * Bands (`draws`, `seed` from the URL, else the defaults: the same numbers as the API and the CLI for the same
 * seed) and sensitivity of the scenario as shown, on the compute pool. A bad draws or seed is reported with the
 * what-if's messages and the defaults are used.
 */
export function loadUncertainty(view: ScenarioView, url: URL): Promise<PageUncertainty> {
  // The view's key already holds the scenario, the model, the what-if and draws/seed: the same key, the same bands.
  // Without this every warm request drew 1,000 worlds again (about 5 requests/s instead of the cached page's rate).
  // A bad value was reported by loadScenarioView (before the cache key was made).
  const parsed = parseDrawsSeed(url.searchParams.get("draws"), url.searchParams.get("seed"));
  const drawsSeed = parsed.ok ? parsed.value : null;
  return cachedAsync(`uncertainty:${view.key}`, () =>
    compute("pageUncertainty", { scenario: view.applied.scenario, whatIf: view.whatIf.values, drawsSeed }, view.model).then((u) => ({
      ...u,
      sensitivity: withParameterLabels(u.sensitivity, view.tunables),
    })),
  ).catch((error: unknown) => throwErrorPage(error, "scenario"));
}
