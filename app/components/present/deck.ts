/**
 * Presentation mode as data: the slides, the `slide` URL parameter, and the one-sentence takeaway of each
 * chart, computed from the result (never written by hand, so it follows a what-if). Pure and isomorphic.
 */
import type { Attribution, Headline, MarketResult, Result } from "../../engine/result";
import type { Assumption, Source } from "../../engine/model";
import { formatHhi, formatMillions, formatPercent, formatRmbBn } from "../../utils/format";

/** The slides, in order. The URL names a slide by its 1-based position (`?slide=3`). */
export const SLIDES = [
  { id: "title", title: "The question" },
  { id: "headline", title: "Headline numbers" },
  { id: "services", title: "Alipay's services" },
  { id: "waterfall", title: "What each rule does" },
  { id: "capital", title: "Capital" },
  { id: "markets", title: "Markets and concentration" },
  { id: "assumptions", title: "Assumptions" },
  { id: "sources", title: "Sources" },
] as const;
export type SlideId = (typeof SLIDES)[number]["id"];

/** The slide a `slide` parameter names (1-based), or slide 1 with a message when it names none. */
export function parseSlide(raw: string | null, count: number = SLIDES.length): { slide: number; error: string | null } {
  if (raw === null || raw === "") return { slide: 1, error: null };
  if (/^\d{1,4}$/.test(raw)) {
    const n = Number(raw);
    if (n >= 1 && n <= count) return { slide: n, error: null };
  }
  return { slide: 1, error: `'slide' must be a number from 1 to ${count}, got '${raw.slice(0, 20)}'. Showing slide 1.` };
}

/** A search string for slide `n` that keeps every other parameter (the what-if state, `v`, `bands`). */
export function slideSearch(search: string | URLSearchParams, n: number): string {
  const params = new URLSearchParams(search);
  params.delete("slide");
  const rest = params.toString();
  return `?slide=${n}${rest ? `&${rest}` : ""}`;
}

/** Whether two URLs differ only in `slide` (such a change needs no new evaluation). */
export function sameApartFromSlide(a: URL, b: URL): boolean {
  if (a.pathname !== b.pathname) return false;
  const strip = (u: URL) => {
    const p = new URLSearchParams(u.search);
    p.delete("slide");
    p.sort();
    return p.toString();
  };
  return strip(a) === strip(b);
}

/** The key the deck reacts to: the slide to go to, or null for any other key. */
export function slideForKey(key: string, shift: boolean, current: number, count: number): number | null {
  let next: number;
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
      next = current + 1;
      break;
    case " ":
    case "Spacebar":
      next = shift ? current - 1 : current + 1;
      break;
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      next = current - 1;
      break;
    case "Home":
      next = 1;
      break;
    case "End":
      next = count;
      break;
    default:
      return null;
  }
  return Math.min(count, Math.max(1, next));
}

// ---- takeaways ----------------------------------------------------------------------------------------------

const EPS = 1e-9;
const pctOf = (delta: number, base: number) => (Math.abs(base) > EPS ? formatPercent(Math.abs(delta) / Math.abs(base), 0) : null);
const upDown = (d: number) => (d > 0 ? "up" : "down");
const lowerFirst = (s: string) => (s.length > 1 && /[A-Z][a-z]/.test(s.slice(0, 2)) ? s[0]!.toLowerCase() + s.slice(1) : s);
const stripStop = (s: string) => s.trim().replace(/\.$/, "");

/** Services: the service that changes most, why, and how many change. */
export function servicesTakeaway(result: Pick<Result, "services" | "headline">): string {
  const changed = result.services.filter((s) => Math.abs(s.users.scenario - s.users.baseline) > EPS || s.status !== "integrated");
  if (changed.length === 0) return `All ${result.services.length} services keep their users and their place inside Alipay.`;
  const top = [...changed].sort((a, b) => Math.abs(b.users.scenario - b.users.baseline) - Math.abs(a.users.scenario - a.users.baseline))[0]!;
  const d = top.users.scenario - top.users.baseline;
  const pct = pctOf(d, top.users.baseline);
  const move = Math.abs(d) > EPS ? `, ${upDown(d)} ${pct ?? formatMillions(Math.abs(d))}` : "";
  const first = `${top.name} reaches ${formatMillions(top.users.scenario)} m users${move}: ${lowerFirst(stripStop(top.statusReason))}.`;
  const reach = result.headline.serviceReach;
  const rd = reach.scenario - reach.baseline;
  const second =
    changed.length === 1
      ? "No other service changes."
      : `${changed.length} of ${result.services.length} services change; users summed over services ${Math.abs(rd) > EPS ? `${upDown(rd)} ${pctOf(rd, reach.baseline)} to ${formatMillions(reach.scenario)} m` : "unchanged"}.`;
  return `${first} ${second}`;
}

/** Waterfall: the revenue change, the rule that contributes most to it, and profit. */
export function waterfallTakeaway(attribution: Attribution, headline: Pick<Headline, "revenue" | "profit">): string {
  const rev = headline.revenue;
  const dr = rev.scenario - rev.baseline;
  const dp = headline.profit.scenario - headline.profit.baseline;
  if (Math.abs(dr) < EPS && Math.abs(dp) < EPS) return "Together the rules leave revenue and profit unchanged.";
  const by = attribution.metrics.revenue.byRule;
  let top = -1;
  by.forEach((v, i) => {
    if (top < 0 || Math.abs(v) > Math.abs(by[top]!)) top = i;
  });
  const revenue =
    Math.abs(dr) < EPS
      ? `Revenue stays at ${formatRmbBn(rev.scenario)} bn RMB`
      : `Revenue goes ${upDown(dr)} ${formatRmbBn(Math.abs(dr))} bn (${pctOf(dr, rev.baseline)}) to ${formatRmbBn(rev.scenario)} bn RMB`;
  const driver =
    top >= 0 && Math.abs(by[top]!) > EPS && attribution.ruleIds.length > 1
      ? `; the largest part, ${by[top]! > 0 ? "+" : "−"}${formatRmbBn(Math.abs(by[top]!))} bn, comes from “${attribution.ruleLabels[top]}”`
      : "";
  const profit =
    Math.abs(dp) < EPS
      ? `Profit stays at ${formatRmbBn(headline.profit.scenario)} bn.`
      : `Profit goes ${upDown(dp)} from ${formatRmbBn(headline.profit.baseline)} to ${formatRmbBn(headline.profit.scenario)} bn.`;
  return `${revenue}${driver}. ${profit}`;
}

/** Capital: who is short and how the shortfall is met, or that nobody is. */
export function capitalTakeaway(result: Pick<Result, "units" | "headline">): string {
  const short = result.units.filter((u) => u.shortfall > EPS).sort((a, b) => b.shortfall - a.shortfall);
  if (short.length === 0) {
    const required = result.units.reduce((s, u) => s + u.capitalRequired.scenario, 0);
    const held = result.units.reduce((s, u) => s + u.capitalHeld.baseline, 0);
    return `No unit needs more capital than it holds: ${formatRmbBn(required)} bn RMB required against ${formatRmbBn(held)} bn held.`;
  }
  const list = short.map((u) => `${u.name} ${formatRmbBn(u.shortfall)} bn`).join(", ");
  const total = result.headline.capitalShortfall.scenario;
  const raised = result.headline.capitalRaised.scenario;
  const met =
    raised >= total - EPS
      ? `all of it raised as new capital`
      : raised > EPS
        ? `${formatRmbBn(raised)} bn raised, the rest met by shrinking books`
        : "met by shrinking books rather than raising capital";
  return `The rules leave ${short.length === 1 ? "one unit" : `${short.length} units`} short of capital by ${formatRmbBn(total)} bn RMB (${list}): ${met}.`;
}

/** Ant's combined share of a market. */
export function antShare(market: MarketResult): { baseline: number; scenario: number } {
  return market.players
    .filter((p) => p.isAnt)
    .reduce((s, p) => ({ baseline: s.baseline + p.share.baseline, scenario: s.scenario + p.share.scenario }), { baseline: 0, scenario: 0 });
}

/** Markets: the market whose concentration moves most, with Ant's share; or that nothing moves. */
export function marketsTakeaway(result: Pick<Result, "markets">, bandOf: (hhi: number) => string): string {
  const moved = result.markets.filter((m) => Math.abs(m.hhi.scenario - m.hhi.baseline) > 0.5);
  if (moved.length === 0)
    return `Shares and concentration do not change: ${result.markets.map((m) => `${m.name} stays at an HHI of ${formatHhi(m.hhi.scenario)}`).join(", ")}.`;
  const top = [...moved].sort((a, b) => Math.abs(b.hhi.scenario - b.hhi.baseline) - Math.abs(a.hhi.scenario - a.hhi.baseline))[0]!;
  const d = top.hhi.scenario - top.hhi.baseline;
  const ant = antShare(top);
  const share =
    Math.abs(ant.scenario - ant.baseline) > EPS ? `; Ant's share goes from ${formatPercent(ant.baseline, 0)} to ${formatPercent(ant.scenario, 0)}` : "";
  return `Concentration in ${lowerFirst(top.name)} ${d > 0 ? "rises" : "falls"} from an HHI of ${formatHhi(top.hhi.baseline)} to ${formatHhi(top.hhi.scenario)} (${bandOf(top.hhi.scenario)})${share}.`;
}

// ---- assumptions and sources --------------------------------------------------------------------------------

export interface AssumptionRow {
  id: string;
  label: string;
  value: number;
  modelValue: number;
  low: number;
  high: number;
  unit: string;
  /** Who set a value other than the model's: the scenario file or the what-if in the URL. */
  override: "scenario" | "what-if" | null;
  sourceKeys: string[];
}

/**
 * The engine assumptions behind a result: those its explanations cite and those the scenario or the what-if
 * set, in the model's order, with the value used. All of them when none is cited.
 */
export function assumptionRows(
  assumptions: Assumption[],
  result: Pick<Result, "explanations" | "assumptionsUsed">,
  scenarioOverrides: Record<string, number> | undefined,
  whatIfOverrides: Record<string, number>,
): AssumptionRow[] {
  const engine = assumptions.filter((a) => a.usedBy === "engine");
  const cited = new Set(result.explanations.flatMap((e) => e.assumptionIds));
  const overridden = (id: string) => (id in whatIfOverrides ? "what-if" : scenarioOverrides && id in scenarioOverrides ? "scenario" : null);
  const pick = engine.filter((a) => cited.has(a.id) || overridden(a.id) !== null);
  return (pick.length > 0 ? pick : engine).map((a) => ({
    id: a.id,
    label: a.label,
    value: result.assumptionsUsed[a.id] ?? a.value,
    modelValue: a.value,
    low: a.low,
    high: a.high,
    unit: a.unit,
    override: overridden(a.id),
    sourceKeys: a.sourceKeys,
  }));
}

/** The sources behind a result: the scenario's own, then those its explanations and assumptions cite. */
export function sourceRows(
  scenarioSources: string[],
  result: Pick<Result, "explanations">,
  assumptionsShown: Pick<AssumptionRow, "sourceKeys">[],
  sources: Source[],
): Array<{ key: string; citation: string; href: string | null; cited: "scenario" | "result" }> {
  const citations = new Map(sources.map((s) => [s.key, s.citation]));
  const seen = new Set<string>();
  const out: Array<{ key: string; citation: string; href: string | null; cited: "scenario" | "result" }> = [];
  const add = (key: string, cited: "scenario" | "result") => {
    if (seen.has(key)) return;
    seen.add(key);
    if (/^https?:\/\//.test(key)) out.push({ key, citation: key, href: key, cited });
    else out.push({ key, citation: citations.get(key) ?? "not in the model's source list", href: null, cited });
  };
  for (const s of scenarioSources) add(s, "scenario");
  for (const e of result.explanations) for (const k of e.sourceKeys) add(k, "result");
  for (const a of assumptionsShown) for (const k of a.sourceKeys) add(k, "result");
  return out;
}
