/**
 * A scenario's result as text: a terminal table, CSV rows for a spreadsheet, or JSON. Pure.
 * CSV rows are `section,id,metric,unit,baseline,scenario,delta` (sections headline, unit, service, market, flow,
 * attribution); text cells that a spreadsheet would read as a
 * formula (starting with = + - @ or their full-width forms, after any leading space or invisible character, or with
 * such a character at all) are prefixed with a quote. With bands (`--draws`), each
 * row also carries the P5..P95 of its scenario value and of its change where the draws give them, and the
 * probabilities follow as `probability` rows.
 */
import { HEADLINE_KEYS, type Delta, type HeadlineKey } from "../engine/result";
import { REVENUE_BASES_SHORT } from "../engine/revenue-bases";
import { historyInputs } from "./inputs";
import type { Band, Bands } from "../engine/uncertainty";
import type { ScenarioResultPayload } from "./payload";

export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Labels and units of the headline figures. */
export const HEADLINE_LABELS: Record<HeadlineKey, { label: string; unit: string }> = {
  revenue: { label: "Consolidated revenue", unit: "RMB bn" },
  attributableRevenue: { label: "Attributable revenue", unit: "RMB bn" },
  profit: { label: "Profit", unit: "RMB bn" },
  capitalShortfall: { label: "Capital shortfall", unit: "RMB bn" },
  capitalRaised: { label: "Capital raised", unit: "RMB bn" },
  serviceReach: { label: "Service reach", unit: "m users" },
  oneOffCharges: { label: "One-off charges (fines)", unit: "RMB bn" },
  equityValue: { label: "Equity value (illustrative)", unit: "RMB bn" },
};

// ---- JSON ---------------------------------------------------------------------------------------------------

/** The payload as pretty JSON (the same value the API serves). */
export function formatJson(payload: ScenarioResultPayload): string {
  return `${JSON.stringify(payload, null, 2)}\n`;
}

// ---- CSV ----------------------------------------------------------------------------------------------------

export const CSV_HEADER = ["section", "id", "metric", "unit", "baseline", "scenario", "delta"] as const;
type Cell = string | number | null;

/**
 * A text cell made safe for spreadsheets: no formula injection. Spreadsheets skip leading spaces, line breaks and
 * other invisible characters, and read the full-width and small forms of = + - @ as the ASCII ones, so the first
 * visible character is what counts.
 */
export function neutraliseFormula(text: string): string {
  const visible = text.replace(/^[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff]+/, "");
  return visible !== text || /^[=+\-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b]/.test(visible) ? `'${text}` : text;
}

/** One CSV cell: numbers as they are (rounded to 9 significant digits), text neutralised and quoted if needed. */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(Number(value.toPrecision(9))) : "";
  const safe = neutraliseFormula(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function deltaRow(section: string, id: string, metric: string, unit: string, d: Delta): Cell[] {
  return [section, id, metric, unit, d.baseline, d.scenario, d.scenario - d.baseline];
}

export const CSV_BAND_HEADER = [
  "p5",
  "p10",
  "p50",
  "p90",
  "p95",
  "delta_p5",
  "delta_p10",
  "delta_p50",
  "delta_p90",
  "delta_p95",
] as const;

const bandCells = (b: Band | undefined): Cell[] => (b ? [b.p5, b.p10, b.p50, b.p90, b.p95] : [null, null, null, null, null]);

/** The bands of a CSV row's figure (scenario value, change), by section, id and metric. */
function rowBands(bands: Bands, section: Cell, id: Cell, metric: Cell): [Band | undefined, Band | undefined] {
  const m = String(metric);
  if (section === "headline") return [bands.headline[m as HeadlineKey], bands.headlineDelta[m as HeadlineKey]];
  const pick = (fields: Record<string, Band> | undefined, level: string, delta: string | null) =>
    [fields?.[level], delta ? fields?.[delta] : undefined] as [Band | undefined, Band | undefined];
  if (section === "unit") {
    const u = bands.units[String(id)] as unknown as Record<string, Band> | undefined;
    if (m === "revenue" || m === "attributableRevenue") return pick(u, m, `${m}Delta`);
    if (m === "capitalRequired") return pick(u, m, null);
    if (m === "shortfall") return pick(u, "capitalShortfall", null);
    if (m === "capitalRaised") return pick(u, m, null);
  }
  if (section === "service" && (m === "users" || m === "revenue"))
    return pick(bands.services[String(id)] as unknown as Record<string, Band> | undefined, m, `${m}Delta`);
  // Data flows: a flow's share kept and a receiving unit's coverage (baseline 1 in every draw; no change band).
  if (section === "unit" && m === "dataCoverage") return [bands.flows.coverage[String(id)], undefined];
  if (section === "flow" && m === "kept") return [bands.flows.kept[String(id)], undefined];
  if (section === "market" && m === "hhi")
    return pick(bands.markets[String(id)] as unknown as Record<string, Band> | undefined, "hhi", "hhiDelta");
  return [undefined, undefined];
}

/** The rows of the CSV export, header first (with bands: their columns, then the probability rows). */
export function csvRows(payload: ScenarioResultPayload): Cell[][] {
  const rows = pointRows(payload);
  const bands = payload.bands;
  if (!bands) return rows;
  const out: Cell[][] = [[...rows[0]!, ...CSV_BAND_HEADER]];
  for (const r of rows.slice(1)) {
    const [level, delta] = rowBands(bands, r[0]!, r[1]!, r[2]!);
    out.push([...r, ...bandCells(level), ...bandCells(delta)]);
  }
  const empty = new Array<Cell>(CSV_BAND_HEADER.length).fill(null);
  const p = bands.probabilities;
  out.push(["probability", "group", "capitalShortfallAbove0", "share of draws", null, p.capitalShortfall, null, ...empty]);
  out.push(["probability", "group", "anyServiceLosesHalf", "share of draws", null, p.anyServiceLosesHalf, null, ...empty]);
  for (const [id, v] of Object.entries(p.hhiAbove2500)) out.push(["probability", id, "hhiAbove2500", "share of draws", null, v, null, ...empty]);
  for (const [id, v] of Object.entries(p.serviceLosesHalf)) out.push(["probability", id, "losesHalfItsUsers", "share of draws", null, v, null, ...empty]);
  out.push(["draws", "group", `seed ${bands.seed}`, "draws", null, bands.draws, null, ...empty]);
  return out;
}

function pointRows(payload: ScenarioResultPayload): Cell[][] {
  const { result, attribution } = payload;
  const rows: Cell[][] = [[...CSV_HEADER]];
  for (const k of HEADLINE_KEYS) rows.push(deltaRow("headline", "group", k, HEADLINE_LABELS[k].unit, result.headline[k]));
  for (const u of result.units) {
    rows.push(deltaRow("unit", u.id, "revenue", "RMB bn", u.revenue));
    rows.push(deltaRow("unit", u.id, "attributableRevenue", "RMB bn", u.attributableRevenue));
    rows.push(deltaRow("unit", u.id, "antStake", "fraction", u.antStake));
    rows.push(deltaRow("unit", u.id, "dataCoverage", "fraction", u.dataCoverage));
    if (u.book) rows.push(deltaRow("unit", u.id, "book", "RMB bn", u.book));
    if (u.ownFundedBook) rows.push(deltaRow("unit", u.id, "ownFundedBook", "RMB bn", u.ownFundedBook));
    rows.push(deltaRow("unit", u.id, "capitalRequired", "RMB bn", u.capitalRequired));
    rows.push(deltaRow("unit", u.id, "capitalHeld", "RMB bn", u.capitalHeld));
    rows.push(["unit", u.id, "shortfall", "RMB bn", null, u.shortfall, null]);
    rows.push(["unit", u.id, "capitalRaised", "RMB bn", null, u.capitalRaised, null]);
    rows.push(["unit", u.id, "facilitated", "RMB bn", null, u.facilitated, null]);
    rows.push(["unit", u.id, "platformFee", "RMB bn", null, u.platformFee, null]);
    rows.push(["unit", u.id, "netInterest", "RMB bn", null, u.netInterest, null]);
  }
  for (const s of result.services) {
    rows.push(deltaRow("service", s.id, "users", "m users", s.users));
    rows.push(deltaRow("service", s.id, "integration", "fraction", s.integration));
    rows.push(deltaRow("service", s.id, "revenue", "RMB bn", s.revenue));
    rows.push(["service", s.id, "status", "status", "integrated", s.status, null]);
  }
  for (const m of result.markets) {
    rows.push(deltaRow("market", m.id, "hhi", "index 0-10000", m.hhi));
    rows.push(["market", m.id, "pboc", "status", m.pboc.baseline, m.pboc.scenario, null]);
    for (const p of m.players) rows.push(deltaRow("market", m.id, `share:${p.playerId}`, "fraction", p.share));
  }
  for (const f of result.flows) rows.push(["flow", f.id, "kept", "fraction", 1, f.kept, f.kept - 1]);
  attribution.ruleIds.forEach((ruleId, i) => {
    for (const k of HEADLINE_KEYS)
      rows.push(["attribution", ruleId, k, HEADLINE_LABELS[k].unit, null, null, attribution.metrics[k].byRule[i] ?? 0]);
  });
  return rows;
}

/** The CSV export: a header and one row per figure, CRLF line ends (RFC 4180). */
export function formatCsv(payload: ScenarioResultPayload): string {
  return `${csvRows(payload)
    .map((r) => r.map(csvCell).join(","))
    .join("\r\n")}\r\n`;
}

// ---- table --------------------------------------------------------------------------------------------------

const num = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "n/a");
const signed = (v: number, digits = 1) => {
  const r = Number(v.toFixed(digits));
  return r === 0 ? num(0, digits) : `${r > 0 ? "+" : ""}${num(r, digits)}`;
};
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const pctDelta = (v: number) => {
  const r = Number((v * 100).toFixed(1));
  return r === 0 ? "0.0 pt" : `${r > 0 ? "+" : ""}${r.toFixed(1)} pt`;
};

/** Lay out rows as aligned columns; the first row is the header. Numeric-looking cells align right. */
export function textTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const isNum = (s: string) => /^[+-]?[\d.]+( ?(%|pt))?$|^n\/a$/.test(s);
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c > 0 && isNum(cell) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** A terminal report: headline, units, services, markets, what drove the changes, warnings. */
export function formatTable(payload: ScenarioResultPayload): string {
  const { scenario, result, attribution } = payload;
  const out: string[] = [];
  out.push(`${scenario.title}${scenario.hypothetical ? "  [HYPOTHETICAL]" : ""}`);
  out.push(`${scenario.id} · ${scenario.date} · ${scenario.rules.length} rule(s) · sources ${scenario.sources.join(", ")}`);
  out.push("A what-if on the mid-2020 model, not a forecast.", "");

  out.push("HEADLINE");
  out.push(
    textTable([
      ["metric", "unit", "baseline", "scenario", "delta"],
      ...HEADLINE_KEYS.map((k) => {
        const d = result.headline[k];
        return [HEADLINE_LABELS[k].label, HEADLINE_LABELS[k].unit, num(d.baseline), num(d.scenario), signed(d.scenario - d.baseline)];
      }),
    ]),
    REVENUE_BASES_SHORT,
    "Equity value is illustrative: recurring profit (profit + one-off charges) x a multiple calibrated on the 2020 IPO valuation.",
    `Holding company capital ${num(result.group.capital.baseline)} -> ${num(result.group.capital.scenario)} RMB bn` +
      (result.group.required > 0 ? ` (group minimum ${num(result.group.required)}, shortfall ${num(result.group.shortfall)})` : "") +
      (result.group.oneOffCharges > 0 ? `; one-off charges ${num(result.group.oneOffCharges)}` : "") +
      ".",
    "",
  );

  const inputs = historyInputs(scenario);
  if (inputs.length > 0) {
    out.push("INPUTS FROM HISTORY (typed in, not predictions)");
    out.push(
      textTable([
        ["rule", "parameter", "value", "sources", "what"],
        ...inputs.map((x) => [x.ruleId, x.field, String(x.fileValue), x.sources.join(" "), x.what]),
      ]),
      "",
    );
  }
  if (payload.bands) out.push(...bandsTable(payload.bands));

  if (attribution.ruleIds.length > 0) {
    out.push("BY RULE (Shapley contribution to each headline change)");
    out.push(
      textTable([
        ["rule", ...HEADLINE_KEYS.map((k) => k)],
        ...attribution.ruleIds.map((id, i) => [id, ...HEADLINE_KEYS.map((k) => signed(attribution.metrics[k].byRule[i] ?? 0))]),
      ]),
      "",
    );
  }

  out.push("UNITS (RMB bn)");
  out.push(
    textTable([
      ["unit", "entity", "revenue", "scenario", "attrib.", "scenario", "coverage", "own book", "scenario", "facilitated", "platform fee", "net interest", "cap. req.", "cap. held", "shortfall"],
      ...result.units.map((u) => [
        u.id,
        u.entity ?? "Ant Group",
        num(u.revenue.baseline),
        num(u.revenue.scenario),
        num(u.attributableRevenue.baseline),
        num(u.attributableRevenue.scenario),
        pct(u.dataCoverage.scenario),
        u.ownFundedBook ? num(u.ownFundedBook.baseline) : "",
        u.ownFundedBook ? num(u.ownFundedBook.scenario) : "",
        u.facilitated > 0 ? num(u.facilitated) : "",
        u.platformFee > 0 ? num(u.platformFee) : "",
        u.netInterest !== 0 ? signed(u.netInterest) : "",
        num(u.capitalRequired.scenario),
        num(u.capitalHeld.scenario),
        num(u.shortfall),
      ]),
    ]),
    "",
  );

  out.push("SERVICES");
  out.push(
    textTable([
      ["service", "users (m)", "scenario", "integration", "revenue", "scenario", "status"],
      ...result.services.map((s) => [
        s.id,
        num(s.users.baseline, 0),
        num(s.users.scenario, 0),
        pct(s.integration.scenario),
        num(s.revenue.baseline),
        num(s.revenue.scenario),
        s.status,
      ]),
    ]),
    "",
  );

  out.push("MARKETS");
  const marketRows: string[][] = [["market", "player", "share", "scenario", "delta"]];
  for (const m of result.markets) {
    marketRows.push([m.id, "HHI", num(m.hhi.baseline, 0), num(m.hhi.scenario, 0), signed(m.hhi.scenario - m.hhi.baseline, 0)]);
    marketRows.push(["", "PBoC 2021 test", m.pboc.baseline, m.pboc.scenario, ""]);
    for (const p of m.players)
      marketRows.push(["", `${p.playerId}${p.isAnt ? " (Ant)" : ""}`, pct(p.share.baseline), pct(p.share.scenario), pctDelta(p.share.scenario - p.share.baseline)]);
  }
  out.push(textTable(marketRows), "");

  if (result.explanations.length > 0) {
    out.push("WHAT DROVE IT");
    for (const e of result.explanations) out.push(`- ${e.ruleIds.length > 0 ? `[${e.ruleIds.join(", ")}] ` : ""}${e.text}`);
    out.push("");
  }
  if (result.warnings.length > 0) {
    out.push("WARNINGS");
    for (const w of result.warnings) out.push(`- ${w.ruleId ? `[${w.ruleId}] ` : ""}${w.text}`);
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

/** The RANGES section: each headline's percentiles and its change's 80% range, then the probabilities. */
function bandsTable(bands: Bands): string[] {
  const p = bands.probabilities;
  const share = (x: number) => `${(x * 100).toFixed(1)}%`;
  const out = [
    `RANGES (${bands.draws} seeded draws, seed ${bands.seed}; ${bands.inputs.length} inputs drawn, triangular on low/value/high; percentiles: ${bands.interpolation})`,
    textTable([
      ["metric", "P5", "P10", "P50", "P90", "P95", "change P10", "change P90"],
      ...HEADLINE_KEYS.map((k) => {
        const b = bands.headline[k];
        const d = bands.headlineDelta[k];
        return [HEADLINE_LABELS[k].label, num(b.p5), num(b.p10), num(b.p50), num(b.p90), num(b.p95), signed(d.p10), signed(d.p90)];
      }),
    ]),
    `Probability of a capital shortfall above 0: ${share(p.capitalShortfall)}; of a service losing more than half its users: ${share(p.anyServiceLosesHalf)}`,
  ];
  const hhi = Object.entries(p.hhiAbove2500).map(([id, v]) => `${id} ${share(v)}`);
  if (hhi.length) out.push(`Probability of an HHI above 2,500: ${hhi.join(", ")}`);
  if (bands.notDrawn.length) out.push(`Not drawn (point values): ${bands.notDrawn.map((n) => n.id).join(", ")}`);
  out.push("");
  return out;
}

/** Format a payload in one of the output formats. */
export function formatResult(payload: ScenarioResultPayload, format: OutputFormat): string {
  return format === "json" ? formatJson(payload) : format === "csv" ? formatCsv(payload) : formatTable(payload);
}
