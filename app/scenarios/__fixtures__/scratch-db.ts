/** A scratch model database for tests: built from the migrations and seed in a temp dir, never the user's file. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setupDatabase } from "../../../db/setup";
import type { Model } from "../../engine/model";
import { getModelFromDb } from "../../data/model.server";
import { openDatabase } from "../../data/db.server";
import { loadScenarios } from "../load.server";
import type { Scenario } from "../schema";

const LIBRARY_DIR = path.resolve(__dirname, "../../../scenarios");

export interface ScratchDatabase {
  path: string;
  model: Model;
  cleanup(): void;
}

/** Create, migrate and seed a database in a fresh temp directory and read its model. */
export function makeScratchDatabase(): ScratchDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scenarios-db-"));
  const file = path.join(dir, "model.db");
  setupDatabase({ path: file });
  const { db, sqlite } = openDatabase(file);
  try {
    return { path: file, model: getModelFromDb(db), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  } finally {
    sqlite.close();
  }
}

/** The library's scenario files (scenarios/) that load against `model`; files with errors are left out. */
export function libraryScenarios(model: Model): Scenario[] {
  return loadScenarios({ dir: LIBRARY_DIR, model }).flatMap((r) => (r.ok ? [r.scenario] : []));
}
