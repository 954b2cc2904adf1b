/**
 * Path file text -> a resolved path, or errors with file:line:col like scenario files (the same YAML reader,
 * message rewriting and locator: app/scenarios/parse.ts). Pure: the loader supplies the text, the library and
 * the model.
 */
import type { Model } from "../engine/model";
import { messagesFor } from "../scenarios/messages";
import { locateMessages, readYaml, scenarioIdFromFile, type Locator, type ScenarioError } from "../scenarios/parse";
import type { ScenarioFileResult } from "../scenarios/validate";
import { isSlug } from "../engine/vocabulary";
import { resolvePath, type ResolvedPath } from "./resolve";
import { pathSchema, type Path } from "./schema";

export type PathParse = { ok: true; path: Path; locate: Locator } | { ok: false; errors: ScenarioError[] };

export interface PathOk {
  ok: true;
  id: string;
  file: string;
  definition: Path;
  path: ResolvedPath;
  warnings: ScenarioError[];
}
export interface PathFailed {
  ok: false;
  id: string;
  file: string;
  errors: ScenarioError[];
  warnings: ScenarioError[];
}
export type PathFileResult = PathOk | PathFailed;

/** Parse and check a path file's format (not its references). */
export function parsePath(text: string, file: string): PathParse {
  const id = scenarioIdFromFile(file);
  if (!isSlug(id))
    return {
      ok: false,
      errors: [{ file, line: 1, col: 1, path: "", message: `file name gives the path id '${id}', expected a lower-case id like 'what-happened'` }],
    };
  const read = readYaml(text, file, "a path");
  if (!read.ok) return read;
  const parsed = pathSchema.safeParse(read.data);
  if (!parsed.success) {
    const errors = locateMessages(file, read.locate, messagesFor(pathSchema, read.data, parsed.error.issues));
    errors.sort((a, b) => a.line - b.line || a.col - b.col);
    return { ok: false, errors };
  }
  return { ok: true, path: { id, ...parsed.data }, locate: read.locate };
}

/** Parse, check and resolve a path file against the library and (when given) the model. */
export function validatePathText(
  text: string,
  file: string,
  library: readonly ScenarioFileResult[],
  model?: Model | null,
): PathFileResult {
  const id = scenarioIdFromFile(file);
  const parsed = parsePath(text, file);
  if (!parsed.ok) return { ok: false, id, file, errors: parsed.errors, warnings: [] };
  const r = resolvePath(parsed.path, library, { model, locate: parsed.locate });
  const warnings = locateMessages(file, parsed.locate, r.warnings);
  if (!r.ok) {
    const errors = locateMessages(file, parsed.locate, r.errors).sort((a, b) => a.line - b.line || a.col - b.col);
    return { ok: false, id, file, errors, warnings };
  }
  return { ok: true, id, file, definition: parsed.path, path: r.path, warnings };
}
