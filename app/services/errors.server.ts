/**
 * The one table from domain errors to HTTP answers, rendered as an error page (thrown for the route's
 * ErrorBoundary) or as JSON (`{ error, title, hint?, ...extra }`). Every service maps failures through here, so
 * a locked or missing database is the same 503 on every page and API, a stale base the same 409, and so on.
 */
import { data } from "@remix-run/node";

import { DatabaseUnavailableError } from "~/data/db.server";
import {
  DatabaseBusyError,
  DatabaseReadOnlyError,
  StaleVersionError,
  StoredDefinitionError,
  ValidationError,
  VariantNotFoundError,
} from "~/data/variant.server";
import type { ErrorPayload } from "~/utils/error-payload";
import { HttpError, json } from "~/utils/http.server";

import { ComputeBusyError } from "./compute-pool.server";

export type ErrorAnswer = {
  status: number;
  payload: ErrorPayload;
  /** Fields a JSON client acts on (a 400's field errors, a 409's versions). */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Not logged: an expected refusal that comes in floods (a full compute queue), where a line each would drown the log. */
  quiet?: boolean;
};

const NO_STORE = { "Cache-Control": "no-store" };

/** The payload for a missing or unreadable model database (its message says how to rebuild the file). */
export function databaseUnavailable(detail: string): ErrorPayload {
  return {
    title: "The model database is unavailable",
    message: detail,
    hint: "Once the database is rebuilt, reload this page: the server does not need a restart.",
  };
}

const HTTP_TITLES: Record<number, string> = {
  400: "Bad request",
  403: "Request refused",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Request too large",
  415: "Unsupported content type",
  422: "Cannot be processed",
  429: "Too many requests",
  503: "Service unavailable",
};

/** The answer for a known domain error; null for anything else (a bug: the caller logs it and answers 500). */
export function errorAnswer(e: unknown): ErrorAnswer | null {
  if (e instanceof HttpError)
    return { status: e.status, payload: { title: HTTP_TITLES[e.status] ?? "Request refused", message: e.message }, extra: e.extra, headers: Object.fromEntries(new Headers(e.headers)) };
  if (e instanceof ValidationError) return { status: 400, payload: { title: "Invalid input", message: e.summary }, extra: { errors: e.errors } };
  if (e instanceof VariantNotFoundError)
    return { status: 404, payload: { title: "Variant not found", message: e.message, hint: "The saved variants are listed at /variants." } };
  if (e instanceof StaleVersionError)
    return {
      status: 409,
      payload: { title: "Saved by someone else since", message: e.message },
      extra: { id: e.id, latestVersion: e.latestVersion, baseVersion: e.baseVersion, latest: e.latest, submitted: e.submitted },
    };
  if (e instanceof StoredDefinitionError)
    return {
      status: 422,
      payload: { title: "This saved variant cannot be shown", message: e.message, hint: "Open an earlier version, or save a corrected one from the builder." },
    };
  if (e instanceof ComputeBusyError)
    return {
      status: 503,
      payload: { title: "The server is busy", message: e.message, hint: "Reload this page in a moment: nothing was lost." },
      headers: { "Retry-After": String(e.retryAfter), ...NO_STORE },
      quiet: true,
    };
  if (e instanceof DatabaseBusyError)
    return { status: 503, payload: { title: "The database is busy", message: e.message }, headers: { "Retry-After": "1", ...NO_STORE } };
  if (e instanceof DatabaseReadOnlyError) return { status: 503, payload: { title: "The database is read-only", message: e.message }, headers: NO_STORE };
  if (e instanceof DatabaseUnavailableError) return { status: 503, payload: databaseUnavailable(e.message), headers: NO_STORE };
  return null;
}

function logged(tag: string, answer: ErrorAnswer): ErrorAnswer {
  if (answer.status === 503 && !answer.quiet) console.warn(`[${tag}] ${answer.payload.message}`);
  return answer;
}

/** Throws the error page for a known error (`tag` prefixes the server's warning for a 503); rethrows anything else. */
export function throwErrorPage(e: unknown, tag: string): never {
  const answer = errorAnswer(e);
  if (!answer) throw e;
  logged(tag, answer);
  throw data(answer.payload, { status: answer.status, headers: { ...NO_STORE, ...answer.headers } });
}

/** Runs a page's loader or action, turning known errors into their error page. */
export function pageErrors<T>(tag: string, load: () => T): T {
  try {
    return load();
  } catch (e) {
    // A Response (a redirect, an error page already made) passes through as is.
    if (e instanceof Response || (e as { type?: string })?.type === "DataWithResponseInit") throw e;
    throwErrorPage(e, tag);
  }
}

/** `pageErrors` for a loader that waits (on the compute pool, say): its rejections become error pages too. */
export async function pageErrorsAsync<T>(tag: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof Response || (e as { type?: string })?.type === "DataWithResponseInit") throw e;
    throwErrorPage(e, tag);
  }
}

/** The JSON error response for any error: the table's answer, or a logged 500 that reveals nothing. */
export function jsonErrorResponse(e: unknown, tag: string): Response {
  const answer = errorAnswer(e);
  if (!answer) {
    console.error(`[${tag}]`, e);
    return json({ error: "internal error; nothing was saved", title: "Something went wrong" }, 500, NO_STORE);
  }
  logged(tag, answer);
  const { title, message, hint } = answer.payload;
  return json({ error: message, title, ...(hint ? { hint } : {}), ...answer.extra }, answer.status, { ...NO_STORE, ...answer.headers });
}

/** Runs an API handler, answering known errors as JSON. */
export async function jsonErrors(tag: string, handler: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (e) {
    return jsonErrorResponse(e, tag);
  }
}
