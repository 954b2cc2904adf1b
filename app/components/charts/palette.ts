/**
 * Okabe-Ito colours (Okabe & Ito 2008, "Color Universal Design"): distinguishable with the common forms of
 * colour-blindness. Charts never carry information by colour alone: each series also has a label or pattern.
 */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
} as const;

/** Text and axis greys with at least 4.5:1 contrast on white. */
export const INK = { text: "#1a1a1a", muted: "#555555", grid: "#d0d0d0", faint: "#eeeeee" } as const;

/** Mixes a hex colour with white: t = 0 gives white, t = 1 the colour. */
export function tint(hex: string, t: number): string {
  const clamp = Math.max(0, Math.min(1, t));
  const n = parseInt(hex.slice(1), 16);
  const channels = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => Math.round(255 + (c - 255) * clamp));
  return `#${channels.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}
