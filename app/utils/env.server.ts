/**
 * The server's environment, read once and validated with zod. A bad value fails at start-up with a message
 * naming the variable, the value found and what was expected, instead of failing later somewhere obscure.
 */
import net from "node:net";
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
  // No scheme, path or spaces. npm start checks it through this module too (scripts/server-env.ts).
  HOST: z
    .string()
    .trim()
    .min(1, { error: "expected a host name or IP address, e.g. 127.0.0.1" })
    .refine((h) => !/[\s/]/.test(h), { error: "expected a host name or IP address, e.g. 127.0.0.1 (no scheme or path)" })
    .default("127.0.0.1"),
  DATABASE_PATH: z
    .string()
    .trim()
    .min(1, { error: "expected a path to the SQLite file, e.g. data/ant-model.db" })
    .default(DEFAULT_DATABASE_PATH),
  SCENARIOS_DIR: z
    .string()
    .trim()
    .min(1, { error: "expected a path to a directory of scenario files, e.g. scenarios" })
    .refine((d) => !d.includes("\0"), { error: "expected a path to a directory of scenario files, e.g. scenarios" })
    .default("scenarios"),
  ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((h) => h.trim().toLowerCase()).filter((h) => h !== ""))
    .refine((hosts) => hosts.every((h) => HOST_NAME.test(h) || net.isIP(h.replace(/^\[|\]$/g, "")) !== 0), {
      error: "expected host names separated by commas, e.g. dashboard.example.org,10.0.0.5 (no scheme, port or path)",
    }),
});

/** A DNS name: labels of letters, digits and inner dashes. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

export type Env = {
  PORT: number;
  HOST: string;
  /** Absolute path of the SQLite file (a relative value is resolved against the working directory). */
  DATABASE_PATH: string;
  /** Absolute path of the scenario library (a relative value is resolved against the working directory). */
  SCENARIOS_DIR: string;
  /** Host names (lower case) besides loopback names, IP addresses and HOST that requests may name (DNS rebinding). */
  ALLOWED_HOSTS: string[];
};

/** Thrown when an environment variable has a value the server cannot use. */
export class EnvError extends Error {
  /** One line per bad variable: `PORT="x" is invalid: expected …`. */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid environment: ${problems.join("; ")}`);
    this.name = "EnvError";
    this.problems = problems;
  }
}

/**
 * Validates an environment record (pure, for tests). Empty strings count as unset, so `PORT=` gets the default.
 * Throws an EnvError naming every bad variable, its value and what is expected.
 */
export function parseEnv(record: Record<string, string | undefined>, cwd: string = process.cwd()): Env {
  const input: Record<string, string | undefined> = {};
  for (const key of ["PORT", "HOST", "DATABASE_PATH", "SCENARIOS_DIR", "ALLOWED_HOSTS"] as const) {
    const value = record[key];
    input[key] = value === undefined || value === "" ? undefined : value;
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(input[name] ?? "")} is invalid: ${issue.message}`;
    });
    throw new EnvError(lines);
  }
  return {
    ...parsed.data,
    DATABASE_PATH: path.resolve(cwd, parsed.data.DATABASE_PATH),
    SCENARIOS_DIR: path.resolve(cwd, parsed.data.SCENARIOS_DIR),
  };
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Whether a request may name this host (its Host header's name, without the port). A page on a foreign name that
 * resolves to this machine (DNS rebinding) sends that name; loopback names, IP addresses (a literal address cannot
 * be rebound), the configured HOST and ALLOWED_HOSTS pass.
 */
export function isKnownHost(hostname: string, env: Pick<Env, "HOST" | "ALLOWED_HOSTS"> = getEnv()): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (net.isIP(name) !== 0) return true;
  return name === env.HOST.toLowerCase() || env.ALLOWED_HOSTS.includes(name);
}
