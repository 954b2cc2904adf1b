/**
 * The scenario library at /, as a workshop sees it: a card per scenario with the engine's headline numbers
 * (with and without JavaScript), a compare form that works by GET, error cards for broken files while the
 * others keep working, accessibility, and screenshots at projector and laptop sizes.
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

import { formatDelta, METRICS, CARD_METRICS } from "../../app/components/library/headline";
import type { Result } from "../../app/engine";
import { evaluateLibrary, serverModel, startServerWithScenarios, type ExtraServer } from "./library-support";
import { evaluateWithCli } from "./scenario-support";

const STACK_TRACE = /\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules\//;

/** The texts a card's figures table should show for a result: scenario value and signed change. */
function expectedCard(result: Result): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of CARD_METRICS) {
    const m = METRICS[key];
    const h = result.headline[key];
    out[`${key}|scenario`] = m.format(h.scenario);
    const d = formatDelta(h.scenario - h.baseline, m.format);
    out[`${key}|delta`] = d.direction === "none" ? "no change" : d.text;
  }
  return out;
}

/** The figures of one card as shown: "metric|scenario" and "metric|delta" (the change's number, or "no change"). */
async function cardFigures(page: Page, id: string): Promise<Record<string, string>> {
  return page.locator(`article[data-scenario="${id}"] table`).evaluate((table) => {
    const out: Record<string, string> = {};
    for (const row of table.querySelectorAll("tbody tr[data-row-id]")) {
      const key = row.getAttribute("data-row-id")!;
      out[`${key}|scenario`] = row.querySelector('[data-field="scenario"] .num')?.textContent ?? "";
      const delta = row.querySelector('[data-field="delta"]')!;
      out[`${key}|delta`] = delta.querySelector(".num")?.textContent ?? delta.querySelector(".delta-word")?.textContent ?? "";
    }
    return out;
  });
}

async function expectLibraryMatchesEngine(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Regulatory scenarios for Ant Group" })).toBeVisible();
  await expect(page.getByText("what-if tool, not a forecast")).toHaveCount(1);
  await expect(page.locator("main").getByRole("link", { name: /baseline model/ }).first()).toHaveAttribute("href", "/model");

  const evaluated = evaluateLibrary(await serverModel(page.request));
  expect(evaluated.length).toBeGreaterThanOrEqual(9);
  await expect(page.locator("article[data-scenario]")).toHaveCount(evaluated.length);
  for (const { loaded, result } of evaluated) {
    const card = page.locator(`article[data-scenario="${loaded.id}"]`);
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(loaded.scenario.title);
    await expect(card.getByRole("link", { name: loaded.scenario.title, exact: true })).toHaveAttribute("href", `/scenarios/${loaded.id}`);
    await expect(card.locator("a.card-fork")).toHaveAttribute("href", `/builder?fork=${loaded.id}`);
    expect(await cardFigures(page, loaded.id), loaded.id).toEqual(expectedCard(result));
    await expect(card.locator(".badge-hypothetical")).toHaveCount(loaded.scenario.hypothetical ? 1 : 0);
    await expect(card.locator('input[type="checkbox"][name="s"]')).toHaveValue(loaded.id);
  }
  // The CLI agrees (the numbers a workshop would quote from `npm run scenarios -- evaluate`).
  for (const id of ["2021-co-lending", "hypothetical-alipay-breakup"]) {
    expect(await cardFigures(page, id), `${id} vs the CLI`).toEqual(expectedCard(evaluateWithCli(id).result));
  }
  // Family tags are words, not colours.
  await expect(page.locator('article[data-scenario="2021-rectification"] .tag')).toHaveText(["Data privacy", "Anti-monopoly", "Capital"]);
  await expect(page.locator('article[data-scenario="hypothetical-alipay-breakup"] .badge-hypothetical')).toHaveText("Hypothetical");
}

test.describe("with JavaScript", () => {
  test("the library shows every scenario with the engine's headline deltas, and hydrates cleanly", async ({ page }) => {
    // Runs the CLI and the engine over the library: slow on a busy 2-core machine.
    test.slow();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expectLibraryMatchesEngine(page);
    // Hydrated: the compare bar counts ticks.
    await expect(page.locator(".compare-status")).toHaveText(/0 selected/);
    expect(problems, "console errors or warnings (e.g. a hydration mismatch)").toEqual([]);
  });

  test("ticking cards with the keyboard and comparing opens /compare with those scenarios", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator(".compare-status")).toHaveText(/0 selected/);
    for (const id of ["2021-co-lending", "pipl-separate-consent"]) {
      await page.locator(`article[data-scenario="${id}"] input[name="s"]`).focus();
      await page.keyboard.press("Space");
    }
    await expect(page.locator(".compare-status")).toHaveText("2 selected: ready to compare.");
    await page.getByRole("button", { name: "Compare selected" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/compare\?s=2021-co-lending&s=pipl-separate-consent$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparing 2 scenarios");
  });

  test("the library has no serious or critical accessibility violation (axe)", async ({ page }) => {
    test.slow();
    await page.goto("/");
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`the library fits ${width}x${height} without sideways scrolling (full-page screenshot saved)`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.goto("/");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // Three cards a row on a projector, two on a laptop: a workshop sees several scenarios at once.
      const tops = await page.locator("article[data-scenario]:not(.featured-card)").evaluateAll((cards) => cards.slice(0, 3).map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(width >= 1920 ? 1 : 2);
      const file = testInfo.outputPath(`library-${width}x${height}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`library-${width}x${height}`, { path: file, contentType: "image/png" });
    });
  }
});

test.describe("the start of the room", () => {
  test.use({ javaScriptEnabled: false });

  test("the flagship comes first with a chart, summaries open in place, headlines say what they are, and the compare bar covers no card", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto("/");
    const first = page.locator("article[data-scenario]").first();
    await expect(first).toHaveAttribute("data-scenario", "2021-rectification");
    await expect(first.locator("svg[role=img]")).toBeVisible();
    // Its title is on the first screen of a laptop.
    expect((await first.locator("h3").boundingBox())!.y).toBeLessThan(768);
    // Every card's visible summary ends a sentence; the rest opens in place.
    const leads = await page.locator(".card-summary > p").allTextContents();
    expect(leads.length).toBeGreaterThanOrEqual(10);
    for (const lead of leads) expect(lead.trim(), lead).toMatch(/[.!?)]$/);
    const more = first.locator("details.card-more");
    await expect(more.locator("p")).toBeHidden();
    await more.locator("summary").click();
    await expect(more.locator("p")).toBeVisible();
    // "Users reached" is explained as a sum over services, on the strip and on every card.
    await expect(page.locator('[data-baseline="serviceReach"]')).toContainText("summed over the services");
    for (const row of await page.locator('tr[data-row-id="serviceReach"] th').all()) await expect(row).toContainText("summed over services");
    // Nothing ticked: the compare bar is in the flow after the cards, over none of them.
    const bar = (await page.locator(".compare-bar").boundingBox())!;
    for (const card of await page.locator("article[data-scenario]").all()) {
      const box = (await card.boundingBox())!;
      expect(box.y + box.height <= bar.y || box.y >= bar.y + bar.height, "a card under the compare bar").toBe(true);
    }
    await expect(page.locator(".compare-bar")).toHaveCSS("position", "static");
    await first.getByRole("checkbox").check();
    await expect(page.locator(".compare-bar")).toHaveCSS("position", "sticky");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the library shows the same numbers, and the compare form works by GET", async ({ page }) => {
    // Runs the CLI and the engine over the library: slow on a busy 2-core machine.
    test.slow();
    await page.goto("/");
    await expectLibraryMatchesEngine(page);
    await page.locator('article[data-scenario="2021-co-lending"] input[name="s"]').check();
    await page.locator('article[data-scenario="hypothetical-alipay-breakup"] input[name="s"]').check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page).toHaveURL(/\/compare\?s=2021-co-lending&s=hypothetical-alipay-breakup$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparing 2 scenarios");
    await expect(page.locator("#compare-headline-table")).toBeVisible();
  });
});

test.describe("a broken scenario file", () => {
  let server: ExtraServer;
  test.beforeAll(async () => {
    server = await startServerWithScenarios("library", {
      "broken-rate.yaml": "tests/fixtures/bad-scenarios/rate-too-high.yaml",
      "broken-syntax.yaml": "tests/fixtures/bad-scenarios/yaml-syntax-error.yaml",
    });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("shows as an error card with file, line:col, field and reason, while every other card works", async ({ page }) => {
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator(".library-alert")).toContainText("2 scenario files have errors");

    const rate = page.locator('article[data-broken$="broken-rate.yaml"]');
    await expect(rate).toHaveCount(1);
    await expect(rate.getByRole("heading", { level: 3 })).toContainText("broken-rate.yaml");
    await expect(rate.locator(".error-list li")).toHaveCount(1);
    await expect(rate.locator(".error-where")).toContainText(/broken-rate\.yaml:10:18/);
    await expect(rate.locator(".error-where")).toContainText("field rules[0].consentRate");
    await expect(rate.locator(".error-why")).toHaveText("expected a number from 0 to 1, got 1.3");

    const syntax = page.locator('article[data-broken$="broken-syntax.yaml"]');
    await expect(syntax.locator(".error-where")).toContainText(/broken-syntax\.yaml:8:12/);
    await expect(syntax.locator(".error-why")).toContainText("YAML syntax error");

    // Every valid scenario still has its card with its numbers, and a card's link still works.
    const evaluated = evaluateLibrary(await serverModel(page.request, server.url));
    await expect(page.locator("article[data-scenario]")).toHaveCount(evaluated.length);
    const one = evaluated.find((e) => e.loaded.id === "2021-co-lending")!;
    expect(await cardFigures(page, "2021-co-lending")).toEqual(expectedCard(one.result));
    expect(await page.content()).not.toMatch(STACK_TRACE);

    // Comparing two good scenarios on this server still works.
    const compare = await page.goto(`${server.url}/compare?s=2021-co-lending&s=pipl-separate-consent`);
    expect(compare?.status()).toBe(200);
    await expect(page.locator("#compare-headline-table")).toBeVisible();
  });

  test("its scenario page is a 422 naming file, line:col, field and reason; the other pages still work", async ({ page }) => {
    const response = await page.goto(`${server.url}/scenarios/broken-rate`);
    expect(response?.status()).toBe(422);
    await expect(page.getByText(/broken-rate\.yaml:10:18/)).toBeVisible();
    await expect(page.getByText(/rules\[0\]\.consentRate/).first()).toBeVisible();
    await expect(page.getByText(/expected a number from 0 to 1, got 1\.3/).first()).toBeVisible();
    expect(await page.content()).not.toMatch(STACK_TRACE);
    const ok = await page.goto(`${server.url}/scenarios/2021-co-lending`);
    expect(ok?.status()).toBe(200);
  });
});

test.describe("saved variants", () => {
  test("a variant saved through the API shows in the library, marked as a variant, and compares with a file", async ({ page, request }) => {
    const title = `Library variant ${Date.now()}`;
    const created = await request.post("/api/variants", {
      data: {
        title,
        summary: "Consent at 20% only, for the library test.",
        date: "2021",
        hypothetical: true,
        sources: ["S49"],
        rules: [{ id: "consent", type: "consent-required", label: "Consent", categories: ["transactions"], consentRate: 0.2 }],
      },
    });
    expect(created.status()).toBe(201);
    const { id, version } = (await created.json()) as { id: string; version: number };
    const ref = `${id}@${version}`;

    await page.goto("/");
    const card = page.locator(`article[data-variant="${ref}"]`);
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(title);
    await expect(card.locator(".badge-variant")).toHaveText(`Saved variant, v${version}`);
    // its figures are the engine's on the variant's definition
    const result = (await (
      await request.get(`/api/variants/${id}/versions/${version}`)
    ).json()) as { definition: unknown };
    expect(result.definition).toMatchObject({ title });
    await expect(card.getByRole("link", { name: `Charts and what-if for ${title}` })).toHaveAttribute("href", `/scenarios/${id}?v=${version}`);

    const compare = await page.goto(`/compare?s=${encodeURIComponent(ref)}&s=pipl-separate-consent`);
    expect(compare?.status()).toBe(200);
    await expect(page.locator("#compare-headline-table")).toContainText(`${title} (variant, v${version})`);
    // Its column links to that version in depth.
    await expect(page.locator(`a[href="/scenarios/${id}?v=${version}"]`).first()).toBeVisible();

    const missing = await page.goto(`/compare?s=${encodeURIComponent(`variant:${id}@99`)}&s=pipl-separate-consent`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByText(`There is no saved variant '${id}' with a version 99.`)).toBeVisible();
  });
});

test.describe("saved variants without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the variant search is a GET form, the matches list a page at a time, and the page stays accessible", async ({ page, request, browser }) => {
    test.slow();
    const token = `srch${Date.now().toString(36)}`;
    for (const n of [1, 2]) {
      const created = await request.post("/api/variants", {
        data: {
          title: `Search ${token} ${n}`,
          summary: "A variant for the search test.",
          date: "2021",
          hypothetical: true,
          sources: ["S36"],
          rules: [{ type: "co-lending", label: "Own funding", units: ["huabei"], minOwnShare: 0.3, response: "raise" }],
        },
      });
      expect(created.status()).toBe(201);
    }
    await page.goto("/");
    await page.getByLabel("Search saved variants by title or id").fill(token.toUpperCase());
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/\\?q=${token.toUpperCase()}`));
    await expect(page.getByRole("heading", { name: new RegExp(`2 saved variants match “${token.toUpperCase()}”`) })).toBeVisible();
    await expect(page.locator("article[data-variant]")).toHaveCount(2);
    await expect(page.getByRole("navigation", { name: "Pages of saved variants" })).toContainText("Showing 1–2 of 2 (page 1 of 1)");
    // axe runs as a script: check the same page in a context with JavaScript
    const withJs = await browser.newContext({ javaScriptEnabled: true });
    const checked = await withJs.newPage();
    await checked.goto(page.url());
    expect(await seriousViolations(checked)).toEqual([]);
    await withJs.close();
    // No match: says so, and offers the whole list back.
    await page.goto(`/?q=${token}-none`);
    await expect(page.getByText(`No saved variant's title or id contains “${token}-none”.`)).toBeVisible();
    await page.getByRole("link", { name: "Show all" }).click();
    await expect(page).toHaveURL(/\/#variants-heading$/);
  });

  test("/variants searches and pages with a GET form and links; a page out of range is a 400 page that says why", async ({ page, request }) => {
    const token = `vlst${Date.now().toString(36)}`;
    for (const n of [1, 2]) {
      const created = await request.post("/api/variants", {
        data: { title: `List ${token} ${n}`, summary: "A variant for the list test.", date: "2021", sources: ["S36"], rules: [{ type: "co-lending", label: "Own funding", units: ["huabei"], minOwnShare: 0.3, response: "raise" }] },
      });
      expect(created.status()).toBe(201);
    }
    await page.goto("/variants");
    await page.getByLabel("Search saved variants by title or id").fill(token);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/variants\\?q=${token}`));
    await expect(page.locator("#variants-table tbody tr")).toHaveCount(2);
    await expect(page.locator("#variants-table caption")).toContainText(`2 variants whose title or id contains “${token}”`);
    // the stored net profit change, with its direction in words
    await expect(page.locator('#variants-table td[data-field="profit"]').first()).toContainText(/up|down|no change/);
    const refused = await page.goto(`/variants?q=${token}&page=2`);
    expect(refused?.status()).toBe(400);
    await expect(page.getByText("'page' 2 is beyond the last page: 2 variants match")).toBeVisible();
    const api = await request.get(`/api/variants?q=${token}&limit=1`);
    const body = await api.json();
    expect(body).toMatchObject({ total: 2, pageCount: 2, next: `/api/variants?q=${token}&page=2&limit=1` });
    expect((await request.get("/api/variants?limit=1000")).status()).toBe(400);
  });
});
