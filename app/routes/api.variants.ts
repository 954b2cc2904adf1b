/** GET /api/variants: saved variants, latest first. POST: a new variant from a scenario (JSON or YAML) -> 201. */
import type { ActionFunctionArgs } from "@remix-run/node";

// Relative imports (not ~/) so the route tests can import these modules under vitest, which has no ~ alias.
import { createVariantResponse, variantsIndexResponse } from "../services/variant-api.server";

export function loader() {
  return variantsIndexResponse();
}

export function action({ request }: ActionFunctionArgs) {
  return createVariantResponse(request);
}
