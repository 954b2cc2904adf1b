/**
 * What the export routes serve, as pure functions: the scenario with a what-if folded in, file names, the
 * CSV with a few "about" rows (title, version, what-if values, rule labels) and the download URLs.
 * Isomorphic: the scenario page builds its links with the same functions the routes use to answer them.
 */
import { csvCell, csvRows } from "../../scenarios/format-result";
import { ruleIdOf } from "../../scenarios/ids";
import type { ScenarioResultPayload } from "../../scenarios/payload";
import type { Scenario } from "../../scenarios/schema";
import { applyWhatIf, movedTunables, type Tunable } from "../../scenarios/what-if";
import { formatWithUnit } from "../../utils/format";

/** The files a scenario can be downloaded as, by the last segment of the export URL. */
export const EXPORT_FORMATS = {
  "result.csv": { label: "Result as CSV", type: "text/csv; charset=utf-8", ext: "csv", suffix: "-result" },
  "result.json": { label: "Result as JSON", type: "application/json; charset=utf-8", ext: "json", suffix: "-result" },
  "scenario.yaml": { label: "Scenario as YAML", type: "application/yaml; charset=utf-8", ext: "yaml", suffix: "" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

/**
 * The scenario as it stands with the what-if values: rule parameters replaced (ranges kept) and assumption
 * overrides merged into `assumptions`, so the file alone reproduces the result (evaluating it equals
 * evaluating the file with the what-if overrides).
 */
export function scenarioWithWhatIf(scenario: Scenario, values: Record<string, number>): Scenario {
  const applied = applyWhatIf(scenario, values);
  if (Object.keys(applied.assumptions).length === 0) return applied.scenario;
  return { ...applied.scenario, assumptions: { ...scenario.assumptions, ...applied.assumptions } };
}

/** Whether any what-if value differs from the file's. */
export function whatIfChanged(values: Record<string, number>, available: Tunable[]): boolean {
  return movedTunables(values, available).length > 0;
}

/**
 * A download's file name: `<id>[-v<n>][-what-if]<suffix>.<ext>`. Ids are slugs, so the name needs no escaping,
 * and a YAML file's name (without `.yaml`) is itself a valid scenario id.
 */
export function exportFileName(format: ExportFormat, { id, version, changed }: { id: string; version: number | null; changed: boolean }): string {
  const f = EXPORT_FORMATS[format];
  return `${id}${version === null ? "" : `-v${version}`}${changed ? "-what-if" : ""}${f.suffix}.${f.ext}`;
}

/** The URL of an export, keeping the view's `v` and what-if keys (and nothing else). */
export function exportHref(
  id: string,
  format: ExportFormat,
  search: string | URLSearchParams,
  ranges?: { draws: number; seed: number } | null,
): string {
  const from = typeof search === "string" ? new URLSearchParams(search) : search;
  const keep = new URLSearchParams();
  for (const [k, v] of from) if (k === "v" || k.startsWith("r.") || k.startsWith("a.")) keep.append(k, v);
  // The result files carry the ranges the page shows: its draws and seed (decision 023).
  if (ranges && format !== "scenario.yaml") {
    keep.set("draws", String(ranges.draws));
    keep.set("seed", String(ranges.seed));
  }
  const q = keep.toString();
  return `/scenarios/${encodeURIComponent(id)}/export/${format}${q ? `?${q}` : ""}`;
}

/**
 * The what-if's moved values as one line each, for a chart image's stamp: "<label>: <file value> → <value>"
 * (units as the what-if panel writes them).
 */
export function whatIfStampLines(values: Record<string, number>, available: readonly Tunable[]): string[] {
  const show = (t: Tunable, v: number) => formatWithUnit(v, t.unit, t.format);
  return movedTunables(values, available).map((t) => `${t.label}: ${show(t, t.fileValue)} → ${show(t, values[t.key]!)}`);
}

type Cell = string | number | null;

/**
 * The CSV download: the CLI's rows (`section,id,metric,unit,baseline,scenario,delta`, header first) with
 * `about` rows after the header giving the title, the variant version, each what-if value against the file's,
 * and each rule's label. Every text cell goes through the formula-injection guard, so a title such as
 * `=HYPERLINK(...)` arrives as text.
 */
export function exportCsv(
  payload: ScenarioResultPayload,
  meta: { version: number | null; whatIf: Array<Pick<Tunable, "key" | "unit" | "fileValue"> & { value: number }> },
): string {
  const { scenario } = payload;
  const [header, ...body] = csvRows(payload);
  const about: Cell[][] = [
    ["about", scenario.id, "title", "text", null, scenario.title, null],
    ["about", scenario.id, "date", "text", null, scenario.date, null],
  ];
  if (meta.version !== null) about.push(["about", scenario.id, "version", "number", null, meta.version, null]);
  about.push(["about", scenario.id, "note", "text", null, "A what-if on the mid-2020 model of Ant Group, not a forecast", null]);
  for (const w of meta.whatIf) about.push(["about", w.key, "whatIf", w.unit || "number", w.fileValue, w.value, w.value - w.fileValue]);
  scenario.rules.forEach((rule, i) => about.push(["about", ruleIdOf(rule, i), "ruleLabel", "text", null, rule.label, null]));
  return `${[header!, ...about, ...body].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
