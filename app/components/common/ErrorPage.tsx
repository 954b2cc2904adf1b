/**
 * The page shown for an error response: a status, a plain sentence on what happened and what to do next, and a
 * broken scenario file's errors when there are any. Never a stack trace: services turn known failures into an
 * ErrorPayload (app/services/errors.server.ts), anything else is a generic 500. `RouteErrorBoundary` is every
 * route's ErrorBoundary.
 */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

import { isErrorPayload, isScenarioFilePayload, type ErrorPayload } from "~/utils/error-payload";

export type { ErrorPayload };

const DEFAULTS: Record<number, ErrorPayload> = {
  404: {
    title: "Page not found",
    message: "There is no page at this address.",
    hint: "Check the address, or go to the baseline model.",
  },
  503: {
    title: "Service unavailable",
    message: "The dashboard cannot serve this page right now.",
  },
};

const GENERIC: ErrorPayload = {
  title: "Something went wrong",
  message: "The server could not produce this page. The error has been logged on the server.",
  hint: "Try again; if it persists, restart the server with `npm start`.",
};

/** Splits a hint on `backticks` so commands render as code. */
function withCode(text: string) {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function ErrorPage({ status, data }: { status: number; data: unknown }) {
  if (isScenarioFilePayload(data))
    return (
      <main id="main" className="error-page scenario-file-errors">
        <p className="error-status">Error {status}</p>
        <h1>{data.title}</h1>
        <p className="error-message">{data.message}</p>
        <ul className="file-errors" aria-label={`Errors in ${data.file}`}>
          {data.errors.map((e) => (
            <li key={e}>
              <code>{e}</code>
            </li>
          ))}
        </ul>
        {data.hint ? <p className="error-hint">{withCode(data.hint)}</p> : null}
        <p>
          <Link to="/">Go to the scenario library</Link> · <Link to="/model">Go to the baseline model</Link>
        </p>
      </main>
    );
  const payload = isErrorPayload(data) ? data : (DEFAULTS[status] ?? GENERIC);
  return (
    <main id="main" className="error-page">
      <p className="error-status">Error {status}</p>
      <h1>{payload.title}</h1>
      <p className="error-message">{withCode(payload.message)}</p>
      {payload.hint ? <p className="error-hint">{withCode(payload.hint)}</p> : null}
      <p>
        <Link to="/model">Go to the baseline model</Link>
      </p>
    </main>
  );
}

/** The ErrorBoundary of every route: an error response as its page, anything else as a generic 500. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) return <ErrorPage status={error.status} data={error.data} />;
  return <ErrorPage status={500} data={null} />;
}
