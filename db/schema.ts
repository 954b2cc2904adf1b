/**
 * The SQLite schema of the baseline model (drizzle). snake_case columns, camelCase keys.
 * Shapes mirror `app/engine/model.ts`; `app/data/model.server.ts` reads these tables and parses the result
 * with the model's zod schema, so a drift between the two fails loudly at the edge.
 */
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const sources = sqliteTable("sources", {
  key: text("key").primaryKey(),
  citation: text("citation").notNull(),
});

/** The fact register (db/seed/facts.ts): each public fact with its figures, the date it describes and its sources. */
export const facts = sqliteTable("facts", {
  id: text("id").primaryKey(),
  topic: text("topic").notNull(),
  date: text("date").notNull(),
  text: text("text").notNull(),
  figures: text("figures", { mode: "json" }).$type<Array<{ label: string; value: number; unit: string; date: string }>>().notNull(),
  sourceKeys: text("source_keys", { mode: "json" }).$type<string[]>().notNull(),
});

export const assumptions = sqliteTable("assumptions", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  value: real("value").notNull(),
  low: real("low").notNull(),
  high: real("high").notNull(),
  unit: text("unit").notNull(),
  rationale: text("rationale").notNull(),
  sourceKeys: text("source_keys", { mode: "json" }).$type<string[]>().notNull(),
  usedBy: text("used_by", { enum: ["engine", "seed"] }).notNull(),
});

export const group = sqliteTable("group_figures", {
  id: integer("id").primaryKey(),
  revenue: real("revenue").notNull(),
  netProfit: real("net_profit").notNull(),
  paidInCapital: real("paid_in_capital").notNull(),
  asOf: text("as_of").notNull(),
});

export const units = sqliteTable("units", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  segment: text("segment", { enum: ["payments", "credit", "investment", "insurance", "innovation"] }).notNull(),
  description: text("description").notNull(),
  licence: text("licence").notNull(),
  antStake: real("ant_stake").notNull(),
  consolidated: integer("consolidated", { mode: "boolean" }).notNull(),
  revenue: real("revenue").notNull(),
  capitalHeld: real("capital_held").notNull(),
  coverageElasticity: text("coverage_elasticity")
    .notNull()
    .references(() => assumptions.id),
});

export const services = sqliteTable("services", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  users: real("users").notNull(),
});

export const serviceEntryPoints = sqliteTable(
  "service_entry_points",
  {
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    entryPoint: text("entry_point").notNull(),
    trafficShare: real("traffic_share").notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.entryPoint] })],
);

export const serviceUnits = sqliteTable(
  "service_units",
  {
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    revenueShare: real("revenue_share").notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.unitId] })],
);

export const dataFlows = sqliteTable("data_flows", {
  id: text("id").primaryKey(),
  fromUnit: text("from_unit")
    .notNull()
    .references(() => units.id),
  toUnit: text("to_unit")
    .notNull()
    .references(() => units.id),
  category: text("category").notNull(),
  dependence: real("dependence").notNull(),
});

export const creditBooks = sqliteTable("credit_books", {
  unitId: text("unit_id")
    .primaryKey()
    .references(() => units.id),
  balance: real("balance").notNull(),
  ownShare: real("own_share").notNull(),
  takeRate: real("take_rate").notNull(),
  riskWeight: real("risk_weight").notNull(),
  lossRate: real("loss_rate").notNull(),
});

export const funds = sqliteTable("funds", {
  unitId: text("unit_id")
    .primaryKey()
    .references(() => units.id),
  aum: real("aum").notNull(),
  feeRate: real("fee_rate").notNull(),
});

export const markets = sqliteTable("markets", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  measure: text("measure").notNull(),
});

export const marketPlayers = sqliteTable(
  "market_players",
  {
    marketId: text("market_id")
      .notNull()
      .references(() => markets.id),
    playerId: text("player_id").notNull(),
    name: text("name").notNull(),
    share: real("share").notNull(),
    unitIds: text("unit_ids", { mode: "json" }).$type<string[]>().notNull(),
    fragmented: integer("fragmented", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.marketId, t.playerId] })],
);

export const regulatoryParameters = sqliteTable("regulatory_parameters", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  value: real("value").notNull(),
  unit: text("unit").notNull(),
  inForceAtBaseline: integer("in_force_at_baseline", { mode: "boolean" }).notNull(),
  sourceKeys: text("source_keys", { mode: "json" }).$type<string[]>().notNull(),
});

/** Where each seeded figure comes from: fact-sheet keys, or an assumption, with a note on any derivation. */
export const provenance = sqliteTable(
  "provenance",
  {
    tableName: text("table_name").notNull(),
    rowId: text("row_id").notNull(),
    field: text("field").notNull(),
    sourceKeys: text("source_keys", { mode: "json" }).$type<string[]>().notNull(),
    assumptionId: text("assumption_id").references(() => assumptions.id),
    note: text("note").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId, t.field] })],
);

/**
 * One row: the fingerprint of the seed that built the baseline tables. When the seed in the code changes (a
 * corrected figure, a new fact), setup rebuilds the baseline tables; saved variants are never touched.
 */
export const seedInfo = sqliteTable("seed_info", {
  id: integer("id").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  seededAt: text("seeded_at").notNull(),
});

// ---- Saved variants (docs/decisions/006-variant-versions.md) ----------------------------------------------

/** A scenario made in the browser or posted by a script. Its content lives in its versions. */
export const variants = sqliteTable(
  "variants",
  {
    /** A slug: the title's slug plus a short random suffix, e.g. `co-lending-40-k3x9q2`. */
    id: text("id").primaryKey(),
    createdAt: text("created_at").notNull(),
    /** A library scenario id, `variantId@version`, or null for a variant made from scratch. */
    forkedFrom: text("forked_from"),
    // The latest version, copied here at save time so the library lists a page of variants without reading or
    // evaluating every version (decision 014). Null only on rows older than migration 0004 until it backfills them.
    /** The latest version's title (searched by the library page). */
    title: text("title"),
    latestVersion: integer("latest_version"),
    /** When the latest version was saved (the library's order). */
    updatedAt: text("updated_at"),
    /** The latest version's headline figures, as the library card shows them (ScenarioSummary JSON). */
    summary: text("summary"),
    /** The model version `summary` was computed with; another model makes the server compute it again. */
    summaryModel: text("summary_model"),
  },
  (t) => [index("variants_updated_idx").on(t.updatedAt, t.id)],
);

/**
 * Immutable versions of a variant: rows are only ever inserted. The primary key (variant_id, version) is what
 * makes two concurrent saves on the same base safe: only one of them can insert version n+1.
 */
export const variantVersions = sqliteTable(
  "variant_versions",
  {
    variantId: text("variant_id")
      .notNull()
      .references(() => variants.id),
    version: integer("version").notNull(),
    /** The validated scenario definition, as JSON. */
    definition: text("definition").notNull(),
    author: text("author"),
    note: text("note"),
    createdAt: text("created_at").notNull(),
    /** The version this one restores, when it was made by a restore. */
    restoredFrom: integer("restored_from"),
  },
  (t) => [primaryKey({ columns: [t.variantId, t.version] })],
);

// ---- Saved paths (docs/decisions/024-compare-states-and-saved-paths.md) -----------------------------------

/**
 * A path built in the browser by stacking scenarios from the library or /compare. Its content lives in its
 * versions, as a variant's does; its id carries the `saved.` prefix no path file can have (a file's id is a slug).
 */
export const savedPaths = sqliteTable(
  "saved_paths",
  {
    /** `saved.<title slug>-<random suffix>`, e.g. `saved.history-with-pipl-k3x9q2`. */
    id: text("id").primaryKey(),
    createdAt: text("created_at").notNull(),
    /** The latest version's title and number, copied at save time for the list. */
    title: text("title").notNull(),
    latestVersion: integer("latest_version").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("saved_paths_updated_idx").on(t.updatedAt, t.id)],
);

/** Immutable versions of a saved path: only ever inserted; (path_id, version) makes concurrent saves safe. */
export const savedPathVersions = sqliteTable(
  "saved_path_versions",
  {
    pathId: text("path_id")
      .notNull()
      .references(() => savedPaths.id),
    version: integer("version").notNull(),
    /** The validated path definition (app/paths/schema.ts), as JSON. */
    definition: text("definition").notNull(),
    author: text("author"),
    note: text("note"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pathId, t.version] })],
);

/**
 * Short links (`/s/<code>`): a code for a page's address (path and query, same origin, an allowed route). One code
 * per target (the unique index), so the same state always gets the same link; rows are never changed.
 */
export const shortLinks = sqliteTable("short_links", {
  /** 10 characters of a 56-letter alphabet without look-alikes (about 58 bits): short, and not worth guessing. */
  code: text("code").primaryKey(),
  target: text("target").notNull().unique(),
  createdAt: text("created_at").notNull(),
});
