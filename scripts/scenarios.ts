/**
 * `npm run scenarios -- <command>`: check, evaluate, list scenario files and regenerate their JSON Schema.
 * Thin: parsing, validation and formatting live in app/scenarios/ (tested there); this file does the I/O.
 * Exit codes: 0 ok, 1 invalid scenario or unavailable model, 2 bad arguments.
 */
import fs from "node:fs";
import path from "node:path";
import type { Model } from "../app/engine/model";
import { getModelFromDb } from "../app/data/model.server";
import { isPathFile, isPathTarget, parseCliArgs, pathIdOfTarget, USAGE } from "../app/scenarios/cli-args";
import { formatError } from "../app/scenarios/format-errors";
import { formatResult } from "../app/scenarios/format-result";
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText } from "../app/scenarios/json-schema";
import {
  defaultScenariosDir,
  isScenarioFile,
  listScenarioFiles,
  loadScenarioFile,
  loadScenarios,
  markDuplicateIds,
  type ScenarioFileResult,
} from "../app/scenarios/load.server";
import { resultPayload } from "../app/scenarios/payload";
import { PATH_SCHEMA_PATH, pathJsonSchemaText } from "../app/paths/json-schema";
import { listPathFiles, loadPathFile, pathsDirOf, type PathFileResult } from "../app/paths/load.server";
import { formatPathResult } from "../app/paths/format";
import { pathResultPayload } from "../app/paths/payload";
import { openDatabase } from "../app/data/db.server";
import { parseEnv } from "../app/utils/env.server";

const out = (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
const err = (s: string) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`);

/** The model from the database, or the reason it is unavailable. */
function readModel(): { model: Model } | { problem: string } {
  try {
    const { DATABASE_PATH } = parseEnv(process.env);
    const { db, sqlite } = openDatabase(DATABASE_PATH);
    try {
      return { model: getModelFromDb(db) };
    } finally {
      sqlite.close();
    }
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
}

function printProblems(r: ScenarioFileResult | PathFileResult): void {
  if (!r.ok) for (const e of r.errors) out(formatError(e));
  for (const w of r.warnings) out(formatError(w, "warning"));
}

function check(paths: string[]): number {
  const m = readModel();
  if ("problem" in m)
    err(`note: ${m.problem}\nnote: ids are not checked against the model; syntax and schema are. Create the database with \`npm run db:setup\`.`);
  const model = "model" in m ? m.model : null;
  const files: string[] = [];
  const pathFiles: string[] = [];
  for (const p of paths.length > 0 ? paths : [defaultScenariosDir()]) {
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      // A directory: its scenario files and the path files in its paths/ (or its own, if it is a paths/ directory).
      if (path.basename(path.resolve(p)) === "paths") pathFiles.push(...listPathFiles(p));
      else {
        files.push(...listScenarioFiles(p));
        pathFiles.push(...listPathFiles(pathsDirOf(p)));
      }
    } else if (isPathFile(p)) pathFiles.push(p);
    else files.push(p);
  }
  if (files.length === 0 && pathFiles.length === 0) {
    err("no scenario files found");
    return 1;
  }
  const results = markDuplicateIds(files.map((f) => loadScenarioFile(f, { model })));
  results.forEach(printProblems);
  // Paths name scenarios of the library (scenarios/), whichever files were asked for.
  const library = pathFiles.length > 0 ? loadScenarios({ model }) : [];
  const pathResults = pathFiles.map((f) => loadPathFile(f, library, model));
  pathResults.forEach(printProblems);
  const all = [...results, ...pathResults];
  const bad = all.filter((r) => !r.ok).length;
  const ok = all.length - bad;
  out(bad === 0 ? `${ok} file${ok === 1 ? "" : "s"} ok` : `${ok} file${ok === 1 ? "" : "s"} ok, ${bad} invalid`);
  return bad === 0 ? 0 : 1;
}

/** `evaluate paths/<id>` or a file in a paths/ directory: a path, step by step. */
function evaluatePathCommand(target: string, format: "table" | "json" | "csv", model: Model): number {
  const id = pathIdOfTarget(target);
  const file = id !== null ? path.join(pathsDirOf(defaultScenariosDir()), `${id}.yaml`) : target;
  if (id !== null && !fs.existsSync(file)) {
    const ids = listPathFiles(pathsDirOf(defaultScenariosDir())).map((f) => path.basename(f).replace(/\.ya?ml$/i, ""));
    err(`unknown path '${id}'; paths in scenarios/paths: ${ids.join(", ") || "none"}`);
    return 1;
  }
  const loaded = loadPathFile(file, loadScenarios({ model }), model);
  if (!loaded.ok) {
    printProblems(loaded);
    return 1;
  }
  for (const w of loaded.warnings) err(formatError(w, "warning"));
  out(formatPathResult(pathResultPayload(model, loaded.path), format));
  return 0;
}

function evaluateCommand(
  target: string,
  format: "table" | "json" | "csv",
  uncertainty: { draws: number; seed: number } | null,
): number {
  const m = readModel();
  if ("problem" in m) {
    err(`${m.problem}\nevaluate needs the model database: create it with \`npm run db:setup\`.`);
    return 1;
  }
  if (pathIdOfTarget(target) !== null || isPathFile(target)) {
    if (uncertainty) err("--draws/--seed give bands for a scenario; a path is evaluated at its values.");
    return evaluatePathCommand(target, format, m.model);
  }
  let loaded: ScenarioFileResult | undefined;
  if (isPathTarget(target)) {
    if (!isScenarioFile(target)) {
      err(`'${target}' is not a .yaml or .yml file`);
      return 2;
    }
    loaded = loadScenarioFile(target, { model: m.model });
  } else {
    loaded = loadScenarios({ model: m.model }).find((r) => r.id === target);
    if (!loaded) {
      const ids = loadScenarios().map((r) => r.id);
      err(`unknown scenario '${target}'; scenarios in ${path.relative(process.cwd(), defaultScenariosDir()) || "."}: ${ids.join(", ") || "none"}`);
      return 1;
    }
  }
  if (!loaded.ok) {
    printProblems(loaded);
    return 1;
  }
  for (const w of loaded.warnings) err(formatError(w, "warning"));
  out(formatResult(resultPayload(m.model, loaded.scenario, { uncertainty }), format));
  return 0;
}

function list(): number {
  const m = readModel();
  const results = loadScenarios({ model: "model" in m ? m.model : null });
  if ("problem" in m) err(`note: ${m.problem}`);
  for (const r of results) {
    if (r.ok) out(`${r.id.padEnd(36)} ok       ${r.scenario.date.padEnd(10)} ${r.scenario.title}`);
    else out(`${r.id.padEnd(36)} INVALID  ${r.errors.length} error(s): run \`npm run scenarios -- check ${r.file}\``);
  }
  out(`${results.length} scenario${results.length === 1 ? "" : "s"}`);
  return 0;
}

function schema(): number {
  for (const [rel, text] of [
    [SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText()],
    [PATH_SCHEMA_PATH, pathJsonSchemaText()],
  ] as const) {
    const target = path.resolve(process.cwd(), rel);
    const same = fs.existsSync(target) && fs.readFileSync(target, "utf8") === text;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    out(`${same ? "unchanged" : "wrote"} ${rel}`);
  }
  return 0;
}

function main(argv: string[]): number {
  const args = parseCliArgs(argv);
  if ("error" in args) {
    err(`error: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  switch (args.command) {
    case "help":
      out(USAGE);
      return 0;
    case "check":
      return check(args.paths);
    case "evaluate":
      return evaluateCommand(args.target, args.format, args.uncertainty);
    case "list":
      return list();
    case "schema":
      return schema();
  }
}

process.exitCode = main(process.argv.slice(2));
