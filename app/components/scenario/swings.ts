/** Pure helpers on the engine's swings, shared by the page, the deck and the compute worker (no React here). */
import type { Swing } from "~/engine/uncertainty";

/** How far an input moves a figure from its low end to its high end. */
export const swingOf = (s: Swing) => Math.abs(s.high - s.low);

/** The what-if key of a swing's input (`a.<assumption>` or `r.<rule parameter>`), as the panel and the page key it. */
export const swingKey = (s: Swing) => (s.kind === "assumption" ? `a.${s.id}` : `r.${s.id}`);
