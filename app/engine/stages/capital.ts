/**
 * Stage 4, capital: what each unit must hold (the largest requirement binds), the shortfall against what it
 * holds, and the response: raise it (profit pays the cost of equity), shrink the book, or facilitate (the loans
 * it cannot fund move onto partner banks' books as far as they take them; Ant keeps a platform fee). Then fines
 * (one-offs), the holding company's minimum and the bureau's fees (a cost that depends on the borrowers left).
 */
import { read } from "../assumptions";
import { paramValue, type CapitalResponse } from "../rules";
import {
  bn,
  checkUnits,
  compactNumber,
  explain,
  GROUP,
  pct,
  totalVolume,
  unitName,
  warn,
  wholeNumber,
  type RulesByType,
  type State,
} from "../state";

interface Req {
  proportional: number;
  fixed: number;
  response: CapitalResponse;
  binding: string;
}

export function capitalStage(s: State, rules: RulesByType) {
  const reqs = requirements(s, rules);
  respond(s, reqs);
  fines(s, rules);
  groupMinimum(s, rules);
  bureauFees(s, rules);
}

/** Books after stages 1-3 and co-lending's own share; then every unit's requirements, in the order first met. */
function requirements(s: State, rules: RulesByType): Map<number, Req> {
  const { ix, a } = s;
  const ownShareRule = new Map<number, { share: number; id: string; response: CapitalResponse }>();
  for (const { rule, id } of rules("co-lending")) {
    checkUnits(s, id, rule.units);
    for (const unitId of rule.units) {
      const u = ix.unitIx.get(unitId);
      if (u === undefined || !ix.book[u]) {
        if (u !== undefined) warn(s, id, `${ix.units[u].name} has no credit book; the co-lending rule ignores it.`);
        continue;
      }
      const share = paramValue(rule.minOwnShare);
      const prev = ownShareRule.get(u);
      if (!prev || share > prev.share) ownShareRule.set(u, { share, id, response: rule.response });
    }
  }
  for (const u of ix.bookUnits) {
    const book = ix.book[u]!;
    s.balance[u] = book.balance * totalVolume(s, u);
    s.ownShare[u] = Math.max(book.ownShare, ownShareRule.get(u)?.share ?? 0);
  }
  const ownBook = (u: number) => s.balance[u] * s.ownShare[u];
  const reqs = new Map<number, Req>();
  const add = (u: number, kind: "proportional" | "fixed", amount: number, response: CapitalResponse, id: string) => {
    const r = reqs.get(u) ?? { proportional: 0, fixed: 0, response, binding: id };
    const current = Math.max(r.proportional, r.fixed);
    r[kind] = Math.max(r[kind], amount);
    if (amount > current || (amount === current && response === "raise")) {
      r.response = response;
      r.binding = id;
    }
    reqs.set(u, r);
  };
  const riskWeightOf = new Map<number, number>();
  for (const { rule } of rules("capital-ratio"))
    if (rule.riskWeight !== undefined)
      for (const unitId of rule.units) {
        const u = ix.unitIx.get(unitId);
        if (u !== undefined) riskWeightOf.set(u, Math.max(riskWeightOf.get(u) ?? 0, paramValue(rule.riskWeight)));
      }
  const rw = (u: number) => riskWeightOf.get(u) ?? read(a, "default-risk-weight");
  const each = (id: string, units: string[], f: (u: number) => void) => {
    checkUnits(s, id, units);
    for (const unitId of units) {
      const u = ix.unitIx.get(unitId);
      if (u !== undefined) f(u);
    }
  };
  for (const { rule, id } of rules("capital-ratio"))
    each(id, rule.units, (u) => add(u, "proportional", paramValue(rule.minRatio) * ownBook(u) * rw(u), rule.response, id));
  for (const [u, { id, response }] of ownShareRule) {
    const ratio = read(a, "min-capital-ratio");
    add(u, "proportional", ratio * ownBook(u) * rw(u), response, id);
    if (s.explain)
      explain(
        s,
        id,
        `${ix.units[u].name} must fund ${pct(s.ownShare[u])} of its loans itself (was ${pct(ix.book[u]!.ownShare)}): its own-funded book grows to ${bn(ownBook(u))}, which at a ${pct(ratio)} ratio needs ${bn(ratio * ownBook(u) * rw(u))} of capital.`,
        ["min-capital-ratio", "default-risk-weight"],
        ["S30", "S36", "S75"],
      );
  }
  for (const { rule, id } of rules("leverage-cap"))
    each(id, rule.units, (u) => add(u, "proportional", ownBook(u) / paramValue(rule.maxLeverage), rule.response, id));
  for (const { rule, id } of rules("min-capital")) {
    const minimum = paramValue(rule.minimum);
    if (rule.units.includes(GROUP)) {
      s.groupRule = true;
      s.groupRequired = Math.max(s.groupRequired, minimum);
      if (rule.controlledShare !== undefined)
        s.groupControlledShare = Math.max(s.groupControlledShare, paramValue(rule.controlledShare));
    }
    each(id, rule.units, (u) => add(u, "fixed", minimum, "raise", id));
  }
  return reqs;
}

/** Raise the shortfall, or shrink the book by held / required (a fixed minimum can only be raised). */
function respond(s: State, reqs: Map<number, Req>) {
  const coe = read(s.a, "cost-of-equity");
  const passThrough = read(s.a, "shrink-user-pass-through");
  for (const [u, r] of reqs) {
    const held = s.held[u];
    const required = Math.max(r.proportional, r.fixed);
    const shortfall = Math.max(0, required - held);
    // Required stays what the rules demand of the book before any shrink, so a stricter rule never shows less.
    s.required[u] = required;
    s.shortfall[u] = shortfall;
    s.response[u] = r.response;
    if (shortfall === 0) continue;
    if (r.response === "raise" || r.proportional <= Math.max(held, r.fixed)) {
      s.raised[u] = shortfall;
      s.held[u] = held + shortfall;
      if (s.explain)
        explain(
          s,
          r.binding,
          `${unitName(s, s.ix.units[u].id)} needs ${bn(required)} of capital and holds ${bn(held)}: it raises ${bn(shortfall)}; Ant funds its ${pct(s.stake[u])} share, costing ${bn(shortfall * s.stake[u] * coe)} a year at a ${pct(coe)} cost of equity.`,
          ["cost-of-equity"],
        );
    } else {
      // Shrink or facilitate: the proportional part is met by a smaller own book; a fixed minimum is raised.
      const newHeld = Math.max(held, r.fixed);
      const k = newHeld / r.proportional;
      const moved = s.balance[u] * (1 - k);
      s.raised[u] = newHeld - held;
      s.held[u] = newHeld;
      s.balance[u] *= k;
      s.volume[u] *= k;
      // Facilitated loans leave Ant's book but not the market, as far as the banks take them.
      const taken = r.response === "facilitate" ? read(s.a, "bank-facilitation-appetite") : 0;
      s.facilitated[u] += moved * taken;
      const lost = (1 - k) * (1 - taken);
      const users = Math.max(0, 1 - passThrough * lost);
      s.userFactor[u] *= users;
      if (s.explain)
        explain(
          s,
          r.binding,
          r.response === "facilitate"
            ? `${s.ix.units[u].name} would need ${bn(required)} of capital but holds ${bn(newHeld)}: it keeps ${pct(k)} of its book and moves ${bn(moved)} to partner banks, which take ${pct(taken)} of it (${bn(moved * taken)}, on which Ant keeps a platform fee); ${pct(lost)} of its volume is lost and its users fall ${pct(1 - users)}.`
            : `${s.ix.units[u].name} would need ${bn(required)} of capital but holds ${bn(newHeld)}: it shrinks its book by ${pct(1 - k)}, and its users fall ${pct(1 - users)}.`,
          r.response === "facilitate"
            ? ["bank-facilitation-appetite", "platform-fee-rate", "shrink-user-pass-through"]
            : ["shrink-user-pass-through"],
          r.response === "facilitate" ? ["S87"] : [],
        );
    }
  }
  if (s.explain)
    for (const [u, r] of reqs)
      if (s.shortfall[u] > 0)
        warn(
          s,
          r.binding,
          `Capital shortfall at ${s.ix.units[u].name}: ${bn(s.shortfall[u])} (${r.response === "raise" ? "raised" : r.response === "shrink" ? "met by shrinking the book" : "met by moving loans to partner banks"}).`,
        );
}

/** A fine is paid once, in its year, out of the holding company's capital (a one-off, not recurring profit). */
function fines(s: State, rules: RulesByType) {
  for (const { rule, id } of rules("fine")) {
    const amount = paramValue(rule.amount);
    s.oneOffs += amount;
    if (s.explain)
      explain(
        s,
        id,
        `A one-off fine of ${bn(amount)} (${rule.date}) comes out of that year's profit and the holding company's capital; recurring profit and the equity value leave it out.`,
      );
  }
}

/**
 * A `min-capital` rule on `group` tests the holding company (the financial-holding-company test): its capital,
 * paid-in less the year's one-off charges, must reach the minimum and `controlledShare` of the capital of the
 * financial units it controls after the scenario (consolidated, with a financial licence; capital held stands
 * for registered capital). A spin-off to a minority stake takes a unit out of that base.
 */
function groupMinimum(s: State, rules: RulesByType) {
  if (!s.groupRule) return;
  const { ix } = s;
  let controlled = 0;
  for (let u = 0; u < ix.units.length; u++) if (s.consolidated[u] && ix.financial[u]) controlled += s.held[u];
  const minimum = s.groupRequired;
  s.groupRequired = Math.max(minimum, s.groupControlledShare * controlled);
  const capital = ix.model.group.paidInCapital - s.oneOffs;
  s.groupShortfall = Math.max(0, s.groupRequired - capital);
  if (!s.explain) return;
  const id = rules("min-capital").find((r) => r.rule.units.includes(GROUP))!.id;
  const test =
    s.groupControlledShare > 0
      ? ` (the larger of ${bn(minimum)} and ${pct(s.groupControlledShare)} of the ${bn(controlled)} held by the financial units it controls)`
      : "";
  explain(
    s,
    id,
    s.groupShortfall > 0
      ? `The holding company needs ${bn(s.groupRequired)} of paid-in capital${test} and has ${bn(capital)}: it raises ${bn(s.groupShortfall)}.`
      : `The holding company's ${bn(capital)} of paid-in capital meets the ${bn(s.groupRequired)} it needs${test}.`,
    ["cost-of-equity"],
    s.groupControlledShare > 0 ? ["S27"] : [],
  );
  if (s.groupShortfall > 0) warn(s, null, `Capital shortfall at the holding company: ${bn(s.groupShortfall)} (raised).`);
}

/** Every query from a credit unit's borrowers costs a fee; Ant's stake in the bureau returns its share. */
function bureauFees(s: State, rules: RulesByType) {
  const { ix } = s;
  for (const { rule, id } of rules("credit-bureau")) {
    const queries = read(s.a, "bureau-queries-per-borrower");
    let borrowers = 0;
    for (const unitId of rule.to) {
      const u = ix.unitIx.get(unitId);
      if (u === undefined) continue;
      for (const [sv, share] of ix.servicesOfUnit[u]) borrowers += ix.services[sv].users * s.reach[sv] * s.userFactor[u] * share;
    }
    // millions of borrowers x queries x RMB per query -> RMB bn
    const cost = (borrowers * queries * paramValue(rule.costPerQuery)) / 1000;
    const net = cost * (1 - paramValue(rule.bureauStake));
    s.bureauCost += net;
    if (s.explain)
      explain(
        s,
        id,
        `About ${wholeNumber(borrowers)} m borrowers × ${compactNumber(queries)} queries a year × ${compactNumber(paramValue(rule.costPerQuery))} RMB cost ${bn(cost)} a year in bureau fees, ${bn(net)} net of Ant's ${pct(paramValue(rule.bureauStake))} stake in the bureau.`,
        ["bureau-queries-per-borrower"],
        ["S46"],
      );
  }
}
