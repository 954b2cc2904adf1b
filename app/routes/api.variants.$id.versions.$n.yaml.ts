/** GET /api/variants/:id/versions/:n/yaml: the version as a scenario file (passes `npm run scenarios -- check`). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import { readOnlyAction, versionYamlResponse } from "../services/variant-api.server";

export function loader({ params }: LoaderFunctionArgs) {
  return versionYamlResponse(params.id ?? "", params.n ?? "");
}

export function action({ request }: ActionFunctionArgs) {
  return readOnlyAction(request);
}
