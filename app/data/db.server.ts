/**
 * The one database client of the server: better-sqlite3 + drizzle on DATABASE_PATH, created once and kept on
 * `globalThis` so dev rebuilds reuse it (as the Remix indie stack's singleton.server.ts does).
 * The web server never creates the database: a missing, corrupt or unmigrated file is a DatabaseUnavailableError
 * that says how to rebuild it.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { getTableName, is } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../../db/schema";
import { getEnv } from "../utils/env.server";

export type Db = BetterSQLite3Database<typeof schema>;

const REBUILD_HINT = "Rebuild it with `npm run db:setup`, or delete the file and run `npm start`.";

/** The database file is missing, is not a SQLite database, or lacks the model's tables. */
export class DatabaseUnavailableError extends Error {
  readonly path: string;
  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`The model database at ${path} is unavailable: ${reason}. ${REBUILD_HINT}`, options);
    this.name = "DatabaseUnavailableError";
    this.path = path;
  }
}

/** Longest a write waits for a lock another process holds (the event loop waits with it). */
export const BUSY_TIMEOUT_MS = 250;

/** Names of the tables db/schema.ts declares. */
const REQUIRED_TABLES: string[] = Object.values(schema)
  .filter((value) => is(value, SQLiteTable))
  .map((table) => getTableName(table as SQLiteTable));

/**
 * Opens an existing model database read-write and checks it has every table; throws DatabaseUnavailableError
 * otherwise. Never creates a file.
 */
export function openDatabase(path: string): { db: Db; sqlite: Database.Database } {
  if (!fs.existsSync(path)) throw new DatabaseUnavailableError(path, "the file does not exist");
  let sqlite: Database.Database | undefined;
  try {
    // A lock held elsewhere (a script, the CLI) must not freeze the server: better-sqlite3 waits for it by
    // spinning synchronously, blocking every request, for 5 s by default. Reads never wait in WAL mode; a write
    // waits at most BUSY_TIMEOUT_MS, then is a 503 with Retry-After (DatabaseBusyError).
    sqlite = new Database(path, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    sqlite.pragma("foreign_keys = ON");
    if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") {
      try {
        sqlite.pragma("journal_mode = WAL"); // a file made before setup chose WAL; needs a moment without other writers
      } catch {
        // busy: readers may wait on writers until it succeeds on a later start
      }
    }
    const present = new Set(
      (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name),
    );
    const missing = REQUIRED_TABLES.filter((name) => !present.has(name));
    if (missing.length > 0) {
      throw new DatabaseUnavailableError(path, `it lacks the table(s) ${missing.join(", ")}`);
    }
    return { db: drizzle(sqlite, { schema }), sqlite };
  } catch (error) {
    sqlite?.close();
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(path, `it is not a valid SQLite database (${(error as Error).message})`, {
      cause: error,
    });
  }
}

type Singleton = { path: string; db: Db; sqlite: Database.Database };
const globalStore = globalThis as typeof globalThis & { __antModelDb?: Singleton };

/** The shared drizzle client on DATABASE_PATH (opened on first use, then reused). */
export function getDb(): Db {
  const { DATABASE_PATH } = getEnv();
  const current = globalStore.__antModelDb;
  if (current && current.path === DATABASE_PATH && current.sqlite.open) return current.db;
  current?.sqlite.close();
  const opened = openDatabase(DATABASE_PATH);
  globalStore.__antModelDb = { path: DATABASE_PATH, ...opened };
  return opened.db;
}
