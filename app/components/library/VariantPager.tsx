/**
 * Search and paging for the library's saved variants: plain GET links and a GET form (`q`, `page`), so both work
 * without JavaScript. The search fields belong to a form outside the compare form (HTML forms do not nest).
 */
import { Link } from "@remix-run/react";

/** The library address for a search and page (page 1 and an empty search are left out). */
export function variantPageHref(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/${search ? `?${search}` : ""}#variants-heading`;
}

/** `showAllHref`: where "Show all" leads (the library by default). */
export function VariantSearch({ q, maxLength, formId, showAllHref = variantPageHref("", 1) }: { q: string; maxLength: number; formId: string; showAllHref?: string }) {
  return (
    <div className="variant-search">
      <label htmlFor="variant-q">Search saved variants by title or id</label>
      <input id="variant-q" type="search" name="q" form={formId} defaultValue={q} maxLength={maxLength} />
      <button type="submit" form={formId} className="button-primary">
        Search
      </button>
      {q ? <Link to={showAllHref}>Show all</Link> : null}
    </div>
  );
}

/** `hrefOf`: the address of a page (the library's by default). */
export function VariantPager({
  q,
  page,
  pageCount,
  pageSize,
  total,
  shown,
  hrefOf = (n) => variantPageHref(q, n),
}: {
  q: string;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  shown: number;
  hrefOf?: (page: number) => string;
}) {
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  return (
    <nav className="variant-pager" aria-label="Pages of saved variants">
      <p>
        Showing {first}–{first + shown - 1} of {total} (page {page} of {pageCount})
      </p>
      {pageCount > 1 ? (
        <ul>
          <li>{page > 1 ? <Link to={hrefOf(page - 1)} rel="prev">Previous page</Link> : <span aria-disabled="true">Previous page</span>}</li>
          <li>{page < pageCount ? <Link to={hrefOf(page + 1)} rel="next">Next page</Link> : <span aria-disabled="true">Next page</span>}</li>
        </ul>
      ) : null}
    </nav>
  );
}
