/**
 * Layout shift on every page (issue 13, §8): under 0.1, the "good" threshold of Cumulative Layout Shift, from the
 * first paint through hydration, at a projector's and a laptop's size, in the desk and the room view. Chromium
 * reports each shift to a PerformanceObserver ('layout-shift', buffered, so shifts before the test looks count);
 * shifts right after an input do not count, as in CLS. A layout property, not a timing: the same page shifts the
 * same on a fast or a slow machine.
 */
import { expect, test, type Page } from "@playwright/test";

import { createVariantViaApi, uniqueTitle } from "./builder-support";

const PAGES = [
  "/",
  "/scenarios/2021-rectification",
  "/scenarios/2021-rectification?r.own-funding-30.minOwnShare=0.4&bands=2023",
  "/compare?s=2021-rectification&s=hypothetical-alipay-breakup",
  "/model",
  "/model/about",
  "/history",
  "/paths/what-happened",
  "/variants",
  "/builder",
  "/builder?fork=2021-rectification",
  "/present/2021-rectification",
  "/no-such-page",
];

/** The page's layout shift so far (the sum of every shift not caused by an input), once hydrated and settled. */
async function layoutShift(page: Page): Promise<{ total: number; sources: string[] }> {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  return page.evaluate(
    () =>
      new Promise<{ total: number; sources: string[] }>((resolve) => {
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> };
        let total = 0;
        const sources: string[] = [];
        const take = (entries: PerformanceEntry[]) => {
          for (const e of entries as Shift[]) {
            if (e.hadRecentInput) continue;
            total += e.value;
            for (const s of e.sources ?? []) {
              const el = s.node instanceof Element ? s.node : s.node?.parentElement;
              if (el) sources.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").join(".")}` : ""} (${e.value.toFixed(3)})`);
            }
          }
        };
        const po = new PerformanceObserver((list) => take(list.getEntries()));
        po.observe({ type: "layout-shift", buffered: true });
        // Two frames: the buffered entries are delivered and the last render's shifts recorded.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            take(po.takeRecords());
            po.disconnect();
            resolve({ total, sources });
          }),
        );
      }),
  );
}

for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  for (const view of ["desk", "room"] as const) {
    test(`layout shift under 0.1 on every page at ${width}x${height}, ${view} view`, async ({ page, request }) => {
      test.slow();
      await page.setViewportSize({ width, height });
      const variant = await createVariantViaApi(request, uniqueTitle("E2E layout shift"));
      const results: string[] = [];
      for (const url of [...PAGES, `/variants/${variant}`, `/scenarios/${variant}?v=1`]) {
        const full = view === "room" ? `${url}${url.includes("?") ? "&" : "?"}view=room` : url;
        await page.goto(full);
        const { total, sources } = await layoutShift(page);
        if (total >= 0.1) results.push(`${full}: ${total.toFixed(3)} from ${sources.slice(0, 4).join(", ")}`);
      }
      expect(results).toEqual([]);
    });
  }
}
