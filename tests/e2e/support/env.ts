/**
 * Where the browser tests' servers listen and which scratch databases they use. Shared by playwright.config.ts,
 * the global setup and the specs. Never the user's data/ file.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const base = Number(process.env.E2E_PORT || 3210);

/** Scratch folder of the browser tests (git-ignored, rebuilt by every run; per port, so two runs can coexist). */
export const E2E_TMP = path.join(ROOT, "tests", ".tmp", `e2e-${base}`);

export const E2E = {
  root: ROOT,
  /** The app on a freshly seeded scratch database. */
  app: { port: base, url: `http://127.0.0.1:${base}`, db: path.join(E2E_TMP, "model.db") },
  /** The app pointed at a database file that does not exist. */
  missingDb: { port: base + 1, url: `http://127.0.0.1:${base + 1}`, db: path.join(E2E_TMP, "does-not-exist.db") },
  /** The app pointed at a file that is not a SQLite database. */
  corruptDb: { port: base + 2, url: `http://127.0.0.1:${base + 2}`, db: path.join(E2E_TMP, "corrupt.db") },
} as const;
