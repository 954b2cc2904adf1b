/**
 * `npm run db:setup`: creates, migrates and seeds the database at DATABASE_PATH (default data/ant-model.db),
 * validated by the one env module (app/utils/env.server.ts). Exits 1 with the reason on failure.
 */
import { setupDatabase } from "../db/setup";
import { parseEnv } from "../app/utils/env.server";

try {
  const { DATABASE_PATH } = parseEnv(process.env);
  const result = setupDatabase({ path: DATABASE_PATH });
  console.log(`db:setup ${result.path}: ${result.message}`);
} catch (error) {
  console.error(`db:setup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
