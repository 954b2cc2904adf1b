/**
 * GET /api/model: the baseline model as JSON (units, services, markets, credit, sources, assumptions,
 * provenance), in the shape of `modelSchema` (app/engine/model.ts).
 * An ETag lets clients revalidate cheaply; `no-cache` makes them revalidate, since a reseed changes the model.
 */
import { createHash } from "node:crypto";

import type { LoaderFunctionArgs } from "@remix-run/node";

import { databaseUnavailable } from "~/components/shared/ErrorPage";
import { getModel } from "~/data/model.server";
import { DatabaseUnavailableError } from "~/utils/db.server";

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
};

export function loader({ request }: LoaderFunctionArgs) {
  let body: string;
  try {
    body = JSON.stringify(getModel());
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) {
      const payload = databaseUnavailable(error.message);
      return new Response(JSON.stringify({ error: payload }), {
        status: 503,
        headers: { ...JSON_HEADERS, "Cache-Control": "no-store" },
      });
    }
    throw error;
  }
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ...JSON_HEADERS, "Cache-Control": "no-cache", ETag: etag };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
