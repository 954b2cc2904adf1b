/**
 * Things that must fit a laptop's 1366x768 as well as a projector's 1920x1080 (issue 13): the header is one line
 * in the desk view (it wrapped every link onto two lines at 1366), and the deck's profit waterfall is drawn as tall
 * as the revenue one beside it (its duplicate legend had squeezed it into half the height), with the deck's
 * controls on one line below the slide; the scenario page's tornado takes the width it has; in the room view the
 * header takes two rows at most and /model's tables fit their boxes. Screenshots go to test-results/screenshots/.
 */
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { expectTornadoUsesItsWidth } from "./support/tornado";

const SHOTS = path.join("test-results", "screenshots");
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** The header's boxes: its own, and its brand, links and view toggle's. */
async function headerBoxes(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>("header.app-header")!;
    const style = getComputedStyle(header);
    const items = [...header.querySelectorAll<HTMLElement>(".brand, nav a, .view-toggle a")].map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? "", top: r.top, bottom: r.bottom, height: r.height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2 };
    });
    return {
      height: header.getBoundingClientRect().height,
      padding: parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
      scrollWidth: document.documentElement.scrollWidth,
      items,
    };
  });
}

for (const size of SIZES) {
  test(`the header is one line in the desk view at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const url of ["/", "/scenarios/2021-rectification", "/model", "/compare?s=2021-rectification&s=2021-co-lending", "/builder", "/history", "/share?to=%2F"]) {
      await page.goto(url);
      const h = await headerBoxes(page);
      expect(h.items.length, url).toBeGreaterThanOrEqual(8);
      for (const item of h.items) {
        // No label breaks onto a second line ("Back-" / "test").
        expect(item.height, `${url}: "${item.text}"`).toBeLessThan(item.lineHeight * 1.6);
        // Every item on the one row: their boxes overlap vertically.
        expect(item.top, `${url}: "${item.text}"`).toBeLessThan(Math.min(...h.items.map((i) => i.bottom)));
      }
      // The bar is one line high: its tallest item and its padding, nothing more.
      expect(h.height, url).toBeLessThanOrEqual(Math.max(...h.items.map((i) => i.bottom - i.top)) + h.padding + 2);
      expect(h.scrollWidth, `${url} scrolls sideways`).toBeLessThanOrEqual(size.width);
    }
    await page.goto("/scenarios/2021-rectification");
    await page.locator("header.app-header").screenshot({ path: path.join(SHOTS, `header-${size.width}.png`) });
  });

  test(`in the room view the header takes at most two rows, and /model's tables fit their boxes, at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const url of ["/model?view=room", "/scenarios/2021-rectification?view=room", "/?view=room&theme=dark"]) {
      await page.goto(url);
      const h = await headerBoxes(page);
      expect(h.items.length, url).toBeGreaterThanOrEqual(8);
      // Rows: items whose boxes overlap vertically share one (it took three at 1366: name, links, then the toggle).
      const rows: Array<{ top: number; bottom: number }> = [];
      for (const item of [...h.items].sort((a, b) => a.top - b.top)) {
        expect(item.height, `${url}: "${item.text}"`).toBeLessThan(item.lineHeight * 1.6);
        const row = rows.find((r) => item.top < r.bottom && item.bottom > r.top);
        if (!row) rows.push({ top: item.top, bottom: item.bottom });
      }
      expect(rows.length, `${url}: the header's rows`).toBeLessThanOrEqual(2);
      expect(h.scrollWidth, `${url} scrolls sideways`).toBeLessThanOrEqual(size.width);
    }
    await page.locator("header.app-header").screenshot({ path: path.join(SHOTS, `header-room-${size.width}.png`) });
    // Every table on /model within its box (the credit books' were 13 px wider than theirs at 1366), in both views.
    for (const url of ["/model?view=room", "/model"]) {
      await page.goto(url);
      const over = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>(".table-wrap")].flatMap((w) =>
          w.scrollWidth > w.clientWidth + 1 ? [`${w.querySelector("table")?.id}: ${w.scrollWidth - w.clientWidth} px`] : [],
        ),
      );
      expect(over, `${url}: tables wider than their boxes`).toEqual([]);
    }
  });

  test(`the scenario page's tornado uses the width it has at ${size.width}x${size.height}, at a desk and in the room view`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const view of ["", "?view=room"]) {
      await page.goto(`/scenarios/2021-rectification${view}`);
      await page.locator("#scenario-tornado-chart").scrollIntoViewIfNeeded();
      await expectTornadoUsesItsWidth(page, `${size.width} ${view || "desk"}`);
      await page.locator("#sensitivity").screenshot({ path: path.join(SHOTS, `tornado-${size.width}${view ? "-room" : ""}.png`) });
    }
  });

  test(`the deck's profit waterfall is as tall as the revenue one at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/present/2021-rectification?slide=5");
    const slide = page.locator("section[data-slide-id='waterfall']");
    await expect(slide).toBeVisible();
    const [revenue, profit] = await Promise.all(
      ["present-waterfall-revenue-chart", "present-waterfall-profit-chart"].map((id) => page.locator(`[data-chart='${id}'] .chart-body`).boundingBox()),
    );
    expect(revenue && profit).toBeTruthy();
    // Level and as tall: the same rows at the same scale.
    expect(Math.abs(profit!.y - revenue!.y)).toBeLessThanOrEqual(2);
    expect(Math.abs(profit!.height - revenue!.height)).toBeLessThanOrEqual(2);
    // A drawing worth reading: more than 40% of the screen's height.
    expect(profit!.height).toBeGreaterThan(size.height * 0.4);
    expect(profit!.width).toBeGreaterThan(revenue!.width * 0.4);
    // The controls are one line, below the charts.
    const rows = await page.locator(".deck-nav").evaluate((nav) =>
      [...nav.children].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0),
    );
    for (const r of rows) expect(r.top, "the deck's controls wrap to a second line").toBeLessThan(Math.min(...rows.map((x) => x.bottom)));
    const nav = (await page.locator(".deck-nav").boundingBox())!;
    expect(profit!.y + profit!.height).toBeLessThanOrEqual(nav.y + 1);
    await page.screenshot({ path: path.join(SHOTS, `deck-waterfall-${size.width}.png`) });
  });
}
