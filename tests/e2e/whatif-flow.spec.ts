/**
 * What-if -> variant -> compare, as a workshop goes: Back, Forward and Undo step through what-if changes (a
 * gesture is one step), and "Save as variant" carries every moved value into the builder and into the saved
 * variant.
 */
import { expect, test, type Page } from "@playwright/test";

const ID = "2021-co-lending";
const KEY = "r.own-funding-30.minOwnShare";
const COE = "a.cost-of-equity";
const esc = (s: string) => s.replace(/\./g, "\\.");

async function hydrated(page: Page) {
  await expect(page.locator("[data-testid='whatif-reset']")).toBeVisible();
  await expect(page.locator(`[data-key="${KEY}"] input[type="range"]`)).toBeEnabled({ timeout: 30_000 });
}

test("Back and Forward step through what-if changes; Undo goes back one step; the page is never left", async ({ page }) => {
  await page.goto(`/scenarios/${ID}`);
  await hydrated(page);
  await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = "same document"));
  const input = page.locator(`input[type="number"][name="${KEY}%"]`); // a share is typed as a percentage
  await expect(page.getByTestId("whatif-undo")).toBeDisabled();

  await input.fill("40");
  await expect(page).toHaveURL(new RegExp(`\\?${esc(KEY)}=0\\.4$`));
  await page.waitForTimeout(1600); // a pause (longer than GROUP_MS): the next change is a new step
  await input.fill("45");
  await expect(page).toHaveURL(new RegExp(`\\?${esc(KEY)}=0\\.45$`));
  await page.waitForTimeout(1600);
  // A slider dragged slowly through several values (the URL follows during the drag) is one step.
  const slider = page.locator(`[data-key="${COE}"] input[type="range"]`);
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.5, y);
  await page.mouse.down();
  for (const f of [0.6, 0.7, 0.8]) {
    await page.mouse.move(box.x + box.width * f, y, { steps: 3 });
    await page.waitForTimeout(700); // longer than the URL's debounce: the URL is written mid-drag
  }
  await page.mouse.up();
  await expect(page).toHaveURL(new RegExp(`${esc(COE)}=`));
  const dragged = page.url();

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?${esc(KEY)}=0\\.45$`));
  await expect(input).toHaveValue("45");
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?${esc(KEY)}=0\\.4$`));
  await expect(input).toHaveValue("40");
  await expect(page.getByTestId(`value-${KEY}`)).toHaveText("40%");
  await page.goForward();
  await expect(input).toHaveValue("45");
  await page.goForward();
  await expect(page).toHaveURL(dragged);
  // Forward onto the last step the page wrote: the values follow the address too (they once stayed a step behind,
  // and the links and downloads with them).
  const draggedValue = new URL(dragged).searchParams.get(COE)!;
  await expect(page.getByTestId("whatif-save-variant")).toHaveAttribute("href", new RegExp(`${esc(COE)}=${esc(draggedValue)}`));
  await expect(page.locator(`[data-key="${COE}"] input[type="number"]`)).not.toHaveValue("10");
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?${esc(KEY)}=0\\.45$`));

  // Undo: one step back, the same as the browser's Back.
  await page.getByTestId("whatif-undo").click();
  await expect(page).toHaveURL(new RegExp(`\\?${esc(KEY)}=0\\.4$`));
  await page.getByTestId("whatif-undo").click();
  await expect(page).toHaveURL(new RegExp(`/scenarios/${ID}$`));
  await expect(input).toHaveValue("30");
  await expect(page.getByTestId("whatif-undo")).toBeDisabled();
  expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("same document");
});

test("Save as variant keeps every moved value: into the builder, and into the saved variant", async ({ page, request }) => {
  test.slow();
  await page.goto(`/scenarios/${ID}?${KEY}=0.45&${COE}=0.12`);
  await hydrated(page);
  const link = page.getByTestId("whatif-save-variant");
  await expect(link).toHaveAttribute("href", new RegExp(`fork=${ID}.*${esc(KEY)}=0\\.45`));
  // A value moved after the page loaded goes along too.
  await page.locator(`input[type="number"][name="${KEY}%"]`).fill("35");
  await expect(link).toHaveAttribute("href", new RegExp(`${esc(KEY)}=0\\.35`));
  await link.click();

  await expect(page).toHaveURL(/\/builder\?fork=/);
  await expect(page.locator("#builder-form")).toHaveAttribute("data-hydrated", "true", { timeout: 40_000 });
  await expect(page.locator(".lede")).toContainText("with the 2 values moved in the what-if");
  await expect(page.locator('input[name="rules[0].minOwnShare.value"]')).toHaveValue("35");
  await expect(page.locator('input[name="assumptions.cost-of-equity%"]')).toHaveValue("12");
  await expect(page.locator('input[name="title"]')).toHaveValue(/\(variant\)$/);
  const title = `What-if kept ${Date.now().toString(36)} (variant)`;
  await page.locator('input[name="title"]').fill(title);
  await page.getByRole("button", { name: "Save as a new variant" }).click();
  await expect(page).toHaveURL(/\/variants\/[a-z0-9-]+\?saved=1$/);
  const id = /\/variants\/([a-z0-9-]+)/.exec(new URL(page.url()).pathname)![1]!;
  const saved = (await (await request.get(`/api/variants/${id}/versions/1`)).json()) as {
    definition: { title: string; assumptions?: Record<string, number>; rules: Array<{ minOwnShare: { value: number } }>; inputs?: unknown[] };
  };
  expect(saved.definition.title).toBe(title);
  expect(saved.definition.rules[0]!.minOwnShare.value).toBe(0.35);
  expect(saved.definition.assumptions?.["cost-of-equity"]).toBe(0.12);
  // The file's 30% was an input from history; the what-if moved it, so it is no longer marked as one.
  expect(saved.definition.inputs).toBeUndefined();
});

test("a fork keeps the scenario's inputs from history (they were once dropped)", async ({ page, request }) => {
  const original = (await (await request.get(`/api/scenarios/${ID}`)).json()) as { inputs: unknown[] };
  expect(original.inputs.length).toBeGreaterThan(0);
  await page.goto(`/builder?fork=${ID}`);
  const title = `Inputs kept ${Date.now().toString(36)} (variant)`;
  await page.locator('input[name="title"]').fill(title);
  await page.getByRole("button", { name: "Save as a new variant" }).click();
  await expect(page).toHaveURL(/\/variants\/[a-z0-9-]+\?saved=1$/);
  const id = /\/variants\/([a-z0-9-]+)/.exec(new URL(page.url()).pathname)![1]!;
  const saved = (await (await request.get(`/api/variants/${id}/versions/1`)).json()) as { definition: { inputs?: unknown[] } };
  expect(saved.definition.inputs).toEqual(original.inputs);
});

test("a fork with a what-if value out of range is refused with the reason, nothing dropped silently", async ({ page }) => {
  const response = await page.goto(`/builder?fork=${ID}&${KEY}=7`);
  expect(response?.status()).toBe(400);
  await expect(page.locator("main")).toContainText(`'${KEY}' must be between 0.1 and 0.5, got 7`);
});
