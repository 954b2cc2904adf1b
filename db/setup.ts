/**
 * Builds or updates the SQLite database of the model: creates its folder, runs the committed migrations, and
 * seeds the baseline if the units table is empty or was built by an older seed (one transaction). Idempotent:
 * a second run does no work and keeps the data; saved variants are never touched.
 *
 * Library: `setupDatabase({ path })` (called by the start script and Playwright's global setup).
 * CLI: `npm run db:setup` (scripts/db-setup.ts, which reads DATABASE_PATH through the env module: db/ imports
 * nothing from app/).
 */
import fs from "node:fs";
import nodePath from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { count } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { seedDatabase, seedFingerprint } from "./seed/index";

/** The committed SQL migrations, next to this file. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

export type SetupResult = {
  /** Absolute path of the database file. */
  path: string;
  /** The file did not exist before this run. */
  created: boolean;
  /** The baseline was seeded by this run. */
  seeded: boolean;
  /** Units in the database after the run. */
  units: number;
  /** What was done, in one line: "created + seeded", "migrated + seeded" or "up to date, N units". */
  message: string;
};

/** Creates, migrates and (if empty) seeds the database at `path`. Safe to call on every start. */
export function setupDatabase({ path }: { path: string }): SetupResult {
  const file = nodePath.resolve(path);
  const created = !fs.existsSync(file);
  fs.mkdirSync(nodePath.dirname(file), { recursive: true });

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
  } catch (error) {
    throw new Error(
      `Cannot open ${file} as a SQLite database (${(error as Error).message}). ` +
        "Delete the file and run `npm run db:setup` again to rebuild it.",
      { cause: error },
    );
  }
  try {
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

    const unitCount = () => db.select({ n: count() }).from(schema.units).get()?.n ?? 0;
    const before = unitCount();
    const stored = db.select().from(schema.seedInfo).get()?.fingerprint;
    // An empty database is seeded; one built by an older seed (a corrected figure, a new fact) is re-seeded:
    // the baseline is code, so the code's version wins. Saved variants stay as they are.
    const reseed = before > 0 && stored !== seedFingerprint();
    if (before === 0 || reseed) seedDatabase(db);
    const seeded = before === 0 || reseed;
    const units = unitCount();
    const message = reseed
      ? `baseline re-seeded (the seed changed since ${stored ? "it was built" : "before seeds were fingerprinted"}), ${units} units`
      : seeded
        ? `${created ? "created" : "migrated"} + seeded, ${units} units`
        : `up to date, ${units} units`;
    return { path: file, created, seeded, units, message };
  } finally {
    sqlite.close();
  }
}
