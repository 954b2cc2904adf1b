/**
 * The server's environment, read once and validated with zod. A bad value fails at start-up with a message
 * naming the variable, the value found and what was expected, instead of failing later somewhere obscure.
 */
import path from "node:path";
import { z } from "zod";

export const DEFAULT_DATABASE_PATH = "data/ant-model.db";

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "expected an integer from 1 to 65535" })
    .int({ error: "expected an integer from 1 to 65535" })
    .min(1, { error: "expected an integer from 1 to 65535" })
    .max(65535, { error: "expected an integer from 1 to 65535" })
    .default(3000),
  HOST: z.string().trim().min(1, { error: "expected a host name or IP address, e.g. 127.0.0.1" }).default("127.0.0.1"),
  DATABASE_PATH: z
    .string()
    .trim()
    .min(1, { error: "expected a path to the SQLite file, e.g. data/ant-model.db" })
    .default(DEFAULT_DATABASE_PATH),
});

export type Env = {
  PORT: number;
  HOST: string;
  /** Absolute path of the SQLite file (a relative value is resolved against the working directory). */
  DATABASE_PATH: string;
};

/** Thrown when an environment variable has a value the server cannot use. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/**
 * Validates an environment record (pure, for tests). Empty strings count as unset, so `PORT=` gets the default.
 * Throws an EnvError naming every bad variable, its value and what is expected.
 */
export function parseEnv(record: Record<string, string | undefined>, cwd: string = process.cwd()): Env {
  const input: Record<string, string | undefined> = {};
  for (const key of ["PORT", "HOST", "DATABASE_PATH"] as const) {
    const value = record[key];
    input[key] = value === undefined || value === "" ? undefined : value;
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(input[name] ?? "")} is invalid: ${issue.message}`;
    });
    throw new EnvError(`Invalid environment: ${lines.join("; ")}`);
  }
  return { ...parsed.data, DATABASE_PATH: path.resolve(cwd, parsed.data.DATABASE_PATH) };
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
