/**
 * Reads path files (`scenarios/paths/*.yaml`) and resolves them against the library. A bad file never hides the
 * others: each comes back as a resolved path or as its errors. The walk and the reading are the library's
 * (library-files.server.ts).
 */
import path from "node:path";
import type { Model } from "../engine/model";
import { checkFile, displayPath, listYamlFiles, readText, resolvedDir, unreadable } from "../scenarios/library-files.server";
import type { ScenarioFileResult } from "../scenarios/validate";
import { validatePathText, type PathFileResult } from "./parse";

export type { PathFileResult, PathOk, PathFailed } from "./parse";

/** The paths directory under a scenarios directory. */
export function pathsDirOf(scenariosDir: string): string {
  return path.join(scenariosDir, "paths");
}

/** The path files of a directory, sorted by name. */
export function listPathFiles(dir: string): string[] {
  return listYamlFiles(dir);
}

/**
 * Read, check and resolve one path file. `within` (the resolved paths directory) refuses a file whose symbolic
 * links lead outside it, as for scenario files.
 */
export function loadPathFile(file: string, library: readonly ScenarioFileResult[], model: Model | null, within?: string): PathFileResult {
  const checked = checkFile(file, "a path", within);
  if (!checked.ok) return unreadable(file, checked.message);
  const read = readText(file);
  if (!read.ok) return unreadable(file, read.message);
  return validatePathText(read.text, displayPath(file), library, model);
}

/** Every path file in `dir`, each resolved or as its errors. */
export function loadPaths(dir: string, library: readonly ScenarioFileResult[], model: Model | null): PathFileResult[] {
  const within = resolvedDir(dir);
  return listPathFiles(dir).map((f) => loadPathFile(f, library, model, within));
}
