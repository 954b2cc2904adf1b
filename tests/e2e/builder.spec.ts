/**
 * The builder and saved variants as a workshop uses them: fork a library scenario, change a number and watch the
 * preview follow, save, edit, diff, restore, download the YAML (the CLI accepts it), upload a bad file, a title
 * with markup shown as text, a stale save refused with both versions, the builder without JavaScript,
 * accessibility and screenshots.
 */
import fs from "node:fs";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

import { evaluate, type Model } from "../../app/engine";
import type { Scenario } from "../../app/scenarios/schema";
import { formatRmbBn } from "../../app/utils/format";
import { builderReady, cliCheck, createVariantViaApi, previewFigure, storedVariantTitles, uniqueTitle } from "./builder-support";
import { E2E_TMP } from "./support/env";

const FORK = "2021-co-lending";
const SHARE = 'input[name="rules[0].minOwnShare.value"]';

function variantIdOf(page: Page): string {
  const m = /\/variants\/([a-z0-9-]+)/.exec(new URL(page.url()).pathname);
  if (!m) throw new Error(`not on a variant page: ${page.url()}`);
  return m[1]!;
}

async function expectNoSeriousAxeViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

test("fork, live preview, save, edit, diff, restore and download: the whole life of a variant", async ({ page, request }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  const title = uniqueTitle("E2E fork of co-lending");
  let id = "";

  await test.step("fork a library scenario; a changed number moves the live preview to the engine's figure", async () => {
    await page.goto(`/builder?fork=${FORK}`);
    await builderReady(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fork a scenario");
    await expect(page.locator('input[name="forkedFrom"]')).toHaveValue(FORK);
    // A fork says it is one, so the two are never confused in a list.
    const original = (await (await request.get(`/api/scenarios/${FORK}`)).json()) as Scenario;
    await expect(page.locator('input[name="title"]')).toHaveValue(`${original.title} (variant)`);
    // The file's sources are ticked in the list of the model's sources.
    for (const key of original.sources) await expect(page.locator(`input[name="sources"][value="${key}"]`)).toBeChecked();
    await expect(page.getByTestId("preview")).toHaveAttribute("data-state", "ok");
    const before = await previewFigure(page, "capitalShortfall").textContent();

    await page.locator('input[name="title"]').fill(title);
    await page.locator(SHARE).fill("50");
    await expect(previewFigure(page, "capitalShortfall")).not.toHaveText(before!);
    // The figure is the engine's on the server's model and the changed scenario.
    const model = (await (await request.get("/api/model")).json()) as Model;
    const scenario = (await (await request.get(`/api/scenarios/${FORK}`)).json()) as Scenario;
    const rule = scenario.rules[0] as Extract<Scenario["rules"][number], { type: "co-lending" }>;
    const changed = { ...scenario, rules: [{ ...rule, minOwnShare: { low: 0.1, high: 0.5, value: 0.5 } }] };
    await expect(previewFigure(page, "capitalShortfall")).toHaveText(formatRmbBn(evaluate(model, changed).headline.capitalShortfall.scenario));
    // A shortfall that rises is bad news: coloured as such, never green.
    const change = previewFigure(page, "capitalShortfall", "change").locator("[data-tone]");
    await expect(change).toHaveAttribute("data-tone", "bad");
    expect(await change.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(160, 50, 30)");
    // Profit's tone follows the sign of the engine's own change: on economics v2 a funded book can earn more than the
    // fee it replaces (decision 015), so the direction is an output, not something this test may assume.
    const profit = evaluate(model, changed).headline.profit;
    const profitTone = profit.scenario > profit.baseline ? "good" : profit.scenario < profit.baseline ? "bad" : "neutral";
    await expect(previewFigure(page, "profit", "change").locator("[data-tone]")).toHaveAttribute("data-tone", profitTone);

    // An out-of-range value: the error sits beside the field and the preview says why it stopped.
    await page.locator(SHARE).fill("150");
    await expect(page.locator('.field-error[data-path="rules[0].minOwnShare.value"]')).toContainText("expected a percentage from 0% to 100%, got 150%");
    await expect(page.getByTestId("preview")).toHaveAttribute("data-state", "invalid");
    await page.locator(SHARE).fill("50");
    await expect(page.getByTestId("preview")).toHaveAttribute("data-state", "ok");
  });

  await test.step("add, reorder and remove rules in place", async () => {
    await page.getByRole("button", { name: "+ Data ban" }).click();
    await expect(page.locator(".rule-editor")).toHaveCount(2);
    await expect(page.locator('input[name="rules[1].label"]')).toBeFocused();
    await page.getByRole("button", { name: "Move rule 2 up" }).click();
    await expect(page.locator('input[name="rules[0].type"]')).toHaveValue("data-ban");
    // The moved rule kept what was typed into it.
    await expect(page.locator(SHARE.replace("[0]", "[1]"))).toHaveValue("50");
    await page.getByRole("button", { name: "Remove rule 1" }).click();
    await expect(page.locator(".rule-editor")).toHaveCount(1);
    await expect(page.locator(SHARE)).toHaveValue("50");
  });

  await test.step("save: version 1, with who and a note", async () => {
    await page.locator('input[name="versionAuthor"]').fill("Ana");
    await page.locator('textarea[name="versionNote"]').fill("half own-funded");
    await page.getByRole("button", { name: "Save as a new variant" }).click();
    await expect(page).toHaveURL(/\/variants\/[a-z0-9-]+\?saved=1$/);
    id = variantIdOf(page);
    await expect(page.getByTestId("variant-title")).toHaveText(title);
    await expect(page.locator('#history-table tr[data-row-id="1"] [data-field="author"]')).toHaveText("Ana");
    await expect(page.locator('#history-table tr[data-row-id="1"] [data-field="note"]')).toHaveText("half own-funded");
    await expect(page.getByRole("link", { name: FORK, exact: true })).toHaveAttribute("href", `/scenarios/${FORK}`);
    const v1 = await (await request.get(`/api/variants/${id}/versions`)).json();
    expect(v1.forkedFrom).toBe(FORK);
  });

  await test.step("edit and save again: version 2", async () => {
    await page.getByRole("link", { name: /^Edit/ }).click();
    await builderReady(page);
    await expect(page.locator(SHARE)).toHaveValue("50");
    await page.locator(SHARE).fill("45");
    await page.locator('input[name="versionAuthor"]').fill("Ben");
    await page.getByRole("button", { name: "Save as version 2" }).click();
    await expect(page).toHaveURL(new RegExp(`/variants/${id}\\?saved=2$`));
    await expect(page.locator("#history-table tbody tr")).toHaveCount(2);
  });

  await test.step("the diff of 1 and 2 says what changed in plain language", async () => {
    await page.goto(`/variants/${id}?a=1&b=2`);
    await expect(page.getByTestId("diff-changes")).toContainText(
      "Minimum own funding (minOwnShare) of rule 'own-funding-30' changed from 50% (range 10% to 50%) to 45% (range 10% to 50%)",
    );
  });

  await test.step("restore version 1: version 3 equals version 1", async () => {
    await page.getByRole("button", { name: "Restore version 1" }).click();
    await expect(page).toHaveURL(new RegExp(`/variants/${id}\\?saved=3`));
    await expect(page.locator('#history-table tr[data-row-id="3"] [data-field="note"]')).toContainText("restored from version 1");
    const v1 = await (await request.get(`/api/variants/${id}/versions/1`)).json();
    const v3 = await (await request.get(`/api/variants/${id}/versions/3`)).json();
    expect(v3.definition).toEqual(v1.definition);
    await page.goto(`/variants/${id}?a=1&b=3`);
    await expect(page.getByTestId("diff-changes")).toHaveText("no changes");
  });

  await test.step("a version's result is on its page", async () => {
    await page.goto(`/variants/${id}?v=2#result`);
    await expect(page.getByTestId("variant-result")).toHaveAttribute("data-version", "2");
    await expect(page.locator('#variant-headline tr[data-row-id="capitalShortfall"] [data-field="scenario"]')).not.toBeEmpty();
  });

  await test.step("download the YAML: the command line's check accepts it", async () => {
    await page.goto(`/variants/${id}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download version 3 as YAML" }).click()]);
    expect(download.suggestedFilename()).toBe(`${id}-v3.yaml`);
    const file = path.join(E2E_TMP, download.suggestedFilename());
    await download.saveAs(file);
    expect(fs.readFileSync(file, "utf8")).toContain(`title: ${title}`);
    const check = cliCheck(file);
    expect(check.status, check.output).toBe(0);
  });

  expect(problems).toEqual([]);
});

test("an uploaded file with errors shows them as the command line prints them, and nothing is stored", async ({ page, request }) => {
  const badTitle = uniqueTitle("E2E bad upload");
  await page.goto("/variants/upload");
  await expect(page.getByText("at most 256 KB").first()).toBeVisible();
  const bad = [
    `title: ${badTitle}`,
    "summary: Two mistakes.",
    'date: "2021"',
    "sources: [S36]",
    "rules:",
    "  - type: consent-required",
    "    label: Consent",
    "    categories: [transactions]",
    "    consentRate: 1.3",
    "  - type: co-lending",
    "    label: Own funding",
    "    units: [huabe]",
    "    minOwnShare: 0.3",
    "    response: raise",
    "",
  ].join("\n");
  await page.locator('input[type="file"]').setInputFiles({ name: "bad-upload.yaml", mimeType: "application/yaml", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Check and save as a variant" }).click();
  const errors = page.getByTestId("upload-errors");
  await expect(errors).toContainText("bad-upload.yaml:9:18: rules[0].consentRate: expected a number from 0 to 1, got 1.3");
  await expect(page).toHaveURL(/\/variants\/upload$/);
  expect(await storedVariantTitles(request, badTitle)).not.toContain(badTitle);
  await expectNoSeriousAxeViolations(page);

  // Fixed, it becomes a variant.
  const title = uniqueTitle("E2E upload");
  const good = bad.replace(badTitle, title).replace("consentRate: 1.3", "consentRate: 0.4").replace("[huabe]", "[huabei]");
  await page.locator('input[type="file"]').setInputFiles({ name: "good upload.yaml", mimeType: "application/yaml", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Check and save as a variant" }).click();
  await expect(page).toHaveURL(/\/variants\/[a-z0-9-]+\?saved=1$/);
  await expect(page.getByTestId("variant-title")).toHaveText(title);
});

test("a new scenario: no errors before the user acts; a changed field shows its own; sources found by searching", async ({ page }) => {
  await page.goto("/builder");
  await builderReady(page);
  await expect(page.getByTestId("error-summary")).toHaveCount(0);
  await expect(page.locator(".field-error")).toHaveCount(0);
  await expect(page.getByTestId("preview-status")).toHaveText(/appears here once the draft has a title/);
  await expect(page.getByTestId("preview-status")).not.toContainText("problem");

  // Typing in one field and emptying it: that field's error only.
  await page.locator('input[name="title"]').fill("x");
  await page.locator('input[name="title"]').fill("");
  await expect(page.locator('.field-error[data-path="title"]')).toBeVisible();
  await expect(page.locator('.field-error[data-path="summary"]')).toHaveCount(0);
  await expect(page.getByTestId("error-summary")).toHaveCount(0);

  // Sources: a search narrows the list by key or citation; a ticked source stays in view.
  const items = page.locator("#source-list li:not([hidden])");
  const all = await items.count();
  expect(all).toBeGreaterThan(50);
  await page.getByTestId("source-search").fill("reuters");
  await expect.poll(() => items.count()).toBeLessThan(all);
  await expect(items.first()).toContainText(/Reuters/);
  const first = items.first().locator('input[name="sources"]');
  const key = await first.getAttribute("value");
  await first.check();
  await page.getByTestId("source-search").fill("zzz-no-such-source");
  await expect(items).toHaveCount(2); // the ticked one, and the "no source matches" line
  await expect(page.locator(`input[name="sources"][value="${key}"]`)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // "Check" shows every problem.
  await page.getByRole("button", { name: /^Check the draft/ }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page.getByTestId("error-summary")).not.toContainText("sources");
});

test("a title with markup and script is saved and shown as text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const title = `<script>alert(1)</script><b>x</b> ${uniqueTitle("E2E markup")}`;
  await page.goto(`/builder?fork=${FORK}`);
  await builderReady(page);
  await page.locator('input[name="title"]').fill(title);
  await page.getByRole("button", { name: "Save as a new variant" }).click();
  await expect(page).toHaveURL(/\/variants\/[a-z0-9-]+\?saved=1$/);
  await expect(page.getByTestId("variant-title")).toHaveText(title);
  await expect(page.getByTestId("variant-title").locator("b, script")).toHaveCount(0);
  // The list is paged (24 a page) and the other worker saves too: find it by its title.
  await page.goto(`/variants?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.locator("#variants-table b")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("two people edit the same version: the second save is refused with both versions shown, nothing overwritten", async ({ browser, request }) => {
  test.setTimeout(150_000);
  const title = uniqueTitle("E2E stale");
  const id = await createVariantViaApi(request, title);
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  for (const p of [alice, bob]) {
    await p.goto(`/variants/${id}/edit`);
    await builderReady(p);
  }
  await alice.locator(SHARE).fill("40");
  await alice.getByRole("button", { name: "Save as version 2" }).click();
  await expect(alice).toHaveURL(new RegExp(`/variants/${id}\\?saved=2$`));

  await bob.locator(SHARE).fill("35");
  await bob.locator('input[name="title"]').fill(`${title} (Bob)`);
  await bob.getByRole("button", { name: "Save as version 2" }).click();
  const panel = bob.getByTestId("stale-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Not saved: version 2 was saved while you edited version 1");
  await expect(bob.getByTestId("stale-latest")).toContainText("minOwnShare: 0.4");
  await expect(bob.getByTestId("stale-submitted")).toContainText("minOwnShare: 0.35");
  await expect(bob.getByTestId("stale-changes")).toContainText("Minimum own funding (minOwnShare) of rule 'own-funding' changed from 40% to 35%");
  const after = await (await request.get(`/api/variants/${id}/versions`)).json();
  expect(after.latestVersion).toBe(2);
  expect((await (await request.get(`/api/variants/${id}/versions/2`)).json()).definition.title).toBe(title);
  // The form still says version 1 is its base: a plain save is refused again.
  await expect(bob.getByRole("button", { name: "Save as version 2" })).toBeVisible();
  await expectNoSeriousAxeViolations(bob);
  await bob.setViewportSize({ width: 1366, height: 768 });
  await bob.screenshot({ path: path.join("test-results", "builder-stale-1366.png"), fullPage: true });

  // Choosing to save on top of version 2 stores version 3.
  await bob.getByRole("button", { name: "Save my draft as version 3 (on top of version 2)" }).click();
  await expect(bob).toHaveURL(new RegExp(`/variants/${id}\\?saved=3$`));
  await alice.context().close();
  await bob.context().close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the builder adds a rule by a submit button, shows errors beside the fields, and saves", async ({ page, request }) => {
    const title = uniqueTitle("E2E no-JS");
    await page.goto("/builder");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Build a scenario");
    await page.locator('input[name="title"]').fill(title);
    await page.locator('textarea[name="summary"]').fill("Built without JavaScript.");
    await page.locator('input[name="date"]').fill("2022");
    await page.locator('textarea[name="sources"]').fill("S36");
    await page.getByRole("button", { name: "+ Data ban" }).click();
    await expect(page.locator(".rule-editor")).toHaveCount(1);
    await expect(page.locator('input[name="title"]')).toHaveValue(title);

    // Saving with no category ticked: refused, the error beside the field, nothing stored.
    await page.getByRole("button", { name: "Save as a new variant" }).click();
    await expect(page.locator('[data-field-path="rules[0].categories"] .field-error')).toHaveText(/expected at least 1 item/);
    expect(await storedVariantTitles(request, title)).not.toContain(title);

    await page.getByRole("checkbox", { name: "transactions" }).check();
    await page.getByRole("button", { name: "Check the draft and update the preview" }).click();
    await expect(page.getByTestId("preview")).toHaveAttribute("data-state", "ok");
    await page.getByRole("button", { name: "Save as a new variant" }).click();
    await expect(page).toHaveURL(/\/variants\/[a-z0-9-]+\?saved=1$/);
    await expect(page.getByTestId("variant-title")).toHaveText(title);
  });
});

test("builder and variant pages: no serious accessibility violations; screenshots at projector and laptop sizes", async ({ page, request }) => {
  test.setTimeout(240_000);
  const id = await createVariantViaApi(request, uniqueTitle("E2E screenshots"));
  const shots: Array<[string, string]> = [
    ["builder", `/builder?fork=${FORK}`],
    ["builder-new", "/builder"],
    ["variant", `/variants/${id}`],
    ["variants", "/variants"],
  ];
  for (const [name, url] of shots) {
    for (const [w, h] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(url);
      if (name.startsWith("builder")) await builderReady(page);
      if (w === 1920) await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: path.join("test-results", `builder-${name}-${w}.png`), fullPage: true });
    }
  }
  // The builder with errors showing.
  await page.goto("/builder");
  await builderReady(page);
  await page.getByRole("button", { name: "+ Consent required" }).click();
  await page.getByRole("button", { name: /^Check the draft/ }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: path.join("test-results", "builder-errors-1366.png"), fullPage: true });
});
