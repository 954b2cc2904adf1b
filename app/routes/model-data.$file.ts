/**
 * GET /model-data/<hash>.json: the model the scenario page's engine runs on in the browser, content-hashed and
 * immutable (decision 021): fetched once, then kept by the browser.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { modelAssetResponse } from "~/services/model-asset.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return modelAssetResponse(request, params.file ?? "");
}
