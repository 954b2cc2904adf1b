/** The page for a scenario file that does not load: every error as `file:line:col: field: reason`. */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

import { ErrorPage, type ErrorPayload } from "~/components/shared/ErrorPage";

export type ScenarioFilePayload = ErrorPayload & { file: string; errors: string[] };

export function isScenarioFilePayload(value: unknown): value is ScenarioFilePayload {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ScenarioFilePayload).file === "string" &&
    Array.isArray((value as ScenarioFilePayload).errors)
  );
}

/** Splits text on `backticks` so commands render as code. */
function withCode(text: string) {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function ScenarioFileErrors({ status, payload }: { status: number; payload: ScenarioFilePayload }) {
  return (
    <main id="main" className="error-page scenario-file-errors">
      <p className="error-status">Error {status}</p>
      <h1>{payload.title}</h1>
      <p className="error-message">{payload.message}</p>
      <ul className="file-errors" aria-label={`Errors in ${payload.file}`}>
        {payload.errors.map((e) => (
          <li key={e}>
            <code>{e}</code>
          </li>
        ))}
      </ul>
      {payload.hint ? <p className="error-hint">{withCode(payload.hint)}</p> : null}
      <p>
        <Link to="/">Go to the scenario library</Link> · <Link to="/model">Go to the baseline model</Link>
      </p>
    </main>
  );
}

/** The error boundary of the pages that show one scenario (its page, its deck): a broken file, or the usual page. */
export function ScenarioErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    if (isScenarioFilePayload(error.data)) return <ScenarioFileErrors status={error.status} payload={error.data} />;
    return <ErrorPage status={error.status} data={error.data} />;
  }
  return <ErrorPage status={500} data={null} />;
}
