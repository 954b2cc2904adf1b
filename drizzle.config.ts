/** drizzle-kit configuration: `npm run db:generate` writes SQL migrations from db/schema.ts into db/migrations. */
import type { Config } from "drizzle-kit";

export default {
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "data/ant-model.db" },
} satisfies Config;
