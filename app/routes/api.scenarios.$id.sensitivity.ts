/** GET /api/scenarios/:id/sensitivity: `{ <metric>: [{ id, kind, label, low, high }] }`, largest swing first. */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { scenarioSensitivityResponse } from "~/services/scenario-api.server";

export function loader({ params }: LoaderFunctionArgs) {
  return scenarioSensitivityResponse(params.id ?? "");
}
