/**
 * The directory walk the scenario library and its paths (`scenarios/paths/`) share: which files count, how a file
 * is named in messages, and how one is read. A file is read only if it is a regular file no larger than
 * MAX_FILE_BYTES and, through any symbolic links, inside its directory. A link in the library must not show the
 * first line of whatever it reaches.
 */
import fs from "node:fs";
import path from "node:path";

import { MAX_FILE_BYTES, scenarioIdFromFile } from "./parse";

/** Whether a file name is a YAML file (a scenario or a path). */
export function isYamlFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** A path as shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

/** The YAML files of a directory, sorted by name; none for a missing directory. */
export function listYamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter(isYamlFile)
    .sort()
    .map((n) => path.join(dir, n));
}

/** A directory with its symbolic links resolved, for `within`; undefined when it does not exist. */
export function resolvedDir(dir: string): string | undefined {
  try {
    return fs.realpathSync(dir);
  } catch {
    return undefined;
  }
}

/** Whether `file`, its symbolic links resolved, lies inside the directory `realDir` (itself resolved). */
function resolvesInside(file: string, realDir: string): boolean {
  try {
    const rel = path.relative(realDir, fs.realpathSync(file));
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  } catch {
    return true; // a dangling link or a missing file: reading it says "file not found"
  }
}

/** A file that could not be read, as the one error of its result (the shape scenario and path results share). */
export function unreadable(file: string, message: string) {
  const shown = displayPath(file);
  return {
    ok: false as const,
    id: scenarioIdFromFile(file),
    file: shown,
    errors: [{ file: shown, line: 1, col: 1, path: "", message }],
    warnings: [],
  };
}

export type FileCheck = { ok: true; stat: fs.Stats } | { ok: false; message: string };

/**
 * Whether `file` may be read, before reading it: inside `within` (a resolved directory) through its links, a regular
 * file, and no larger than `what` ("a scenario", "a path") may be. A huge file costs a stat, not a read.
 */
export function checkFile(file: string, what: string, within?: string): FileCheck {
  if (within !== undefined && !resolvesInside(file, within))
    return { ok: false, message: "a symbolic link to a file outside the scenario directory; it was not read" };
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, message: "not a file" };
    if (stat.size > MAX_FILE_BYTES)
      return { ok: false, message: `file is ${Math.ceil(stat.size / 1024)} KB, larger than the ${MAX_FILE_BYTES / 1024} KB ${what} may be` };
    return { ok: true, stat };
  } catch (e) {
    return { ok: false, message: readErrorMessage(e) };
  }
}

/** The text of a file checked with checkFile, or why it could not be read. */
export function readText(file: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: fs.readFileSync(file, "utf8") };
  } catch (e) {
    return { ok: false, message: readErrorMessage(e) };
  }
}

function readErrorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? String(e)})`;
}
