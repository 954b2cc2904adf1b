/**
 * What the scenario page and the deck both load from a URL: the scenario or variant version it names (`:id`,
 * `v`), its what-if values (`r.*`, `a.*`), the HHI bands (`bands`), and the engine's result and attribution.
 * Anything that cannot be shown is thrown as the error page the routes' ErrorBoundary renders, with the same
 * statuses and messages on both pages (404 unknown, 400 bad `v`, 422 broken file or stale variant, 503 database).
 */
import { data } from "@remix-run/node";

import { attribute, evaluate, type Attribution, BANDS_CHOICES, type BandsChoice, type Model, type Result } from "~/engine";
import { getModel, modelVersion } from "~/data/model.server";
import { getViewedScenario, type ViewedScenario } from "~/data/scenario-ref.server";
import { formatError } from "~/scenarios/format-errors";
import type { Scenario } from "~/scenarios/schema";
import { tunables } from "~/scenarios/tunables";
import { applyWhatIf, parseWhatIf, type Tunable, type WhatIf } from "~/scenarios/what-if";
import type { HeadlineKey } from "~/engine/result";
import { computeBands, inertInputs, sensitivity, type Band, type Probabilities, type Swing } from "~/engine/uncertainty";
import { tableRangesOf, type TableRanges } from "~/components/scenario/ranges";
import { parseDrawsSeed } from "~/scenarios/uncertainty-params";
import type { ErrorPayload, ScenarioFilePayload } from "~/utils/error-payload";

import { cached, hashOf, viewCacheKey } from "./cache.server";
import { throwErrorPage } from "./errors.server";

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

/** `verb` words the messages ("shown", "presented"); `log` prefixes the server's warning for a 503. */
export function loadScenarioView(id: string, url: URL, { verb, log }: { verb: string; log: string }): ScenarioView {
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
  const { bands, error: bandsError } = parseBands(url.searchParams.get("bands"));
  if (bandsError) whatIf.errors.push(bandsError);
  const applied = applyWhatIf(viewed.scenario, whatIf.values);
  const opts = { assumptions: applied.assumptions };
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
  const { result, attribution } = cached(`view:${key}`, () => ({
    result: evaluate(model, applied.scenario, opts),
    attribution: attribute(model, applied.scenario, opts),
  }));
  return { model, viewed, tunables: available, whatIf, bands, applied, result, attribution, key };
}

/** What the scenario page shows of the uncertainty: the bands it needs and the tornado, computed on the server. */
export interface PageUncertainty {
  draws: number;
  seed: number;
  /** Whether the URL named draws or seed (kept in links and the what-if form). */
  explicit: boolean;
  headline: Record<HeadlineKey, Band>;
  headlineDelta: Record<HeadlineKey, Band>;
  /** The bands the tables show beside their figures (units, services, markets). */
  tables: TableRanges;
  probabilities: Probabilities;
  inputsDrawn: number;
  notDrawn: Array<{ id: string; label: string; reason: string }>;
  sensitivity: Record<HeadlineKey, Swing[]>;
  /** By what-if key: the input's profit swing and whether it moves any headline figure end to end. */
  swingByKey: Record<string, { profit: number; moves: boolean }>;
}

/**
 * Bands (`draws`, `seed` from the URL, else the defaults: the same numbers as the API and the CLI for the same
 * seed) and sensitivity of the scenario as shown. A bad draws or seed is reported with the what-if's messages and
 * the defaults are used.
 */
export function loadUncertainty(view: ScenarioView, url: URL): PageUncertainty {
  // The view's key already holds the scenario, the model, the what-if and draws/seed: the same key, the same bands.
  // Without this every warm request drew 1,000 worlds again (about 5 requests/s instead of the cached page's rate).
  return cached(`uncertainty:${view.key}`, () => computeUncertainty(view, url));
}

function computeUncertainty(view: ScenarioView, url: URL): PageUncertainty {
  // A bad value was reported by loadScenarioView (before the cache key was made).
  const parsed = parseDrawsSeed(url.searchParams.get("draws"), url.searchParams.get("seed"));
  const chosen = parsed.ok ? parsed.value : null;
  const { model, applied, whatIf } = view;
  const bands = computeBands(model, applied.scenario, { ...(chosen ?? {}), whatIf: whatIf.values });
  const swings = sensitivity(model, applied.scenario, whatIf.values);
  const inert = inertInputs(swings);
  const swingByKey: PageUncertainty["swingByKey"] = {};
  for (const s of swings.profit) {
    const key = s.kind === "assumption" ? `a.${s.id}` : `r.${s.id}`;
    swingByKey[key] = { profit: Math.abs(s.high - s.low), moves: !inert.has(s.id) };
  }
  return {
    draws: bands.draws,
    seed: bands.seed,
    explicit: chosen !== null,
    headline: bands.headline,
    headlineDelta: bands.headlineDelta,
    tables: tableRangesOf(bands),
    probabilities: bands.probabilities,
    inputsDrawn: bands.inputs.length,
    notDrawn: bands.notDrawn,
    sensitivity: swings,
    swingByKey,
  };
}
