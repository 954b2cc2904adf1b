import { expect, type Page } from "@playwright/test";

/**
 * The scenario page's tornado uses the width it has (issue 11: at 1920 it kept a 640 px drawing in a 1,310 px
 * column once its table wrapped below it): where the swing table sits below it, the drawing shown spans its cell
 * (up to the wide drawing's 1,125 px); wherever it is, its text is drawn at 11.5 px or more.
 */
export async function expectTornadoUsesItsWidth(page: Page, what: string) {
  const t = await page.evaluate(() => {
    const figure = document.querySelector("#scenario-tornado-chart")!;
    const svg = [...figure.querySelectorAll("svg")].find((s) => s.getBoundingClientRect().width > 0)!;
    const box = svg.getBoundingClientRect();
    return {
      svg: box.width,
      bottom: box.bottom,
      cell: figure.getBoundingClientRect().width,
      tableTop: document.querySelector("#sensitivity-profit-table")!.getBoundingClientRect().top,
      viewBox: svg.viewBox.baseVal.width,
      shown: [...figure.querySelectorAll("svg")].filter((s) => s.getBoundingClientRect().width > 0).length,
    };
  });
  expect(t.shown, `${what}: one tornado drawing shown`).toBe(1);
  if (t.tableTop >= t.bottom) expect(t.svg, `${what}: a ${t.svg} px tornado in ${t.cell} px above its table`).toBeGreaterThanOrEqual(Math.min(t.cell, 1125) - 2);
  expect((13 * t.svg) / t.viewBox, `${what}: the tornado's text size`).toBeGreaterThanOrEqual(11.5);
}
