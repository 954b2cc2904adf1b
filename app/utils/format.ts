/**
 * Number formatting for the dashboard: one place, so a figure reads the same in every table and chart, and
 * the server and the browser print it identically (a fixed locale avoids hydration mismatches).
 * Money is in RMB bn, users in millions, shares and rates stored as fractions and shown (and typed) as
 * percentages (0.3 -> 30%).
 */

const LOCALE = "en-US";

/** A formatter and the texts it has written, by value. */
interface Kept {
  format: Intl.NumberFormat;
  texts: Map<number, string>;
}
const cache = new Map<string, Kept>();
/** Texts kept per formatter; past this the map starts again (a page has a few hundred distinct values per format). */
const MAX_TEXTS = 4096;

/**
 * A number written by the formatter for (style, decimals), tidied: the formatter is made once, and the text of a value
 * already written is reused. A cold scenario page writes about 1,100 numbers (0.8 µs each through Intl), most of them
 * the same from one what-if to the next (decision 033).
 */
function written(value: number, percent: boolean, minimumFractionDigits: number, maximumFractionDigits: number): string {
  const key = `${percent ? "%" : "n"}${minimumFractionDigits}-${maximumFractionDigits}`;
  let kept = cache.get(key);
  if (!kept) {
    const options: Intl.NumberFormatOptions = { minimumFractionDigits, maximumFractionDigits };
    if (percent) options.style = "percent";
    kept = { format: new Intl.NumberFormat(LOCALE, options), texts: new Map() };
    cache.set(key, kept);
  }
  // A Map takes -0 and 0 as one key: both are written "0" once tidied, so the text kept is the same.
  let text = kept.texts.get(value);
  if (text === undefined) {
    text = tidy(kept.format.format(value));
    if (kept.texts.size >= MAX_TEXTS) kept.texts.clear();
    kept.texts.set(value, text);
  }
  return text;
}

/**
 * Replaces "-0" with "0" so a tiny negative rounding residue never shows a sign, and writes a negative number
 * with the true minus sign (U+2212), the one the deltas use: one minus sign everywhere.
 */
function tidy(text: string): string {
  if (/^-0(\.0+)?(%|$)/.test(text)) return text.slice(1);
  return text.startsWith("-") ? `\u2212${text.slice(1)}` : text;
}

/** A plain number with grouping and a fixed number of decimals: 1234.5 -> "1,234.5". */
export function formatNumber(value: number, decimals = 0): string {
  return written(value, false, decimals, decimals);
}

/**
 * Money in RMB bn, with as many decimals as the size warrants: 1,700 / 57.2 / 7.12 / 0.35.
 * Two decimals below 10 keep small units' figures from rounding to nothing.
 */
export function formatRmbBn(value: number): string {
  return formatNumber(value, rmbBnDecimals(value));
}

/** The decimals money in RMB bn is shown with, by its size: none from 1,000, one from 10, else two. */
export function rmbBnDecimals(value: number): 0 | 1 | 2 {
  const abs = Math.abs(value);
  return abs >= 1000 ? 0 : abs >= 10 ? 1 : 2;
}

/**
 * A number already rounded to text as toFixed writes it ("-1190.0") as people read it: thousands separators and the
 * true minus, no sign on a zero ("−1,190.0"; "-0.0" -> "0.0"). For a caller with its own fast rounding (the engine's
 * sentences); everything else calls formatNumber.
 */
export function readableFixed(text: string): string {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const whole = dot < 0 ? body : body.slice(0, dot);
  const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${dot < 0 ? "" : body.slice(dot)}`;
  return negative && /[1-9]/.test(body) ? `\u2212${grouped}` : grouped;
}

/** Users in millions: 711 / 20.9 / 0.5. */
export function formatMillions(value: number): string {
  const abs = Math.abs(value);
  return formatNumber(value, abs >= 100 ? 0 : 1);
}

/**
 * A fraction as a percentage with up to `maxDecimals` decimals, no trailing zeros below `minDecimals`:
 * 0.551 -> "55.1%", 0.02 -> "2%" (or "2.0%" with minDecimals 1).
 */
export function formatPercent(fraction: number, maxDecimals = 2, minDecimals = 0): string {
  return written(fraction, true, minDecimals, maxDecimals);
}

/** A share of a market or of a data value, always with one decimal so the bars of one chart read alike: "2.0%", "55.4%". */
export function formatShare(fraction: number): string {
  return formatPercent(fraction, 1, 1);
}

/**
 * A change relative to its baseline, signed, always with one decimal so a column of them lines up ("+4.0%",
 * "−15.3%"); null when the baseline is 0 or the change rounds to nothing.
 */
export function formatRelativeChange(delta: number, baseline: number): string | null {
  if (baseline === 0) return null;
  const text = formatPercent(Math.abs(delta / baseline), 1, 1);
  if (/^0(\.0)?%$/.test(text)) return null;
  return `${delta > 0 ? "+" : "\u2212"}${text}`;
}

/** A Herfindahl-Hirschman index (0..10,000) as a whole number: "4,556". */
export function formatHhi(value: number): string {
  return formatNumber(value, 0);
}

/** A multiplier such as a risk weight: 1 -> "100%"; kept as a percentage because regulators quote it so. */
export function formatRiskWeight(value: number): string {
  return formatPercent(value, 0);
}

/** A number with up to `maxDecimals` decimals and no trailing zeros: 1.2 -> "1.2", 36 -> "36". */
export function formatCompact(value: number, maxDecimals = 3): string {
  return written(value, false, 0, maxDecimals);
}

/**
 * How a value reads: `percent` (a fraction shown and typed as a percentage: 0.3 -> "30%"), `multiple` ("12 ×")
 * or `number` (the number, then its unit). Rule parameters declare it on the zod schema (decision 026); the
 * model's assumptions give a unit as text, and `formatOfUnit` reads the format off it.
 */
export type ValueFormat = "percent" | "multiple" | "number";

/**
 * The format a unit implies: a fraction or share (`fraction of AUM per year`) and a rate `per year` read as
 * percentages, `x …` and `ratio` as multiples, anything else (RMB bn, months, queries per borrower) as a number.
 */
export function formatOfUnit(unit: string): ValueFormat {
  const lower = unit.trim().toLowerCase();
  if (/^(fraction|share|%|per year)(?=[\s,]|$)/.test(lower)) return "percent";
  if (/^x(\s|$)/.test(lower) || lower === "ratio" || lower.startsWith("×")) return "multiple";
  return "number";
}

/** The text after a percentage: the unit without its `fraction`/`share` word ("fraction of AUM" -> " of AUM"). */
function percentSuffix(unit: string): string {
  const rest = unit.trim().replace(/^(fraction|share|%)(?=[\s,]|$)\s*/i, "");
  return rest === "" ? "" : ` ${rest}`;
}

/**
 * A value split into its number and the unit text that follows it (see formatWithUnit). `precise` keeps up to four
 * decimals (a diff of two versions must not round 780.8 and 780.5 to the same text); otherwise money rounds for
 * reading.
 */
export function formatUnitParts(
  value: number,
  unit: string,
  format: ValueFormat = formatOfUnit(unit),
  precise = false,
): { number: string; suffix: string } {
  const u = unit.trim();
  const lower = u.toLowerCase();
  const compact = (v: number, decimals = 3) => formatCompact(v, precise ? 4 : decimals);
  if (format === "percent") return { number: formatPercent(value, precise ? 4 : 2), suffix: percentSuffix(u) };
  if (format === "multiple") {
    if (lower === "ratio" || u === "") return { number: `${compact(value)}×`, suffix: "" };
    return { number: `${compact(value)} ×`, suffix: ` ${u.replace(/^(x|×)\s*/i, "")}` };
  }
  // Money keeps the one rule for RMB bn (none from 1,000, one from 10, else two), without trailing zeros: 780.8
  // must not read 781 beside a rule that says 780.8.
  if (lower.startsWith("rmb bn")) return { number: compact(value, rmbBnDecimals(value)), suffix: ` ${u}` };
  if (lower === "million users") return { number: precise ? compact(value) : formatMillions(value), suffix: " m users" };
  return { number: compact(value), suffix: u === "" ? "" : ` ${u}` };
}

/**
 * How many input units one stored unit is: 100 for a percentage (the stored 0.3 is typed as 30), else 1.
 * Inputs show `toInputNumber` and store `fromInputNumber`, so a share is typed as the percentage it reads as.
 */
export function inputScale(format: ValueFormat): number {
  return format === "percent" ? 100 : 1;
}

/** A stored value as an input shows it (0.3 -> 30 for a percentage), without binary residue (0.07 -> 7, not 7.000000000000001). */
export function toInputNumber(value: number, format: ValueFormat): number {
  return Number((value * inputScale(format)).toPrecision(12));
}

/** A typed number as stored (30 -> 0.3 for a percentage). */
export function fromInputNumber(typed: number, format: ValueFormat): number {
  return Number((typed / inputScale(format)).toPrecision(12));
}

/**
 * A value in the unit an assumption or parameter declares, e.g. 0.1 "per year" -> "10% per year",
 * 0.0039 "fraction of AUM per year" -> "0.39% of AUM per year", 5 "RMB bn" -> "5 RMB bn".
 */
export function formatWithUnit(value: number, unit: string, format?: ValueFormat, precise = false): string {
  const { number, suffix } = formatUnitParts(value, unit, format, precise);
  return `${number}${suffix}`;
}

/** A range in a unit, the unit written once: 0.08..0.15 "per year" -> "8% to 15% per year". */
export function formatRange(low: number, high: number, unit: string, format?: ValueFormat): string {
  const { number, suffix } = formatRangeParts(low, high, unit, format);
  return `${number}${suffix}`;
}

/** formatRange split as formatUnitParts splits a value: the figures ("8% to 15%") and the unit text (" per year"). */
export function formatRangeParts(low: number, high: number, unit: string, format?: ValueFormat): { number: string; suffix: string } {
  const a = formatUnitParts(low, unit, format);
  const b = formatUnitParts(high, unit, format);
  return { number: `${a.number} to ${b.number}`, suffix: b.suffix };
}
