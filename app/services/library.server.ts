/**
 * `/`: the library's scenarios as cards (broken files as error cards) and one page of saved variants (`page`,
 * `q`), with the headline figures stored at save time.
 */
import { baselineOf, libraryEntries, variantEntries } from "~/components/library/entries";
import { listScenarioSummaries } from "~/data/scenario.server";
import { listVariantPage, MAX_VARIANT_QUERY, type VariantPage } from "~/data/variant.server";

import { pageErrors } from "./errors.server";

/**
 * One page of saved variants (`page`, 1-based) whose title or id contains `q`: the page costs the same with ten
 * or ten thousand variants. A store that cannot be read hides only them.
 */
function savedVariants(url: URL): VariantPage | null {
  try {
    return listVariantPage({ q: url.searchParams.get("q") ?? "", page: Number(url.searchParams.get("page") ?? "1") });
  } catch (error) {
    console.warn(`[library] saved variants skipped: ${(error as Error).message}`);
    return null;
  }
}

export function loadLibrary(url: URL) {
  return pageErrors("library", () => {
    const entries = libraryEntries(listScenarioSummaries());
    const page = savedVariants(url);
    const variants = page
      ? { q: page.q, maxQuery: MAX_VARIANT_QUERY, page: page.page, pageCount: page.pageCount, pageSize: page.pageSize, total: page.total, entries: variantEntries(page.items) }
      : null;
    return { entries, variants, baseline: baselineOf(entries) };
  });
}
