/** GET /api/scenarios: every scenario with its headline deltas, or a broken file with its errors. */
import { scenariosIndexResponse } from "~/services/scenario-api.server";

export function loader() {
  return scenariosIndexResponse();
}
