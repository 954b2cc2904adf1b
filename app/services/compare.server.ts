/**
 * /compare: two to four ScenarioRefs (`s=`) evaluated on the same model, or the problems with the request (400 a
 * malformed selection, 404 an unknown id or version, 422 a broken file) with the library to pick from.
 */
import { data } from "@remix-run/node";

import { describeProblem, parseSelection } from "~/components/compare/selection";
import { compareView, type CompareInput } from "~/components/compare/view";
import { libraryEntries, scenarioHref, type LibraryEntry } from "~/components/library/entries";
import { getModel } from "~/data/model.server";
import { listScenarios } from "~/data/scenario.server";
import { getVersion, variantAsScenario } from "~/data/variant.server";
import { evaluate } from "~/engine/evaluate";
import { familiesOf, summarise } from "~/scenarios/payload";
import { formatScenarioRef, scenarioRefHref } from "~/scenarios/ref";
import { closest } from "~/scenarios/suggest";
import type { ScenarioError } from "~/scenarios/validate";

import { pageErrors } from "./errors.server";

export type Problem = {
  text: string;
  /** A close id to try instead, with its title. */
  suggestion?: { ref: string; title: string; search: string };
  /** A broken file's errors. */
  errors?: ScenarioError[];
};

/** The comparison the `s` values of a query ask for. */
export function loadComparison(values: string[]) {
  return pageErrors("compare", () => compareRefs(values));
}

function compareRefs(values: string[]) {
  const model = getModel();
  const files = listScenarios({ model });
  const selection = parseSelection(values);
  const problems: Problem[] = [];
  let status: 200 | 400 | 404 | 422 = 200;
  const worst = (s: 400 | 404 | 422) => {
    // A malformed request first, then what is missing, then what is broken.
    const rank = { 200: 0, 422: 1, 404: 2, 400: 3 } as const;
    if (rank[s] > rank[status]) status = s;
  };
  if (!selection.ok) {
    for (const p of selection.problems) problems.push({ text: describeProblem(p) });
    worst(400);
  }

  const known = files.map((f) => f.id);
  const inputs: CompareInput[] = [];
  const keep: string[] = [];
  for (const ref of selection.refs) {
    if (ref.kind === "variant") {
      const v = getVersion({ id: ref.id, version: ref.version });
      const scenario = v ? variantAsScenario({ id: ref.id, version: ref.version }) : null;
      if (!v || !scenario) {
        problems.push({ text: `There is no saved variant '${ref.id}' with a version ${ref.version}.` });
        worst(404);
        continue;
      }
      keep.push(formatScenarioRef(ref));
      inputs.push({
        ref: formatScenarioRef(ref),
        id: `${ref.id}@${ref.version}`,
        title: `${scenario.title} (variant, v${ref.version})`,
        // The version compared, in depth (charts, waterfall, what-if), as a library column links to its page.
        href: scenarioRefHref(ref),
        date: scenario.date,
        hypothetical: scenario.hypothetical,
        families: familiesOf(scenario),
        result: evaluate(model, scenario),
      });
      continue;
    }
    const found = files.find((f) => f.id === ref.id);
    if (!found) {
      const near = closest(ref.id, known);
      const nearFile = near ? files.find((f) => f.id === near && f.ok) : undefined;
      const replaced = values.map((v) => (v.trim() === ref.id ? near! : v));
      problems.push({
        text: `There is no scenario '${ref.id}'.`,
        suggestion:
          near && nearFile && nearFile.ok
            ? { ref: near, title: nearFile.scenario.title, search: `?${replaced.map((v) => `s=${encodeURIComponent(v)}`).join("&")}` }
            : undefined,
      });
      worst(404);
      continue;
    }
    if (!found.ok) {
      problems.push({ text: `The scenario file ${found.file} has errors, so '${ref.id}' cannot be evaluated.`, errors: found.errors });
      worst(422);
      continue;
    }
    keep.push(formatScenarioRef(ref));
    const s = found.scenario;
    inputs.push({
      ref: formatScenarioRef(ref),
      id: s.id,
      title: s.title,
      href: scenarioHref(s.id),
      date: s.date,
      hypothetical: s.hypothetical,
      families: familiesOf(s),
      result: evaluate(model, s),
    });
  }

  if (status === 200 && values.length > 0) {
    return { kind: "ok" as const, view: compareView(inputs) };
  }
  const library: LibraryEntry[] = libraryEntries(files.map((f) => summarise(model, f)));
  if (values.length === 0) return { kind: "choose" as const, problems: [] as Problem[], chosen: [] as string[], library };
  return data({ kind: "problem" as const, problems, chosen: keep, library }, { status });
}

