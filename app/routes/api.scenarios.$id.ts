/** GET /api/scenarios/:id: the scenario's definition (404 unknown id, 422 broken file with its errors). */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { scenarioResponse } from "~/services/scenario-api.server";

export function loader({ params }: LoaderFunctionArgs) {
  return scenarioResponse(params.id ?? "");
}
