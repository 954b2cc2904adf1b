/**
 * Reads scenario files from disk. A bad file never stops the others: each file comes back either as a scenario
 * or as its errors. Duplicate ids (foo.yaml and foo.yml) are reported on every file after the first.
 */
import path from "node:path";
import type { Model } from "../engine/model";
import { checkFile, displayPath, isYamlFile, listYamlFiles, readText, resolvedDir, unreadable } from "./library-files.server";
import { validateScenarioText, type ScenarioFileResult } from "./validate";

export type { ScenarioFileResult, ScenarioOk, ScenarioFailed, ScenarioError } from "./validate";

/** The library directory: `scenarios/` under the working directory. */
export function defaultScenariosDir(): string {
  return path.resolve(process.cwd(), "scenarios");
}

/** Whether a file name is a scenario file. */
export const isScenarioFile = isYamlFile;

/**
 * Validated files, keyed by path, reused while the file's mtime and size and the model are the same: a page that
 * loads the library on every request then parses only files that changed (an edited file shows on the next one).
 */
const cache = new Map<string, { mtimeMs: number; size: number; model: Model | null; result: ScenarioFileResult }>();

/**
 * Read and validate one scenario file. `model` enables the reference checks; `within` (a resolved directory)
 * refuses a file whose symbolic links lead outside it, without reading it (library-files.server.ts).
 */
export function loadScenarioFile(file: string, opts: { model?: Model | null; within?: string } = {}): ScenarioFileResult {
  const shown = displayPath(file);
  const model = opts.model ?? null;
  const checked = checkFile(file, "a scenario", opts.within);
  if (!checked.ok) return unreadable(file, checked.message);
  const { stat } = checked;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size && hit.model === model && hit.result.file === shown) return hit.result;
  const read = readText(file);
  if (!read.ok) return unreadable(file, read.message);
  const result = validateScenarioText(read.text, shown, model);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, model, result });
  return result;
}

/** The scenario files of a directory, sorted by name. */
export function listScenarioFiles(dir: string = defaultScenariosDir()): string[] {
  return listYamlFiles(dir);
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
  const within = resolvedDir(dir); // no directory, no files
  return markDuplicateIds(listScenarioFiles(dir).map((f) => loadScenarioFile(f, { model: opts.model, within })));
}
