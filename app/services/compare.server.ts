/**
 * /compare: two to four columns (`s=`), each a ScenarioRef with an optional what-if state, evaluated on the same
 * model with bands over the same draws (common random numbers, decision 024), or the problems with the request
 * (400 a malformed selection or what-if, 404 an unknown id or version, 422 a broken file) with the library to
 * pick from.
 */
import { data } from "@remix-run/node";

import { describeProblem, formatColumn, MIN_COMPARE, parseSelection, type ColumnRef } from "~/components/compare/selection";
import { compareView, type CompareInput } from "~/components/compare/view";
import { libraryEntries, type LibraryEntry } from "~/components/library/entries";
import { getModel, modelVersion } from "~/data/model.server";
import { listScenarios } from "~/data/scenario.server";
import { getVersion, variantAsScenario } from "~/data/variant.server";
import { evaluate } from "~/engine/evaluate";
import type { Model } from "~/engine/model";
import { familiesOf, summarise } from "~/scenarios/payload";
import { scenarioRefHref } from "~/scenarios/ref";
import type { Scenario } from "~/scenarios/schema";
import { closest } from "~/scenarios/suggest";
import { tunables } from "~/scenarios/tunables";
import { parseDrawsSeed } from "~/scenarios/uncertainty-params";
import type { ScenarioError } from "~/scenarios/validate";
import { applyWhatIf, movedTunables, parseWhatIf } from "~/scenarios/what-if";
import { formatWithUnit } from "~/utils/format";

import { cachedAsync, hashOf } from "./cache.server";
import { compute } from "./compute-pool.server";
import { pageErrorsAsync } from "./errors.server";

export type Problem = {
  text: string;
  /** A close id to try instead, with its title. */
  suggestion?: { ref: string; title: string; search: string };
  /** A broken file's errors. */
  errors?: ScenarioError[];
};

/** A column chosen but not in the library's list (a what-if state, a variant version): kept ticked on the picker. */
export type ChosenExtra = { ref: string; title: string };

/** The comparison the `s` values of a query ask for; `draws` and `seed` choose the bands' draws. */
export function loadComparison(url: URL) {
  const q = url.searchParams;
  return pageErrorsAsync("compare", () => compareRefs(q.getAll("s"), q.get("draws"), q.get("seed"), q.has("pick")));
}

/** What a column's what-if moves, in words: "…: Minimum own funding 50%; Cost of equity 10% per year". */
function whatIfWords(model: Model, scenario: Scenario, values: Record<string, number>): string {
  return movedTunables(values, tunables(scenario, model))
    .map((t) => `${t.label} ${formatWithUnit(values[t.key]!, t.unit, t.format)}`)
    .join("; ");
}

async function compareRefs(values: string[], drawsRaw: string | null, seedRaw: string | null, pick: boolean) {
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

  const drawsSeed = parseDrawsSeed(drawsRaw, seedRaw);
  if (!drawsSeed.ok) {
    problems.push({ text: `${drawsSeed.error}.` });
    worst(400);
  }

  const known = files.map((f) => f.id);
  const inputs: CompareInput[] = [];
  const columns: Array<{ scenario: Scenario; whatIf: Record<string, number>; assumptions: Record<string, number> }> = [];
  const keep: string[] = [];
  const extras: ChosenExtra[] = [];
  /** A column's what-if checked against its scenario's tunables: every value must name one and lie in its range. */
  const withWhatIf = (column: ColumnRef, scenario: Scenario) => {
    const available = tunables(scenario, model);
    const parsed = parseWhatIf(new URLSearchParams(column.whatIf), available);
    if (parsed.errors.length > 0) {
      for (const e of parsed.errors)
        problems.push({ text: `In '${formatColumn(column).slice(0, 200)}': ${e.replace(/ (It was ignored|The file's value [^.]+ is used)\.$/, "")}` });
      worst(400);
      return null;
    }
    const applied = applyWhatIf(scenario, parsed.values);
    return { values: parsed.values, applied, words: whatIfWords(model, scenario, parsed.values) };
  };
  const whatIfHref = (href: string, values: Record<string, number>) => {
    const q = new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]));
    if (q.size === 0) return href;
    return `${href}${href.includes("?") ? "&" : "?"}${q.toString()}`;
  };
  for (const column of selection.refs) {
    const { ref } = column;
    const colRef = formatColumn(column);
    if (ref.kind === "variant") {
      const v = getVersion({ id: ref.id, version: ref.version });
      const scenario = v ? variantAsScenario({ id: ref.id, version: ref.version }) : null;
      if (!v || !scenario) {
        problems.push({ text: `There is no saved variant '${ref.id}' with a version ${ref.version}.` });
        worst(404);
        continue;
      }
      const w = withWhatIf(column, scenario);
      if (!w) continue;
      keep.push(colRef);
      const title = `${scenario.title} (variant, v${ref.version})${w.words ? ` with what-if: ${w.words}` : ""}`;
      extras.push({ ref: colRef, title });
      columns.push({ scenario: w.applied.scenario, whatIf: w.values, assumptions: w.applied.assumptions });
      inputs.push({
        ref: colRef,
        id: column.whatIf.length === 0 ? `${ref.id}@${ref.version}` : colRef,
        title,
        // The version compared, in depth (charts, waterfall, what-if), as a library column links to its page.
        href: whatIfHref(scenarioRefHref(ref), w.values),
        date: scenario.date,
        hypothetical: scenario.hypothetical,
        families: familiesOf(scenario),
        whatIf: w.words || null,
        result: evaluate(model, w.applied.scenario, { assumptions: w.applied.assumptions }),
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
    const s = found.scenario;
    const w = withWhatIf(column, s);
    if (!w) continue;
    keep.push(colRef);
    const title = w.words ? `${s.title} with what-if: ${w.words}` : s.title;
    if (column.whatIf.length > 0) extras.push({ ref: colRef, title });
    columns.push({ scenario: w.applied.scenario, whatIf: w.values, assumptions: w.applied.assumptions });
    inputs.push({
      ref: colRef,
      id: column.whatIf.length === 0 ? s.id : colRef,
      title,
      href: whatIfHref(scenarioRefHref(ref), w.values),
      date: s.date,
      hypothetical: s.hypothetical,
      families: familiesOf(s),
      whatIf: w.words || null,
      result: evaluate(model, w.applied.scenario, { assumptions: w.applied.assumptions }),
    });
  }

  // One column (from "Add to compare") or `pick` (change the columns): the picker, with what is chosen ticked.
  const onlyTooFew = !selection.ok && selection.problems.every((p) => p.kind === "count" && p.count < MIN_COMPARE) && problems.length === 1;
  if ((pick && status === 200) || (onlyTooFew && keep.length === values.length)) {
    const library: LibraryEntry[] = libraryEntries(files.map((f) => summarise(model, f)));
    return { kind: "choose" as const, problems: [] as Problem[], chosen: keep, extras, library };
  }
  if (status === 200 && values.length > 0 && drawsSeed.ok) {
    const chosen = drawsSeed.value;
    // Common random numbers: every column on the same draws, one engine pass per column giving the headline,
    // difference, services' and HHI bands together, on the compute pool (a full queue: 503 with Retry-After).
    // Cached by what the columns are (content, not name), the model and the draws: the same comparison is drawn once.
    const bandColumns = columns.map((c) => ({ scenario: c.scenario, whatIf: c.whatIf }));
    const key = hashOf({ m: modelVersion(model), c: columns.map((c) => [c.scenario, c.whatIf]), d: chosen });
    const { bands, figureBands } = await cachedAsync(`compare-bands:${key}`, () =>
      compute("comparisonBands", { columns: bandColumns, draws: chosen?.draws, seed: chosen?.seed }, model),
    );
    return { kind: "ok" as const, view: compareView(inputs), bands, figureBands, explicitDraws: chosen !== null };
  }
  const library: LibraryEntry[] = libraryEntries(files.map((f) => summarise(model, f)));
  if (values.length === 0) return { kind: "choose" as const, problems: [] as Problem[], chosen: [] as string[], extras: [] as ChosenExtra[], library };
  return data({ kind: "problem" as const, problems, chosen: keep, extras, library }, { status });
}

