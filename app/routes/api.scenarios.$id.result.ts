/** GET /api/scenarios/:id/result: `{ scenario, result, attribution }`, the same JSON as `evaluate --format json`. */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { scenarioResultResponse } from "~/services/scenario-api.server";

export function loader({ params }: LoaderFunctionArgs) {
  return scenarioResultResponse(params.id ?? "");
}
