/**
 * The baseline model, read from the database and parsed with the model's zod schema (the contract), so a drift
 * between the tables and app/engine/model.ts fails here, loudly. Read-only at runtime: cached after first read.
 * Rows come in seed order (SQLite rowid), which the seed keeps meaningful and stable.
 */
import { createHash } from "node:crypto";

import { sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import * as schema from "../../db/schema";
import { factSchema, modelSchema, type Fact, type Model } from "../engine/model";
import { getDb, type Db } from "./db.server";

/** Reads every table of `db` and assembles a validated Model (for tests and tools; the app uses getModel). */
export function getModelFromDb(db: Db): Model {
  const all = <T extends SQLiteTable>(table: T) => db.select().from(table).orderBy(sql`rowid`).all();

  const groupRow = db.select().from(schema.group).orderBy(schema.group.id).get();
  if (!groupRow) throw new Error("The model database has no group figures: it was not seeded. Run `npm run db:setup`.");
  const { id: _id, ...group } = groupRow;

  return modelSchema.parse({
    group,
    units: all(schema.units),
    services: all(schema.services),
    serviceEntryPoints: all(schema.serviceEntryPoints),
    serviceUnits: all(schema.serviceUnits),
    dataFlows: all(schema.dataFlows),
    creditBooks: all(schema.creditBooks),
    funds: all(schema.funds),
    markets: all(schema.markets),
    marketPlayers: all(schema.marketPlayers),
    regulatoryParameters: all(schema.regulatoryParameters),
    sources: all(schema.sources),
    assumptions: all(schema.assumptions),
    provenance: all(schema.provenance).map(({ tableName, ...rest }) => ({ table: tableName, ...rest })),
  });
}

/** The fact register as seeded (register order), parsed with its zod schema. */
export function getFactsFromDb(db: Db): Fact[] {
  return z.array(factSchema).parse(db.select().from(schema.facts).orderBy(sql`rowid`).all());
}

const globalStore = globalThis as typeof globalThis & { __antModel?: Model; __antFacts?: Fact[] };

/** The baseline model (read once per process, then served from memory). Throws DatabaseUnavailableError. */
export function getModel(): Model {
  globalStore.__antModel ??= getModelFromDb(getDb());
  return globalStore.__antModel;
}

/** The fact register (read once per process). Throws DatabaseUnavailableError. */
export function getFacts(): Fact[] {
  globalStore.__antFacts ??= getFactsFromDb(getDb());
  return globalStore.__antFacts;
}

/** Forgets the cached model and facts (for tests, or after rebuilding the database). */
export function clearModelCache(): void {
  delete globalStore.__antModel;
  delete globalStore.__antFacts;
}

const modelVersions = new WeakMap<Model, string>();

/**
 * A short hash of the model's content: the "model database version" stored headlines and cached pages are keyed
 * by, so figures computed with another model are never reused.
 */
export function modelVersion(model: Model = getModel()): string {
  let v = modelVersions.get(model);
  if (!v) {
    v = createHash("sha256").update(JSON.stringify(model)).digest("hex").slice(0, 16);
    modelVersions.set(model, v);
  }
  return v;
}
