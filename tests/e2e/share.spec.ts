/**
 * Short links with a QR code (issue 13 §6, decision 026): a what-if state gets a short link stored in SQLite, the
 * link opens the same state, the QR code is drawn on the server with an accessible name; without JavaScript too.
 */
import { expect, test, type Page } from "@playwright/test";

import { seriousViolations } from "./support/axe";

const ID = "2021-co-lending";
const KEY = "r.own-funding-30.minOwnShare";

async function hydrated(page: Page) {
  await expect(page.locator(`[data-key="${KEY}"] input[type="range"]`)).toBeEnabled({ timeout: 30_000 });
}

test("a what-if state gets a short link and a QR code; the link opens the same state; the same state, the same link", async ({ page }) => {
  await page.goto(`/scenarios/${ID}?view=room`);
  await hydrated(page);
  await page.locator(`input[type="number"][name="${KEY}%"]`).fill("45");
  await expect(page).toHaveURL(new RegExp(`${KEY.replace(/\./g, "\\.")}=0\\.45`));
  const kpis = await page.getByTestId("kpi-profit").innerText();
  const state = new URL(page.url());

  // The header's link carries the page's current address, what-if and room view included (it re-renders just
  // after the address changes, so wait for it before clicking).
  const to = encodeURIComponent(`${state.pathname}${state.search}`).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(page.getByTestId("share-view")).toHaveAttribute("href", new RegExp(`^/share\\?to=${to}(&|$)`));
  await page.getByTestId("share-view").click();
  await expect(page).toHaveURL(/\/share\?to=/);
  await expect(page.getByTestId("share-target")).toHaveText(`${state.pathname}${state.search}`);
  await page.getByTestId("make-short-link").click();
  const link = page.getByTestId("short-link");
  await expect(link).toHaveText(/\/s\/[2-9a-zA-Z]{10}$/);
  const qr = page.getByRole("img", { name: /^QR code for http:\/\/.+\/s\/[2-9a-zA-Z]{10}$/ });
  await expect(qr).toBeVisible();
  await expect(qr.locator("svg path").first()).toBeAttached();
  expect(await seriousViolations(page, "share page")).toEqual([]);
  const shortHref = (await link.getAttribute("href"))!;

  // Asking again for the same state gives the same link (nothing new is stored).
  const again = await page.request.post("/share", { form: { to: `${state.pathname}${state.search}` }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect(again.status()).toBe(303);
  await page.goto(`/share?to=${encodeURIComponent(`${state.pathname}${state.search}`)}`);
  await expect(page.getByTestId("short-link")).toHaveAttribute("href", shortHref);

  // The short link opens the same state.
  const response = await page.request.get(shortHref, { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toBe(`${state.pathname}${state.search}`);
  await page.goto(shortHref);
  await expect(page).toHaveURL(`${state.pathname}${state.search}`);
  await expect(page.getByTestId("kpi-profit")).toHaveText(kpis);
  await expect(page.locator(`input[type="number"][name="${KEY}%"]`)).toHaveValue("45");
});

test("an unknown short link is the 404 page; a foreign or API target is refused and nothing is stored", async ({ page, request }) => {
  const unknown = await page.goto("/s/2345678923");
  expect(unknown?.status()).toBe(404);
  await expect(page.locator("h1")).toBeVisible();
  expect(await seriousViolations(page, "unknown short link")).toEqual([]);
  await page.goto(`/share?to=${encodeURIComponent("https://evil.example/")}`);
  await expect(page.getByTestId("share-error")).toContainText("Only a page of this dashboard can be shared");
  await expect(page.getByTestId("make-short-link")).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  const refused = await request.post("/share", { form: { to: "/api/variants" }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(refused.status()).toBe(400);
  const cross = await request.post("/share", { form: { to: "/history" }, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(cross.status()).toBe(403);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the share page makes the link and shows the QR code; the link opens the state", async ({ page }) => {
    const target = `/compare?s=${ID}&s=${encodeURIComponent(`${ID}?${KEY}=0.4`)}`;
    await page.goto(target);
    await page.getByTestId("share-view").click();
    await page.getByTestId("make-short-link").click();
    await expect(page.getByRole("img", { name: /^QR code for / })).toBeVisible();
    await page.getByTestId("short-link").click();
    await expect(page).toHaveURL(target);
  });
});
