/**
 * What the pages ship to the browser: the schema library (zod) and the YAML parser stay on the server for every
 * page that only shows results (docs/decisions/011-client-bundle.md). They are a third of the JavaScript a
 * projector laptop would otherwise download and parse. The builder and the variant pages check drafts in the
 * browser, so they do ship zod; this spec checks that too, so the markers are known to be found when present.
 */
import { expect, test, type Page } from "@playwright/test";

/** Strings only these libraries' code contains: their error classes' names. */
const MARKERS = { zod: "ZodError", yaml: "YAMLParseError" } as const;

/**
 * Every script the page loads: those the browser fetched, and those the served HTML names (script src and
 * modulepreload), each read over HTTP. The HTML half keeps the count right when a loaded machine makes the
 * browser's response events arrive late or reuse a preloaded module without a new response.
 */
async function shippedLibraries(page: Page, url: string): Promise<{ scripts: number; libraries: string[] }> {
  const seen = new Set<string>();
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") seen.add(r.url());
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  const html = (await response?.text()) ?? "";
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)) {
    seen.add(new URL(m[1].replace(/&amp;/g, "&"), page.url()).href);
  }
  const texts = await Promise.all([...seen].map(async (u) => (await page.request.get(u)).text()));
  const libraries = Object.entries(MARKERS)
    .filter(([, marker]) => texts.some((t) => t.includes(marker)))
    .map(([name]) => name);
  return { scripts: texts.length, libraries };
}

for (const url of ["/", "/model", "/scenarios/2021-rectification", "/compare?s=2021-co-lending&s=2021-rectification", "/present/2021-rectification"]) {
  test(`${url} ships neither zod nor the YAML parser`, async ({ page }) => {
    const shipped = await shippedLibraries(page, url);
    expect(shipped.scripts).toBeGreaterThan(3);
    expect(shipped.libraries).toEqual([]);
  });
}

test("/builder ships zod (it checks drafts in the browser), so the check above can see it", async ({ page }) => {
  const shipped = await shippedLibraries(page, "/builder?fork=2021-co-lending");
  expect(shipped.libraries).toContain("zod");
});
