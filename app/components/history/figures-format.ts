/** How the timeline and the back-test print a figure: shares as percentages, money in RMB bn, users in millions. */
import { formatMillions, formatRmbBn, formatShare } from "~/utils/format";

export function formatFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  if (unit === "share") return formatShare(value);
  if (unit === "m users") return formatMillions(value);
  return formatRmbBn(value);
}

/** An 80% band as text: "31.9 to 85.9"; a band of zero width is the point itself. */
export function formatBand(low: number | null | undefined, high: number | null | undefined, unit: string): string {
  if (low == null || high == null) return "n/a";
  const a = formatFigure(low, unit);
  const b = formatFigure(high, unit);
  return a === b ? `${a} (no spread)` : `${a} to ${b}`;
}

export function formatSigned(value: number, unit: string): string {
  const text = formatFigure(Math.abs(value), unit);
  if (text === formatFigure(0, unit)) return text;
  return `${value > 0 ? "+" : "−"}${text}`;
}
