/**
 * A path's steps -> the rules in force after each step. Pure: the caller supplies the library and the model.
 *
 * How steps combine (decision 018): step k is evaluated as one scenario holding every rule in force after it.
 * A rule that sets a level (a capital ratio, a minimum, a cap, a consent requirement, a bureau) replaces an
 * earlier rule of the same type where their targets overlap: the newer regulation is the one in force, and the
 * earlier rule keeps only the units, services, categories it alone covered. A rule that records an event (a
 * spin-off, an unbundling, an interoperability opening, a data ban, a fine) adds to what came before: its effect
 * stays and the next event acts on top of it. Within one step, two such rules from different sources are a
 * conflict unless the step says `conflicts: later-wins` or `combine`.
 */
import type { Model } from "../engine/model";
import { ruleIdOf } from "../scenarios/ids";
import { formatPath, type PathMessage, type PathSegment } from "../scenarios/messages";
import type { Locator } from "../scenarios/parse";
import { checkReferences } from "../scenarios/references";
import type { Rule, Scenario } from "../scenarios/schema";
import { closest } from "../scenarios/suggest";
import type { ScenarioFileResult } from "../scenarios/validate";
import type { ConflictPolicy, Path } from "./schema";

/** Rule types whose rules add up over time rather than replace each other. Unknown types replace. */
export const CUMULATIVE_TYPES: ReadonlySet<string> = new Set(["spin-off", "unbundle", "interoperability", "data-ban", "fine"]);

/** One rule on a path, with where it came from. */
export interface PathRule {
  /** Unique on the path: `<scenario id>.<rule id>`, or `step-<n>.<rule id>` for a rule written in the path. */
  id: string;
  rule: Rule;
  label: string;
  /** 0-based index of the step that brought it. */
  step: number;
  /** The library scenario it came from, or null for a rule written in the path. */
  scenarioId: string | null;
  /** Where in the path file the rule (or the scenario that holds it) is named. */
  at: PathSegment[];
}

/** A rule a step replaced, with what is left of it (null: nothing, it is out of force). */
export interface Replacement {
  rule: PathRule;
  by: PathRule;
  left: PathRule | null;
}

export interface ResolvedStep {
  index: number;
  date: string;
  label: string;
  note: string | null;
  scenarioIds: string[];
  conflicts: ConflictPolicy;
  /** The step's own rules, in order (after `later-wins` within the step). */
  rules: PathRule[];
  /** Every rule in force after the step. */
  active: PathRule[];
  /** Earlier rules this step replaced or narrowed. */
  replaced: Replacement[];
  /** Engine assumption overrides in force after the step. */
  assumptions: Record<string, number>;
  sources: string[];
  hypothetical: boolean;
}

export interface ResolvedPath {
  id: string;
  title: string;
  summary: string;
  sources: string[];
  steps: ResolvedStep[];
}

export type ResolveOutcome =
  | { ok: true; path: ResolvedPath; warnings: PathMessage[] }
  | { ok: false; errors: PathMessage[]; warnings: PathMessage[] };

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);

/**
 * What a rule acts on, as keys: two rules of one type overlap where their keys meet. Read from the fields rule
 * types share (categories with their from/to scope, market and player, services, units / unit / to), so a new
 * rule type with those fields needs no change here; one with none acts on the group as a whole.
 */
export function targetKeys(rule: Rule): string[] {
  const r = rule as unknown as Record<string, unknown>;
  if (Array.isArray(r.categories)) {
    const scope = `${[...list(r.from)].sort().join(",") || "*"}>${[...list(r.to)].sort().join(",") || "*"}`;
    return list(r.categories).map((c) => `data:${c}@${scope}`);
  }
  if (typeof r.market === "string") return [`market:${r.market}/${typeof r.player === "string" ? r.player : "*"}`];
  if (Array.isArray(r.services)) return list(r.services).map((s) => `service:${s}`);
  const units = [...list(r.units), ...list(r.unit), ...list(r.to)];
  return units.length > 0 ? units.map((u) => `unit:${u}`) : ["group"];
}

/** A key in words: `unit 'huabei'`, `market 'mobile-payments' (player 'alipay')`. */
export function describeKey(key: string): string {
  const [kind, rest = ""] = key.split(/:(.*)/s);
  if (kind === "data") {
    const [category, scope] = rest.split("@");
    return `data category '${category}'${scope === "*>*" ? "" : ` (${scope!.replace(">", " -> ")})`}`;
  }
  if (kind === "market") {
    const [market, player] = rest.split("/");
    return `market '${market}'${player === "*" ? "" : ` (player '${player}')`}`;
  }
  if (kind === "group") return "the group";
  return `${kind} '${rest}'`;
}

/** The rule without the targets in `drop`; null when nothing is left. */
export function narrowRule(rule: Rule, drop: ReadonlySet<string>): Rule | null {
  const keys = targetKeys(rule);
  const keep = keys.map((k) => !drop.has(k));
  if (keep.every((k) => !k)) return null;
  if (keep.every(Boolean)) return rule;
  const r = rule as unknown as Record<string, unknown>;
  const filter = (field: string) => ({ ...r, [field]: list(r[field]).filter((_, i) => keep[i]) });
  if (Array.isArray(r.categories)) return filter("categories") as unknown as Rule;
  if (Array.isArray(r.services)) return filter("services") as unknown as Rule;
  for (const field of ["units", "to"]) if (Array.isArray(r[field])) return filter(field) as unknown as Rule;
  return null; // a single target (market, unit): fully replaced
}

/** Whether a later rule of the same type replaces an earlier one (rather than adding to it). */
export function replaces(type: string): boolean {
  return !CUMULATIVE_TYPES.has(type);
}

/**
 * The rules in force after `incoming` lands on `active`: each incoming rule of a replacing type narrows or removes
 * earlier rules of its type where their targets overlap. Incoming rules never replace each other (they came
 * together). Pure; the attribution calls this for every subset of a step's rules.
 */
export function applyRules(active: readonly PathRule[], incoming: readonly PathRule[]): { active: PathRule[]; replaced: Replacement[] } {
  let current = [...active];
  const replaced: Replacement[] = [];
  for (const by of incoming) {
    if (!replaces(by.rule.type)) continue;
    const drop = new Set(targetKeys(by.rule));
    current = current.flatMap((old) => {
      if (old.rule.type !== by.rule.type || !targetKeys(old.rule).some((k) => drop.has(k))) return [old];
      const narrowed = narrowRule(old.rule, drop);
      const left = narrowed ? { ...old, rule: narrowed } : null;
      replaced.push({ rule: old, by, left });
      return left ? [left] : [];
    });
  }
  return { active: [...current, ...incoming], replaced };
}

/** Where a source of a step is named in the path file, with its line:col when a locator is given. */
function where(at: PathSegment[], locate?: Locator): string {
  const p = formatPath(at);
  if (!locate) return p;
  const pos = locate(at);
  return `${p}, line ${pos.line}:${pos.col}`;
}

/**
 * Resolve a path against the library (and, given the model, check its inline rules' and assumptions' ids).
 * Errors name the field of the path file; `locate` adds the other location to conflict messages.
 */
export function resolvePath(
  path: Path,
  library: readonly ScenarioFileResult[],
  opts: { model?: Model | null; locate?: Locator } = {},
): ResolveOutcome {
  const errors: PathMessage[] = [];
  const warnings: PathMessage[] = [];
  const byId = new Map(library.map((r) => [r.id, r]));
  const steps: ResolvedStep[] = [];
  let active: PathRule[] = [];
  let assumptions: Record<string, number> = {};

  path.steps.forEach((step, k) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ["steps", k, ...rest];
    const prev = path.steps[k - 1];
    if (prev && step.date <= prev.date)
      errors.push({ path: at("date"), message: `steps must be in date order: ${step.date} is not after the previous step's ${prev.date}` });
    if (!step.scenarios && !step.rules)
      errors.push({ path: at(), message: "a step needs `scenarios` (library ids), `rules`, or both" });

    // Sources of the step, in order: each library scenario, then the rules written in the path.
    const sources: Array<{ name: string; rules: PathRule[] }> = [];
    const titles: string[] = [];
    const stepSources = new Set<string>();
    let hypothetical = false;
    let stepAssumptions: Record<string, number> = {};
    (step.scenarios ?? []).forEach((sid, j) => {
      const found = byId.get(sid);
      if (!found) {
        const c = closest(sid, byId.keys());
        errors.push({
          path: at("scenarios", j),
          message: `unknown scenario '${sid}'${c !== undefined ? ` (did you mean '${c}'?)` : `; the library's scenarios: ${[...byId.keys()].join(", ")}`}`,
        });
        return;
      }
      if (!found.ok) {
        errors.push({ path: at("scenarios", j), message: `scenario '${sid}' (${found.file}) is invalid: run \`npm run scenarios -- check ${found.file}\`` });
        return;
      }
      if (step.scenarios!.indexOf(sid) !== j) {
        errors.push({ path: at("scenarios", j), message: `scenario '${sid}' is listed twice in this step` });
        return;
      }
      const sc: Scenario = found.scenario;
      titles.push(sc.title);
      hypothetical ||= sc.hypothetical;
      sc.sources.forEach((s) => stepSources.add(s));
      stepAssumptions = { ...stepAssumptions, ...(sc.assumptions ?? {}) };
      sources.push({
        name: `scenario '${sid}' (${where(at("scenarios", j), opts.locate)})`,
        rules: sc.rules.map((rule, i) => {
          const rid = ruleIdOf(rule, i);
          return { id: `${sid}.${rid}`, rule: { ...rule, id: `${sid}.${rid}` }, label: rule.label, step: k, scenarioId: sid, at: at("scenarios", j) };
        }),
      });
    });
    if (step.rules) {
      const rules: PathRule[] = step.rules.map((rule, i) => {
        const id = `step-${k + 1}.${ruleIdOf(rule, i)}`;
        return { id, rule: { ...rule, id }, label: rule.label, step: k, scenarioId: null, at: at("rules", i) };
      });
      const ids = new Set<string>();
      rules.forEach((r, i) => {
        if (ids.has(r.id)) errors.push({ path: at("rules", i, "id"), message: `duplicate rule id '${step.rules![i]!.id}' in this step` });
        ids.add(r.id);
      });
      sources.push({ name: `the step's own rules`, rules });
      if (opts.model) {
        const issues = checkReferences(
          { title: "", summary: "", date: step.date, hypothetical: false, sources: path.sources ?? [], assumptions: step.assumptions, rules: step.rules },
          opts.model,
        );
        for (const i of issues) (i.severity === "error" ? errors : warnings).push({ path: at(...i.path), message: i.message });
      }
    } else if (opts.model && step.assumptions) {
      const issues = checkReferences(
        { title: "", summary: "", date: step.date, hypothetical: false, sources: [], assumptions: step.assumptions, rules: [] },
        opts.model,
      );
      for (const i of issues) (i.severity === "error" ? errors : warnings).push({ path: at(...i.path), message: i.message });
    }

    // Conflicts: same type, overlapping targets, different sources of this step.
    let stepRules: PathRule[] = [];
    sources.forEach((src, s) => {
      const incoming = src.rules;
      for (const r of incoming) {
        for (const earlier of sources.slice(0, s)) {
          for (const e of earlier.rules) {
            if (e.rule.type !== r.rule.type) continue;
            const shared = targetKeys(r.rule).filter((key) => targetKeys(e.rule).includes(key));
            if (shared.length === 0) continue;
            if (step.conflicts === "error")
              errors.push({
                path: r.at,
                message:
                  `conflict: ${r.rule.type} rule '${r.id}' and ${e.rule.type} rule '${e.id}' from ${earlier.name} both act on ` +
                  `${shared.map(describeKey).join(", ")} in the same step; set \`conflicts: later-wins\` or \`conflicts: combine\` on the step, or move one to its own step`,
              });
          }
        }
      }
      stepRules =
        step.conflicts === "later-wins" ? applyRules(stepRules, incoming).active : [...stepRules, ...incoming];
    });
    if (stepRules.length > 12)
      errors.push({
        path: at(),
        message: `the step applies ${stepRules.length} rules; at most 12 (its attribution by rule is exact over every subset): split it into steps`,
      });

    const applied = applyRules(active, stepRules);
    active = applied.active;
    assumptions = { ...assumptions, ...stepAssumptions, ...(step.assumptions ?? {}) };
    steps.push({
      index: k,
      date: step.date,
      label: step.label ?? (titles.join(" + ") || `Step ${k + 1}`),
      note: step.note ?? null,
      scenarioIds: step.scenarios ?? [],
      conflicts: step.conflicts,
      rules: stepRules,
      active,
      replaced: applied.replaced,
      assumptions,
      sources: [...stepSources],
      hypothetical,
    });
  });

  if (errors.length > 0) return { ok: false, errors, warnings };
  return {
    ok: true,
    warnings,
    path: { id: path.id, title: path.title, summary: path.summary, sources: path.sources ?? [], steps },
  };
}
