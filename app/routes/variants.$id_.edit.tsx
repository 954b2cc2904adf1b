/**
 * /variants/:id/edit: the builder loaded with a variant's latest version. Saving names that version as its base;
 * if someone saved the variant in between, the save is refused with both versions side by side and their diff,
 * and nothing is overwritten (decision 006). The `_` in the file name keeps it out of /variants/:id's layout.
 */
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";

import { BuilderForm } from "~/components/builder/BuilderForm";
import { builderAction, LIMITS, type BuilderActionData } from "~/services/builder.server";
import { draftFromDefinition } from "~/components/builder/draft";
import { databaseUnavailable, ErrorPage, type ErrorPayload } from "~/components/shared/ErrorPage";
import { getModel } from "~/data/model.server";
import { DatabaseBusyError, getVersion, isVariantId } from "~/data/variant.server";
import builderStyles from "~/styles/builder.css";
import { DatabaseUnavailableError } from "~/utils/db.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.title} · Ant Group regulatory scenarios` : "Edit a variant · Ant Group regulatory scenarios" },
];

function notFound(id: string): never {
  throw data(
    {
      title: "Variant not found",
      message: isVariantId(id) ? `There is no saved variant '${id}'.` : `'${id.slice(0, 80)}' is not a variant id.`,
      hint: "The saved variants are listed at /variants.",
    } satisfies ErrorPayload,
    { status: 404 },
  );
}

export function loader({ params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!isVariantId(id)) notFound(id);
  try {
    const model = getModel();
    const latest = getVersion({ id });
    if (!latest) notFound(id);
    return {
      id,
      title: latest.definition.title,
      version: latest.version,
      draft: draftFromDefinition(latest.definition),
      model: { ...model, provenance: [] },
      limits: LIMITS,
    };
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof DatabaseBusyError)
      throw data(databaseUnavailable(error.message), { status: 503 });
    throw error;
  }
}

export function action({ request, params }: ActionFunctionArgs) {
  const id = params.id ?? "";
  if (!isVariantId(id)) notFound(id);
  return builderAction(request, { id });
}

export default function EditVariantPage() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<BuilderActionData>();
  // After a post the loader reads the latest version again; the draft's base stays the one it was loaded from.
  const base = posted?.baseVersion ?? loaded.version;
  return (
    <main id="main" className="page wb builder-page">
      <header className="page-header">
        <p className="breadcrumbs">
          <Link to="/variants">Saved variants</Link> / <Link to={`/variants/${loaded.id}`}>{loaded.title}</Link> / Edit
        </p>
        <h1 id="builder-heading">Edit “{loaded.title}”</h1>
        <p className="lede">
          Editing version {base}{base === loaded.version ? ", the latest" : ""}. Saving stores a new version; version {base} and every
          earlier version stay as they are.
        </p>
      </header>
      <BuilderForm
        model={loaded.model}
        draft={posted?.draft ?? loaded.draft}
        metaErrors={posted?.metaErrors ?? []}
        showErrors={posted?.showErrors ?? false}
        forkedFrom={null}
        baseVersion={base}
        author={posted?.author ?? ""}
        note={posted?.note ?? ""}
        limits={loaded.limits}
        saveLabel={`Save as version ${base + 1}`}
        formError={posted?.formError ?? null}
        stale={posted?.stale ?? null}
      />
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return isRouteErrorResponse(error) ? <ErrorPage status={error.status} data={error.data} /> : <ErrorPage status={500} data={null} />;
}
