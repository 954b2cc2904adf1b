/**
 * /builder: a new scenario in a form, from scratch or forked (`?fork=<library-id>` or `?fork=<variant-id>@<n>`),
 * with a live preview. Saving creates a variant (its version 1) and opens its page. Works without JavaScript:
 * every button posts the form and the action re-renders it (app/services/builder.server.ts).
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { BuilderForm } from "~/components/builder/BuilderForm";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { builderAction, loadBuilder, type BuilderActionData } from "~/services/builder.server";
import builderStyles from "~/styles/builder.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.forkLabel ? `Fork of ${data.draft.title}` : "New scenario"} · Builder · Ant Group regulatory scenarios` },
];

export function loader({ request }: LoaderFunctionArgs) {
  return loadBuilder(new URL(request.url));
}

export function action({ request }: ActionFunctionArgs) {
  return builderAction(request, { id: null });
}

export default function BuilderPage() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<BuilderActionData>();
  return (
    <main id="main" className="page wb builder-page">
      <header className="page-header">
        <p className="breadcrumbs">
          <Link to="/variants">Saved variants</Link> / New scenario
        </p>
        <h1 id="builder-heading">{loaded.forkLabel ? "Fork a scenario" : "Build a scenario"}</h1>
        <p className="lede">
          {loaded.forkLabel ? (
            <>
              Starting from the {loaded.forkLabel}
              {loaded.moved > 0 ? `, with the ${loaded.moved === 1 ? "value" : `${loaded.moved} values`} moved in the what-if` : ""}. Saving creates a new variant that records where it came from; the original is not
              changed.
            </>
          ) : (
            <>A new scenario from scratch. Saving stores it as a variant with its first version.</>
          )}{" "}
          Or <Link to="/variants/upload">upload a YAML file</Link>.
        </p>
      </header>
      <BuilderForm
        model={loaded.model}
        draft={posted?.draft ?? loaded.draft}
        metaErrors={posted?.metaErrors ?? []}
        showErrors={posted?.showErrors ?? false}
        forkedFrom={loaded.forkedFrom}
        baseVersion={null}
        author={posted?.author ?? ""}
        note={posted?.note ?? ""}
        limits={loaded.limits}
        saveLabel="Save as a new variant"
        formError={posted?.formError ?? null}
        stale={null}
      />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
