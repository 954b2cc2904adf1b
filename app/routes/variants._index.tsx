/** /variants: every saved variant, most recently saved first, with links to build a new one or upload a file. */
import { data, type LinksFunction, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";

import { formatWhen } from "~/components/builder/StalePanel";
import { databaseUnavailable, ErrorPage } from "~/components/shared/ErrorPage";
import { DatabaseBusyError, listVariants } from "~/data/variant.server";
import builderStyles from "~/styles/builder.css";
import { DatabaseUnavailableError } from "~/utils/db.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction = () => [{ title: "Saved variants · Ant Group regulatory scenarios" }];

export function loader() {
  try {
    return { variants: listVariants() };
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof DatabaseBusyError)
      throw data(databaseUnavailable(error.message), { status: 503 });
    throw error;
  }
}

export default function VariantsPage() {
  const { variants } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page wb variants-page">
      <header className="page-header">
        <h1>Saved variants</h1>
        <p className="lede">
          Scenarios made in the builder, forked from the library, or uploaded as files. Each keeps every version it was saved as.
        </p>
        <p className="page-actions">
          <Link to="/builder" className="button primary">
            Build a new scenario
          </Link>
          <Link to="/variants/upload" className="button secondary">
            Upload a YAML file
          </Link>
        </p>
      </header>
      {variants.length === 0 ? (
        <p className="empty">No variants yet. Build one, fork a library scenario, or upload a file.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" id="variants-table">
            <caption>
              {variants.length === 1 ? "1 variant" : `${variants.length} variants`}, most recently saved first
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col" className="numeric">
                  Versions
                </th>
                <th scope="col">Last saved</th>
                <th scope="col">Forked from</th>
              </tr>
            </thead>
            <tbody>
              {variants.map((v) => (
                <tr key={v.id} data-row-id={v.id}>
                  <th scope="row" data-field="title" className="wrap">
                    <Link to={`/variants/${v.id}`}>{v.title}</Link>
                    {v.hypothetical ? <span className="badge">Hypothetical</span> : null}
                    <span className="sub">
                      <code>{v.id}</code>
                    </span>
                  </th>
                  <td data-field="versions" className="numeric">
                    {v.latestVersion}
                  </td>
                  <td data-field="updated" className="nowrap">
                    {formatWhen(v.updatedAt)}
                  </td>
                  <td data-field="forkedFrom">{v.forkedFrom ? <code>{v.forkedFrom}</code> : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return isRouteErrorResponse(error) ? <ErrorPage status={error.status} data={error.data} /> : <ErrorPage status={500} data={null} />;
}
