/** GET /api/paths: every path in scenarios/paths with its steps (a broken file as its errors). */
import { pathsIndexResponse } from "~/services/paths.server";

export function loader() {
  return pathsIndexResponse();
}
