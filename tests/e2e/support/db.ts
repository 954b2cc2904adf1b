/** Reads the browser tests' scratch database directly, to check the page against the data, not against itself. */
import Database from "better-sqlite3";

import { E2E } from "./env";

export function queryScratch<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E.app.db, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
