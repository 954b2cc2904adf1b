/**
 * A page of saved variants for /variants and GET /api/variants (decision 021): `q` (title or id contains it),
 * `page` (1-based) and, for the API, `limit`. Read from the headline figures stored at save time, so a page costs
 * the same with ten or ten thousand variants. Unlike `/` (which clamps, as a reader's convenience), these answer
 * a value out of range with a 400 naming the range: a client paging through the list learns it went too far.
 */
import { listVariantPage, MAX_VARIANT_QUERY, VARIANT_PAGE_SIZE, variantSummaryOf, type VariantStore, type VariantSummary } from "../data/variant.server";
import { HttpError } from "../utils/http.server";

/** Most variants one API request may ask for. */
export const MAX_VARIANT_LIMIT = 100;

export interface VariantListQuery {
  q: string;
  page: number;
  limit: number;
}

export interface VariantList extends VariantListQuery {
  total: number;
  pageCount: number;
  variants: VariantSummary[];
}

/** A whole number from `min` to `max` written as plain digits, or null. */
function wholeNumber(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** Reads `q`, `page` and (when `limit` is allowed) `limit`; anything out of range is an HttpError 400. */
export function parseVariantListQuery(params: URLSearchParams, { allowLimit }: { allowLimit: boolean }): VariantListQuery {
  const q = (params.get("q") ?? "").trim();
  if (q.length > MAX_VARIANT_QUERY) throw new HttpError(400, `'q' must be at most ${MAX_VARIANT_QUERY} characters, got ${q.length}`);
  const rawPage = params.get("page");
  const page = rawPage === null || rawPage === "" ? 1 : wholeNumber(rawPage, 1, 1e9);
  if (page === null) throw new HttpError(400, `'page' must be a whole number from 1, got '${rawPage!.slice(0, 20)}'`);
  const rawLimit = allowLimit ? params.get("limit") : null;
  const limit = rawLimit === null || rawLimit === "" ? VARIANT_PAGE_SIZE : wholeNumber(rawLimit, 1, MAX_VARIANT_LIMIT);
  if (limit === null) throw new HttpError(400, `'limit' must be a whole number from 1 to ${MAX_VARIANT_LIMIT}, got '${rawLimit!.slice(0, 20)}'`);
  return { q, page, limit };
}

/** One page of the list; a page beyond the last is an HttpError 400 (page 1 of an empty list is an empty page). */
export function variantList(query: VariantListQuery, store: VariantStore = {}): VariantList {
  const r = listVariantPage({ q: query.q, page: query.page, pageSize: query.limit, clamp: false }, store);
  if (query.page > r.pageCount)
    throw new HttpError(400, `'page' ${query.page} is beyond the last page: ${r.total} ${r.total === 1 ? "variant" : "variants"}${query.q ? ` match '${query.q}'` : ""}, ${r.pageCount} ${r.pageCount === 1 ? "page" : "pages"} of ${query.limit}`);
  return { q: r.q, page: r.page, limit: query.limit, total: r.total, pageCount: r.pageCount, variants: r.items.map(variantSummaryOf) };
}

/** The address of another page of the same list (`base`: "/api/variants" or "/variants"). */
export function variantListHref(base: string, { q, page, limit }: VariantListQuery, { withLimit }: { withLimit: boolean }): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  params.set("page", String(page));
  if (withLimit && limit !== VARIANT_PAGE_SIZE) params.set("limit", String(limit));
  return `${base}?${params}`;
}
