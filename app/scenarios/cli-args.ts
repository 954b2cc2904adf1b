/** Command-line arguments of `npm run scenarios -- <command>`, parsed without I/O (tested on its own). */
import { OUTPUT_FORMATS, type OutputFormat } from "./format-result";
import { parseDrawsSeed, type DrawsSeed } from "./uncertainty-params";

export type CliCommand =
  | { command: "check"; paths: string[] }
  | { command: "evaluate"; target: string; format: OutputFormat; uncertainty: DrawsSeed | null }
  | { command: "schema" }
  | { command: "list" }
  | { command: "help" };

export const USAGE = `Usage: npm run scenarios -- <command>

Commands:
  check [paths...]                      Validate scenario and path files (default: every file in scenarios/
                                        and scenarios/paths/).
                                        Prints path:line:col: message per error; exits 1 if any is invalid.
  evaluate <id-or-path> [--format F]    Evaluate a scenario against the model database.
           [--draws N] [--seed S]       F = table (default), json (same JSON as /api/scenarios/:id/result) or csv.
                                        --draws/--seed add the P5-P95 bands of every figure over N seeded draws
                                        (N from 1 to 10000, default 1000; S from 0 to 4294967295, default 20201103),
                                        as ?draws=N&seed=S does for the API.
  evaluate paths/<id> [--format F]      Evaluate a path (scenarios/paths/<id>.yaml) step by step; json is
                                        the body of /api/paths/:id/result.
  list                                  List the scenarios in scenarios/ with their status.
  schema                                Regenerate scenarios/scenario.schema.json and
                                        scenarios/paths/path.schema.json from the zod schemas.
  help                                  Show this message.

The model is read from DATABASE_PATH (default data/ant-model.db); create it with \`npm run db:setup\`.`;

/** Parse argv (without node and the script); an `error` says what is wrong, to print above the usage. */
export function parseCliArgs(argv: readonly string[]): CliCommand | { error: string } {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
      return { error: "missing command" };
    case "help":
    case "--help":
    case "-h":
      return { command: "help" };
    case "check": {
      const flag = rest.find((a) => a.startsWith("-"));
      if (flag) return { error: `unknown option '${flag}' for check` };
      return { command: "check", paths: rest };
    }
    case "evaluate": {
      let format: OutputFormat = "table";
      const positional: string[] = [];
      const numeric: { draws?: string; seed?: string } = {};
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i]!;
        let value: string | undefined;
        const named = /^--(draws|seed)(?:=(.*))?$/.exec(a);
        if (named) {
          const v = named[2] ?? rest[++i];
          if (v === undefined) return { error: `--${named[1]} needs a value` };
          numeric[named[1] as "draws" | "seed"] = v;
          continue;
        }
        if (a === "--format" || a === "-f") {
          value = rest[++i];
          if (value === undefined) return { error: `--format needs a value: ${OUTPUT_FORMATS.join(", ")}` };
        } else if (a.startsWith("--format=")) value = a.slice("--format=".length);
        else if (a.startsWith("-")) return { error: `unknown option '${a}' for evaluate` };
        else {
          positional.push(a);
          continue;
        }
        if (!(OUTPUT_FORMATS as readonly string[]).includes(value))
          return { error: `unknown format '${value}': expected one of ${OUTPUT_FORMATS.join(", ")}` };
        format = value as OutputFormat;
      }
      if (positional.length === 0) return { error: "evaluate needs a scenario id or a path to a .yaml file" };
      if (positional.length > 1) return { error: `evaluate takes one scenario, got ${positional.length}: ${positional.join(" ")}` };
      const uncertainty = parseDrawsSeed(numeric.draws, numeric.seed);
      if (!uncertainty.ok) return { error: uncertainty.error };
      return { command: "evaluate", target: positional[0]!, format, uncertainty: uncertainty.value };
    }
    case "schema":
    case "list":
      if (rest.length > 0) return { error: `${cmd} takes no arguments, got: ${rest.join(" ")}` };
      return { command: cmd };
    default:
      return { error: `unknown command '${cmd}'` };
  }
}

/** The path id of an evaluate target `paths/<id>` (the CLI's name for `scenarios/paths/<id>.yaml`), else null. */
export function pathIdOfTarget(target: string): string | null {
  return /^paths\/([a-z0-9][a-z0-9-]*)$/.exec(target)?.[1] ?? null;
}

/** Whether a file is a path file: a .yaml file inside a directory named `paths`. */
export function isPathFile(file: string): boolean {
  return /(^|[\\/])paths[\\/][^\\/]+\.ya?ml$/i.test(file);
}

/** Whether an evaluate target names a file rather than a scenario id. */
export function isPathTarget(target: string): boolean {
  return /\.ya?ml$/i.test(target) || target.includes("/") || target.includes("\\");
}
