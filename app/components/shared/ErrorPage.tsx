/**
 * The page shown for an error response: a status, a plain sentence on what happened and what to do next.
 * Never a stack trace: loaders turn known failures into an `ErrorPayload`, anything else is a generic 500.
 */
import { Link } from "@remix-run/react";

/** What a loader throws (as `data(payload, { status })`) for an error a reader can act on. */
export type ErrorPayload = { title: string; message: string; hint?: string };

/** The payload for a missing or unreadable model database. */
export function databaseUnavailable(detail: string): ErrorPayload {
  return {
    title: "The model database is unavailable",
    message: detail,
    // The error's own message says how to rebuild the file; this adds what to do after.
    hint: "Once the database is rebuilt, reload this page: the server does not need a restart.",
  };
}

function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorPayload).title === "string" &&
    typeof (value as ErrorPayload).message === "string"
  );
}

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
