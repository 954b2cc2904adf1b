/**
 * GET /api/model: the baseline model as JSON (units, services, markets, credit, sources, assumptions,
 * provenance), in the shape of `modelSchema` (app/engine/model.ts).
 * An ETag lets clients revalidate cheaply; `no-cache` makes them revalidate, since a reseed changes the model.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { modelJsonResponse } from "~/services/model-page.server";

export function loader({ request }: LoaderFunctionArgs) {
  return modelJsonResponse(request.headers.get("If-None-Match"));
}
