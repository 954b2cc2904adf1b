/** Any URL no other route matches: a clear 404 page (rendered by the ErrorBoundary), never a stack trace. */
import { data, type MetaFunction } from "@remix-run/node";

import { RouteErrorBoundary, type ErrorPayload } from "~/components/common/ErrorPage";

export const meta: MetaFunction = () => [{ title: "Page not found · Ant Group regulatory scenarios" }];

export function loader({ request }: { request: Request }) {
  const { pathname } = new URL(request.url);
  const payload: ErrorPayload = {
    title: "Page not found",
    message: `There is no page at ${pathname}.`,
    hint: "Check the address, or go to the baseline model.",
  };
  throw data(payload, { status: 404 });
}

export default function NotFound() {
  return null;
}

export { RouteErrorBoundary as ErrorBoundary };
