/**
 * Before the browser tests: a fresh scratch database seeded from the committed migrations and seed (an old one
 * is deleted first), and a garbage file for the corrupt-database test. The servers open their database on the
 * first request, which comes after this setup.
 */
import fs from "node:fs";

import { setupDatabase } from "../db/setup";
import { E2E, E2E_TMP } from "./e2e/support/env";

export default function globalSetup() {
  fs.rmSync(E2E_TMP, { recursive: true, force: true });
  fs.mkdirSync(E2E_TMP, { recursive: true });
  const result = setupDatabase({ path: E2E.app.db });
  if (!result.seeded) throw new Error(`scratch database ${E2E.app.db} was not seeded: ${result.message}`);
  fs.writeFileSync(E2E.corruptDb.db, "This is not a SQLite database.\n".repeat(64));
}
