/**
 * /variants: saved variants a page at a time (24), most recently saved first, searchable by title or id (`q`,
 * `page`: a GET form and plain links, so it works without JavaScript), with each one's net profit change as stored
 * at save time. A page or search out of range is a 400 page saying the range (decision 021).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { formatWhen } from "~/components/builder/StalePanel";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { DeltaText } from "~/components/library/DeltaText";
import { METRICS } from "~/components/library/headline";
import { VariantPager, VariantSearch } from "~/components/library/VariantPager";
import { loadVariantList } from "~/services/variant-pages.server";
import builderStyles from "~/styles/builder.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction = () => [{ title: "Saved variants · Ant Group regulatory scenarios" }];

export function loader({ request }: LoaderFunctionArgs) {
  return loadVariantList(new URL(request.url));
}

/** The address of a page of this list. */
function pageHref(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/variants${search ? `?${search}` : ""}`;
}

export default function VariantsPage() {
  const { variants, q, page, pageCount, limit, total, maxQuery } = useLoaderData<typeof loader>();
  const profit = METRICS.profit;
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
      <form method="get" action="/variants" id="variants-search" role="search" aria-label="Saved variants">
        <VariantSearch q={q} maxLength={maxQuery} formId="variants-search" showAllHref="/variants" />
      </form>
      {total === 0 ? (
        <p className="empty">
          {q ? <>No saved variant&apos;s title or id contains “{q}”.</> : "No variants yet. Build one, fork a library scenario, or upload a file."}
        </p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table" id="variants-table">
              <caption>
                {total === 1 ? "1 variant" : `${total} variants`}
                {q ? ` whose title or id contains “${q}”` : ""}, most recently saved first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col" className="numeric">
                    Versions
                  </th>
                  <th scope="col">Last saved</th>
                  <th scope="col" className="numeric">
                    {profit.label}, change ({profit.unit})
                  </th>
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
                    <td data-field="profit" className="numeric nowrap">
                      {v.headline ? <DeltaText metric="profit" delta={v.headline.profit.delta} baseline={v.headline.profit.baseline} format={profit.format} /> : "—"}
                    </td>
                    <td data-field="forkedFrom">{v.forkedFrom ? <code>{v.forkedFrom}</code> : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <VariantPager q={q} page={page} pageCount={pageCount} pageSize={limit} total={total} shown={variants.length} hrefOf={(n) => pageHref(q, n)} />
        </>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
