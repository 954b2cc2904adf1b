/**
 * Reads path files (`scenarios/paths/*.yaml`) and resolves them against the library. A bad file never hides the
 * others: each comes back as a resolved path or as its errors.
 */
import fs from "node:fs";
import path from "node:path";
import type { Model } from "../engine/model";
import { MAX_FILE_BYTES, scenarioIdFromFile } from "../scenarios/parse";
import type { ScenarioFileResult } from "../scenarios/validate";
import { validatePathText, type PathFileResult } from "./parse";

export type { PathFileResult, PathOk, PathFailed } from "./parse";

/** The paths directory under a scenarios directory. */
export function pathsDirOf(scenariosDir: string): string {
  return path.join(scenariosDir, "paths");
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

/** The path files of a directory, sorted by name. */
export function listPathFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

/** Read, check and resolve one path file. */
export function loadPathFile(file: string, library: readonly ScenarioFileResult[], model: Model | null): PathFileResult {
  const shown = displayPath(file);
  const id = scenarioIdFromFile(file);
  const failed = (message: string): PathFileResult => ({
    ok: false,
    id,
    file: shown,
    errors: [{ file: shown, line: 1, col: 1, path: "", message }],
    warnings: [],
  });
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return failed("not a file");
    if (stat.size > MAX_FILE_BYTES)
      return failed(`file is ${Math.ceil(stat.size / 1024)} KB, larger than the ${MAX_FILE_BYTES / 1024} KB a path may be`);
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return failed(code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? String(e)})`);
  }
  return validatePathText(text, shown, library, model);
}

/** Every path file in `dir`, each resolved or as its errors. */
export function loadPaths(dir: string, library: readonly ScenarioFileResult[], model: Model | null): PathFileResult[] {
  return listPathFiles(dir).map((f) => loadPathFile(f, library, model));
}
