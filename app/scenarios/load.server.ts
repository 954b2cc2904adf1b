/**
 * Reads scenario files from disk. A bad file never stops the others: each file comes back either as a scenario
 * or as its errors. Duplicate ids (foo.yaml and foo.yml) are reported on every file after the first.
 */
import fs from "node:fs";
import path from "node:path";
import type { Model } from "../engine/model";
import { MAX_FILE_BYTES, scenarioIdFromFile } from "./parse";
import { validateScenarioText, type ScenarioFileResult } from "./validate";

export type { ScenarioFileResult, ScenarioOk, ScenarioFailed, ScenarioError } from "./validate";

/** The library directory: `scenarios/` under the working directory. */
export function defaultScenariosDir(): string {
  return path.resolve(process.cwd(), "scenarios");
}

/** Whether a file name is a scenario file. */
export function isScenarioFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** A path as shown in messages: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Validated files, keyed by path, reused while the file's mtime and size and the model are the same: a page that
 * loads the library on every request then parses only files that changed (an edited file shows on the next one).
 */
const cache = new Map<string, { mtimeMs: number; size: number; model: Model | null; result: ScenarioFileResult }>();

/** Whether `file`, its symbolic links resolved, lies inside the directory `realDir` (itself resolved). */
function resolvesInside(file: string, realDir: string): boolean {
  try {
    const rel = path.relative(realDir, fs.realpathSync(file));
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  } catch {
    return true; // a dangling link or a missing file: reading it says "file not found"
  }
}

/**
 * Read and validate one scenario file. `model` enables the reference checks; `within` (a resolved directory)
 * refuses a file whose symbolic links lead outside it, without reading it (a link in the library must not show
 * the first line of whatever it reaches).
 */
export function loadScenarioFile(file: string, opts: { model?: Model | null; within?: string } = {}): ScenarioFileResult {
  const shown = displayPath(file);
  const id = scenarioIdFromFile(file);
  const failed = (message: string): ScenarioFileResult => ({
    ok: false,
    id,
    file: shown,
    errors: [{ file: shown, line: 1, col: 1, path: "", message }],
    warnings: [],
  });
  let stat: fs.Stats;
  let text: string;
  const model = opts.model ?? null;
  if (opts.within !== undefined && !resolvesInside(file, opts.within))
    return failed("a symbolic link to a file outside the scenario directory; it was not read");
  try {
    stat = fs.statSync(file);
    if (!stat.isFile()) return failed("not a file");
    // Refuse before reading, so a huge file costs nothing.
    if (stat.size > MAX_FILE_BYTES)
      return failed(`file is ${Math.ceil(stat.size / 1024)} KB, larger than the ${MAX_FILE_BYTES / 1024} KB a scenario may be`);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size && hit.model === model && hit.result.file === shown)
      return hit.result;
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return failed(code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? String(e)})`);
  }
  const result = validateScenarioText(text, shown, model);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, model, result });
  return result;
}

/** The scenario files of a directory, sorted by name. */
export function listScenarioFiles(dir: string = defaultScenariosDir()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter(isScenarioFile)
    .sort()
    .map((n) => path.join(dir, n));
}

/** Mark every file whose id an earlier file already has. */
export function markDuplicateIds(results: ScenarioFileResult[]): ScenarioFileResult[] {
  const firstFile = new Map<string, string>();
  return results.map((r) => {
    const first = firstFile.get(r.id);
    if (first === undefined) {
      firstFile.set(r.id, r.file);
      return r;
    }
    const error = {
      file: r.file,
      line: 1,
      col: 1,
      path: "",
      message: `duplicate scenario id '${r.id}': ${first} already defines it (rename one of the files)`,
    };
    return { ok: false, id: r.id, file: r.file, errors: [error, ...(r.ok ? [] : r.errors)], warnings: r.warnings };
  });
}

/** Load every scenario file in `dir` (default `scenarios/`), each to a scenario or its errors. */
export function loadScenarios(opts: { dir?: string; model?: Model | null } = {}): ScenarioFileResult[] {
  const dir = opts.dir ?? defaultScenariosDir();
  const files = listScenarioFiles(dir);
  let within: string | undefined;
  try {
    within = fs.realpathSync(dir);
  } catch {
    within = undefined; // no directory, no files
  }
  return markDuplicateIds(files.map((f) => loadScenarioFile(f, { model: opts.model, within })));
}
