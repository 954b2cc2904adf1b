/**
 * The full result (every unit, service, market and flow against its baseline) read from a compiled evaluation's
 * working arrays, for callers that need more than the headline per draw (a path's history figures). Without
 * explanations or warnings: it equals `evaluate(model, scenario, { explain: false })` to the last bit
 * (compiled.db.test.ts checks it), as `buildResult` in stages/results.ts builds it from the staged state.
 */
import { headlineObject, RESPONSES, serviceUsers, type Work } from "./compiled";
import { marketShares, MarketScratch, serviceRevenues } from "./draws";
import { hhi, pbocAssessment } from "./markets";
import type { MarketResult, Result, ServiceResult, ServiceStatus, UnitResult } from "./result";
import { pct } from "./state";
import { entryPointPhrase, listText } from "./vocabulary";

function serviceStatus(w: Work, sv: number, users: number): { status: ServiceStatus; statusReason: string } {
  const m = w.c.model;
  const base = w.figures[m.layout.serviceUsers + sv];
  const threshold = w.assumptions[m.a["reduced-threshold"]];
  const drop = base > 0 ? 1 - users / base : 0;
  if (users <= base * 1e-9) return { status: "gone", statusReason: "No users reach it any more." };
  if (w.linkedOut[sv] >= 0)
    return { status: "linked-out", statusReason: `Reachable only through a link to ${w.c.spinEntity[w.linkedOut[sv]]}.` };
  if (drop > threshold)
    return { status: "reduced", statusReason: `Users fall ${pct(drop)}, more than the ${pct(threshold)} threshold.` };
  if (w.epCount[sv] > 0) {
    const names: string[] = [];
    for (let k = 0; k < w.epCount[sv]; k++) names.push(m.epName[w.epOrder[m.epStart[sv] + k]]);
    return { status: "reduced", statusReason: `Entry points removed from Alipay: ${listText(names.map(entryPointPhrase))}.` };
  }
  return {
    status: "integrated",
    statusReason:
      drop > 1e-9 ? `All entry points kept; users fall ${pct(drop)}, within the ${pct(threshold)} threshold.` : "Unchanged.",
  };
}

/** The result of the evaluation last run on `w` (all rules on: a coalition's first-stage outputs are not kept). */
export function resultOf(w: Work, scenarioId: string): Result {
  const m = w.c.model;
  const { ix, layout: L } = m;
  const F = w.figures;
  const units: UnitResult[] = ix.units.map((unit, u) => {
    const revenue = w.revenue[u];
    const baseRevenue = F[L.unitRevenue + u];
    const baseStake = F[L.unitStake + u];
    let book: UnitResult["book"] = null;
    let ownFundedBook: UnitResult["ownFundedBook"] = null;
    if (m.bookRow[u] >= 0) {
      const b = L.books + 5 * m.bookRow[u];
      book = { baseline: F[b], scenario: w.balance[u] };
      ownFundedBook = { baseline: F[b] * F[b + 1], scenario: w.balance[u] * w.ownShare[u] };
    } else if (m.fundRow[u] >= 0) {
      const aum = F[L.funds + 2 * m.fundRow[u]];
      book = { baseline: aum, scenario: aum * (revenue / (baseRevenue || 1)) };
    }
    return {
      id: unit.id,
      name: unit.name,
      entity: w.entity[u] >= 0 ? w.c.spinEntity[w.entity[u]] : null,
      antStake: { baseline: baseStake, scenario: w.stake[u] },
      consolidated: { baseline: m.consolidated[u] === 1, scenario: w.consolidated[u] === 1 },
      revenue: { baseline: baseRevenue, scenario: revenue },
      attributableRevenue: { baseline: baseStake * baseRevenue, scenario: w.stake[u] * revenue },
      dataCoverage: { baseline: 1, scenario: w.coverage[u] },
      book,
      ownFundedBook,
      capitalRequired: { baseline: 0, scenario: w.required[u] },
      capitalHeld: { baseline: F[L.unitHeld + u], scenario: w.held[u] },
      shortfall: w.shortfall[u],
      capitalRaised: w.raised[u],
      response: w.response[u] >= 0 ? RESPONSES[w.response[u]] : null,
      facilitated: w.facilitated[u],
      platformFee: w.platformFee[u],
      netInterest: w.netInterest[u],
    };
  });
  serviceUsers(w);
  const revenues = new Float64Array(m.ns);
  const baselines = new Float64Array(m.ns);
  serviceRevenues(w, revenues, baselines);
  const services: ServiceResult[] = ix.services.map((service, sv) => {
    const users = w.users[sv];
    return {
      id: service.id,
      name: service.name,
      users: { baseline: F[L.serviceUsers + sv], scenario: users },
      integration: { baseline: m.integration[sv], scenario: w.integration[sv] },
      revenue: { baseline: baselines[sv], scenario: revenues[sv] },
      ...serviceStatus(w, sv, users),
    };
  });
  const scratch = new MarketScratch(m.playerShare.length);
  const markets: MarketResult[] = ix.model.markets.map((market, k) => {
    marketShares(w, k, scratch);
    const p0 = m.mkStart[k];
    const count = m.mkStart[k + 1] - p0;
    const before = Array.from({ length: count }, (_, i) => m.playerShare[p0 + i]);
    const after = Array.from(scratch.after.subarray(0, count));
    const fragmented = before.map((_, i) => m.playerFragmented[p0 + i]);
    const players = ix.playersOfMarket.get(market.id) ?? [];
    return {
      id: market.id,
      name: market.name,
      players: players.map((p, i) => ({
        playerId: p.playerId,
        name: p.name,
        share: { baseline: before[i], scenario: after[i] },
        isAnt: p.unitIds.length > 0,
        fragmented: p.fragmented,
      })),
      hhi: { baseline: hhi(before, fragmented), scenario: hhi(after, fragmented) },
      pboc: { baseline: pbocAssessment(before, fragmented), scenario: pbocAssessment(after, fragmented) },
    };
  });
  const used: Record<string, number> = {};
  for (const id of ix.engineAssumptions) used[id] = w.assumptions[m.assumptionIx.get(id)!];
  const paidIn = F[L.paidInCapital];
  return {
    scenarioId,
    headline: headlineObject(w.headline),
    group: {
      capital: { baseline: paidIn, scenario: paidIn + w.groupShortfall - w.oneOffs },
      required: w.groupRequired,
      shortfall: w.groupShortfall,
      oneOffCharges: w.oneOffs,
    },
    units,
    services,
    markets,
    flows: ix.flows.map((f, i) => ({
      id: f.id,
      fromUnit: f.fromUnit,
      toUnit: f.toUnit,
      category: f.category,
      dependence: f.dependence,
      kept: w.flowKept[i],
    })),
    explanations: [],
    warnings: [],
    assumptionsUsed: used,
  };
}
