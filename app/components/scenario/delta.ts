/** Signed changes as text: a sign, an arrow and a word, so a change never rests on colour. Pure. */
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
