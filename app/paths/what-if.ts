/**
 * What-ifs on a path (issue 12 §1, decision 024): the same URL keys as a scenario's, `r.<path rule id>.<field>`
 * for a ranged or numeric parameter of a step's rule (`r.2021-rectification.yeb-cap.maxAum`) and `a.<id>` for an
 * engine assumption. A rule keeps its id along the path, so a value set on it holds in every step it is in force
 * (narrowed copies included); an assumption holds from the baseline on. Server-side (the tunables read the zod
 * schema); applying values is pure.
 */
import type { Model } from "../engine/model";
import { isParam } from "../scenarios/params";
import type { Rule, Scenario } from "../scenarios/schema";
import { tunables } from "../scenarios/tunables";
import type { Tunable } from "../scenarios/what-if";
import type { PathRule, ResolvedPath } from "./resolve";

/** Every rule parameter of the path's steps a what-if may move (labelled with its step), then the assumptions. */
export function pathTunables(path: ResolvedPath, model: Model): Tunable[] {
  const out: Tunable[] = [];
  const seen = new Set<string>();
  const asScenario = (rules: Rule[]): Scenario =>
    ({ id: path.id, title: path.title, summary: path.summary, date: "2020", hypothetical: false, sources: [], rules }) as unknown as Scenario;
  for (const step of path.steps) {
    for (const t of tunables(asScenario(step.rules.map((r) => r.rule)), model)) {
      if (t.kind !== "rule" || seen.has(t.key)) continue;
      seen.add(t.key);
      out.push({ ...t, label: `Step ${step.index + 1} (${step.date}): ${t.label}` });
    }
  }
  for (const t of tunables(asScenario([]), model)) if (!seen.has(t.key)) out.push(t);
  return out;
}

function withValues(r: PathRule, values: Record<string, number>): PathRule {
  let copy: Record<string, unknown> | null = null;
  for (const [field, current] of Object.entries(r.rule)) {
    const v = values[`r.${r.id}.${field}`];
    if (v === undefined || !isParam(current)) continue;
    copy ??= { ...r.rule };
    copy[field] = typeof current === "number" ? v : { ...current, value: v };
  }
  return copy ? { ...r, rule: copy as unknown as Rule } : r;
}

/** The path with the what-if's rule values in place wherever each rule is in force, and the assumption overrides. */
export function applyPathWhatIf(path: ResolvedPath, values: Record<string, number>): { path: ResolvedPath; assumptions: Record<string, number> } {
  const assumptions: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith("a.")) assumptions[k.slice(2)] = v;
  if (!Object.keys(values).some((k) => k.startsWith("r."))) return { path, assumptions };
  return {
    path: {
      ...path,
      steps: path.steps.map((s) => ({
        ...s,
        rules: s.rules.map((r) => withValues(r, values)),
        active: s.active.map((r) => withValues(r, values)),
      })),
    },
    assumptions,
  };
}
