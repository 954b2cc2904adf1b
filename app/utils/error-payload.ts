/**
 * What an error page shows (and an API's JSON error carries): a title, a plain sentence on what happened, and
 * what to do next. Pure, so the pages that render it and the services that make it share one shape.
 */
export type ErrorPayload = { title: string; message: string; hint?: string };

/** A scenario file that does not load: every error as `file:line:col: field: reason`. */
export type ScenarioFilePayload = ErrorPayload & { file: string; errors: string[] };

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorPayload).title === "string" &&
    typeof (value as ErrorPayload).message === "string"
  );
}

export function isScenarioFilePayload(value: unknown): value is ScenarioFilePayload {
  return isErrorPayload(value) && typeof (value as ScenarioFilePayload).file === "string" && Array.isArray((value as ScenarioFilePayload).errors);
}
