/**
 * The baseline model as code: `buildSeed()` assembles every table's rows (with one provenance row per figure),
 * `seedDatabase(db)` writes them in one transaction. Deterministic: the same code builds the same database.
 *
 * Provenance rows name the Model's collection ("units", "serviceUnits", ...) as `table`, and the row by its id,
 * or for composite keys "serviceId/entryPoint", "serviceId/unitId", "marketId/playerId"; the group row is "group".
 */
import { createHash } from "node:crypto";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "../schema";
import { ASSUMPTIONS, withDisplayNames } from "./assumptions";
import { CREDIT_BOOKS } from "./credit";
import { FACTS } from "./facts";
import { DATA_FLOWS } from "./flows";
import { FUNDS } from "./funds";
import { GROUP } from "./group";
import { MARKETS } from "./markets";
import { splitFigures, type ProvenanceRow } from "./provenance";
import { REGULATORY_PARAMETERS } from "./regulation";
import { entryPointFigure, SERVICES } from "./services";
import { SOURCES } from "./sources";
import { UNITS } from "./units";

/** Every row of the baseline model, ready to insert. */
export function buildSeed() {
  const provenance: ProvenanceRow[] = [];
  const take = <T extends Record<string, unknown>>(table: string, rowId: string, seedRow: T) => {
    const split = splitFigures(table, rowId, seedRow);
    provenance.push(...split.provenance);
    return split.row;
  };

  const group = { id: 1, ...take("group", "group", GROUP) };
  const units = UNITS.map((u) => take("units", u.id, u));
  const services = SERVICES.map(({ units: _units, entryPoints: _entryPoints, ...s }) => take("services", s.id, s));
  const serviceUnits = SERVICES.flatMap((s) =>
    s.units.map((su) => take("serviceUnits", `${s.id}/${su.unitId}`, { serviceId: s.id, ...su })),
  );
  const serviceEntryPoints = SERVICES.flatMap((s) =>
    s.entryPoints.map(([entryPoint, share, why]) =>
      take("serviceEntryPoints", `${s.id}/${entryPoint}`, {
        serviceId: s.id,
        entryPoint,
        trafficShare: entryPointFigure(share, why),
      }),
    ),
  );
  const dataFlows = DATA_FLOWS.map((f) => take("dataFlows", f.id, f));
  const creditBooks = CREDIT_BOOKS.map((b) => take("creditBooks", b.unitId, b));
  const funds = FUNDS.map((f) => take("funds", f.unitId, f));
  const markets = MARKETS.map(({ id, name, measure }) => ({ id, name, measure }));
  const marketPlayers = MARKETS.flatMap((m) =>
    m.players.map((p) => take("marketPlayers", `${m.id}/${p.playerId}`, { marketId: m.id, ...p })),
  );
  const regulatoryParameters = REGULATORY_PARAMETERS.map((r) => ({
    ...take("regulatoryParameters", r.id, r),
    sourceKeys: r.value.sourceKeys,
  }));

  return {
    sources: SOURCES,
    facts: FACTS,
    assumptions: withDisplayNames(ASSUMPTIONS, { units: UNITS, services: SERVICES }),
    group,
    units,
    services,
    serviceUnits,
    serviceEntryPoints,
    dataFlows,
    creditBooks,
    funds,
    markets,
    marketPlayers,
    regulatoryParameters,
    provenance,
  };
}

export type SeedDb = BetterSQLite3Database<typeof schema>;

/** The fingerprint of the seed as the code builds it: a change to any seeded row changes it. */
export function seedFingerprint(): string {
  return createHash("sha256").update(JSON.stringify(buildSeed())).digest("hex").slice(0, 16);
}

/** The baseline tables, children before parents (the order to empty them in; inserts go the other way). */
const BASELINE_TABLES = [
  schema.provenance, schema.regulatoryParameters, schema.marketPlayers, schema.markets, schema.funds,
  schema.creditBooks, schema.dataFlows, schema.serviceEntryPoints, schema.serviceUnits, schema.services,
  schema.units, schema.group, schema.assumptions, schema.facts, schema.sources, schema.seedInfo,
];

/**
 * Writes the whole baseline in one transaction (parents before children, for the foreign keys), first emptying
 * the baseline tables, so it also replaces a baseline built by an older seed. Saved variants are not touched.
 */
export function seedDatabase(db: SeedDb): { units: number; provenance: number } {
  const seed = buildSeed();
  const fingerprint = seedFingerprint();
  db.transaction((tx) => {
    for (const table of BASELINE_TABLES) tx.delete(table).run();
    tx.insert(schema.seedInfo).values({ id: 1, fingerprint, seededAt: new Date().toISOString() }).run();
    tx.insert(schema.sources).values(seed.sources).run();
    tx.insert(schema.facts).values(seed.facts).run();
    tx.insert(schema.assumptions).values(seed.assumptions).run();
    tx.insert(schema.group).values(seed.group).run();
    tx.insert(schema.units).values(seed.units).run();
    tx.insert(schema.services).values(seed.services).run();
    tx.insert(schema.serviceUnits).values(seed.serviceUnits).run();
    tx.insert(schema.serviceEntryPoints).values(seed.serviceEntryPoints).run();
    tx.insert(schema.dataFlows).values(seed.dataFlows).run();
    tx.insert(schema.creditBooks).values(seed.creditBooks).run();
    tx.insert(schema.funds).values(seed.funds).run();
    tx.insert(schema.markets).values(seed.markets).run();
    tx.insert(schema.marketPlayers).values(seed.marketPlayers).run();
    tx.insert(schema.regulatoryParameters).values(seed.regulatoryParameters).run();
    tx.insert(schema.provenance).values(seed.provenance).run();
  });
  return { units: seed.units.length, provenance: seed.provenance.length };
}
