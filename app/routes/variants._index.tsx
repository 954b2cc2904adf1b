/** /variants: every saved variant, most recently saved first, with links to build a new one or upload a file. */
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { formatWhen } from "~/components/builder/StalePanel";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { loadVariantList } from "~/services/variant-pages.server";
import builderStyles from "~/styles/builder.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction = () => [{ title: "Saved variants · Ant Group regulatory scenarios" }];

export function loader() {
  return loadVariantList();
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

export { RouteErrorBoundary as ErrorBoundary };
