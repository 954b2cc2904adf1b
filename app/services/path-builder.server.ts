/**
 * /paths/new: a path built by stacking scenarios (issue 12 §1, decision 024). The library's compare form and
 * /compare send their ticked columns (`s=`, as /compare reads them); each becomes an item with a date (its
 * scenario's by default). Items of one date are one step. A library scenario as written is named by id (so the
 * step shows its rules as the file has them); a what-if state or a saved variant's version brings its rules,
 * with the values moved, as the step's own rules. The path is checked and resolved as a path file is (conflicts
 * within a step reported with both rules) and saved with immutable versions (app/data/saved-path.server.ts).
 */
import { data, redirect } from "@remix-run/node";

import { formatColumn, parseColumn, type ColumnRef } from "~/components/compare/selection";
import { getModel } from "~/data/model.server";
import { checkPathDefinition, createSavedPath, getSavedPath, isSavedPathId, saveSavedPathVersion, SavedPathNotFoundError } from "~/data/saved-path.server";
import { listScenarios } from "~/data/scenario.server";
import { StaleVersionError, ValidationError, variantAsScenario, type FieldError } from "~/data/variant.server";
import type { Model } from "~/engine/model";
import { ruleIdOf } from "~/scenarios/ids";
import { CONFLICT_POLICIES, pathStepSchema, type ConflictPolicy, type PathDefinition, type PathStep } from "~/paths/schema";
import type { Rule, Scenario } from "~/scenarios/schema";
import { tunables } from "~/scenarios/tunables";
import type { ScenarioFileResult } from "~/scenarios/validate";
import { applyWhatIf, parseWhatIf } from "~/scenarios/what-if";
import { readForm } from "~/utils/request.server";
import { takeSave, tooManySavesMessage } from "~/utils/rate-limit.server";

import { pageErrors } from "./errors.server";

/** Items a path may stack, at most (a path holds at most 24 steps). */
export const MAX_PATH_ITEMS = 24;
/** The prefix of an item that is a saved path's step kept as it was (its own rules), when a saved path is changed. */
const STEP_ITEM = "step:";

/** One thing stacked: where it comes from (its `s` value, or a kept step), its title, and its date. */
export interface PathItem {
  source: string;
  title: string;
  date: string;
  /** Library scenarios as written are named by id; the rest bring their rules into the step. */
  kind: "scenario" | "rules";
}

export interface PathDraft {
  title: string;
  summary: string;
  conflicts: ConflictPolicy;
  author: string;
  note: string;
  items: PathItem[];
  /** Set when the draft changes a saved path: its id and the version it is based on. */
  base: { id: string; version: number } | null;
}

type Resolved = { ok: true; title: string; date: string; scenarioId: string | null; rules: Rule[]; assumptions: Record<string, number> } | { ok: false; message: string };

/** A scenario's date as a path step's (`2021` -> `2021-01`). */
const stepDate = (date: string) => (/^\d{4}$/.test(date) ? `${date}-01` : date);

/** An item's source -> what it brings to a step, or why it cannot be stacked. */
function resolveItem(source: string, model: Model, library: readonly ScenarioFileResult[]): Resolved {
  if (source.startsWith(STEP_ITEM)) {
    let step: PathStep;
    try {
      const parsed = pathStepSchema.safeParse(JSON.parse(source.slice(STEP_ITEM.length)));
      if (!parsed.success) return { ok: false, message: "a kept step is no longer valid" };
      step = parsed.data;
    } catch {
      return { ok: false, message: "a kept step is not readable" };
    }
    return { ok: true, title: step.label ?? "Rules of the saved path", date: step.date, scenarioId: null, rules: step.rules ?? [], assumptions: step.assumptions ?? {} };
  }
  const parsed = parseColumn(source);
  if (!parsed.ok) return { ok: false, message: `'${source.slice(0, 120)}' ${parsed.reason}` };
  const column: ColumnRef = parsed.column;
  let scenario: Scenario | null = null;
  let title = "";
  if (column.ref.kind === "variant") {
    scenario = variantAsScenario({ id: column.ref.id, version: column.ref.version });
    if (!scenario) return { ok: false, message: `there is no saved variant '${column.ref.id}' with a version ${column.ref.version}` };
    title = `${scenario.title} (variant, v${column.ref.version})`;
  } else {
    const id = column.ref.id;
    const found = library.find((f) => f.id === id);
    if (!found) return { ok: false, message: `there is no scenario '${id}' in the library` };
    if (!found.ok) return { ok: false, message: `the scenario file ${found.file} has errors` };
    scenario = found.scenario;
    title = scenario.title;
    if (column.whatIf.length === 0) return { ok: true, title, date: stepDate(scenario.date), scenarioId: id, rules: [], assumptions: {} };
  }
  const whatIf = parseWhatIf(new URLSearchParams(column.whatIf), tunables(scenario, model));
  if (whatIf.errors.length > 0) return { ok: false, message: `'${formatColumn(column).slice(0, 120)}': ${whatIf.errors.join(" ")}` };
  const applied = applyWhatIf(scenario, whatIf.values);
  return {
    ok: true,
    title: column.whatIf.length > 0 ? `${title} with what-if` : title,
    date: stepDate(scenario.date),
    scenarioId: null,
    // Rule ids made explicit, so the path's rule ids (and what-if keys) stay those of the scenario's rules.
    rules: applied.scenario.rules.map((r, i) => ({ ...r, id: ruleIdOf(r, i) })),
    assumptions: { ...(scenario.assumptions ?? {}), ...applied.assumptions },
  };
}

/**
 * The draft's items as a path definition: items grouped by date into steps in date order. A step holds any
 * number of library scenarios and at most one item that brings its own rules (a what-if state, a variant, a kept
 * step): two such items on one date are refused with a message saying to date one of them apart.
 */
export function composePath(draft: PathDraft, model: Model, library: readonly ScenarioFileResult[]): { ok: true; definition: PathDefinition } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (draft.items.length === 0) errors.push({ path: "items", message: "stack at least one scenario" });
  if (draft.items.length > MAX_PATH_ITEMS) errors.push({ path: "items", message: `at most ${MAX_PATH_ITEMS} scenarios in a path; ${draft.items.length} were stacked` });
  const byDate = new Map<string, Array<{ item: PathItem; r: Extract<Resolved, { ok: true }>; i: number }>>();
  draft.items.forEach((item, i) => {
    if (!/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/.test(item.date)) {
      errors.push({ path: `items[${i}].date`, message: `expected a date like 2021-04-12 or 2021-04, got '${item.date.slice(0, 20)}'` });
      return;
    }
    const r = resolveItem(item.source, model, library);
    if (!r.ok) {
      errors.push({ path: `items[${i}]`, message: r.message });
      return;
    }
    const list = byDate.get(item.date) ?? [];
    list.push({ item, r, i });
    byDate.set(item.date, list);
  });
  const steps: PathDefinition["steps"] = [];
  for (const date of [...byDate.keys()].sort()) {
    const group = byDate.get(date)!;
    const own = group.filter((g) => g.r.scenarioId === null);
    if (own.length > 1)
      errors.push({
        path: `items[${own[1]!.i}]`,
        message: `'${own[0]!.r.title}' and '${own[1]!.r.title}' both bring their own rules on ${date}: a step holds one such item; give one of them another date`,
      });
    const scenarios = group.flatMap((g) => (g.r.scenarioId ? [g.r.scenarioId] : []));
    const rules = own[0]?.r.rules ?? [];
    const assumptions = own[0]?.r.assumptions ?? {};
    steps.push({
      date,
      label: group.map((g) => g.r.title).join(" + ").slice(0, 200),
      ...(scenarios.length > 0 ? { scenarios } : {}),
      ...(rules.length > 0 ? { rules } : {}),
      ...(Object.keys(assumptions).length > 0 ? { assumptions } : {}),
      conflicts: draft.conflicts,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, definition: { title: draft.title.trim(), summary: draft.summary.trim(), steps } };
}

function emptyDraft(): PathDraft {
  return { title: "", summary: "", conflicts: "error", author: "", note: "", items: [], base: null };
}

/** A saved path's latest version as a draft to change: library scenarios stay items, inline rules stay kept steps. */
function draftFromSaved(id: string): PathDraft {
  const saved = getSavedPath({ id });
  if (!saved) throw data({ title: "No such saved path", message: `There is no saved path '${id.slice(0, 80)}'.` }, { status: 404 });
  const items: PathItem[] = [];
  for (const step of saved.definition.steps) {
    for (const sid of step.scenarios ?? []) items.push({ source: sid, title: sid, date: step.date, kind: "scenario" });
    if (step.rules || step.assumptions) {
      const kept = { date: step.date, label: step.label, rules: step.rules, assumptions: step.assumptions };
      items.push({ source: `${STEP_ITEM}${JSON.stringify(kept)}`, title: step.label ?? "Rules of the saved path", date: step.date, kind: "rules" });
    }
  }
  const conflicts = saved.definition.steps[0]?.conflicts ?? "error";
  return { ...emptyDraft(), title: saved.definition.title, summary: saved.definition.summary, conflicts, items, base: { id, version: saved.latestVersion } };
}

/** The items the `s` values ask for, each with its scenario's title and date (a bad one is listed with why). */
function itemsOf(values: string[], model: Model, library: readonly ScenarioFileResult[]): { items: PathItem[]; errors: FieldError[] } {
  const items: PathItem[] = [];
  const errors: FieldError[] = [];
  values.slice(0, MAX_PATH_ITEMS + 1).forEach((source, i) => {
    const r = resolveItem(source, model, library);
    if (!r.ok) errors.push({ path: `items[${i}]`, message: r.message });
    else items.push({ source, title: r.title, date: r.date, kind: r.scenarioId ? "scenario" : "rules" });
  });
  if (values.length > MAX_PATH_ITEMS) errors.push({ path: "items", message: `at most ${MAX_PATH_ITEMS} scenarios in a path; ${values.length} were stacked` });
  return { items, errors };
}

export type PathBuilderData = {
  draft: PathDraft;
  errors: FieldError[];
  formError: string | null;
  library: Array<{ id: string; title: string; date: string }>;
  maxItems: number;
};

function libraryChoices(library: readonly ScenarioFileResult[]) {
  return library.flatMap((f) => (f.ok ? [{ id: f.id, title: f.scenario.title, date: stepDate(f.scenario.date) }] : [])).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** GET /paths/new[?s=…][&from=saved.…]: the form, with what was stacked (or a saved path's steps) in it. */
export function loadPathBuilder(url: URL) {
  return pageErrors("path builder", () => {
    const model = getModel();
    const library = listScenarios({ model });
    const from = url.searchParams.get("from");
    if (from !== null && !isSavedPathId(from))
      throw data({ title: "No such saved path", message: `'${from.slice(0, 80)}' is not a saved path's id (saved.<name>).` }, { status: 404 });
    const draft = from ? draftFromSaved(from) : emptyDraft();
    const stacked = itemsOf(url.searchParams.getAll("s"), model, library);
    draft.items.push(...stacked.items);
    if (!draft.title && stacked.items.length > 0) draft.title = stacked.items.map((i) => i.title).join(", then ").slice(0, 120);
    const result: PathBuilderData = { draft, errors: stacked.errors, formError: stacked.errors.length > 0 ? "Some of what was stacked cannot be used; it is left out." : null, library: libraryChoices(library), maxItems: MAX_PATH_ITEMS };
    return data(result, { status: stacked.errors.length > 0 ? 400 : 200 });
  });
}

/** The draft a posted form holds: items `item.<i>` with `date.<i>` (ticking `drop.<i>` leaves one out), plus one added. */
export function decodePathForm(form: URLSearchParams): PathDraft {
  const items: PathItem[] = [];
  for (let i = 0; i < MAX_PATH_ITEMS + 8; i++) {
    const source = form.get(`item.${i}`);
    if (source === null) continue;
    if (form.get(`drop.${i}`) !== null) continue;
    items.push({ source, title: form.get(`title.${i}`) ?? source, date: (form.get(`date.${i}`) ?? "").trim(), kind: source.startsWith(STEP_ITEM) || source.includes("?") || source.includes("@") ? "rules" : "scenario" });
  }
  const added = form.get("add.scenario");
  if (added) items.push({ source: added, title: added, date: (form.get("add.date") ?? "").trim(), kind: "scenario" });
  const policy = form.get("conflicts");
  const baseId = form.get("baseId");
  const baseVersion = Number(form.get("baseVersion"));
  return {
    title: form.get("title") ?? "",
    summary: form.get("summary") ?? "",
    conflicts: (CONFLICT_POLICIES as readonly string[]).includes(policy ?? "") ? (policy as ConflictPolicy) : "error",
    author: form.get("author") ?? "",
    note: form.get("note") ?? "",
    items,
    base: baseId && isSavedPathId(baseId) && Number.isInteger(baseVersion) && baseVersion >= 1 ? { id: baseId, version: baseVersion } : null,
  };
}

/**
 * POST /paths/new: "check" re-renders the form (nothing stored); "save" stores the path (or a new version of a
 * saved one) and redirects to it. Rate-limited as variant saves are (429 with Retry-After); anything invalid
 * re-renders the form with every problem, storing nothing.
 */
export async function pathBuilderAction(request: Request) {
  const form = await readForm(request);
  const draft = decodePathForm(form);
  const model = getModel();
  const library = listScenarios({ model });
  const answer = (errors: FieldError[], formError: string | null, status: number, headers: HeadersInit = {}) => {
    // Titles of the items as the library and the variants give them (the form's own are not trusted).
    for (const item of draft.items) {
      const r = resolveItem(item.source, model, library);
      if (r.ok) item.title = r.title;
    }
    // The resolver speaks the file's language; here the choice is the form's select.
    const said = errors.map((e) => ({
      ...e,
      message: e.message.replace("set `conflicts: later-wins` or `conflicts: combine` on the step", "choose below that the later one replaces the other, or that both apply"),
    }));
    return data<PathBuilderData>({ draft, errors: said, formError, library: libraryChoices(library), maxItems: MAX_PATH_ITEMS }, { status, headers });
  };
  const composedItems = composePath(draft, model, library);
  // Checked and resolved as a path file is: unknown ids, dates, conflicts within a step with both rules.
  const checked = composedItems.ok ? checkPathDefinition(composedItems.definition, { model, library }) : null;
  const composed: ReturnType<typeof composePath> = checked && !checked.ok ? { ok: false, errors: checked.errors } : composedItems;
  const intent = form.get("intent");
  if (intent !== "save") {
    if (composed.ok) draft.items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return answer(composed.ok ? [] : composed.errors, composed.ok ? null : "The path cannot be made as it is:", composed.ok ? 200 : 400);
  }
  if (!composed.ok) return answer(composed.errors, "The path is invalid; nothing was saved:", 400);
  const wait = takeSave(request);
  if (wait > 0) return answer([], tooManySavesMessage(wait), 429, { "Retry-After": String(wait) });
  try {
    const saved = draft.base
      ? saveSavedPathVersion({ id: draft.base.id, baseVersion: draft.base.version, definition: composed.definition, author: draft.author, note: draft.note }, { model, library })
      : createSavedPath({ definition: composed.definition, author: draft.author, note: draft.note }, { model, library });
    return redirect(`/paths/${saved.id}`);
  } catch (e) {
    if (e instanceof ValidationError) return answer(e.errors, `${e.summary}:`, 400);
    if (e instanceof StaleVersionError)
      return answer([], `Someone saved version ${e.latestVersion} of this path since version ${e.baseVersion}, which this form is based on. Nothing was overwritten: open the latest version and change it again.`, 409);
    if (e instanceof SavedPathNotFoundError) return answer([], `${e.message}; nothing was saved.`, 404);
    return pageErrors("path builder", () => {
      throw e;
    });
  }
}
