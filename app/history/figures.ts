/**
 * Figures the model produces that history reports too, read from an engine result. Pure. The timeline shows
 * them step by step and the back-test compares them with what was reported. A figure the engine cannot produce
 * (yet) reads null, and shows as such rather than as a number.
 */
import type { Result } from "../engine/result";

export type FigureUnit = "RMB bn" | "share";

export interface ModelFigure {
  id: string;
  label: string;
  unit: FigureUnit;
  /** What the model computes for it, in a sentence. */
  reads: string;
  read(result: Result): number | null;
  /**
   * Which rules could carry this figure typed in from history: the ones of these types, or acting on these
   * targets (keys as app/paths/resolve.ts's targetKeys). The back-test marks a reported value an input when such
   * a rule in force holds it (or it divided among the rule's units).
   */
  typedIn: { types?: string[]; keys?: string[] };
  /** Set when the figure is a headline figure too: tables that list the headline do not repeat it. */
  headline?: string;
}

const unit = (r: Result, id: string) => r.units.find((u) => u.id === id);
const share = (r: Result, market: string, players: string[]) => {
  const m = r.markets.find((x) => x.id === market);
  if (!m) return null;
  const found = m.players.filter((p) => players.includes(p.playerId));
  return found.length === players.length ? found.reduce((s, p) => s + p.share.scenario, 0) : null;
};
/** A headline figure by name, read defensively so a renamed figure shows as not produced rather than breaking the page. */
const headline = (r: Result, key: string): number | null => {
  const d = (r.headline as unknown as Record<string, { scenario: number } | undefined>)[key];
  return d && typeof d.scenario === "number" ? d.scenario : null;
};
const CONSUMER_UNITS = ["huabei", "jiebei"];

export const MODEL_FIGURES: readonly ModelFigure[] = [
  {
    id: "yuebao-aum",
    label: "Yu'e Bao assets under management",
    unit: "RMB bn",
    reads: "the fund's AUM after fund-size caps (unit yuebao)",
    read: (r) => unit(r, "yuebao")?.book?.scenario ?? null,
    typedIn: { types: ["fund-size-cap"], keys: ["unit:yuebao"] },
  },
  {
    id: "consumer-credit-capital",
    label: "Capital of Huabei + Jiebei (the consumer-finance company from 2021)",
    unit: "RMB bn",
    reads: "capital held by huabei and jiebei after minima and raises",
    read: (r) => {
      const us = CONSUMER_UNITS.map((id) => unit(r, id));
      return us.every(Boolean) ? us.reduce((s, u) => s + u!.capitalHeld.scenario, 0) : null;
    },
    typedIn: { types: ["min-capital"], keys: ["unit:huabei", "unit:jiebei"] },
  },
  {
    id: "consumer-own-share",
    label: "Own-funded share of Ant's consumer credit",
    unit: "share",
    reads: "own-funded book over total book of huabei and jiebei",
    read: (r) => {
      const us = CONSUMER_UNITS.map((id) => unit(r, id));
      const book = us.reduce((s, u) => s + (u?.book?.scenario ?? 0), 0);
      const own = us.reduce((s, u) => s + (u?.ownFundedBook?.scenario ?? 0), 0);
      return book > 0 ? own / book : null;
    },
    typedIn: { types: ["co-lending"], keys: ["unit:huabei", "unit:jiebei"] },
  },
  {
    id: "alipay-payment-share",
    label: "Alipay's share of mobile payments",
    unit: "share",
    reads: "Alipay's share of the mobile-payments market",
    read: (r) => share(r, "mobile-payments", ["alipay"]),
    typedIn: { types: ["market-share-cap"], keys: ["market:mobile-payments/alipay"] },
  },
  {
    id: "alipay-tenpay-share",
    label: "Alipay and Tenpay together, share of mobile payments",
    unit: "share",
    reads: "Alipay's plus Tenpay's share of the mobile-payments market",
    read: (r) => share(r, "mobile-payments", ["alipay", "tenpay"]),
    typedIn: { types: ["market-share-cap"], keys: ["market:mobile-payments/alipay", "market:mobile-payments/tenpay"] },
  },
  {
    id: "equity-value",
    label: "Equity value of Ant Group (illustrative)",
    unit: "RMB bn",
    reads: "the engine's equity value: profit x a calibrated multiple",
    read: (r) => headline(r, "equityValue"),
    headline: "equityValue",
    typedIn: {},
  },
  {
    id: "fine",
    label: "Fines imposed on Ant",
    unit: "RMB bn",
    reads: "the engine's one-off charges: the fines of the path's fine rules",
    read: (r) => headline(r, "oneOffCharges"),
    headline: "oneOffCharges",
    typedIn: { types: ["fine"] },
  },
];

/** The figures beyond the headline: what a step-by-step table adds under the headline rows. */
export const KEY_FIGURES: readonly ModelFigure[] = MODEL_FIGURES.filter((f) => !f.headline);

export function figureById(id: string): ModelFigure | undefined {
  return MODEL_FIGURES.find((f) => f.id === id);
}
