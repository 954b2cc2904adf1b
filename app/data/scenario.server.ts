/**
 * Data access for scenarios: the library in `scenarios/` (or SCENARIOS_DIR), validated against the model.
 * Files are read on each call (a few small files), so an edited file shows on the next request; a broken file
 * comes back as its errors and never hides the others. Throws DatabaseUnavailableError when the model is missing.
 */
import type { Model } from "../engine/model";
import { loadScenarios, type ScenarioFileResult } from "../scenarios/load.server";
import { summarise, type ScenarioSummary } from "../scenarios/payload";
import { getEnv } from "../utils/env.server";
import { getModel } from "./model.server";

/** Where the library is read from: SCENARIOS_DIR (validated once by the env module) lets tests and deployments point elsewhere. */
export function scenariosDir(): string {
  return getEnv().SCENARIOS_DIR;
}

export interface ScenarioSource {
  /** The model to check ids against and evaluate with (default: the database's). */
  model?: Model;
  /** The directory to read (default: scenariosDir()). */
  dir?: string;
}

/** Every scenario file, each as a scenario (with warnings) or as its errors. */
export function listScenarios({ model, dir }: ScenarioSource = {}): ScenarioFileResult[] {
  return loadScenarios({ dir: dir ?? scenariosDir(), model: model ?? getModel() });
}

/** One scenario file by id (file name without .yaml), or null when no file has that id. */
export function getScenario({ id, ...source }: { id: string } & ScenarioSource): ScenarioFileResult | null {
  return listScenarios(source).find((r) => r.id === id) ?? null;
}

/** The library with each scenario's headline deltas (or its errors): the body of GET /api/scenarios. */
export function listScenarioSummaries(source: ScenarioSource = {}): ScenarioSummary[] {
  const model = source.model ?? getModel();
  return listScenarios({ ...source, model }).map((r) => summarise(model, r));
}

