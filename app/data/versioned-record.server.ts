/**
 * An immutable versioned record: a head row and numbered versions that are only ever added. Saved variants
 * (decision 006) and saved paths (decision 024) are both stored this way. Their migrations' triggers refuse to
 * update or delete a version. Both stores save through here, so the two cannot drift apart:
 *   - a new record gets a fresh id drawn from its title, and its head row and version 1 are stored together;
 *   - version n+1 is stored only if the caller's base version is the latest, and a base beyond the latest is
 *     refused too;
 *   - each save runs in one BEGIN IMMEDIATE transaction, so the check and the insert see the same state. A locked or
 *     read-only database is a clear error, and nothing is half-written.
 */
import crypto from "node:crypto";

import type { Db } from "./db.server";
import { slugify } from "../utils/slug";

/** Another process holds the database's write lock for longer than the busy timeout. */
export class DatabaseBusyError extends Error {
  constructor(options?: { cause?: unknown; reading?: boolean }) {
    super(
      options?.reading
        ? "the database is locked by another process; try again"
        : "the database is locked by another process; nothing was saved, try again",
      options,
    );
    this.name = "DatabaseBusyError";
  }
}

/** The database file (or its folder) cannot be written. */
export class DatabaseReadOnlyError extends Error {
  constructor(options?: { cause?: unknown }) {
    super(
      "the database is read-only (check the permissions of the file and its folder, and the disk); nothing was saved",
      options,
    );
    this.name = "DatabaseReadOnlyError";
  }
}

/** The SQLite error code of an error or of any error it wraps (drizzle wraps driver errors). */
export function sqliteCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 5 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Runs `fn`, turning a locked or read-only database into a clear error. */
export function guard<T>(fn: () => T, reading = true): T {
  try {
    return fn();
  } catch (error) {
    const code = sqliteCode(error);
    if (code?.startsWith("SQLITE_BUSY") || code?.startsWith("SQLITE_LOCKED")) throw new DatabaseBusyError({ cause: error, reading });
    if (code?.startsWith("SQLITE_READONLY") || code === "SQLITE_CANTOPEN") throw new DatabaseReadOnlyError({ cause: error });
    throw error;
  }
}

/** Runs `fn` in a write transaction taken at once (BEGIN IMMEDIATE), so reads inside it see the latest state. */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  // drizzle hands this to better-sqlite3's native transaction(...).immediate(): synchronous, one connection.
  return guard(() => db.transaction(() => fn(), { behavior: "immediate" }), false);
}

/**
 * A record id from its title: the title's slug (at most 40 characters; `fallback` when nothing of it is left),
 * a dash and 6 random characters, after `prefix` (saved paths' `saved.`).
 */
export function newRecordId(title: string, fallback: string, prefix = ""): string {
  const base = slugify(title, 40) || fallback;
  const suffix = Array.from(crypto.randomBytes(6), (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
  return `${prefix}${base}-${suffix}`;
}

/**
 * Stores a new record: up to 5 ids drawn with `drawId`, each tried in its own write transaction. Inside it,
 * `check` may refuse by throwing (a forkedFrom that names nothing), and `taken` says whether the id is in use.
 * If it is free, `insert` writes the head row and version 1. Returns the id stored.
 */
export function createRecord(
  db: Db,
  { what, drawId, taken, insert, check }: { what: string; drawId: () => string; taken: (id: string) => boolean; insert: (id: string) => void; check?: () => void },
): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = drawId();
    const stored = writeTransaction(db, () => {
      check?.();
      if (taken(id)) return false; // id taken: draw again
      insert(id);
      return true;
    });
    if (stored) return id;
  }
  throw new Error(`could not draw a free ${what} id in 5 attempts`);
}

/** Why a version was not stored: no such record, a base version beyond the latest, or a stale base. */
export type Refusal = { kind: "not-found" } | { kind: "ahead"; latest: number } | { kind: "stale"; latest: number };

/**
 * Stores version `latest + 1` with `append` if `baseVersion` is the latest version (`latest()` reads it inside the
 * transaction). Otherwise `refuse` throws the store's own error and nothing is written. Returns the new version.
 */
export function appendVersion(
  db: Db,
  { baseVersion, latest, append, refuse }: { baseVersion: number; latest: () => number | null; append: (version: number) => void; refuse: (why: Refusal) => never },
): number {
  return writeTransaction(db, () => {
    const n = latest();
    if (n === null) return refuse({ kind: "not-found" });
    if (baseVersion > n) return refuse({ kind: "ahead", latest: n });
    if (baseVersion < n) return refuse({ kind: "stale", latest: n });
    append(n + 1);
    return n + 1;
  });
}
