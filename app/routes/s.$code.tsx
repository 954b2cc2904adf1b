/** /s/<code>: a short link (decision 026) redirects to the state it was made for; an unknown code is a 404 page. */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { openShortLink } from "~/services/share.server";

export function loader({ params }: LoaderFunctionArgs) {
  return openShortLink(params.code ?? "");
}

/** Never rendered: the loader redirects or throws the 404 page (a component makes the error an HTML page). */
export default function ShortLink() {
  return null;
}

export { RouteErrorBoundary as ErrorBoundary };
