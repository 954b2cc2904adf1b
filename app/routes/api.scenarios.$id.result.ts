/**
 * GET /api/scenarios/:id/result: `{ scenario, result, attribution }`, the same JSON as `evaluate --format json`;
 * `?draws=N&seed=S` adds `bands` (as `evaluate --draws N --seed S`).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { scenarioResultResponse } from "~/services/scenario-api.server";

export function loader({ params, request }: LoaderFunctionArgs) {
  return scenarioResultResponse(params.id ?? "", {}, new URL(request.url).searchParams);
}
