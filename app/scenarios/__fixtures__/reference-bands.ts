/**
 * The Monte Carlo loop as it was before the compiled form (every draw a patched model and scenario, evaluated in
 * full by the staged evaluator, figures read from the result): the reference the compiled draws must equal. And
 * the sensitivity as it was before it ran on the compiled form (each swing a patched model and scenario).
 */
import { evaluate, evaluateHeadline } from "../../engine/evaluate";
import type { Model } from "../../engine/model";
import { hashKey } from "../../engine/random";
import { HEADLINE_KEYS, type HeadlineKey, type Result } from "../../engine/result";
import type { EngineScenario as Scenario } from "../../engine/rules";
import {
  applyDraw,
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  drawVector,
  MAX_DRAWS,
  modeVector,
  percentile,
  PERCENTILES,
  MIN_DRAWS,
  uncertainInputs,
  type Band,
  type BandOptions,
  type Bands,
  type MarketBands,
  type ServiceBands,
  type Swing,
  type UnitBands,
} from "../../engine/uncertainty";

const INTERPOLATION = "linear between order statistics, rank (n - 1) p (Hyndman-Fan type 7)";

class Collector {
  private readonly cols: Float64Array[] = [];
  private readonly names = new Map<string, number>();
  private col = 0;
  private i = -1;
  constructor(private readonly n: number) {}
  next(i: number) {
    this.i = i;
    this.col = 0;
  }
  put(name: string | (() => string), v: number) {
    if (this.i === 0) {
      this.names.set(typeof name === "string" ? name : name(), this.cols.length);
      this.cols.push(new Float64Array(this.n));
    }
    this.cols[this.col++][this.i] = v;
  }
  band(name: string): Band {
    // A full sort and `percentile` (the definition), not the engine's selection: the reference stays independent.
    const sorted = this.cols[this.names.get(name)!].slice().sort();
    const [p5, p10, p50, p90, p95] = PERCENTILES.map((p) => percentile(sorted, p));
    return { p5, p10, p50, p90, p95 };
  }
}

function antShare(m: Result["markets"][number], which: "baseline" | "scenario") {
  let s = 0;
  for (const p of m.players) if (p.isAnt) s += p.share[which];
  return s;
}

/**
 * Bands of every headline, unit, service and market figure and of their changes, over `draws` seeded draws.
 * The scenario must already carry the what-if's rule values; `whatIf` lists the keys it pins.
 */
export function referenceBands(model: Model, scenario: Scenario, options: BandOptions = {}): Bands {
  const draws = Math.max(MIN_DRAWS, Math.min(MAX_DRAWS, Math.floor(options.draws ?? DEFAULT_DRAWS)));
  const seed = Math.floor(options.seed ?? DEFAULT_SEED);
  const whatIf = options.whatIf ?? {};
  const whatIfAssumptions: Record<string, number> = {};
  for (const [k, v] of Object.entries(whatIf)) if (k.startsWith("a.")) whatIfAssumptions[k.slice(2)] = v;
  const { inputs, notDrawn } = uncertainInputs(model, scenario, Object.keys(whatIf), whatIfAssumptions);
  const hashes = inputs.map((i) => hashKey(i.key));
  const c = new Collector(draws);
  let shortfallDraws = 0;
  let anyHalf = 0;
  const hhiAbove = new Map<string, number>();
  const half = new Map<string, number>();
  let first: Result | null = null;

  for (let i = 0; i < draws; i++) {
    const d = applyDraw(model, scenario, inputs, drawVector(inputs, seed, i, hashes), whatIfAssumptions);
    const r = evaluate(d.model, d.scenario, { assumptions: d.assumptions, explain: false });
    first ??= r;
    c.next(i);
    for (const k of HEADLINE_KEYS) {
      const h = r.headline[k];
      c.put(() => `h.${k}`, h.scenario);
      c.put(() => `hd.${k}`, h.scenario - h.baseline);
    }
    if (r.headline.capitalShortfall.scenario > 0) shortfallDraws++;
    for (const u of r.units) {
      c.put(() => `u.${u.id}.revenue`, u.revenue.scenario);
      c.put(() => `u.${u.id}.revenueDelta`, u.revenue.scenario - u.revenue.baseline);
      c.put(() => `u.${u.id}.attributableRevenue`, u.attributableRevenue.scenario);
      c.put(() => `u.${u.id}.attributableRevenueDelta`, u.attributableRevenue.scenario - u.attributableRevenue.baseline);
      c.put(() => `u.${u.id}.capitalRequired`, u.capitalRequired.scenario);
      c.put(() => `u.${u.id}.capitalShortfall`, u.shortfall);
      c.put(() => `u.${u.id}.capitalRaised`, u.capitalRaised);
    }
    let anyService = false;
    for (const s of r.services) {
      c.put(() => `s.${s.id}.users`, s.users.scenario);
      c.put(() => `s.${s.id}.usersDelta`, s.users.scenario - s.users.baseline);
      c.put(() => `s.${s.id}.revenue`, s.revenue.scenario);
      c.put(() => `s.${s.id}.revenueDelta`, s.revenue.scenario - s.revenue.baseline);
      const lost = s.users.baseline > 0 && s.users.scenario < 0.5 * s.users.baseline;
      if (lost) {
        half.set(s.id, (half.get(s.id) ?? 0) + 1);
        anyService = true;
      }
    }
    if (anyService) anyHalf++;
    for (const m of r.markets) {
      c.put(() => `m.${m.id}.hhi`, m.hhi.scenario);
      c.put(() => `m.${m.id}.hhiDelta`, m.hhi.scenario - m.hhi.baseline);
      const a = antShare(m, "scenario");
      c.put(() => `m.${m.id}.antShare`, a);
      c.put(() => `m.${m.id}.antShareDelta`, a - antShare(m, "baseline"));
      if (m.hhi.scenario > 2500) hhiAbove.set(m.id, (hhiAbove.get(m.id) ?? 0) + 1);
    }
    for (const f of r.flows) c.put(() => `f.${f.id}.kept`, f.kept);
    for (const u of r.units) if (r.flows.some((f) => f.toUnit === u.id)) c.put(() => `f.${u.id}.coverage`, u.dataCoverage.scenario);
  }

  const r = first!;
  const headline = {} as Record<HeadlineKey, Band>;
  const headlineDelta = {} as Record<HeadlineKey, Band>;
  for (const k of HEADLINE_KEYS) {
    headline[k] = c.band(`h.${k}`);
    headlineDelta[k] = c.band(`hd.${k}`);
  }
  const unitFields = [
    "revenue",
    "revenueDelta",
    "attributableRevenue",
    "attributableRevenueDelta",
    "capitalRequired",
    "capitalShortfall",
    "capitalRaised",
  ] as const;
  const units: Record<string, UnitBands> = {};
  for (const u of r.units)
    units[u.id] = Object.fromEntries(unitFields.map((f) => [f, c.band(`u.${u.id}.${f}`)])) as unknown as UnitBands;
  const services: Record<string, ServiceBands> = {};
  for (const s of r.services)
    services[s.id] = Object.fromEntries(
      (["users", "usersDelta", "revenue", "revenueDelta"] as const).map((f) => [f, c.band(`s.${s.id}.${f}`)]),
    ) as unknown as ServiceBands;
  const markets: Record<string, MarketBands> = {};
  for (const m of r.markets)
    markets[m.id] = Object.fromEntries(
      (["hhi", "hhiDelta", "antShare", "antShareDelta"] as const).map((f) => [f, c.band(`m.${m.id}.${f}`)]),
    ) as unknown as MarketBands;

  return {
    draws,
    seed,
    interpolation: INTERPOLATION,
    headline,
    headlineDelta,
    units,
    services,
    markets,
    flows: {
      kept: Object.fromEntries(r.flows.map((f) => [f.id, c.band(`f.${f.id}.kept`)])),
      coverage: Object.fromEntries(
        r.units.filter((u) => r.flows.some((f) => f.toUnit === u.id)).map((u) => [u.id, c.band(`f.${u.id}.coverage`)]),
      ),
    },
    probabilities: {
      capitalShortfall: shortfallDraws / draws,
      hhiAbove2500: Object.fromEntries(r.markets.map((m) => [m.id, (hhiAbove.get(m.id) ?? 0) / draws])),
      serviceLosesHalf: Object.fromEntries(r.services.map((s) => [s.id, (half.get(s.id) ?? 0) / draws])),
      anyServiceLosesHalf: anyHalf / draws,
    },
    inputs: inputs.map(({ key, kind, id, label, distribution, low, mode, high }) => ({
      key,
      kind,
      id,
      label,
      distribution,
      low,
      mode,
      high,
    })),
    notDrawn,
  };
}


/** Each input to its low and its high, the others at their modes: a patched model and scenario evaluated per swing. */
export function referenceSensitivity(model: Model, scenario: Scenario, whatIf: Record<string, number> = {}): Record<HeadlineKey, Swing[]> {
  const whatIfAssumptions: Record<string, number> = {};
  for (const [k, v] of Object.entries(whatIf)) if (k.startsWith("a.")) whatIfAssumptions[k.slice(2)] = v;
  const { inputs } = uncertainInputs(model, scenario, Object.keys(whatIf), whatIfAssumptions);
  const base = modeVector(inputs);
  const at = (k: number, v: number) => {
    const values = base.slice();
    values[k] = v;
    const d = applyDraw(model, scenario, inputs, values, whatIfAssumptions);
    return evaluateHeadline(d.model, d.scenario, { assumptions: d.assumptions });
  };
  const out = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, [] as Swing[]])) as Record<HeadlineKey, Swing[]>;
  inputs.forEach((inp, k) => {
    const lo = at(k, inp.low);
    const hi = at(k, inp.high);
    for (const m of HEADLINE_KEYS) out[m].push({ id: inp.id, kind: inp.kind, label: inp.label, low: lo[m].scenario, high: hi[m].scenario });
  });
  for (const m of HEADLINE_KEYS) out[m].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || a.id.localeCompare(b.id));
  return out;
}
