/** GET /api/variants/:id/versions: a variant's history. POST { baseVersion, scenario }: a new version (409 if stale). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import { saveVersionResponse, versionsResponse } from "../services/variant-api.server";

export function loader({ params }: LoaderFunctionArgs) {
  return versionsResponse(params.id ?? "");
}

export function action({ request, params }: ActionFunctionArgs) {
  return saveVersionResponse(request, params.id ?? "");
}
