/**
 * Number formatting for the dashboard: one place, so a figure reads the same in every table and chart, and
 * the server and the browser print it identically (a fixed locale avoids hydration mismatches).
 * Money is in RMB bn, users in millions, shares and rates as fractions (0.3 = 30%).
 */

const LOCALE = "en-US";

const cache = new Map<string, Intl.NumberFormat>();
function nf(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, options);
    cache.set(key, f);
  }
  return f;
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
  return tidy(nf({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value));
}

/**
 * Money in RMB bn, with as many decimals as the size warrants: 1,700 / 57.2 / 7.12 / 0.35.
 * Two decimals below 10 keep small units' figures from rounding to nothing.
 */
export function formatRmbBn(value: number): string {
  const abs = Math.abs(value);
  const decimals = abs >= 1000 ? 0 : abs >= 10 ? 1 : 2;
  return formatNumber(value, decimals);
}

/** Users in millions: 711 / 20.9 / 0.5. */
export function formatMillions(value: number): string {
  const abs = Math.abs(value);
  return formatNumber(value, abs >= 100 ? 0 : 1);
}

/** A fraction as a percentage with up to `maxDecimals` decimals, no trailing zeros: 0.551 -> "55.1%", 0.02 -> "2%". */
export function formatPercent(fraction: number, maxDecimals = 2): string {
  return tidy(nf({ style: "percent", minimumFractionDigits: 0, maximumFractionDigits: maxDecimals }).format(fraction));
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
  return tidy(nf({ minimumFractionDigits: 0, maximumFractionDigits: maxDecimals }).format(value));
}

/** A value split into its number and the unit text that follows it (see formatWithUnit). */
export function formatUnitParts(value: number, unit: string): { number: string; suffix: string } {
  const u = unit.trim();
  const lower = u.toLowerCase();
  if (lower === "fraction" || lower === "share" || lower === "%") return { number: formatPercent(value), suffix: "" };
  if (lower.startsWith("fraction ")) return { number: formatPercent(value), suffix: ` ${u.slice("fraction ".length)}` };
  if (lower === "per year") return { number: formatPercent(value), suffix: " per year" };
  if (lower.startsWith("rmb bn")) return { number: formatCompact(value, Math.abs(value) >= 100 ? 0 : 2), suffix: ` ${u}` };
  if (lower === "million users") return { number: formatMillions(value), suffix: " m users" };
  if (lower.startsWith("x ")) return { number: `${formatCompact(value)} ×`, suffix: ` ${u.slice(2)}` };
  if (lower === "ratio") return { number: `${formatCompact(value)}×`, suffix: "" };
  return { number: formatCompact(value), suffix: ` ${u}` };
}

/**
 * A value in the unit an assumption or parameter declares, e.g. 0.1 "per year" -> "10% per year",
 * 0.0039 "fraction of AUM per year" -> "0.39% of AUM per year", 5 "RMB bn" -> "5 RMB bn".
 */
export function formatWithUnit(value: number, unit: string): string {
  const { number, suffix } = formatUnitParts(value, unit);
  return `${number}${suffix}`;
}

/** A range in a unit, the unit written once: 0.08..0.15 "per year" -> "8% to 15% per year". */
export function formatRange(low: number, high: number, unit: string): string {
  const a = formatUnitParts(low, unit);
  const b = formatUnitParts(high, unit);
  return `${a.number} to ${b.number}${b.suffix}`;
}
