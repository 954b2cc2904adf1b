/**
 * One scenario file's text -> a scenario ready for the engine, or every error found in it. Pure.
 * Runs the format checks (parse.ts) and, given the model, the reference checks (references.ts), and attaches
 * line:col positions to both.
 */
import type { Model } from "../engine/model";
import { locateMessages, parseScenario, scenarioIdFromFile, type ScenarioError } from "./parse";
import { checkReferences } from "./references";
import type { Scenario } from "./schema";

export type { ScenarioError } from "./parse";

/** A file that loaded, with any warnings. */
export interface ScenarioOk {
  ok: true;
  id: string;
  file: string;
  scenario: Scenario;
  warnings: ScenarioError[];
}

/** A file that did not load, with its errors (the others still load). */
export interface ScenarioFailed {
  ok: false;
  id: string;
  file: string;
  errors: ScenarioError[];
  warnings: ScenarioError[];
}

export type ScenarioFileResult = ScenarioOk | ScenarioFailed;

/**
 * Parse, validate and (when `model` is given) check a scenario file's ids against the model.
 * Without a model only the format is checked.
 */
export function validateScenarioText(text: string, file: string, model?: Model | null): ScenarioFileResult {
  const id = scenarioIdFromFile(file);
  const parsed = parseScenario(text, file);
  if (!parsed.ok) return { ok: false, id, file, errors: parsed.errors, warnings: [] };
  if (!model) return { ok: true, id, file, scenario: parsed.scenario, warnings: [] };
  const issues = checkReferences(parsed.scenario, model);
  const errors = locateMessages(file, parsed.locate, issues.filter((i) => i.severity === "error"));
  const warnings = locateMessages(file, parsed.locate, issues.filter((i) => i.severity === "warning"));
  if (errors.length > 0) return { ok: false, id, file, errors, warnings };
  return { ok: true, id, file, scenario: parsed.scenario, warnings };
}
