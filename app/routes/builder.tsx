/**
 * /builder: a new scenario in a form, from scratch or forked (`?fork=<library-id>` or `?fork=<variant-id>@<n>`),
 * with a live preview. Saving creates a variant (its version 1) and opens its page. Works without JavaScript:
 * every button posts the form and the action re-renders it (app/components/builder/builder.server.ts).
 */
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";

import { BuilderForm } from "~/components/builder/BuilderForm";
import { builderAction, forkDraft, LIMITS, type BuilderActionData } from "~/services/builder.server";
import { databaseUnavailable, ErrorPage } from "~/components/shared/ErrorPage";
import { getModel } from "~/data/model.server";
import builderStyles from "~/styles/builder.css";
import { DatabaseUnavailableError } from "~/utils/db.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.forkLabel ? `Fork of ${data.draft.title}` : "New scenario"} · Builder · Ant Group regulatory scenarios` },
];

export function loader({ request }: LoaderFunctionArgs) {
  try {
    const model = getModel();
    const params = new URL(request.url).searchParams;
    const fork = forkDraft(params.get("fork"), params);
    return { ...fork, model: { ...model, provenance: [] }, limits: LIMITS };
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw data(databaseUnavailable(error.message), { status: 503 });
    throw error;
  }
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

export function ErrorBoundary() {
  const error = useRouteError();
  return isRouteErrorResponse(error) ? <ErrorPage status={error.status} data={error.data} /> : <ErrorPage status={500} data={null} />;
}
