/** One line per error, as compilers print them: `path:line:col: field: message`. Pure. */
import type { ScenarioError } from "./parse";

/** `scenarios/foo.yaml:12:5: rules[1].consentRate: expected a number from 0 to 1, got 1.3` */
export function formatError(e: ScenarioError, severity: "error" | "warning" = "error"): string {
  const prefix = severity === "warning" ? "warning: " : "";
  return `${e.file}:${e.line}:${e.col}: ${prefix}${e.path ? `${e.path}: ` : ""}${e.message}`;
}

/** The message with its field path, without the file position: `rules[1].consentRate: expected ...`. */
export function describeError(e: Pick<ScenarioError, "path" | "message">): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

/** All errors, one a line, sorted by file, line and column. */
export function formatErrors(errors: readonly ScenarioError[]): string {
  return [...errors]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col))
    .map((e) => formatError(e))
    .join("\n");
}
