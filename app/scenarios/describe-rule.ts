/**
 * A rule in plain language, as a workshop reads it on the scenario page: "Huabei and Jiebei must fund at least
 * 30% of each co-lent loan themselves; a shortfall is met by raising capital." Pure and isomorphic: the names of
 * units, services, markets and players come from an optional lookup (ids are shown when a name is unknown).
 */
import { formatCompact, formatPercent } from "../utils/format";
import { paramValue, type Param } from "./params";
import type { CapitalResponse } from "../engine/rules";
import { categoryPhrase, entryPointPhrase, listText } from "../engine/vocabulary";
import type { Rule } from "./schema";

/** Display names by id (units, services, markets, players): what `describeRule` prints instead of ids. */
export type NameLookup = (id: string) => string | undefined;

const pct = (p: Param) => formatPercent(paramValue(p), 1);
const num = (p: Param) => formatCompact(paramValue(p), 2);

/** The rule's sentence. `names` turns ids into display names. */
export function describeRule(rule: Rule, names: NameLookup = () => undefined): string {
  const name = (id: string) => (id === "group" ? "the holding company" : (names(id) ?? id));
  const units = (ids: readonly string[]) => listText(ids.map(name));
  const categories = (c: readonly string[]) => listText(c.map(categoryPhrase));
  const fromTo = (r: { from?: string[]; to?: string[] }) =>
    `${r.from ? ` from ${units(r.from)}` : ""}${r.to ? ` to ${units(r.to)}` : ""}`;
  // One unit is "it", several "they": "Huabei must fund … itself", "Huabei and Jiebei … loans they cannot fund".
  const respond = (r: CapitalResponse, many: boolean) =>
    r === "raise"
      ? "a shortfall is met by raising capital"
      : r === "shrink"
        ? "a shortfall is met by shrinking the loan book"
        : `loans ${many ? "they" : "it"} cannot fund move to partner banks' books, for a platform fee`;

  switch (rule.type) {
    case "consent-required":
      return `${cap(categories(rule.categories))} data may flow${fromTo(rule)} only with the user's opt-in consent; ${pct(rule.consentRate)} of users consent.`;
    case "data-ban":
      return `${cap(categories(rule.categories))} data may no longer flow${fromTo(rule) || " between units"}.`;
    case "credit-bureau":
      return `Credit history reaches ${units(rule.to)} only through a licensed credit bureau, which keeps ${pct(rule.coverageKept)} of its value, at RMB ${num(rule.costPerQuery)} a query; Ant owns ${pct(rule.bureauStake)} of the bureau.`;
    case "retention-limit":
      return `${cap(categories(rule.categories))} history may be kept for at most ${num(rule.months)} months.`;
    case "spin-off":
      return `${cap(units(rule.units))} move${rule.units.length === 1 ? "s" : ""} into ${rule.entity}, in which Ant keeps ${pct(rule.stakeKept)}${paramValue(rule.stakeKept) > 0.5 ? " (a majority: still consolidated)" : " (not a majority: no longer consolidated)"}; ${rule.keepLinks ? "Alipay keeps its links to its services" : "Alipay only links out to its services"}.`;
    case "unbundle": {
      const where = rule.entryPoints === "all" ? "every entry point" : listText(rule.entryPoints.map(entryPointPhrase));
      const recapture = rule.recapture === undefined ? "" : `; ${pct(rule.recapture)} of those users find them another way`;
      return `${cap(units(rule.services))} lose${rule.services.length === 1 ? "s" : ""} ${where} inside Alipay${recapture}.`;
    }
    case "interoperability":
      return `In ${name(rule.market)}, rival wallets are accepted: ${name(rule.player)} gives up ${formatCompact(paramValue(rule.shareShift) * 100, 1)} share points to rivals.`;
    case "market-share-cap":
      return `In ${name(rule.market)}, ${name(rule.player)} may hold at most ${pct(rule.cap)} of the market; the excess goes to rivals.`;
    case "capital-ratio":
      return `${cap(units(rule.units))} must hold capital of at least ${pct(rule.minRatio)} of risk-weighted assets${rule.riskWeight === undefined ? "" : ` (risk weight ${pct(rule.riskWeight)})`}; ${respond(rule.response, rule.units.length > 1)}.`;
    case "co-lending":
      return `${cap(units(rule.units))} must fund at least ${pct(rule.minOwnShare)} of each co-lent loan ${rule.units.length > 1 ? "themselves" : "itself"}; ${respond(rule.response, rule.units.length > 1)}.`;
    case "leverage-cap":
      return rule.units.length > 1
        ? `${cap(units(rule.units))} may lend on their own books at most ${num(rule.maxLeverage)} times the capital they hold; ${respond(rule.response, true)}.`
        : `${cap(units(rule.units))} may lend on its own book at most ${num(rule.maxLeverage)} times the capital it holds; ${respond(rule.response, false)}.`;
    case "min-capital":
      return `${cap(units(rule.units))} must hold at least ${num(rule.minimum)} RMB bn of capital (raised if short).`;
    case "fund-size-cap":
      return `${cap(name(rule.unit))} may manage at most ${num(rule.maxAum)} RMB bn; assets above the cap leave for rival funds.`;
    case "fine":
      return `Ant is fined ${num(rule.amount)} RMB bn (${rule.date}): a one-off charge on that year's profit and the holding company's capital, outside recurring profit.`;
  }
}

function cap(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
