/**
 * Scratch databases for the variant tests: built once from the migrations and seed, then copied per test, as
 * the Epic Stack does (never the user's file). Each copy is opened with drizzle and the model read from it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../../db/schema";
import { setupDatabase } from "../../../db/setup";
import type { ScenarioDefinition } from "../../scenarios/schema";
import type { Db } from "../db.server";
import { getModelFromDb } from "../model.server";
import type { VariantStore } from "../variant.server";

export interface ScratchVariantDb {
  dir: string;
  /** A fresh copy of the seeded database; `timeout` is better-sqlite3's busy timeout (default 5000 ms). */
  copy(name: string, options?: { timeout?: number; readonly?: boolean }): { file: string; store: Required<Pick<VariantStore, "db" | "model">>; sqlite: Database.Database };
  /** Opens another connection on an existing copy. */
  open(file: string, options?: { timeout?: number; readonly?: boolean }): { db: Db; sqlite: Database.Database };
  cleanup(): void;
}

export function makeScratchVariantDb(): ScratchVariantDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "variants-"));
  const template = path.join(dir, "template.db");
  setupDatabase({ path: template });
  const connections: Database.Database[] = [];
  const open = (file: string, options: { timeout?: number; readonly?: boolean } = {}) => {
    const sqlite = new Database(file, { fileMustExist: true, timeout: options.timeout ?? 5000, readonly: options.readonly ?? false });
    if (!options.readonly) sqlite.pragma("foreign_keys = ON");
    connections.push(sqlite);
    return { db: drizzle(sqlite, { schema }) as Db, sqlite };
  };
  let model: ReturnType<typeof getModelFromDb> | undefined;
  return {
    dir,
    open,
    copy(name, options) {
      const file = path.join(dir, `${name}.db`);
      fs.copyFileSync(template, file);
      const { db, sqlite } = open(file, options);
      model ??= getModelFromDb(db);
      return { file, store: { db, model }, sqlite };
    },
    cleanup() {
      for (const c of connections) if (c.open) c.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small valid scenario (ids exist in the seeded model). */
export function sampleDefinition(overrides: Partial<ScenarioDefinition> = {}): ScenarioDefinition {
  return {
    title: "Consent at 40%",
    summary: "Cross-unit sharing of transaction data only with opt-in consent.",
    date: "2021",
    hypothetical: true,
    sources: ["S30"],
    rules: [
      {
        id: "consent",
        type: "consent-required",
        label: "Opt-in consent for transaction data",
        categories: ["transactions"],
        to: ["huabei"],
        consentRate: 0.4,
      },
    ],
    ...overrides,
  };
}
