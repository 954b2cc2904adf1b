/**
 * A separate process that saves variant versions on a shared database file, for the concurrency test.
 * Usage: node --import tsx save-worker.ts <db> <variantId> <name> <rounds>
 * Prints "ready" once the database is open. On the first line read from stdin it saves once on version 1 and
 * prints its outcome as a JSON line; on the second it saves `rounds` times, each on the latest version it just
 * read, and prints the outcomes as a JSON line; then it exits.
 */
import readline from "node:readline";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../../db/schema";
import type { Db } from "../db.server";
import { getModelFromDb } from "../model.server";
import { getVariant, saveVersion, StaleVersionError } from "../variant.server";
import { sampleDefinition } from "./variant-db";

const [file, id, name, rounds] = process.argv.slice(2) as [string, string, string, string];
const sqlite = new Database(file, { fileMustExist: true, timeout: 10_000 });
const db = drizzle(sqlite, { schema }) as Db;
const store = { db, model: getModelFromDb(db) };

type Outcome = { ok: true; base: number; version: number; note: string } | { ok: false; base: number; stale: boolean; latestVersion?: number; error?: string };

function attempt(base: number, note: string, rate: number): Outcome {
  const definition = sampleDefinition({ title: `Saved by ${name}` });
  (definition.rules[0] as { consentRate: number }).consentRate = rate;
  try {
    const r = saveVersion({ id, baseVersion: base, definition, author: name, note }, store);
    return { ok: true, base, version: r.version, note };
  } catch (e) {
    if (e instanceof StaleVersionError) return { ok: false, base, stale: true, latestVersion: e.latestVersion };
    return { ok: false, base, stale: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

process.stdout.write("ready\n");
const rl = readline.createInterface({ input: process.stdin });
let phase = 0;
rl.on("line", () => {
  phase++;
  const outcomes: Outcome[] = [];
  if (phase === 1) outcomes.push(attempt(1, `${name}#once`, 0.5));
  else
    for (let i = 0; i < Number(rounds); i++) {
      const base = getVariant({ id }, store)!.latestVersion;
      outcomes.push(attempt(base, `${name}#${i}`, (i % 10) / 10));
    }
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
  if (phase === 2) {
    rl.close();
    sqlite.close();
    process.stdin.destroy();
  }
});
