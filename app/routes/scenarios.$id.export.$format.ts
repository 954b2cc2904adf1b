/**
 * GET /scenarios/:id/export/result.csv | result.json | scenario.yaml, with `?v=<n>` for a variant version and
 * the scenario page's what-if keys (app/services/exports.server.ts). A resource route: plain links download
 * from it with or without JavaScript.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import { exportResponse } from "~/services/exports.server";
import { methodNotAllowed } from "~/utils/http.server";

export function loader({ params, request }: LoaderFunctionArgs) {
  return exportResponse(request, params.id ?? "", params.format ?? "");
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
