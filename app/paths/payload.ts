/**
 * What the API and the CLI return for a path, built in one place so `evaluate paths/<id> --format json` and
 * `GET /api/paths/:id/result` cannot drift apart. Pure.
 */
import type { Model } from "../engine/model";
import { MODEL_FIGURES } from "../history/figures";
import { evaluatePath, type Figures, type PathEvaluation, type StepAttribution } from "./evaluate";
import type { ResolvedPath } from "./resolve";

export interface PathSummary {
  id: string;
  title: string;
  summary: string;
  steps: Array<{ date: string; label: string; scenarios: string[]; rules: number }>;
}

/** 80% band of a figure (P10..P90) and its median; null until the uncertainty engine provides bands. */
export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

export interface PathStepPayload {
  date: string;
  label: string;
  note: string | null;
  scenarios: string[];
  hypothetical: boolean;
  rules: Array<{ id: string; type: string; label: string; scenario: string | null }>;
  /** Earlier rules this step replaced (left: what is still in force of it, null when none). */
  replaced: Array<{ id: string; by: string; narrowedTo: string[] | null }>;
  headline: Figures;
  change: Figures;
  /** Bands of the headline figures; null while the engine gives point figures only. */
  bands: Record<string, Band> | null;
  figures: Record<string, number | null>;
  attribution: StepAttribution;
}

export interface PathResultPayload {
  path: { id: string; title: string; summary: string; sources: string[] };
  baseline: { headline: Figures; figures: Record<string, number | null> };
  steps: PathStepPayload[];
}

export function summarisePath(path: ResolvedPath): PathSummary {
  return {
    id: path.id,
    title: path.title,
    summary: path.summary,
    steps: path.steps.map((s) => ({ date: s.date, label: s.label, scenarios: s.scenarioIds, rules: s.rules.length })),
  };
}

const readFigures = (result: PathEvaluation["baseline"]) => Object.fromEntries(MODEL_FIGURES.map((f) => [f.id, f.read(result)]));

/** Evaluate a resolved path into the payload. */
export function pathResultPayload(model: Model, path: ResolvedPath, evaluation: PathEvaluation = evaluatePath(model, path)): PathResultPayload {
  const baseHeadline = Object.fromEntries(Object.entries(evaluation.baseline.headline).map(([k, d]) => [k, d.baseline])) as Figures;
  return {
    path: { id: path.id, title: path.title, summary: path.summary, sources: path.sources },
    baseline: { headline: baseHeadline, figures: readFigures(evaluation.baseline) },
    steps: evaluation.steps.map((e, k) => {
      const s = path.steps[k]!;
      return {
        date: s.date,
        label: s.label,
        note: s.note,
        scenarios: s.scenarioIds,
        hypothetical: s.hypothetical,
        rules: s.rules.map((r) => ({ id: r.id, type: r.rule.type, label: r.label, scenario: r.scenarioId })),
        replaced: s.replaced.map((x) => ({
          id: x.rule.id,
          by: x.by.id,
          narrowedTo: x.left ? targetsLeft(x.left.rule) : null,
        })),
        headline: e.headline,
        change: e.change,
        bands: null,
        figures: readFigures(e.result),
        attribution: e.attribution,
      };
    }),
  };
}

function targetsLeft(rule: unknown): string[] {
  const r = rule as Record<string, unknown>;
  for (const f of ["categories", "services", "units", "to"]) if (Array.isArray(r[f])) return (r[f] as unknown[]).map(String);
  return [];
}
