/**
 * Presentation mode as data: the slides, the `slide` URL parameter, and the one-sentence takeaway of each
 * chart, computed from the result (never written by hand, so it follows a what-if). Pure and isomorphic.
 */
import type { Attribution, Headline, MarketResult, Result, UnitResult } from "../../engine/result";
import type { Assumption, Source } from "../../engine/model";
import type { Swing } from "../../engine/uncertainty";
import { formatHhi, formatMillions, formatPercent, formatRmbBn } from "../../utils/format";

/** The slides, in order. The URL names a slide by its 1-based position (`?slide=3`). */
export const SLIDES = [
  { id: "title", title: "The question" },
  { id: "rules", title: "The rules" },
  { id: "headline", title: "Headline numbers" },
  { id: "services", title: "Alipay's services" },
  { id: "waterfall", title: "What each rule does" },
  { id: "sensitivity", title: "What matters first" },
  { id: "capital", title: "Capital" },
  { id: "markets", title: "Markets and concentration" },
  { id: "assumptions", title: "Assumptions" },
  { id: "sources", title: "Sources" },
] as const;
export type SlideId = (typeof SLIDES)[number]["id"];

/**
 * The slide a `slide` parameter names (1-based). A number past the end is the last slide (`?slide=99` is "the
 * end", as a presenter means it); 0 is the first. Anything else is slide 1 with a message.
 */
export function parseSlide(raw: string | null, count: number = SLIDES.length): { slide: number; error: string | null } {
  if (raw === null || raw === "") return { slide: 1, error: null };
  if (/^\d{1,9}$/.test(raw)) return { slide: Math.min(count, Math.max(1, Number(raw))), error: null };
  return { slide: 1, error: `'slide' must be a number from 1 to ${count}, got '${raw.slice(0, 20)}'. Showing slide 1.` };
}

/** A search string for slide `n` that keeps every other parameter (the what-if state, `v`, `bands`). */
export function slideSearch(search: string | URLSearchParams, n: number): string {
  const params = new URLSearchParams(search);
  params.delete("slide");
  const rest = params.toString();
  return `?slide=${n}${rest ? `&${rest}` : ""}`;
}

/** Whether two URLs differ only in `slide` or `view` (such a change needs no new evaluation). */
export function sameApartFromSlide(a: URL, b: URL): boolean {
  if (a.pathname !== b.pathname) return false;
  const strip = (u: URL) => {
    const p = new URLSearchParams(u.search);
    p.delete("slide");
    p.delete("view");
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

/** What a key does besides moving: the deck's other commands (see KEY_HELP). */
export type DeckCommand = "fullscreen" | "help" | "presenter" | "escape" | { digit: number } | "jump";

/** The command a key names, or null. Digits build a slide number that Enter jumps to. */
export function commandForKey(key: string): DeckCommand | null {
  if (/^[0-9]$/.test(key)) return { digit: Number(key) };
  switch (key) {
    case "f":
    case "F":
      return "fullscreen";
    case "?":
      return "help";
    case "p":
    case "P":
      return "presenter";
    case "Escape":
    case "Esc":
      return "escape";
    case "Enter":
      return "jump";
    default:
      return null;
  }
}

/** The keys, as the `?` help lists them. */
export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ["→ ↓ Space PageDown", "next slide"],
  ["← ↑ Shift+Space PageUp", "previous slide"],
  ["Home / End", "first / last slide"],
  ["a number, then Enter", "go to that slide"],
  ["F", "full screen on and off"],
  ["P", "presenter view with speaker notes, in a second window kept in step"],
  ["?", "this help"],
  ["Esc", "close this help, leave full screen, or else leave the deck"],
];

/**
 * The first sentence of a summary, for a title slide that reads at a glance (the full summary goes to the
 * speaker notes, the rules to the next slide). A long sentence that announces a list ("...: a; b; c") keeps
 * what comes before the colon; otherwise it is cut at a word, with an ellipsis.
 */
export function firstSentence(text: string, max = 220): string {
  const t = text.trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(t);
  const first = m ? m[1]! : t;
  if (first.length <= max) return first;
  const colon = first.indexOf(": ");
  if (colon > 20 && colon < max) return `${first.slice(0, colon).replace(/[,;]$/, "")}.`;
  const cut = first.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).replace(/[,;:]$/, "")}…`;
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
      ? `Revenue stays at ${formatRmbBn(rev.scenario)} RMB bn`
      : `Revenue goes ${upDown(dr)} ${formatRmbBn(Math.abs(dr))} RMB bn (${pctOf(dr, rev.baseline)}) to ${formatRmbBn(rev.scenario)} RMB bn`;
  const driver =
    top >= 0 && Math.abs(by[top]!) > EPS && attribution.ruleIds.length > 1
      ? `; the largest part, ${by[top]! > 0 ? "+" : "−"}${formatRmbBn(Math.abs(by[top]!))} RMB bn, comes from “${attribution.ruleLabels[top]}”`
      : "";
  const profit =
    Math.abs(dp) < EPS
      ? `Profit stays at ${formatRmbBn(headline.profit.scenario)} RMB bn.`
      : `Profit goes ${upDown(dp)} from ${formatRmbBn(headline.profit.baseline)} to ${formatRmbBn(headline.profit.scenario)} RMB bn.`;
  return `${revenue}${driver}. ${profit}`;
}

/**
 * How the part of a shortfall not raised is met, by the short units' responses: "shrinking books", "moving loans
 * onto partner banks' books" (facilitate: what the rectification did), or both. The deck once said "shrinking books"
 * where the scenario page's warnings said the loans moved to partner banks.
 */
export function metWithoutCapital(units: ReadonlyArray<Pick<UnitResult, "shortfall" | "capitalRaised" | "response">>): string {
  const rest = units.filter((u) => u.shortfall > EPS && u.capitalRaised < u.shortfall - EPS);
  const moving = rest.some((u) => u.response === "facilitate");
  const shrinking = rest.length === 0 || rest.some((u) => u.response !== "facilitate");
  const phrases = [...(shrinking ? ["shrinking books"] : []), ...(moving ? ["moving loans onto partner banks' books"] : [])];
  return phrases.join(" or ");
}

/** Capital: who is short and how the shortfall is met, or that nobody is. */
export function capitalTakeaway(result: Pick<Result, "units" | "headline">): string {
  const short = result.units.filter((u) => u.shortfall > EPS).sort((a, b) => b.shortfall - a.shortfall);
  if (short.length === 0) {
    const required = result.units.reduce((s, u) => s + u.capitalRequired.scenario, 0);
    const held = result.units.reduce((s, u) => s + u.capitalHeld.baseline, 0);
    return `No unit needs more capital than it holds: ${formatRmbBn(required)} RMB bn required against ${formatRmbBn(held)} RMB bn held.`;
  }
  const list = short.map((u) => `${u.name} ${formatRmbBn(u.shortfall)}`).join(", ");
  const total = result.headline.capitalShortfall.scenario;
  const raised = result.headline.capitalRaised.scenario;
  const met =
    raised >= total - EPS
      ? `all of it raised as new capital`
      : raised > EPS
        ? `${formatRmbBn(raised)} RMB bn raised, the rest met by ${metWithoutCapital(short)}`
        : `met by ${metWithoutCapital(short)} rather than raising capital`;
  return `The rules leave ${short.length === 1 ? "one unit" : `${short.length} units`} short of capital by ${formatRmbBn(total)} RMB bn (${list}): ${met}.`;
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

// ---- speaker notes ------------------------------------------------------------------------------------------

/** A rule as the rules slide lists it: its sentence with the values in use, and the file's when a what-if moved it. */
export interface RuleRow {
  id: string;
  family: "privacy" | "anti-monopoly" | "capital";
  label: string;
  text: string;
  /** The file's sentence, when the what-if changed the rule. */
  fileText: string | null;
  note: string | null;
}

/**
 * What matters first, in a sentence: the inputs with the largest swing of net profit (each from its low to its
 * high end, the others at their values), largest first.
 */
export function sensitivityTakeaway(swings: Pick<Swing, "label" | "low" | "high">[], top = 3): string {
  const moving = swings.filter((s) => Math.abs(s.high - s.low) > EPS).sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  if (moving.length === 0) return "No ranged input moves net profit: the figure rests on the rules alone.";
  const and = (xs: string[]) => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);
  const sentence = (n: number) => {
    const first = moving.slice(0, n);
    const names = and(first.map((s) => lowerFirst(stripStop(s.label))));
    const sizes = and(first.map((s) => formatRmbBn(Math.abs(s.high - s.low))));
    return `Net profit hinges first on ${names} (${first.length === 1 ? "a swing" : "swings"} of ${sizes} RMB bn from end to end).`;
  };
  // A takeaway reads at a glance: fewer names when long labels would make it a paragraph.
  for (let n = top; n > 1; n--) if (sentence(n).length <= 170) return sentence(n);
  return sentence(1);
}

export type SpeakerNotes = Record<SlideId, string[]>;

/**
 * What the presenter may say on each slide, computed from the scenario and its result (so it follows a what-if):
 * the full summary the title slide shortens, the why of each rule, how to read each chart and its caveats.
 */
export function speakerNotes(input: {
  summary: string;
  rules: RuleRow[];
  result: Pick<Result, "headline" | "services" | "units" | "markets">;
  movedCount: number;
  assumptions: Pick<AssumptionRow, "override" | "label">[];
  /** Inputs that move no headline figure from end to end (the tornado leaves them out). */
  inertCount?: number;
  /** The headline's 80% ranges, when the deck has them. */
  profitRange?: { p10: number; p90: number } | null;
}): SpeakerNotes {
  const { result } = input;
  const h = result.headline;
  const changedServices = result.services.filter((s) => s.status !== "integrated" || Math.abs(s.users.scenario - s.users.baseline) > EPS);
  const short = result.units.filter((u) => u.shortfall > EPS);
  const overridden = input.assumptions.filter((a) => a.override);
  return {
    title: [
      input.summary,
      "Say up front: the model is Ant Group as it stood in mid-2020, before the rectification; the numbers show what these rules do to that baseline, not a forecast.",
      ...(input.movedCount > 0 ? [`${input.movedCount === 1 ? "One value was" : `${input.movedCount} values were`} moved in the what-if: the deck shows the moved values, and the rules slide gives the file's beside them.`] : []),
    ],
    rules: input.rules.length === 0 ? ["This scenario has no rules: every figure is the baseline."] : input.rules.map((r) => `${r.label}: ${r.note ?? r.text}`),
    headline: [
      `Revenue is consolidated revenue (${formatRmbBn(h.revenue.baseline)} RMB bn a year at the baseline); attributable revenue counts only Ant's stake in each unit, so a spin-off lowers it even when the business keeps its revenue.`,
      "Capital shortfall is what the rules require beyond the capital held before the units respond; capital raised is the part met with new capital (the rest is met by shrinking books or moving loans onto partner banks' books).",
      `Users reached is summed over Alipay's ${result.services.length} services: a person who uses three services counts three times, so it measures reach through the services, not people.`,
      ...(input.profitRange
        ? [`The 80% range is where the figure lands in 8 of 10 draws of every ranged assumption and rule parameter: net profit ${formatRmbBn(h.profit.scenario)}, likely ${formatRmbBn(input.profitRange.p10)} to ${formatRmbBn(input.profitRange.p90)} RMB bn.`]
        : []),
    ],
    services: [
      `Grey is the baseline, blue the scenario; hatching marks a service linked out of Alipay or reduced. ${changedServices.length} of ${result.services.length} services change.`,
      ...changedServices.slice(0, 4).map((s) => `${s.name}: ${stripStop(s.statusReason)}.`),
    ],
    waterfall: [
      "Each bar is a rule's share of the change, averaged over every order in which the rules could be applied (Shapley values): the bars add up exactly to the total, whatever the order.",
      "A rule can move revenue and profit in different directions: capital costs lower profit without touching revenue.",
    ],
    sensitivity: [
      "Each bar moves one input from the low to the high end of its range with every other input at its value: the longest bars are the assumptions worth arguing about first.",
      ...(input.inertCount ? [`${input.inertCount} ranged ${input.inertCount === 1 ? "input moves" : "inputs move"} no headline figure at all under these rules: a workshop can set them aside.`] : []),
    ],
    capital: [
      short.length === 0
        ? "No unit is short of capital under these rules."
        : `Short of capital: ${short.map((u) => `${u.name} by ${formatRmbBn(u.shortfall)} RMB bn`).join(", ")}. A unit that raises capital keeps its book; one that shrinks gives up lending instead.`,
      "Required is what the scenario's ratios and minima demand; held after is what the unit holds once it has responded.",
    ],
    markets: [
      "HHI sums the squared market shares (0 to 10,000); the bands are the guidelines' thresholds for moderately and highly concentrated markets.",
      "Shares move when a rule caps Ant's share, opens a market to rivals, or removes a service from Alipay's entry points.",
    ],
    assumptions: [
      overridden.length === 0
        ? "Every assumption is at the model's central value; each has a plausible range, and the scenario page's what-if moves them."
        : `Set differently from the model: ${overridden.map((a) => a.label).join("; ")}.`,
    ],
    sources: ["Keys S1 onwards are the project's fact register (mostly the 2020 IPO prospectus and the regulation since); the model page links every figure to its source or assumption."],
  };
}
