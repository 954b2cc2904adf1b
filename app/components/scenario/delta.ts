/** Signed changes as text: a sign, an arrow and a word, so a change never rests on colour. Pure. */
import type { HeadlineKey } from "../../engine/result";

export type Direction = "up" | "down" | "none";

/** Changes smaller than this (in the figure's unit) count as none: float residue, not a change. */
const EPSILON = 1e-9;

export function direction(delta: number): Direction {
  return delta > EPSILON ? "up" : delta < -EPSILON ? "down" : "none";
}

/** "+2.6", "−39.9" (a true minus sign), "0" (no decimals: nothing changed). */
export function signed(delta: number, format: (n: number) => string): string {
  const d = direction(delta);
  if (d === "none") return "0";
  return `${d === "up" ? "+" : "−"}${format(Math.abs(delta))}`;
}

export const ARROW: Record<Direction, string> = { up: "▲", down: "▼", none: "■" };
export const WORD: Record<Direction, string> = { up: "up", down: "down", none: "no change" };

/**
 * Whether a rise in a headline figure is good or bad news for Ant's business: revenue, profit and reach up is
 * good; a capital shortfall up is bad; capital raised is neither (it answers the shortfall). Colour follows
 * this meaning (never "up is green"); the arrow, sign and word still carry the direction on their own.
 */
export const RISE_IS: Record<HeadlineKey, "good" | "bad" | "neutral"> = {
  revenue: "good",
  attributableRevenue: "good",
  profit: "good",
  serviceReach: "good",
  equityValue: "good",
  capitalShortfall: "bad",
  oneOffCharges: "bad",
  capitalRaised: "neutral",
};

export type Tone = "good" | "bad" | "neutral";

/** The tone of a change of a headline figure (`tone-good` / `tone-bad` / `tone-neutral` in CSS). */
export function tone(key: HeadlineKey, delta: number): Tone {
  const d = direction(delta);
  const rise = RISE_IS[key];
  if (d === "none" || rise === "neutral") return "neutral";
  return (d === "up") === (rise === "good") ? "good" : "bad";
}
