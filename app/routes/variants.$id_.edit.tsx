/**
 * /variants/:id/edit: the builder loaded with a variant's latest version. Saving names that version as its base;
 * if someone saved the variant in between, the save is refused with both versions side by side and their diff,
 * and nothing is overwritten (decision 006). The `_` in the file name keeps it out of /variants/:id's layout.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { BuilderForm } from "~/components/builder/BuilderForm";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { editAction, loadEditPage, type BuilderActionData } from "~/services/builder.server";
import builderStyles from "~/styles/builder.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.title} · Ant Group regulatory scenarios` : "Edit a variant · Ant Group regulatory scenarios" },
];

export function loader({ params }: LoaderFunctionArgs) {
  return loadEditPage(params.id ?? "");
}

export function action({ request, params }: ActionFunctionArgs) {
  return editAction(request, params.id ?? "");
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

export { RouteErrorBoundary as ErrorBoundary };
