/**
 * The room view (`?view=room`, decision 025) as a projector at 1920x1080 shows it: the toggle (with and without
 * JavaScript), links that keep the view, charts at the full width, labels and figures at 24 px or more, J/K and
 * Page Down/Up stepping through the sections, R switching views, and the high-contrast theme light and dark with
 * no serious accessibility violation. Screenshots of `/` and the scenario page in both views at both sizes go to
 * test-results/screenshots/. Every page's tables fit their boxes in the room view, at 1366x768 as at 1920x1080
 * (decision 043).
 */
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { createVariantViaApi, uniqueTitle } from "./builder-support";
import { seriousViolations } from "./support/axe";

const SCENARIO = "/scenarios/2021-rectification";
const SHOTS = path.join("test-results", "screenshots");

async function hydrated(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
}

/** Internal page links on the page that do not carry view=room (the toggle, downloads and the API excepted). */
async function linksWithoutView(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href^='/']:not([data-view-toggle])"))
      .map((a) => a.getAttribute("href")!)
      .filter((h) => !/[?&]view=room\b/.test(h) && !/^\/(api|build)\//.test(h) && !/\/export\//.test(h)),
  );
}

/** Internal page links that carry the room view (the toggle's links excepted): none, at the desk. */
async function linksWithView(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href^='/']:not([data-view-toggle])"))
      .map((a) => a.getAttribute("href")!)
      .filter((h) => /[?&]view=room\b/.test(h)),
  );
}

/**
 * From now on, before every frame the browser paints: the page's path and how many of its internal links lack the
 * room view (what a reader could copy or open in a new tab in that frame). Read back with `framesSeen`.
 */
async function watchFrames(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: Array<{ path: string; missing: number }> };
    w.__frames = [];
    const tick = () => {
      const missing = Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href^='/']:not([data-view-toggle])"))
        .map((a) => a.getAttribute("href")!)
        .filter((h) => !/[?&]view=room\b/.test(h) && !/^\/(api|build)\//.test(h) && !/\/export\//.test(h)).length;
      w.__frames.push({ path: location.pathname, missing });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
const framesSeen = (page: Page) => page.evaluate(() => (window as unknown as { __frames: Array<{ path: string; missing: number }> }).__frames);

test.describe("room view", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("the header's toggle opens the same page in the room view, and its links keep it, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto("/model");
    await expect(page.locator("html")).not.toHaveAttribute("data-view", "room");
    await page.getByRole("link", { name: "Room view" }).click();
    await expect(page).toHaveURL(/\/model\?view=room$/);
    await expect(page.locator("html")).toHaveAttribute("data-view", "room");
    expect(await linksWithoutView(page)).toEqual([]);
    // A link followed without JavaScript opens in the room view: a shared link works the same way.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scenario library" }).click();
    await expect(page).toHaveURL(/\/\?view=room$/);
    await expect(page.locator("html")).toHaveAttribute("data-view", "room");
    // The theme is a choice too, and the desk view a link back.
    await page.getByRole("link", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.getByRole("link", { name: "Desk view" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).not.toHaveAttribute("data-view", "room");
    await context.close();
  });

  test("with JavaScript, R switches views, links and the what-if keep the view", async ({ page }) => {
    await page.goto(SCENARIO);
    await hydrated(page);
    await page.keyboard.press("r");
    await expect(page).toHaveURL(/view=room/);
    await expect(page.locator("html")).toHaveAttribute("data-view", "room");
    // A client-side navigation (Remix's <Link>) keeps it, and no frame shows the new page's links without it (they
    // were set by an effect, a frame after the page was painted: 32 links on /model, the share link among them).
    await watchFrames(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Baseline model" }).click();
    await expect(page).toHaveURL(/\/model\?view=room$/);
    await expect(page.locator("html")).toHaveAttribute("data-view", "room");
    expect(await linksWithoutView(page)).toEqual([]);
    await expect(page.locator("#credit-books-table")).toBeVisible();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const frames = await framesSeen(page);
    expect(frames.filter((f) => f.path === "/model").length).toBeGreaterThan(0);
    expect(frames.filter((f) => f.missing > 0), "frames painted with links out of the room view").toEqual([]);
    // T changes the theme, and the links follow it (they kept the old theme: 38 links on /model).
    await page.keyboard.press("t");
    await expect(page).toHaveURL(/\/model\?view=room&theme=light$/);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light"); // the page in it, not just the URL
    expect((await linksWithView(page)).filter((h) => !/[?&]theme=light\b/.test(h)), "links in another theme").toEqual([]);
    await page.keyboard.press("t");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.keyboard.press("t");
    await expect(page).toHaveURL(/\/model\?view=room$/);
    // Two presses before the first has landed: each steps once (the second read the old address and was lost).
    await page.keyboard.press("t");
    await page.keyboard.press("t");
    await expect(page).toHaveURL(/\/model\?view=room&theme=dark$/);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.keyboard.press("t");
    await expect(page).toHaveURL(/\/model\?view=room$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/scenarios\/2021-rectification\?view=room$/);
    await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    // Changing a what-if value rewrites the URL and keeps the view.
    const KEY = "r.own-funding-30.minOwnShare";
    await expect(page.locator(`[data-key="${KEY}"] input[type="range"]`)).toBeEnabled({ timeout: 30_000 });
    const input = page.locator(`input[type="number"][name="${KEY}%"]`);
    await input.fill("40");
    await expect(page).toHaveURL(/r\.own-funding-30\.minOwnShare=0\.4/);
    expect(page.url()).toContain("view=room");
    // A key typed into a field is the field's.
    await input.press("r");
    await expect(page.locator("html")).toHaveAttribute("data-view", "room");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("r");
    await expect(page.locator("html")).not.toHaveAttribute("data-view", "room");
    // Back at the desk, no link leads into the room view any more (38 did: React leaves an unchanged link as it was).
    expect(await linksWithView(page)).toEqual([]);
  });

  test("charts take the full width and their labels, the tables and the headline figures are 24 px or more", async ({ page }) => {
    await page.goto(`${SCENARIO}?view=room`);
    await hydrated(page);
    // recharts redraws each chart at --chart-font-size once it has measured its box, when the chart comes near the
    // screen; the plain server drawing only scales (decisions 022, 030), so measure once every chart has been redrawn.
    for (const canvas of await page.locator(".scenario-results .chart-body .chart-canvas").all()) {
      await canvas.scrollIntoViewIfNeeded();
      await expect(canvas).toHaveAttribute("data-renderer", "recharts");
    }
    await expect(page.locator('.scenario-results .chart-body [data-renderer="plain"]')).toHaveCount(0);
    const charts = await page.evaluate(() =>
      Array.from(document.querySelectorAll<SVGSVGElement>(".scenario-results .chart-body svg"))
        .filter((svg) => !svg.parentElement?.closest("svg") && svg.getBoundingClientRect().width > 0)
        .map((svg) => {
          const scale = svg.getScreenCTM()?.a ?? 1;
          // The size a label is drawn at on the screen: its font size times the SVG's scale.
          const sizes = Array.from(svg.querySelectorAll("text"))
            .filter((t) => (t.textContent ?? "").trim() !== "")
            .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          return { id: svg.closest("[data-chart]")?.getAttribute("data-chart") ?? "?", width: svg.getBoundingClientRect().width, smallest: Math.min(...sizes) };
        }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const c of charts) {
      expect(c.width, `${c.id} width`).toBeGreaterThanOrEqual(1200);
      expect(c.smallest, `${c.id} smallest label`).toBeGreaterThanOrEqual(24);
    }
    const sizes = await page.evaluate(() => {
      const px = (sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => parseFloat(getComputedStyle(e).fontSize));
      return { tables: px(".scenario-results .data-table td.numeric"), kpis: px(".kpi-value .num, .kpi-delta, .kpi-range, .kpi-baseline") };
    });
    expect(sizes.tables.length).toBeGreaterThan(10);
    expect(Math.min(...sizes.tables)).toBeGreaterThanOrEqual(24);
    expect(sizes.kpis.length).toBeGreaterThan(0);
    expect(Math.min(...sizes.kpis)).toBeGreaterThanOrEqual(24);
    // The variable charts read for their label size.
    const chartFont = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--chart-font-size"));
    expect(chartFont.trim()).not.toBe("");
  });

  test("J and Page Down step to the next section, K and Page Up back, one section a screen", async ({ page }) => {
    await page.goto(`${SCENARIO}?view=room`);
    await hydrated(page);
    const current = () =>
      page.evaluate(() => {
        const el = document.activeElement?.closest(".section, .room-step");
        return el ? { id: el.id, top: Math.round(el.getBoundingClientRect().top), height: el.getBoundingClientRect().height } : null;
      });
    await page.keyboard.press("j");
    const first = await current();
    expect(first).not.toBeNull();
    expect(Math.abs(first!.top)).toBeLessThanOrEqual(2);
    expect(first!.height).toBeGreaterThanOrEqual(1080 - 60);
    await page.keyboard.press("PageDown");
    const second = await current();
    expect(second!.id).not.toBe(first!.id);
    expect(Math.abs(second!.top)).toBeLessThanOrEqual(2);
    await page.keyboard.press("j");
    const third = await current();
    expect(third!.id).not.toBe(second!.id);
    await page.keyboard.press("k");
    expect((await current())!.id).toBe(second!.id);
    await page.keyboard.press("PageUp");
    expect((await current())!.id).toBe(first!.id);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`the ${theme} high-contrast theme: no serious accessibility violation on / and the scenario page (axe, contrast included)`, async ({ page }) => {
      test.slow();
      // The system's preference picks the theme; the explicit choice is checked against the other preference.
      await page.emulateMedia({ colorScheme: theme });
      for (const url of ["/?view=room", `${SCENARIO}?view=room`, `/?view=room&theme=${theme}`]) {
        if (url.includes("theme=")) await page.emulateMedia({ colorScheme: theme === "dark" ? "light" : "dark" });
        await page.goto(url);
        await hydrated(page);
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(bg, url).toBe(theme === "dark" ? "rgb(0, 0, 0)" : "rgb(255, 255, 255)");
        expect(await seriousViolations(page, url)).toEqual([]);
      }
    });
  }
});

test("the scenario page at 1366x768: a contents list whose anchors all land, and a chart on the first screen", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(SCENARIO);
  const toc = page.getByRole("navigation", { name: "Contents" });
  const hrefs = await toc.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThanOrEqual(8);
  for (const h of hrefs) {
    // Each link stays on this page (same path and query) and names one element.
    const target = new URL(h, page.url());
    expect(target.pathname + target.search, h).toBe(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await page.locator(target.hash).count(), h).toBe(1);
  }
  const chart = (await page.locator(".scenario-top svg[role=img]").boundingBox())!;
  expect(chart.y + chart.height).toBeLessThanOrEqual(768);
});

/** The top of the element `hash` names, relative to the viewport. */
async function topOf(page: Page, hash: string): Promise<number> {
  return page.locator(hash).evaluate((el) => el.getBoundingClientRect().top);
}

// Every jump lands, not only the first (the browser's fragment entries shared one router key, so scroll restoration
// sent the second jump back to the first one's position), and Back returns to the position the reader left.
for (const js of [true, false]) {
  test.describe(js ? "contents jumps" : "contents jumps without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    test("each contents link in turn brings its section to the top of the screen, and Back returns", async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${SCENARIO}?view=room`);
      if (js) await hydrated(page);
      const toc = page.getByRole("navigation", { name: "Contents" });
      const hashes = ["#services", "#capital", "#markets", "#rules"];
      let before = 0;
      for (const hash of hashes) {
        const link = toc.locator(`a[href$="${hash}"]`);
        await link.scrollIntoViewIfNeeded();
        before = await page.evaluate(() => window.scrollY);
        await link.click();
        await expect.poll(() => topOf(page, hash), { message: hash }).toBeLessThan(200);
        expect(await topOf(page, hash), hash).toBeGreaterThan(-50);
        expect(new URL(page.url()).search, "the query stays").toBe("?view=room");
      }
      await page.goBack();
      await expect.poll(() => new URL(page.url()).hash).toBe("#markets");
      if (js) {
        // Back returns to where the reader clicked the last link (the contents list), as scroll restoration saved it.
        await expect.poll(() => page.evaluate(() => window.scrollY), { message: "Back restores the position left" }).toBeLessThan(before + 50);
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 50);
      } else {
        // Without JavaScript the browser's own history brings the entry's anchor back into view.
        await expect.poll(() => topOf(page, "#markets"), { message: "Back to #markets" }).toBeLessThan(200);
        expect(await topOf(page, "#markets")).toBeGreaterThan(-50);
      }
    });
  });
}

test.describe("screenshots in both views", () => {
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`/ and the scenario page at ${width}x${height}, desk and room (saved to ${SHOTS})`, async ({ page }) => {
      test.slow();
      await page.setViewportSize({ width, height });
      for (const [name, url] of [
        ["library", "/"],
        ["scenario", SCENARIO],
      ] as const) {
        for (const [mode, search] of [
          ["desk", ""],
          ["room", "?view=room&theme=light"],
          ["room-dark", "?view=room&theme=dark"],
        ] as const) {
          await page.goto(`${url}${search}`);
          await hydrated(page);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${name} ${mode} sideways scroll`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(SHOTS, `${name}-${mode}-${width}x${height}.png`) });
        }
      }
    });
  }
});

/**
 * Every table on the page that is wider than its box: the table's own scroll width over its client width, and that of
 * the nearest box around it that scrolls sideways (a table-wrap, the builder's preview). With the smallest font size
 * of any text in the tables `sized` selects (the ones made to fit by wrapping and stacking, not by shrinking).
 */
async function tablesOverflowing(page: Page, sized: string) {
  return page.evaluate((sized) => {
    const over: string[] = [];
    const tables = Array.from(document.querySelectorAll("main table")).filter((t) => t.getBoundingClientRect().width > 0);
    for (const t of tables) {
      const name = t.id || t.className;
      if (t.scrollWidth > t.clientWidth) over.push(`${name}: table ${t.scrollWidth - t.clientWidth} px`);
      for (let box = t.parentElement; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX === "visible") continue;
        if (box.scrollWidth > box.clientWidth) over.push(`${name}: its box ${box.scrollWidth - box.clientWidth} px`);
        break;
      }
    }
    const sizes = tables.filter((t) => t.matches(sized)).flatMap((t) =>
      Array.from(t.querySelectorAll("th, td, th *, td *"))
        .filter((e) => Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== ""))
        .map((e) => parseFloat(getComputedStyle(e).fontSize)),
    );
    return { tables: tables.length, over, smallest: Math.min(...sizes), page: document.documentElement.scrollWidth - window.innerWidth };
  }, sized);
}

// The room view's tables at the projector's sizes (at 1366 three scrolled sideways: the back-test by 33 px,
// /model/about's assumptions by 45 and a path's steps by 319; a variant's history by 57 and the builder's preview by 60).
for (const [width, height, js] of [
  [1366, 768, true],
  [1366, 768, false],
  [1920, 1080, true],
] as const) {
  test(`room view at ${width}x${height}${js ? "" : " without JavaScript"}: every page's tables fit their boxes, their text at the room's size`, async ({ browser, request }) => {
    test.slow();
    const variant = await createVariantViaApi(request, uniqueTitle("Room tables"));
    const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: js });
    const page = await context.newPage();
    const pages = [
      "/",
      "/model",
      "/model/about",
      "/history",
      "/builder",
      "/variants",
      "/variants/upload",
      "/paths",
      "/paths/new",
      "/share?to=%2Fmodel",
      SCENARIO,
      `/variants/${variant}`,
      `/variants/${variant}/edit`,
      "/compare?s=2021-rectification&s=pipl-separate-consent&s=hypothetical-alipay-breakup",
      "/present/2021-rectification",
      "/paths/what-happened",
    ];
    const problems: Record<string, string[]> = {};
    const rootPx = width === 1366 ? 20 : 24; // max(20px, 1.25vw)
    for (const url of pages) {
      const response = await page.goto(`${url}${url.includes("?") ? "&" : "?"}view=room`);
      expect(response?.status(), url).toBe(200);
      if (js) await hydrated(page);
      const r = await tablesOverflowing(page, "#backtest, #about-assumptions, .path-steps");
      const found = [...r.over];
      if (r.page > 0) found.push(`the page scrolls sideways by ${r.page} px`);
      if (r.smallest < rootPx) found.push(`text at ${r.smallest} px in a table`);
      if (found.length > 0) problems[url] = found;
      if (["/history", "/model/about", "/paths/what-happened"].includes(url)) expect(r.tables, url).toBeGreaterThan(0);
    }
    expect(problems).toEqual({});
    // A path's steps come in parts of at most four, each step once, in order.
    await page.goto("/paths/what-happened?view=room");
    const parts = await page.locator(".path-steps").evaluateAll((tables) =>
      tables.map((t) => Array.from(t.querySelectorAll('tr[data-row-id="profit"] td[data-field]')).map((td) => td.getAttribute("data-field"))),
    );
    const steps = ((await (await request.get("/api/paths/what-happened/result")).json()) as { steps: unknown[] }).steps.length;
    expect(parts.length).toBe(Math.ceil(steps / 4));
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4);
    expect(parts.flat()).toEqual(Array.from({ length: steps }, (_, k) => `step-${k + 1}`));
    await context.close();
  });
}
