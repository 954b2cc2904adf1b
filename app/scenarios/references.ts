/**
 * Checks a scenario's ids against the model: units, services, markets, players, assumptions, sources.
 *
 * The format (schema.ts) cannot know which ids exist, because the model lives in the database; this does, given
 * the model. Pure: the caller supplies both. Errors make the file invalid; warnings are shown but the scenario
 * still loads (e.g. a capital ratio on a unit without a credit book changes nothing).
 */
import type { Model } from "../engine/model";
import type { PathSegment } from "./messages";
import type { Rule, ScenarioDefinition } from "./schema";
import { historyInputIssues } from "./inputs";
import { closest } from "./suggest";

export interface ReferenceIssue {
  path: PathSegment[];
  message: string;
  severity: "error" | "warning";
}

/** The holding company: a unit id min-capital also accepts. */
export const GROUP_ID = "group";

function unknownMessage(kind: string, id: string, known: readonly string[]): string {
  const c = closest(id, known);
  if (c !== undefined) return `unknown ${kind} '${id}' (did you mean '${c}'?)`;
  return `unknown ${kind} '${id}'; the model's ${kind}s: ${known.join(", ") || "none"}`;
}

/** Errors and warnings for every id in the scenario that the model does not support. */
export function checkReferences(scenario: ScenarioDefinition, model: Model): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const error = (path: PathSegment[], message: string) => issues.push({ path, message, severity: "error" });
  const warn = (path: PathSegment[], message: string) => issues.push({ path, message, severity: "warning" });

  const unitIds = model.units.map((u) => u.id);
  const unitSet = new Set(unitIds);
  const serviceIds = model.services.map((s) => s.id);
  const serviceSet = new Set(serviceIds);
  const marketIds = model.markets.map((m) => m.id);
  const creditUnits = new Set(model.creditBooks.map((b) => b.unitId));
  const fundUnits = new Set(model.funds.map((f) => f.unitId));

  /** Checks a list of unit ids; returns the ones that exist. */
  const checkUnits = (base: PathSegment[], ids: readonly string[] | undefined, allowGroup = false): string[] => {
    if (!ids) return [];
    const known = allowGroup ? [...unitIds, GROUP_ID] : unitIds;
    const found: string[] = [];
    const seen = new Set<string>();
    ids.forEach((id, j) => {
      if (seen.has(id)) warn([...base, j], `unit '${id}' is listed twice`);
      seen.add(id);
      if (unitSet.has(id) || (allowGroup && id === GROUP_ID)) found.push(id);
      else error([...base, j], unknownMessage("unit", id, known));
    });
    return found;
  };

  const spunOff = new Map<string, number>();

  scenario.rules.forEach((rule: Rule, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ["rules", i, ...rest];
    switch (rule.type) {
      case "consent-required":
      case "data-ban": {
        const from = checkUnits(at("from"), rule.from);
        const to = checkUnits(at("to"), rule.to);
        const matches = model.dataFlows.filter(
          (f) =>
            rule.categories.includes(f.category) &&
            (!rule.from || from.includes(f.fromUnit)) &&
            (!rule.to || to.includes(f.toUnit)),
        );
        if (matches.length === 0 && (!rule.from || from.length === rule.from.length) && (!rule.to || to.length === rule.to.length))
          warn(at("categories"), `no data flow in the model matches these categories and units: the rule changes nothing`);
        break;
      }
      case "credit-bureau": {
        checkUnits(at("to"), rule.to).forEach((u) => {
          if (!creditUnits.has(u))
            warn(at("to", rule.to.indexOf(u)), `unit '${u}' has no credit book in the model: routing its credit data through a bureau changes little`);
        });
        break;
      }
      case "retention-limit": {
        if (!model.dataFlows.some((f) => rule.categories.includes(f.category)))
          warn(at("categories"), `no data flow in the model carries these categories: the rule changes nothing`);
        break;
      }
      case "spin-off": {
        checkUnits(at("units"), rule.units).forEach((u) => {
          const j = rule.units.indexOf(u);
          const first = spunOff.get(u);
          if (first !== undefined && first !== i)
            error(at("units", j), `unit '${u}' is already spun off by rules[${first}]: a unit can move into one new entity only`);
          else spunOff.set(u, i);
        });
        break;
      }
      case "unbundle": {
        rule.services.forEach((s, j) => {
          if (!serviceSet.has(s)) {
            error(at("services", j), unknownMessage("service", s, serviceIds));
            return;
          }
          if (rule.entryPoints !== "all") {
            const eps = rule.entryPoints as readonly string[];
            const has = model.serviceEntryPoints.some((e) => e.serviceId === s && eps.includes(e.entryPoint));
            if (!has)
              warn(at("services", j), `service '${s}' is reached through none of these entry points in the model: unbundling changes nothing for it`);
          }
        });
        break;
      }
      case "interoperability":
      case "market-share-cap": {
        if (!marketIds.includes(rule.market)) {
          error(at("market"), unknownMessage("market", rule.market, marketIds));
          break;
        }
        const players = model.marketPlayers.filter((p) => p.marketId === rule.market).map((p) => p.playerId);
        if (!players.includes(rule.player)) {
          const elsewhere = model.marketPlayers.find((p) => p.playerId === rule.player);
          const c = closest(rule.player, players);
          error(
            at("player"),
            `unknown player '${rule.player}' in market '${rule.market}'` +
              (c !== undefined ? ` (did you mean '${c}'?)` : `; its players: ${players.join(", ")}`) +
              (elsewhere ? `; '${rule.player}' is a player in '${elsewhere.marketId}'` : ""),
          );
        }
        break;
      }
      case "capital-ratio":
      case "leverage-cap": {
        checkUnits(at("units"), rule.units).forEach((u) => {
          if (!creditUnits.has(u))
            warn(at("units", rule.units.indexOf(u)), `unit '${u}' has no credit book in the model: it has no risk-weighted loans, so the rule changes nothing for it`);
        });
        break;
      }
      case "co-lending": {
        checkUnits(at("units"), rule.units).forEach((u) => {
          if (!creditUnits.has(u))
            error(
              at("units", rule.units.indexOf(u)),
              `unit '${u}' has no credit book in the model; co-lending applies to credit units: ${[...creditUnits].join(", ")}`,
            );
        });
        break;
      }
      case "min-capital": {
        checkUnits(at("units"), rule.units, true);
        break;
      }
      case "fund-size-cap": {
        if (!unitSet.has(rule.unit)) error(at("unit"), unknownMessage("unit", rule.unit, unitIds));
        else if (!fundUnits.has(rule.unit))
          error(at("unit"), `unit '${rule.unit}' runs no fund in the model; funds are run by: ${[...fundUnits].join(", ") || "none"}`);
        break;
      }
    }
  });

  const engineAssumptions = model.assumptions.filter((a) => a.usedBy === "engine").map((a) => a.id);
  for (const [id, value] of Object.entries(scenario.assumptions ?? {})) {
    const a = model.assumptions.find((x) => x.id === id);
    if (!a) error(["assumptions", id], unknownMessage("assumption", id, engineAssumptions));
    else if (a.usedBy !== "engine")
      error(["assumptions", id], `assumption '${id}' is a figure of the seed, not an engine assumption a scenario may override`);
    else if (value < a.low || value > a.high)
      error(["assumptions", id], `expected a value from ${a.low} to ${a.high} (${a.unit}) for '${id}', got ${value}`);
  }

  if (model.sources.length > 0) {
    const keys = new Set(model.sources.map((s) => s.key));
    scenario.sources.forEach((s, j) => {
      if (/^S\d+$/.test(s) && !keys.has(s)) warn(["sources", j], `source '${s}' is not among the model's sources`);
    });
    (scenario.inputs ?? []).forEach((input, j) =>
      input.sources.forEach((s, k) => {
        if (!keys.has(s)) warn(["inputs", j, "sources", k], `source '${s}' is not among the model's sources`);
      }),
    );
  }

  for (const issue of historyInputIssues(scenario)) error(issue.path, issue.message);

  return issues;
}
