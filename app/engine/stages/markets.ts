/**
 * Stage 3, markets and funds: interoperability shifts share points to rivals (shifts on one player add up), a
 * share cap keeps the lowest cap, a fund-size cap the lowest maximum. Each scales the volume of Ant's units.
 */
import type { IndexedPlayer } from "../model-index";
import { paramValue } from "../rules";
import { bn, explain, pct, totalVolume, warn, type RulesByType, type State } from "../state";

/** Revenue-weighted volume factor of a player's units. */
function playerVolume(s: State, p: IndexedPlayer) {
  let num = 0;
  let den = 0;
  for (const u of p.units) {
    const w = s.ix.units[u].revenue;
    num += w * totalVolume(s, u);
    den += w;
  }
  return den > 0 ? num / den : 1;
}

function scalePlayer(s: State, p: IndexedPlayer, m: number) {
  for (const u of p.units) {
    s.volume[u] *= m;
    s.userFactor[u] *= m;
  }
}

function findPlayer(s: State, ruleId: string, marketId: string, playerId: string) {
  const p = s.ix.playersOfMarket.get(marketId)?.find((x) => x.playerId === playerId);
  if (!p) warn(s, ruleId, `The model has no player '${playerId}' in market '${marketId}'; the rule ignores it.`);
  else if (p.unitIds.length === 0) warn(s, ruleId, `${p.name} is not an Ant player; only Ant's share is moved.`);
  return p && p.unitIds.length > 0 ? p : undefined;
}

export function marketsStage(s: State, rules: RulesByType) {
  interoperability(s, rules);
  shareCaps(s, rules);
  fundCaps(s, rules);
}

function interoperability(s: State, rules: RulesByType) {
  if (rules("interoperability").length === 0) return;
  const shifts = new Map<IndexedPlayer, { total: number; ids: string[]; market: string }>();
  for (const { rule, id } of rules("interoperability")) {
    const p = findPlayer(s, id, rule.market, rule.player);
    if (!p) continue;
    const prev = shifts.get(p) ?? { total: 0, ids: [], market: rule.market };
    shifts.set(p, { total: prev.total + paramValue(rule.shareShift), ids: [...prev.ids, id], market: rule.market });
  }
  for (const [p, { total, ids, market }] of shifts) {
    const now = p.share * playerVolume(s, p);
    const after = Math.max(0, now - total);
    if (now > 0) scalePlayer(s, p, after / now);
    if (s.explain)
      for (const id of ids)
        explain(
          s,
          id,
          `With rival wallets and codes accepted, ${p.name} gives up ${pct(Math.min(now, total))} of ${s.ix.market.get(market)?.name ?? market} to rivals (share ${pct(now)} → ${pct(after)}).`,
          [],
          ["S62", "S63"],
        );
  }
}

function shareCaps(s: State, rules: RulesByType) {
  if (rules("market-share-cap").length === 0) return;
  const caps = new Map<IndexedPlayer, { cap: number; id: string; market: string }>();
  for (const { rule, id } of rules("market-share-cap")) {
    const p = findPlayer(s, id, rule.market, rule.player);
    if (!p) continue;
    const cap = paramValue(rule.cap);
    const prev = caps.get(p);
    if (!prev || cap < prev.cap) caps.set(p, { cap, id, market: rule.market });
  }
  for (const [p, { cap, id, market }] of caps) {
    const now = p.share * playerVolume(s, p);
    const name = s.ix.market.get(market)?.name;
    if (now > cap) {
      scalePlayer(s, p, cap / now);
      if (s.explain) explain(s, id, `${p.name} is capped at ${pct(cap)} of ${name}; ${pct(now - cap)} moves to rivals.`);
    } else if (s.explain) explain(s, id, `${p.name} holds ${pct(now)}, already under the ${pct(cap)} cap.`);
  }
}

/** Assets above the cap leave for rival funds; fees fall in proportion; users stay (holdings per user are capped). */
function fundCaps(s: State, rules: RulesByType) {
  if (rules("fund-size-cap").length === 0) return;
  const { ix } = s;
  const fundCaps = new Map<number, { max: number; id: string }>();
  for (const { rule, id } of rules("fund-size-cap")) {
    const u = ix.unitIx.get(rule.unit);
    if (u === undefined || !ix.fund[u]) {
      warn(s, id, `The model has no fund in unit '${rule.unit}'; the rule ignores it.`);
      continue;
    }
    const max = paramValue(rule.maxAum);
    const prev = fundCaps.get(u);
    if (!prev || max < prev.max) fundCaps.set(u, { max, id });
  }
  for (const [u, { max, id }] of fundCaps) {
    const aum = ix.fund[u]!.aum * totalVolume(s, u);
    const name = ix.units[u].name;
    if (aum > max) {
      s.volume[u] *= max / aum;
      if (s.explain)
        explain(
          s,
          id,
          `${name} must shrink from ${bn(aum)} to ${bn(max)} under management; ${bn(aum - max)} flows to rival funds and its fees fall ${pct(1 - max / aum)}.`,
          [],
          ["S43"],
        );
    } else if (s.explain) explain(s, id, `${name} manages ${bn(aum)}, under the ${bn(max)} cap.`);
  }
}
