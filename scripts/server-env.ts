/**
 * The server's environment as `npm start` needs it, validated by the one env module (app/utils/env.server.ts):
 * prints `{"port":…,"host":…,"scenariosDir":…}` on stdout, or each bad variable on stderr and exits 1.
 * scripts/start.mjs runs it (start.mjs is plain Node and cannot import TypeScript), so PORT, HOST and
 * SCENARIOS_DIR are checked by exactly the rules the server applies before it listens.
 */
import { EnvError, parseEnv } from "../app/utils/env.server";

try {
  const env = parseEnv(process.env);
  process.stdout.write(`${JSON.stringify({ port: env.PORT, host: env.HOST, scenariosDir: env.SCENARIOS_DIR })}\n`);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  for (const line of error.problems) process.stderr.write(`${line}\n`);
  process.exitCode = 1;
}
