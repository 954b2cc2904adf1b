/**
 * The headline metrics as the library and the compare page show them: label, unit, formatting, and a delta
 * written with its sign and a direction word, so a change never relies on colour.
 */
import type { HeadlineKey } from "../../engine/result";
import { formatMillions, formatRelativeChange, formatRmbBn } from "../../utils/format";

export type MetricInfo = {
  key: HeadlineKey;
  label: string;
  /** Unit as written after a number. */
  unit: string;
  /** Unit for a table header or an axis. */
  unitLong: string;
  format: (value: number) => string;
  /** What the figure is, in a few words, beside it wherever the library shows it. */
  short: string;
  /** What the figure is and how it is made, in a sentence, where the library first shows it. */
  explain: string;
};

export const METRICS: Record<HeadlineKey, MetricInfo> = {
  revenue: {
    key: "revenue",
    label: "Revenue",
    unit: "RMB bn",
    unitLong: "RMB bn a year",
    format: formatRmbBn,
    short: "consolidated, a year",
    explain: "Consolidated revenue a year: every unit Ant controls counts in full.",
  },
  attributableRevenue: {
    key: "attributableRevenue",
    label: "Ant's attributable revenue",
    unit: "RMB bn",
    unitLong: "RMB bn a year",
    format: formatRmbBn,
    short: "by Ant's stakes",
    explain: "Revenue a year weighted by Ant's stake in each unit: the economics, where consolidated revenue is the accounting.",
  },
  profit: {
    key: "profit",
    label: "Net profit",
    unit: "RMB bn",
    unitLong: "RMB bn a year",
    format: formatRmbBn,
    short: "Ant's share, after one-off charges",
    explain: "Net profit a year attributable to Ant: recurring profit less any one-off charge such as a fine in that year (the baseline has none).",
  },
  capitalShortfall: {
    key: "capitalShortfall",
    label: "Capital shortfall",
    unit: "RMB bn",
    unitLong: "RMB bn, before the units respond",
    format: formatRmbBn,
    short: "before the units respond",
    explain: "Capital the rules require beyond what the units hold, before any of them raises more.",
  },
  capitalRaised: {
    key: "capitalRaised",
    label: "Capital raised",
    unit: "RMB bn",
    unitLong: "RMB bn",
    format: formatRmbBn,
    short: "to meet the rules",
    explain: "Capital the units raise to meet the rules' requirements.",
  },
  serviceReach: {
    key: "serviceReach",
    label: "Users reached by Alipay's services",
    unit: "m users",
    unitLong: "million users, summed over services",
    format: formatMillions,
    short: "summed over services",
    explain: "Users each of Alipay's services reaches in a year, summed over the services: a person using three services counts three times.",
  },
  oneOffCharges: {
    key: "oneOffCharges",
    label: "One-off charges (fines)",
    unit: "RMB bn",
    unitLong: "RMB bn in that year, outside recurring profit",
    format: formatRmbBn,
    short: "in that year",
    explain: "Fines and other one-off charges in the year they fall, kept out of recurring profit.",
  },
  equityValue: {
    key: "equityValue",
    label: "Equity value (illustrative)",
    unit: "RMB bn",
    unitLong: "RMB bn, recurring profit × a calibrated multiple",
    format: formatRmbBn,
    short: "recurring profit × a multiple",
    explain: "Recurring profit times a multiple calibrated to the mid-2020 valuation (about 2,100 RMB bn): a scale for the changes, not a price.",
  },
};

/** The metrics a library card shows, in order. */
export const CARD_METRICS: HeadlineKey[] = ["revenue", "attributableRevenue", "profit", "equityValue", "capitalShortfall", "serviceReach"];

export type Direction = "up" | "down" | "none";

/** A change as text: "+6.0" / "−4.2" / "0", and its direction (none when it rounds to nothing). */
export function formatDelta(delta: number, format: (v: number) => string): { text: string; direction: Direction } {
  const magnitude = format(Math.abs(delta));
  if (Number(magnitude.replace(/,/g, "")) === 0) return { text: "0", direction: "none" };
  return delta > 0 ? { text: `+${magnitude}`, direction: "up" } : { text: `\u2212${magnitude}`, direction: "down" };
}

/** A change relative to its baseline, "+4.1%", or null when the baseline is 0 (the one formatter's). */
export const formatRelative = formatRelativeChange;

export const ARROWS: Record<Direction, string> = { up: "\u25B2", down: "\u25BC", none: "=" };
export const WORDS: Record<Direction, string> = { up: "up", down: "down", none: "no change" };
