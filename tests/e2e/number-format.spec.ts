/**
 * One number format on every page (issue 13, decision 032): the text people read uses the true minus sign
 * (U+2212), thousands separators, "×" for multiples, "≥"/"≤"/"→" rather than ASCII stand-ins, and "RMB bn" as
 * the one unit wording. The test reads each page's visible text, hydrated (so the browser's redrawn charts and
 * live panels count too), and fails on the ASCII forms. Things that are not numbers (dates such as 2021-04, rule
 * ids, seeds, URLs) are left out by the allowlist below. CSV and JSON downloads keep the ASCII '-' for machines.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { createVariantViaApi, uniqueTitle } from "./builder-support";

const SCENARIOS = [
  "2020-09-financial-holding-company",
  "2020-11-draft-microlending",
  "2021-01-draft-payment-rules",
  "2021-co-lending",
  "2021-rectification",
  "2023-07-fine",
  "2023-money-market-fund-rules",
  "2024-credit-bureau",
  "hypothetical-alipay-breakup",
  "payments-interoperability",
  "pipl-separate-consent",
];

/** Text that looks like a bad number but is not one: removed before the patterns run. */
const ALLOWED: RegExp[] = [
  /https?:\/\/\S+/g, // source addresses
  /\bseed \d+/g, // a seed is an identifier, not a quantity
  /\b(?:19|20)\d\d(?:-\d\d){0,2}\b/g, // dates and years: 2021-04, 2021-04-12, 2020
];

/** What a person should never read, each with the form to use instead. */
const BAD: Array<{ name: string; pattern: RegExp }> = [
  // A hyphen-minus starting a number; a hyphen inside a range or an id (2022-23, S1-S79, P10-P90) is fine.
  { name: "hyphen-minus before a number (use −)", pattern: /(?<![\p{L}\p{N}\-/.:_#~'’])-\d/gu },
  { name: "a number of 1,000 or more without separators", pattern: /(?<![\p{L}\p{N}.,/#_-])\d{4,}(?:\.\d+)?(?![\p{L}\p{N}])/gu },
  { name: '"bn RMB" (write "RMB bn")', pattern: /\bbn RMB\b/g },
  { name: '"x" for a multiple (use ×)', pattern: /\d ?x\b|(?<=\s)x(?=\s)/g },
  { name: '">=" or "<=" (use ≥ or ≤)', pattern: /[<>]=/g },
  { name: '"->" (use →)', pattern: /->/g },
];

/** Every bad pattern found in `text`, with a little context; `userTexts` (what people typed) are left out. */
function badNumberText(text: string, userTexts: string[] = []): string[] {
  let t = text;
  for (const u of userTexts) t = t.split(u).join(" ");
  for (const a of ALLOWED) t = t.replace(a, " ");
  const found: string[] = [];
  for (const { name, pattern } of BAD) {
    for (const m of t.matchAll(pattern)) {
      const at = m.index ?? 0;
      found.push(`${name}: «${t.slice(Math.max(0, at - 40), at + 20).replace(/\s+/g, " ")}»`);
    }
  }
  return [...new Set(found)];
}

/** The visible text of the page once hydrated, without the parts `skip` selects. */
async function visibleText(page: Page, skip: string[] = []): Promise<string> {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 40_000 });
  return page.evaluate((skipped) => {
    let text = document.body.innerText;
    for (const sel of skipped) for (const el of document.querySelectorAll<HTMLElement>(sel)) text = text.replace(el.innerText, " ");
    return text;
  }, skip);
}

/**
 * The titles people gave their saved variants and paths ("Library variant 1795943015741" from another test) and
 * the variants' ids: their words, not figures the dashboard printed. Read after the page, so a title saved meanwhile is known.
 */
async function userTitles(request: APIRequestContext): Promise<string[]> {
  const titles: string[] = [];
  for (let page = 1; ; page++) {
    const body = (await (await request.get(`/api/variants?limit=100&page=${page}`)).json()) as { variants: Array<{ id: string; title: string }>; pageCount: number };
    // Ids too: a random suffix such as "2k5m9x" read as "9x", a multiple written with an x.
    titles.push(...body.variants.flatMap((v) => [v.title, v.id]));
    if (page >= body.pageCount) break;
  }
  const paths = (await (await request.get("/api/paths")).json()) as Array<{ kind?: string; title?: string; name?: string }>;
  for (const p of paths) if (p.kind !== "file") titles.push(...[p.title, p.name].filter((x): x is string => !!x));
  // The longest first: a title that contains another is removed whole.
  return titles.sort((a, b) => b.length - a.length);
}

async function expectClean(page: Page, url: string, skip: string[] = []) {
  await page.goto(url);
  const text = await visibleText(page, skip);
  const bad = badNumberText(text, await userTitles(page.request));
  expect(bad, `${url}\n${bad.join("\n")}`).toEqual([]);
}

test.describe("one number format on every page", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("the allowlist lets dates, ranges, ids and seeds through and the patterns catch the bad forms", () => {
    expect(badNumberText("2021-04-12 · S1-S79 · P10-P90 · 2022-23 · seed 20201103 · −10.2 · 1,190 · 5× · ≥ 5 · 2020")).toEqual([]);
    for (const bad of ["-0.74", "1190.0 RMB bn", "1000 draws", "8 bn RMB", "5x net assets", "profit x a multiple", ">= 5", "a -> b"])
      expect(badNumberText(bad), bad).not.toEqual([]);
    // What people typed is theirs: a saved variant's title is not checked, the rest of the text still is.
    expect(badNumberText("Library variant 1795943015741 · 1190.0", ["Library variant 1795943015741"])).toHaveLength(1);
  });

  test("the library, the model, its documentation and the back-test", async ({ page }) => {
    for (const url of ["/", "/model", "/history", "/variants"]) await expectClean(page, url);
    // The change log quotes the decision records as written (file names, migrations, code): the project's history.
    await expectClean(page, "/model/about", ["#changes ~ *"]);
  });

  test("every library scenario's page", async ({ page }) => {
    test.setTimeout(300_000);
    for (const id of SCENARIOS) await expectClean(page, `/scenarios/${id}`);
  });

  test("compare, paths, the builder and a saved variant", async ({ page, request }) => {
    test.setTimeout(180_000);
    const id = await createVariantViaApi(request, uniqueTitle("Number format"));
    for (const url of [
      "/compare?s=2021-rectification&s=2021-co-lending&s=hypothetical-alipay-breakup",
      "/paths",
      "/paths/what-happened",
      "/paths/new?s=2021-rectification&s=2021-co-lending",
      "/builder",
      "/builder?fork=2021-rectification",
      `/variants/${id}`,
      `/scenarios/${id}`,
    ])
      await expectClean(page, url);
  });

  test("the deck, every slide (printed: all slides show)", async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ media: "print" });
    for (const id of ["2021-rectification", "2020-11-draft-microlending", "2024-credit-bureau"]) await expectClean(page, `/present/${id}`);
  });

  test("a number typed in from history reads in its unit: a share as a percentage", async ({ page }) => {
    await page.goto("/scenarios/2021-rectification");
    const own = page.locator('[data-input="own-funding-30.minOwnShare"]');
    await expect(own).toContainText("30%");
    await expect(own).not.toContainText("0.3");
    await expect(page.locator('[data-input="consumer-finance-company.stakeKept"]')).toContainText("50%");
    await page.goto("/present/2021-rectification?slide=2");
    await expect(page.locator('[data-input="own-funding-30.minOwnShare"]')).toContainText("30%");
  });
});
