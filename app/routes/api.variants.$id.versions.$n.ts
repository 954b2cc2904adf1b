/** GET /api/variants/:id/versions/:n: one version with its definition; `:n` = `2.yaml` downloads it as YAML. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import { readOnlyAction, versionResponse } from "../services/variant-api.server";

export function loader({ params }: LoaderFunctionArgs) {
  return versionResponse(params.id ?? "", params.n ?? "");
}

/** Versions are immutable: nothing but GET here. */
export function action({ request }: ActionFunctionArgs) {
  return readOnlyAction(request);
}
