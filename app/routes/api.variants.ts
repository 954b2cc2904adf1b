/** GET /api/variants: a page of saved variants, latest first (`q`, `page`, `limit`). POST: a new variant from a scenario (JSON or YAML) -> 201. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

// Relative imports (not ~/) so the route tests can import these modules under vitest, which has no ~ alias.
import { createVariantResponse, variantsIndexResponse } from "../services/variant-api.server";

export function loader({ request }: LoaderFunctionArgs) {
  return variantsIndexResponse(request);
}

export function action({ request }: ActionFunctionArgs) {
  return createVariantResponse(request);
}
