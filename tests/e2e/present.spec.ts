/**
 * Presentation mode as stakeholders see it: every slide with the engine's numbers and a takeaway computed from
 * the result, keyboard navigation that names the slide in the URL, previous/next links without JavaScript, the
 * what-if state carried in, printing one slide per page, accessibility, and screenshots at projector and
 * laptop sizes.
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

import { SLIDES, capitalTakeaway, servicesTakeaway, waterfallTakeaway } from "../../app/components/present/deck";
import { FORMULA_TITLE, saveVariant } from "./present-support";
import { evaluateWithCli, evaluateWithEngine, expectedKpis } from "./scenario-support";

const ID = "2021-rectification";
const KEY = "r.own-funding-30.minOwnShare";
const COUNT = SLIDES.length;

async function hydrated(page: Page) {
  await expect(page.locator("main.deck")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
}

/** The headline tiles' texts on the deck, keyed as the scenario page's tiles are. */
async function deckKpis(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll("[data-testid^='present-kpi-']")) out[el.getAttribute("data-testid")!.replace("present-", "")] = el.textContent ?? "";
    return out;
  });
}

function currentSlide(page: Page) {
  return page.locator("section.slide.is-current");
}

test("the deck has every slide, with the engine's numbers and takeaways computed from the result", async ({ page }) => {
  test.slow(); // the CLI's evaluate starts tsx
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  const response = await page.goto(`/present/${ID}`);
  expect(response?.status()).toBe(200);
  await hydrated(page);
  const { scenario, result, attribution } = evaluateWithCli(ID);

  await expect(page.locator("section.slide")).toHaveCount(COUNT);
  await expect(currentSlide(page)).toHaveAttribute("id", "slide-1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(scenario.title);
  await expect(currentSlide(page)).toContainText("A what-if tool, not a forecast");
  await expect(currentSlide(page)).toContainText(scenario.date);
  // A short first slide: one sentence of the summary; the whole summary is in the speaker notes.
  const lede = (await page.getByTestId("title-lede").textContent()) ?? "";
  expect(lede.length).toBeLessThanOrEqual(221);
  expect(scenario.summary.startsWith(lede.replace(/[….]$/, ""))).toBe(true);
  // The rules slide lists every rule with its plain-language text.
  await expect(page.locator("#slide-2 [data-testid='rules-list'] > li")).toHaveCount(scenario.rules.length);
  await expect(page.locator("#slide-2")).toContainText(scenario.rules[0]!.label);

  expect(await deckKpis(page)).toEqual(expectedKpis(result));
  await expect(page.locator("#slide-4 [data-testid='takeaway']")).toHaveText(servicesTakeaway(result));
  // As it happened, Huabei and Jiebei stay inside Alipay (S86, S87): nothing is linked out.
  await expect(page.locator("#slide-4 [data-testid='takeaway']")).not.toContainText("linked out");
  await expect(page.locator("#slide-5 [data-testid='takeaway']")).toHaveText(waterfallTakeaway(attribution, result.headline));
  await expect(page.locator("section[data-slide-id='capital'] [data-testid='takeaway']")).toHaveText(capitalTakeaway(result));
  // One chart per chart slide, drawn as SVG on the server (recharts replaces it once its slide is shown, decision
  // 022), each plotted figure the draws give with its 80% range mark and a legend line for it.
  const capitalUnits = result.units.filter((u) => u.book !== null || u.capitalRequired.scenario > 0 || u.shortfall > 0).length;
  const marks = {
    "present-services-chart": result.services.length,
    "present-waterfall-revenue-chart": 1,
    "present-waterfall-profit-chart": 1,
    "present-capital-chart": capitalUnits,
    "present-hhi-chart": result.markets.length,
  };
  for (const [chart, n] of Object.entries(marks)) {
    const figure = page.locator(`figure[data-chart='${chart}']`);
    await expect(figure.locator("svg.recharts-surface, svg.chart-svg")).toHaveCount(1);
    await expect(figure.locator(".range-mark, .recharts-errorBar")).toHaveCount(n);
    await expect(figure.locator("li[data-legend='range']")).toHaveText("80% range: 10th to 90th percentile over 1,000 draws");
  }
  // Assumptions with their values and ranges; sources with their citations.
  // (the rectification facilitates the bank-funded book: the banks' appetite drives it)
  await expect(page.locator("section[data-slide-id='assumptions'] tr[data-row-id='bank-facilitation-appetite'] [data-field='value']")).toHaveText("80%");
  // A rate per year reads as a percentage (it once read "0.02 per year"), and no value cell is a bare fraction.
  await expect(page.locator("section[data-slide-id='assumptions'] tr[data-row-id='platform-fee-rate'] [data-field='value']")).toHaveText("2% per year, of the facilitated balance");
  for (const cell of await page.locator("section[data-slide-id='assumptions'] [data-field='value']").allInnerTexts()) expect(cell).not.toMatch(/^0\.\d+( |$)/);
  await expect(page.locator("section[data-slide-id='sources'] [data-source='S37']")).toContainText("S37");
  expect(problems, "console errors or warnings (e.g. a hydration mismatch)").toEqual([]);
});

test("arrow keys, space, PageUp/PageDown, Home and End move between slides; the URL names the slide and keeps the what-if", async ({ page }) => {
  await page.goto(`/present/${ID}?${KEY}=0.4`);
  await hydrated(page);
  await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = "same document"));
  const steps: Array<[string, number]> = [
    ["ArrowRight", 2],
    ["Space", 3],
    ["PageDown", 4],
    ["ArrowLeft", 3],
    ["PageUp", 2],
    ["End", COUNT],
    ["ArrowRight", COUNT],
    ["Home", 1],
    ["ArrowDown", 2],
    ["ArrowUp", 1],
  ];
  for (const [key, slide] of steps) {
    await page.keyboard.press(key);
    await expect(currentSlide(page)).toHaveAttribute("id", `slide-${slide}`);
    await expect(page).toHaveURL(new RegExp(`[?&]slide=${slide}(&|$)`));
    await expect(page.getByTestId("slide-count")).toHaveText(`${slide} / ${COUNT}`);
  }
  await page.keyboard.press("End");
  await expect(page).toHaveURL(new RegExp(`${KEY.replace(/\./g, "\\.")}=0\\.4`));
  // No reload: the deck moved within the same document.
  expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("same document");
  // A reload of the URL shows the same slide.
  await page.reload();
  await expect(currentSlide(page)).toHaveAttribute("id", `slide-${COUNT}`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("previous/next links walk the whole deck, each slide at its own URL", async ({ page }) => {
    await page.goto(`/present/${ID}?${KEY}=0.4`);
    await expect(page.getByTestId("prev-slide")).toHaveCount(0);
    for (let n = 2; n <= COUNT; n++) {
      await page.getByTestId("next-slide").click();
      await expect(page).toHaveURL(new RegExp(`slide=${n}&${KEY.replace(/\./g, "\\.")}=0\\.4$`));
      await expect(currentSlide(page)).toHaveAttribute("id", `slide-${n}`);
      await expect(currentSlide(page)).toBeVisible();
    }
    await expect(page.getByTestId("next-slide")).toHaveCount(0);
    await page.getByTestId("prev-slide").click();
    await expect(currentSlide(page)).toHaveAttribute("id", `slide-${COUNT - 1}`);
    // Chart images need JavaScript; the deck says so instead of showing dead buttons.
    await page.goto(`/present/${ID}?slide=4`);
    await expect(page.getByTestId("chart-downloads-nojs")).toHaveText(/needs JavaScript/);
    await expect(page.locator("button[data-chart-download]")).toHaveCount(0);
  });
});

test("what-if values in the URL reach every number; a bad one is reported and the file's value used", async ({ page, request }) => {
  await page.goto(`/present/${ID}?slide=2&${KEY}=0.4`);
  const { result } = await evaluateWithEngine(request, ID, `${KEY}=0.4`);
  expect(await deckKpis(page)).toEqual(expectedKpis(result));
  expect(expectedKpis(result)["kpi-capitalShortfall"]).not.toBe(expectedKpis(evaluateWithCli(ID).result)["kpi-capitalShortfall"]);
  await page.goto(`/present/${ID}?slide=1&${KEY}=0.4`);
  await expect(page.getByTestId("whatif-changes")).toContainText("40%");
  // The waterfall slide marks the moved rule, whose label still quotes the file's 30%.
  await page.goto(`/present/${ID}?slide=5&${KEY}=0.4`);
  await expect(page.locator('figure[data-chart="present-waterfall-revenue-chart"]')).toContainText("for the banks (what-if)");
  // The rules slide gives the moved value in words.
  await page.goto(`/present/${ID}?slide=2&${KEY}=0.4`);
  await expect(page.locator("#slide-2 li[data-rule-id='own-funding-30']")).toHaveAttribute("data-whatif", "changed");
  await expect(page.locator("#slide-2 li[data-rule-id='own-funding-30']")).toContainText("at least 40% of each co-lent loan");

  await page.goto(`/present/${ID}?slide=x2&${KEY}=7&a.nope=1`);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(`'${KEY}' must be between 0.1 and 0.5, got 7`);
  await expect(alert).toContainText("Unknown parameter 'a.nope'");
  await expect(alert).toContainText("'slide' must be a number from 1 to");
  await expect(currentSlide(page)).toHaveAttribute("id", "slide-1");
  expect(await deckKpis(page)).toEqual(expectedKpis(evaluateWithCli(ID).result));
});

test("?slide=99 is the last slide; the go-to form jumps to a slide without JavaScript too", async ({ page }) => {
  await page.goto(`/present/${ID}?slide=99&${KEY}=0.4`);
  await expect(currentSlide(page)).toHaveAttribute("id", `slide-${COUNT}`);
  await expect(page.getByRole("alert")).toHaveCount(0);
  const form = page.getByTestId("slide-jump");
  await form.getByLabel("Slide").fill("3");
  await form.getByRole("button", { name: "Go" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]slide=3(&|$)`));
  await expect(page).toHaveURL(new RegExp(`${KEY.replace(/\./g, "\\.")}=0\\.4`));
  await expect(currentSlide(page)).toHaveAttribute("id", "slide-3");
});

test("keys: a number and Enter jump, ? shows the keys, F is full screen, Esc closes the help and then leaves the deck", async ({ page }) => {
  await page.goto(`/present/${ID}?${KEY}=0.4`);
  await hydrated(page);
  await page.keyboard.press("6");
  await expect(page.getByTestId("slide-typed")).toContainText("Go to slide 6");
  await page.keyboard.press("Enter");
  await expect(currentSlide(page)).toHaveAttribute("id", "slide-6");
  await page.keyboard.press("1");
  await page.keyboard.press("2");
  await page.keyboard.press("Enter");
  await expect(currentSlide(page)).toHaveAttribute("id", `slide-${COUNT}`);

  await page.keyboard.press("?");
  const help = page.getByTestId("deck-help");
  await expect(help).toBeVisible();
  await expect(help).toContainText("full screen");
  expect(await seriousViolations(page, "help:")).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(currentSlide(page)).toHaveAttribute("id", `slide-${COUNT}`);

  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);

  await page.waitForTimeout(600); // Esc right after leaving full screen is that same press: wait it out.
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/scenarios/${ID}\\?${KEY.replace(/\./g, "\\.")}=0\\.4$`));
});

test("the presenter view shows the notes and the next slide, and follows the audience window both ways", async ({ page }) => {
  await page.goto(`/present/${ID}?slide=2&${KEY}=0.4`);
  await hydrated(page);
  const [presenter] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("p")]);
  await expect(presenter.locator("main.deck")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  await expect(presenter.locator("main.deck")).toHaveAttribute("data-view", "presenter");
  await expect(presenter).toHaveURL(/view=presenter/);
  await expect(presenter.locator("section.slide.is-current")).toHaveAttribute("id", "slide-2");
  await expect(presenter.locator("section.slide.is-next")).toHaveAttribute("id", "slide-3");
  await expect(presenter.getByTestId("speaker-notes")).toContainText("Ant becomes a financial holding company");
  expect(await seriousViolations(presenter, "presenter:")).toEqual([]);

  // The audience window moves: the presenter follows, with that slide's notes.
  await page.keyboard.press("ArrowRight");
  await expect(presenter.locator("section.slide.is-current")).toHaveAttribute("id", "slide-3");
  await expect(presenter.getByTestId("speaker-notes")).toContainText("summed over Alipay's");
  // The presenter moves: the audience follows.
  await presenter.keyboard.press("ArrowRight");
  await presenter.keyboard.press("ArrowRight");
  await expect(currentSlide(page)).toHaveAttribute("id", "slide-5");
  await expect(presenter.locator("section.slide.is-current")).toHaveAttribute("id", "slide-5");
  await expect(page).toHaveURL(new RegExp(`[?&]slide=5(&|$)`));
  await presenter.keyboard.press("End");
  await expect(currentSlide(page)).toHaveAttribute("id", `slide-${COUNT}`);
  await expect(presenter.locator(".presenter-next")).toHaveText("Last slide");
  await presenter.close();
});

test("an unknown scenario is a 404 page; a library scenario with ?v= is a 400", async ({ page }) => {
  expect((await page.goto("/present/no-such-scenario"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scenario not found");
  expect((await page.goto(`/present/${ID}?v=2`))?.status()).toBe(400);
  await expect(page.getByText("has no versions")).toBeVisible();
});

test("a saved variant version is presented, its title shown as text", async ({ page, request }) => {
  const id = await saveVariant(request);
  const response = await page.goto(`/present/${id}?v=1`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FORMULA_TITLE);
  await expect(page.locator("h1 b")).toHaveCount(0);
  await expect(currentSlide(page)).toContainText("Saved variant, version 1");
  expect((await page.goto(`/present/${id}?v=9`))?.status()).toBe(404);
});

test("printing gives one landscape page per slide", async ({ page }) => {
  await page.goto(`/present/${ID}?slide=4`);
  await hydrated(page);
  const pdf = await page.pdf({ preferCSSPageSize: true, landscape: true, printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(COUNT);
  // Landscape 16:9: the first page's MediaBox is wider than tall.
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
  expect(box).not.toBeNull();
  const [w, h] = [Number(box![3]) - Number(box![1]), Number(box![4]) - Number(box![2])];
  expect(w / h).toBeCloseTo(16 / 9, 1);
});

test("slides pass axe with no serious or critical violations", async ({ page }) => {
  // axe reads every slide of the deck each time (hidden ones too): slow on a busy 2-core machine.
  test.slow();
  for (const n of [2, 3, 6, 8]) {
    await page.goto(`/present/${ID}?slide=${n}`);
    await hydrated(page);
    expect(await seriousViolations(page, `slide ${n}:`)).toEqual([]);
  }
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  test(`slides fill a ${size.width}x${size.height} screen without spilling over (screenshots)`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    for (const n of SLIDES.map((_, i) => i + 1)) {
      await page.goto(`/present/${ID}?slide=${n}`);
      await hydrated(page);
      const fit = await page.evaluate(() => {
        const slide = document.querySelector<HTMLElement>("section.slide.is-current")!;
        const box = slide.getBoundingClientRect();
        const inner = slide.querySelector<HTMLElement>(".slide-inner")!;
        const spill = [...slide.querySelectorAll<HTMLElement>("h1, h2, p, li, table, figure")].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > box.bottom + 1 || r.right > box.right + 1;
        });
        return {
          width: box.width,
          height: box.height,
          innerOverflow: inner.scrollHeight - inner.clientHeight,
          spill: spill.map((el) => `${el.tagName}.${el.className}`),
          pageScroll: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      expect(Math.round(fit.width)).toBeGreaterThanOrEqual(size.width - 2);
      expect(fit.width / fit.height).toBeCloseTo(16 / 9, 1);
      expect(fit.spill, `slide ${n} spills over`).toEqual([]);
      expect(fit.innerOverflow, `slide ${n} overflows`).toBeLessThanOrEqual(1);
      expect(fit.pageScroll).toBeLessThanOrEqual(0);
      if ([1, 2, 3, 5, 6].includes(n)) await page.screenshot({ path: testInfo.outputPath(`slide-${n}-${size.width}x${size.height}.png`) });
    }
  });
}
