/**
 * What /compare shows, derived from the engine's results: pure, so the loader sends only these figures to the
 * browser (not four full results) and the tests can reason about them. Every chart of the page draws all of
 * its scenarios on one axis; the helpers here choose that axis.
 */
import type { CapitalResponse, HeadlineKey, Result } from "../../engine/result";
import type { RuleFamily } from "../../scenarios/schema";
import { OKABE_ITO } from "../charts/palette";

export type CompareColumn = {
  /** The `s` value that chose it. */
  ref: string;
  /** A, B, C, D: names the scenario on every chart and table, so nothing depends on its colour. */
  letter: string;
  colour: string;
  id: string;
  title: string;
  href: string;
  date: string;
  hypothetical: boolean;
  families: RuleFamily[];
  /** What the column's what-if moves, in words; null for the scenario as written. */
  whatIf: string | null;
  warnings: string[];
};

export type HeadlineRow = { key: HeadlineKey; baseline: number; scenario: number[] };
export type ServiceRow = { id: string; name: string; baseline: number; scenario: number[]; status: string[] };
export type CapitalRow = {
  shortfall: number;
  raised: number;
  /** Met by shrinking books or facilitating (no capital): the shortfall less what is raised. */
  shrunk: number;
  units: { id: string; name: string; shortfall: number; raised: number; response: CapitalResponse | null }[];
};
export type MarketRow = { id: string; name: string; baseline: number; scenario: number[] };

export type CompareView = {
  columns: CompareColumn[];
  headline: HeadlineRow[];
  services: ServiceRow[];
  capital: CapitalRow[];
  markets: MarketRow[];
};

/** Series colours (Okabe-Ito), in the order of the letters; the baseline is grey. */
export const SERIES_COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple];
export const BASELINE_COLOUR = "#8a8a8a";
export const LETTERS = ["A", "B", "C", "D"];

export type CompareInput = Omit<CompareColumn, "letter" | "colour" | "warnings"> & { result: Result };

/** The figures of 2 to 4 evaluated scenarios, side by side. */
export function compareView(inputs: readonly CompareInput[]): CompareView {
  const results = inputs.map((i) => i.result);
  const first = results[0]!;
  const columns = inputs.map(({ result, ...rest }, i) => ({
    ...rest,
    letter: LETTERS[i]!,
    colour: SERIES_COLOURS[i]!,
    warnings: result.warnings.map((w) => w.text),
  }));
  const headline = (Object.keys(first.headline) as HeadlineKey[]).map((key) => ({
    key,
    baseline: first.headline[key].baseline,
    scenario: results.map((r) => r.headline[key].scenario),
  }));
  const services = first.services.map((s) => {
    const per = results.map((r) => r.services.find((x) => x.id === s.id));
    return {
      id: s.id,
      name: s.name,
      baseline: s.users.baseline,
      scenario: per.map((x) => x?.users.scenario ?? 0),
      status: per.map((x) => x?.status ?? "gone"),
    };
  });
  const capital = results.map((r) => {
    const units = r.units
      .filter((u) => u.shortfall > 0 || u.capitalRaised > 0)
      .map((u) => ({ id: u.id, name: u.name, shortfall: u.shortfall, raised: u.capitalRaised, response: u.response }));
    const shortfall = r.headline.capitalShortfall.scenario;
    const raised = r.headline.capitalRaised.scenario;
    return { shortfall, raised, shrunk: Math.max(0, shortfall - raised), units };
  });
  const markets = first.markets.map((m) => ({
    id: m.id,
    name: m.name,
    baseline: m.hhi.baseline,
    scenario: results.map((r) => r.markets.find((x) => x.id === m.id)?.hhi.scenario ?? m.hhi.baseline),
  }));
  return { columns, headline, services, capital, markets };
}

/** A step of 1, 2, 2.5 or 5 times a power of ten that cuts `span` into about `target` parts. */
export function niceStep(span: number, target = 5): number {
  if (!(span > 0)) return 1;
  const raw = span / target;
  const p = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p);
}

/**
 * One axis for every value drawn on a chart: it always contains 0, ends on round ticks, and leaves `pad` of the
 * span free beyond the extreme bars for their value labels.
 */
export function sharedAxis(values: readonly number[], pad = 0.18, target = 5): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const step = niceStep(span, target);
  const min = lo < 0 ? Math.floor((lo - span * pad) / step) * step : 0;
  const max = hi > 0 || lo === 0 ? Math.ceil((hi + span * pad) / step) * step : 0;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  return { domain: [min, max], ticks };
}
