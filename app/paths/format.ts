/**
 * A path's result as text for the CLI: a terminal table, CSV (`step,date,section,id,metric,unit,value,change`),
 * or JSON (the API's body). Pure; reuses the scenario formatter's table layout and CSV cells.
 */
import { HEADLINE_KEYS } from "../engine/result";
import { KEY_FIGURES, MODEL_FIGURES } from "../history/figures";
import { csvCell, HEADLINE_LABELS, textTable, type OutputFormat } from "../scenarios/format-result";
import type { PathResultPayload } from "./payload";

const num = (v: number | null, digits = 1) => (v === null || !Number.isFinite(v) ? "n/a" : v.toFixed(digits));
const signed = (v: number, digits = 1) => {
  const r = Number(v.toFixed(digits));
  return r === 0 ? num(0, digits) : `${r > 0 ? "+" : ""}${r.toFixed(digits)}`;
};
const figureText = (unit: string, v: number | null) => (v === null ? "n/a" : unit === "share" ? `${(v * 100).toFixed(1)}%` : num(v));

export function formatPathTable(p: PathResultPayload): string {
  const out: string[] = [`${p.path.title}`, `${p.path.id} · ${p.steps.length} step(s) · each step on the previous one's result`, ""];
  const head = ["metric", "unit", "baseline", ...p.steps.map((s) => s.date)];
  const rows = HEADLINE_KEYS.map((k) => [
    HEADLINE_LABELS[k]?.label ?? k,
    HEADLINE_LABELS[k]?.unit ?? "",
    num(p.baseline.headline[k]),
    ...p.steps.map((s) => num(s.headline[k])),
  ]);
  const figs = KEY_FIGURES.map((f) => [f.label.slice(0, 48), f.unit, figureText(f.unit, p.baseline.figures[f.id] ?? null), ...p.steps.map((s) => figureText(f.unit, s.figures[f.id] ?? null))]);
  out.push("STEP BY STEP", textTable([head, ...rows, ...figs]), "");
  p.steps.forEach((s, k) => {
    out.push(`STEP ${k + 1} · ${s.date} · ${s.label}${s.hypothetical ? "  [HYPOTHETICAL]" : ""}`);
    const attrHead = ["rule", ...HEADLINE_KEYS.map((m) => m)];
    const attrRows = s.attribution.ids.map((id, i) => [id, ...HEADLINE_KEYS.map((m) => signed(s.attribution.byRule[m][i] ?? 0))]);
    attrRows.push(["step change", ...HEADLINE_KEYS.map((m) => signed(s.change[m]))]);
    out.push(textTable([attrHead, ...attrRows]));
    for (const r of s.replaced)
      out.push(`  replaces ${r.id} (by ${r.by})${r.narrowedTo ? `; still in force for ${r.narrowedTo.join(", ")}` : ""}`);
    out.push("");
  });
  return out.join("\n");
}

export function formatPathCsv(p: PathResultPayload): string {
  const rows: Array<Array<string | number | null>> = [["step", "date", "section", "id", "metric", "unit", "value", "change"]];
  p.steps.forEach((s, k) => {
    for (const m of HEADLINE_KEYS) rows.push([k + 1, s.date, "headline", "group", m, HEADLINE_LABELS[m]?.unit ?? "", s.headline[m], s.change[m]]);
    for (const f of MODEL_FIGURES) rows.push([k + 1, s.date, "figure", f.id, f.label, f.unit, s.figures[f.id] ?? null, null]);
    s.attribution.ids.forEach((id, i) => {
      for (const m of HEADLINE_KEYS) rows.push([k + 1, s.date, "attribution", id, m, HEADLINE_LABELS[m]?.unit ?? "", null, s.attribution.byRule[m][i] ?? 0]);
    });
  });
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function formatPathResult(p: PathResultPayload, format: OutputFormat): string {
  if (format === "json") return `${JSON.stringify(p, null, 2)}\n`;
  if (format === "csv") return formatPathCsv(p);
  return formatPathTable(p);
}
