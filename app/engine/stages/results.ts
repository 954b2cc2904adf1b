/**
 * Stage 5, results: unit revenue from volumes and books, then the headline (what Monte Carlo and attribution
 * read) and, when asked, the full result with every unit, service, market and flow against its baseline.
 */
import { read } from "../assumptions";
import { hhi, pbocAssessment, redistributeShares } from "../markets";
import type { Headline, MarketResult, Result, ServiceResult, ServiceStatus, UnitResult } from "../result";
import { pct, totalVolume, type State } from "../state";
import { entryPointPhrase, listText } from "../vocabulary";

/** Net interest rate on own-funded loans: yield - funding cost - expected loss (delinquency x LGD x stress). */
export function netInterestRate(s: State, lossRate: number): number {
  const a = s.a;
  return netInterestRateOf(lossRate, read(a, "loss-given-default"), read(a, "credit-loss-stress"), read(a, "own-book-yield"), read(a, "own-book-funding-cost"));
}

const netInterestRateOf = (lossRate: number, lgd: number, stress: number, yieldRate: number, funding: number) =>
  yieldRate - funding - lossRate * lgd * stress;

/**
 * Unit revenue, split by how costs follow it:
 * - fee-type: baseline revenue x volume (fees on the whole balance at the take rate), plus the platform fee on loans
 *   moved to banks by `facilitate`, less the platform fee a deconsolidated credit unit pays Ant;
 * - net interest: loans the unit now funds beyond its baseline own share earn yield - funding - expected loss
 *   instead of the take rate. Already net of funding and losses, so profit takes it whole (no margin on top).
 */
export function revenueStage(s: State) {
  const { ix } = s;
  const fee = read(s.a, "platform-fee-rate");
  // Read once, not per book (a read by a name the caller passes is a hash lookup); only with a book, as before.
  const books = ix.bookUnits.length > 0;
  const lgd = books ? read(s.a, "loss-given-default") : 0;
  const stress = books ? read(s.a, "credit-loss-stress") : 0;
  const yieldRate = books ? read(s.a, "own-book-yield") : 0;
  const funding = books ? read(s.a, "own-book-funding-cost") : 0;
  for (let u = 0; u < ix.units.length; u++) {
    let feeRevenue = ix.units[u].revenue * totalVolume(s, u);
    const book = ix.book[u];
    if (book) {
      const rate = netInterestRateOf(book.lossRate, lgd, stress, yieldRate, funding);
      s.netInterest[u] = s.balance[u] * (s.ownShare[u] - book.ownShare) * (rate - book.takeRate);
      feeRevenue += s.facilitated[u] * fee;
      // Equity method: a credit unit Ant no longer controls pays Ant, the platform, a fee on every loan Alipay
      // brings it; Ant keeps that whole and its stake of the rest.
      if (!s.consolidated[u] && ix.units[u].consolidated) {
        s.platformFee[u] = (s.balance[u] + s.facilitated[u]) * fee;
        feeRevenue -= s.platformFee[u];
      }
    }
    s.feeRevenue[u] = feeRevenue;
    s.revenue[u] = Math.max(0, feeRevenue + s.netInterest[u]);
  }
}

/**
 * Every service's users: its users x reach x the revenue-weighted users factor of the units earning through it
 * (the weights and their sums from the index: the same products and sums, once per model).
 */
function serviceUsers(s: State): number[] {
  const { ix } = s;
  const out = [0.5];
  out.length = 0;
  for (let sv = 0; sv < ix.services.length; sv++) {
    let num = 0;
    for (let k = ix.serviceUnitStart[sv]; k < ix.serviceUnitStart[sv + 1]; k++)
      num += ix.serviceUnitWeight[k] * s.userFactor[ix.serviceUnit[k]];
    const den = ix.serviceWeightSum[sv];
    out.push(ix.services[sv].users * s.reach[sv] * (den > 0 ? num / den : 1));
  }
  return out;
}

/**
 * Recurring attributable profit = baseline profit
 *   + contribution-margin x change in Ant's share of fee-type revenue (with the platform fees it keeps whole)
 *   + Ant's share of the change in net interest (already after funding and losses)
 *   - cost-of-equity x Ant's share of the capital each unit raises (partners fund the rest) and the group's raise
 *   - net bureau fees.
 * Profit for the year = recurring - one-off charges; equity value = recurring x valuation-multiple.
 */
export function headlineOf(s: State, users: number[] = serviceUsers(s)): Headline {
  const { ix } = s;
  let revenue = 0;
  let attributable = 0;
  let feeShare = 0;
  let interestShare = 0;
  let raised = s.groupShortfall;
  let raisedShare = s.groupShortfall;
  let shortfall = s.groupShortfall;
  for (let u = 0; u < ix.units.length; u++) {
    const stake = s.stake[u];
    const platform = s.platformFee[u];
    if (s.consolidated[u]) revenue += s.revenue[u];
    revenue += platform;
    attributable += stake * s.revenue[u] + platform;
    feeShare += stake * s.feeRevenue[u] + platform;
    interestShare += stake * s.netInterest[u];
    raised += s.raised[u];
    raisedShare += stake * s.raised[u];
    shortfall += s.shortfall[u];
  }
  let reach = 0;
  for (let sv = 0; sv < ix.services.length; sv++) reach += users[sv];
  const base = ix.baseline;
  const netProfit = ix.model.group.netProfit;
  const recurring =
    netProfit +
    read(s.a, "contribution-margin") * (feeShare - base.attributableRevenue) +
    interestShare -
    read(s.a, "cost-of-equity") * raisedShare -
    s.bureauCost;
  const multiple = read(s.a, "valuation-multiple");
  return {
    revenue: { baseline: base.revenue, scenario: revenue },
    attributableRevenue: { baseline: base.attributableRevenue, scenario: attributable },
    profit: { baseline: netProfit, scenario: recurring - s.oneOffs },
    capitalShortfall: { baseline: 0, scenario: shortfall },
    capitalRaised: { baseline: 0, scenario: raised },
    serviceReach: { baseline: base.serviceReach, scenario: reach },
    oneOffCharges: { baseline: 0, scenario: s.oneOffs },
    equityValue: { baseline: netProfit * multiple, scenario: recurring * multiple },
  };
}

function unitResults(s: State): UnitResult[] {
  const { ix } = s;
  return ix.units.map((unit, u) => {
    const book = ix.book[u];
    const fund = ix.fund[u];
    const revenue = s.revenue[u];
    let bookDelta: UnitResult["book"] = null;
    let ownDelta: UnitResult["ownFundedBook"] = null;
    if (book) {
      bookDelta = { baseline: book.balance, scenario: s.balance[u] };
      ownDelta = { baseline: book.balance * book.ownShare, scenario: s.balance[u] * s.ownShare[u] };
    } else if (fund) {
      bookDelta = { baseline: fund.aum, scenario: fund.aum * (revenue / (unit.revenue || 1)) };
    }
    return {
      id: unit.id,
      name: unit.name,
      entity: s.entity[u] ?? null,
      antStake: { baseline: unit.antStake, scenario: s.stake[u] },
      consolidated: { baseline: unit.consolidated, scenario: s.consolidated[u] },
      revenue: { baseline: unit.revenue, scenario: revenue },
      attributableRevenue: { baseline: unit.antStake * unit.revenue, scenario: s.stake[u] * revenue },
      dataCoverage: { baseline: 1, scenario: s.coverage[u] },
      book: bookDelta,
      ownFundedBook: ownDelta,
      capitalRequired: { baseline: 0, scenario: s.required[u] },
      capitalHeld: { baseline: unit.capitalHeld, scenario: s.held[u] },
      shortfall: s.shortfall[u],
      capitalRaised: s.raised[u],
      response: s.response[u],
      facilitated: s.facilitated[u],
      platformFee: s.platformFee[u],
      netInterest: s.netInterest[u],
    };
  });
}

/** A service's status and why, set on `out` (the result object being built: no object per status). */
function setStatus(s: State, sv: number, users: number, threshold: number, out: ServiceResult) {
  const base = s.ix.services[sv].users;
  const drop = base > 0 ? 1 - users / base : 0;
  const removed = s.entryPointsRemoved[sv];
  let status: ServiceStatus;
  let reason: string;
  if (users <= base * 1e-9) {
    status = "gone";
    reason = "No users reach it any more.";
  } else if (s.linkedOut[sv] !== undefined) {
    status = "linked-out";
    reason = `Reachable only through a link to ${s.linkedOut[sv]}.`;
  } else if (drop > threshold) {
    status = "reduced";
    reason = `Users fall ${pct(drop)}, more than the ${pct(threshold)} threshold.`;
  } else if (removed && removed.size > 0) {
    status = "reduced";
    reason = `Entry points removed from Alipay: ${listText([...removed].map(entryPointPhrase))}.`;
  } else {
    status = "integrated";
    reason = drop > 1e-9 ? `All entry points kept; users fall ${pct(drop)}, within the ${pct(threshold)} threshold.` : "Unchanged.";
  }
  out.status = status;
  out.statusReason = reason;
}

function serviceResults(s: State, usersOf: number[]): ServiceResult[] {
  const { ix } = s;
  const threshold = ix.services.length > 0 ? read(s.a, "reduced-threshold") : 0;
  const out: ServiceResult[] = [];
  // A unit's revenue splits over its services in proportion to each one's baseline share and reach: the
  // denominator by unit, once (the same sum in the same order as per service and unit).
  const denominator = [0.5];
  denominator.length = 0;
  for (let u = 0; u < ix.units.length; u++) {
    let total = 0;
    for (const [i, sh] of ix.servicesOfUnit[u]) total += sh * s.reach[i];
    denominator.push(total + Math.max(0, ix.outsideShare[u]));
  }
  for (let sv = 0; sv < ix.services.length; sv++) {
    const service = ix.services[sv];
    const users = usersOf[sv];
    let revenue = 0;
    for (const [u, share] of ix.unitsOfService[sv]) {
      const denom = denominator[u];
      revenue += denom > 0 ? (s.revenue[u] * share * s.reach[sv]) / denom : 0;
    }
    const result: ServiceResult = {
      id: service.id,
      name: service.name,
      users: { baseline: service.users, scenario: users },
      integration: { baseline: ix.baselineIntegration[sv], scenario: s.integration[sv] },
      revenue: { baseline: ix.baselineServiceRevenue[sv], scenario: revenue },
      status: "integrated",
      statusReason: "",
    };
    setStatus(s, sv, users, threshold, result);
    out.push(result);
  }
  return out;
}

function marketResults(s: State): MarketResult[] {
  const { ix } = s;
  // Market volume follows the book (not revenue, which also moves with the own-funded spread).
  const unitVolume = (u: number) => {
    const unit = ix.units[u];
    if (unit.revenue === 0) return 1;
    const book = ix.book[u];
    if (book) return book.balance > 0 ? (s.balance[u] + s.facilitated[u]) / book.balance : 1;
    return s.revenue[u] / unit.revenue;
  };
  return ix.markets.map(({ market: m, players, before, fragmented, hhi: hhiBefore, pboc: pbocBefore }) => {
    let unchanged = true;
    const factors = players.map((p) => {
      if (p.unitIds.length === 0) return null;
      let total = 0;
      for (const u of p.units) total += ix.units[u].revenue;
      if (total <= 0) return 1;
      let f = 0;
      for (const u of p.units) f += (ix.units[u].revenue * unitVolume(u)) / total;
      if (f !== 1) unchanged = false;
      return f;
    });
    // Every Ant player keeping its whole volume and a rival to redistribute to: redistributeShares would return
    // each share times exactly 1, so the shares, HHI and standing are the baseline's (most scenarios leave two of
    // the three markets alone).
    const same = unchanged && keepsShares(before, factors);
    const after = same ? before : redistributeShares(before, factors);
    return {
      id: m.id,
      name: m.name,
      players: players.map((p, i) => ({
        playerId: p.playerId,
        name: p.name,
        share: { baseline: before[i], scenario: after[i] },
        isAnt: p.unitIds.length > 0,
        fragmented: p.fragmented,
      })),
      hhi: { baseline: hhiBefore, scenario: same ? hhiBefore : hhi(after, fragmented) },
      pboc: { baseline: pbocBefore, scenario: same ? pbocBefore : pbocAssessment(after, fragmented) },
    };
  });
}

/** Whether redistributeShares(shares, factors) returns the shares themselves (every factor 1 or a rival). */
function keepsShares(shares: number[], factors: Array<number | null>) {
  let lost = 0;
  let rivals = 0;
  for (let i = 0; i < shares.length; i++) {
    const f = factors[i];
    if (f === null) rivals += shares[i];
    else if (f !== 1) return false;
    else lost += shares[i] * (1 - f);
  }
  // Then each share is multiplied by 1 + 0 / rivals or by its factor 1: exactly itself.
  return rivals > 0 && lost === 0;
}

const usedOf = new WeakMap<object, Record<string, number>>();

/** The engine assumptions' values, read once per set of values (every evaluation without overrides shares one). */
function assumptionsUsed(s: State): Record<string, number> {
  let used = usedOf.get(s.a);
  if (!used) {
    // Built in one go, so V8 keeps it a fast object and the copy below is a block copy (key by key it became a
    // dictionary, and copying it cost a fifth of an evaluation).
    used = Object.fromEntries([...s.ix.engineAssumptions].map((id) => [id, s.a[id]]));
    usedOf.set(s.a, used);
  }
  // A copy: a caller may change its result.
  return { ...used };
}

export function buildResult(s: State, scenarioId: string): Result {
  const { ix } = s;
  const users = serviceUsers(s);
  return {
    scenarioId,
    headline: headlineOf(s, users),
    group: {
      capital: {
        baseline: ix.model.group.paidInCapital,
        scenario: ix.model.group.paidInCapital + s.groupShortfall - s.oneOffs,
      },
      required: s.groupRequired,
      shortfall: s.groupShortfall,
      oneOffCharges: s.oneOffs,
    },
    units: unitResults(s),
    services: serviceResults(s, users),
    markets: marketResults(s),
    flows: ix.flows.map((f, i) => ({
      id: f.id,
      fromUnit: f.fromUnit,
      toUnit: f.toUnit,
      category: f.category,
      dependence: f.dependence,
      kept: s.flowKept[i],
    })),
    explanations: s.explanations,
    warnings: s.warnings,
    assumptionsUsed: assumptionsUsed(s),
  };
}
