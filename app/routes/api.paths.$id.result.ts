/** GET /api/paths/:id/result?draws=N&seed=S: the path step by step, headline with bands, attribution. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { pathResultResponse } from "~/services/paths.server";

export function loader({ params, request }: LoaderFunctionArgs) {
  return pathResultResponse(params.id ?? "", new URL(request.url));
}
