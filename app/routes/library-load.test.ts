/**
 * The library page with thousands of saved variants, and the save rate limit, through the route modules on a
 * scratch copy of the database (DATABASE_PATH points at it, never the user's file).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, isNull } from "drizzle-orm";
import { variants, variantVersions } from "../../db/schema";
import { makeScratchVariantDb, sampleDefinition, type ScratchVariantDb } from "../data/__fixtures__/variant-db";
import { clearModelCache, modelVersion } from "../data/model.server";
import { createVariant, listVariantPage, VARIANT_PAGE_SIZE } from "../data/variant.server";
import { CLIENT_ADDRESS_HEADER, SAVE_BURST, TokenBucket } from "../utils/rate-limit.server";
import * as index from "./api.variants";
import * as library from "./_index";
import * as variantsPage from "./variants._index";

const BASE = "http://localhost:3000";
const MANY = 3000;
let scratch: ScratchVariantDb;
let store: ReturnType<ScratchVariantDb["copy"]>["store"];
const saved = process.env.DATABASE_PATH;
const idOf = (i: number) => `bulk-${String(i).padStart(5, "0")}-${i % 7 === 0 ? "credit" : "consent"}`;
const args = (request: Request) => ({ request, params: {}, context: {} }) as never;

/**
 * MANY variants written straight into the tables, as rows saved by this version would be, except that their stored
 * headline carries a marker figure (revenue 12345) no evaluation gives: a page showing it read the stored figures.
 * Every 100th row has no stored figures at all (as rows saved before migration 0004).
 */
function insertMany(db: typeof store.db, model: typeof store.model) {
  const definition = JSON.stringify(sampleDefinition());
  const real = listVariantPage({}, { db, model }); // warm the model version
  expect(real.total).toBe(0);
  const marker = (id: string) =>
    JSON.stringify({
      id,
      ok: true,
      file: `variant ${id}`,
      title: `Stored ${id}`,
      summary: "s",
      date: "2021",
      hypothetical: true,
      families: ["privacy"],
      ruleCount: 1,
      headline: Object.fromEntries(
        ["revenue", "attributableRevenue", "profit", "capitalShortfall", "capitalRaised", "usersReached"].map((k) => [k, { baseline: 1, scenario: 12345, delta: 12344 }]),
      ),
      warnings: [],
    });
  db.transaction((tx) => {
    for (let i = 0; i < MANY; i++) {
      const id = idOf(i);
      const at = new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString();
      const stored = i % 100 !== 0;
      tx.insert(variants)
        .values({
          id,
          createdAt: at,
          title: `${i % 7 === 0 ? "Credit" : "Consent"} variant ${i}`,
          latestVersion: 1,
          updatedAt: at,
          summary: stored ? marker(id) : null,
          summaryModel: stored ? modelVersion(model) : null,
        })
        .run();
      tx.insert(variantVersions).values({ variantId: id, version: 1, definition, createdAt: at }).run();
    }
  });
}

beforeAll(() => {
  scratch = makeScratchVariantDb();
  const copy = scratch.copy("library-load");
  store = copy.store;
  insertMany(store.db, store.model);
  process.env.DATABASE_PATH = copy.file;
  clearModelCache();
});
afterAll(() => {
  if (saved === undefined) delete process.env.DATABASE_PATH;
  else process.env.DATABASE_PATH = saved;
  clearModelCache();
  scratch.cleanup();
});

describe("the library page with thousands of saved variants", () => {
  it("holds one page of them, latest first, read from the stored headline figures", async () => {
    const data = (await library.loader(args(new Request(`${BASE}/`)))) as Awaited<ReturnType<typeof library.loader>>;
    expect(data.variants?.total).toBe(MANY);
    expect(data.variants?.pageCount).toBe(Math.ceil(MANY / VARIANT_PAGE_SIZE));
    expect(data.variants?.entries).toHaveLength(VARIANT_PAGE_SIZE);
    const first = data.variants!.entries[0]!;
    expect(first.variant?.id).toBe(idOf(MANY - 1));
    // the stored figures, not an evaluation (which could never give 12345)
    expect(first.headline.revenue.scenario).toBe(12345);
  });

  it("pages through them and clamps a page beyond the last", async () => {
    const page2 = await library.loader(args(new Request(`${BASE}/?page=2`)));
    expect(page2.variants?.page).toBe(2);
    expect(page2.variants?.entries[0]?.variant?.id).toBe(idOf(MANY - 1 - VARIANT_PAGE_SIZE));
    const last = await library.loader(args(new Request(`${BASE}/?page=99999`)));
    expect(last.variants?.page).toBe(last.variants?.pageCount);
    expect(last.variants?.entries).toHaveLength(MANY % VARIANT_PAGE_SIZE || VARIANT_PAGE_SIZE);
    const junk = await library.loader(args(new Request(`${BASE}/?page=abc`)));
    expect(junk.variants?.page).toBe(1);
  });

  it("searches titles and ids, case-insensitively, with % and _ taken literally", async () => {
    const credit = await library.loader(args(new Request(`${BASE}/?q=CREDIT`)));
    expect(credit.variants?.total).toBe(Math.ceil(MANY / 7));
    expect(credit.variants?.entries.every((e) => e.title.startsWith("Stored bulk-") && e.variant!.id.endsWith("-credit"))).toBe(true);
    const one = await library.loader(args(new Request(`${BASE}/?q=${encodeURIComponent("variant 2999")}`)));
    expect(one.variants?.total).toBe(1);
    // '%' matches only titles with a '%' in them (the sample definition's "Consent at 40%"), not everything
    const pct = await library.loader(args(new Request(`${BASE}/?q=%25`)));
    expect(pct.variants?.total).toBeLessThan(5);
    expect(pct.variants?.entries.every((e) => e.title.includes("%"))).toBe(true);
    expect((await library.loader(args(new Request(`${BASE}/?q=_`)))).variants?.total).toBe(0);
  });

  it("computes and stores the figures a listed row lacks, and only for the rows listed", () => {
    const missingBefore = store.db.select({ id: variants.id }).from(variants).where(isNull(variants.summary)).all().length;
    expect(missingBefore).toBeGreaterThan(MANY / 100 - 3); // the pages listed above filled in one or two
    expect(store.db.select().from(variants).where(eq(variants.id, "bulk-02900-consent")).get()!.summary).toBeNull();
    // bulk-02900 has no stored figures: find the page it is on by searching for it
    const page = listVariantPage({ q: "bulk-02900" }, store);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.summary.ok && page.items[0]!.summary.headline.revenue.scenario).not.toBe(12345);
    const row = store.db.select().from(variants).where(eq(variants.id, "bulk-02900-consent")).get()!;
    expect(row.summary).not.toBeNull();
    expect(row.summaryModel).toBe(modelVersion(store.model));
    const missingAfter = store.db.select({ id: variants.id }).from(variants).where(isNull(variants.summary)).all().length;
    expect(missingAfter).toBe(missingBefore - 1);
  });

  it("a save stores the latest version's title and headline figures on the variant row", () => {
    const r = createVariant({ definition: sampleDefinition({ title: "Fresh save" }) }, { ...store, now: () => new Date("2030-01-01T00:00:00Z") });
    const page = listVariantPage({}, store);
    expect(page.items[0]!.variantId).toBe(r.id);
    const s = page.items[0]!.summary;
    expect(s.ok && s.title).toBe("Fresh save");
    expect(s.ok && s.headline.revenue.scenario).not.toBe(12345);
  });
});

describe("/variants and GET /api/variants with thousands of saved variants", () => {
  const stored = () => store.db.select({ id: variants.id }).from(variants).all().length;
  const api = async (search: string) => index.loader(args(new Request(`${BASE}/api/variants${search}`))) as Promise<Response>;
  /** The page's loader: its data, or the status and message of the error page it threw. */
  const page = async (search: string) => {
    try {
      return { data: (await variantsPage.loader(args(new Request(`${BASE}/variants${search}`)))) as Awaited<ReturnType<typeof variantsPage.loader>> };
    } catch (e) {
      const thrown = e as { init?: { status?: number }; data?: { message?: string } };
      return { status: thrown.init?.status, message: thrown.data?.message };
    }
  };

  it("the page lists 24 at a time, latest first, from the stored headline figures", async () => {
    const total = stored();
    const { data } = await page("");
    expect(data!.total).toBe(total);
    expect(data!.variants).toHaveLength(VARIANT_PAGE_SIZE);
    expect(data!.pageCount).toBe(Math.ceil(total / VARIANT_PAGE_SIZE));
    const marked = data!.variants.find((v) => v.id.startsWith("bulk-"))!;
    expect(marked.headline?.profit.scenario).toBe(12345); // stored, not evaluated
    const last = await page(`?page=${data!.pageCount}`);
    expect(last.data!.variants.length).toBe(total % VARIANT_PAGE_SIZE || VARIANT_PAGE_SIZE);
    const credit = await page("?q=CREDIT&page=2");
    expect(credit.data!.total).toBe(Math.ceil(MANY / 7));
    expect(credit.data!.variants.every((v) => v.id.endsWith("-credit"))).toBe(true);
  });

  it("the page refuses a page or search out of range with a 400 that names the range", async () => {
    const { data } = await page("");
    expect(await page(`?page=${data!.pageCount + 1}`)).toMatchObject({ status: 400, message: expect.stringMatching(/beyond the last page: \d+ variants, \d+ pages of 24/) });
    for (const bad of ["0", "-1", "abc", "1.5", "99999999999"]) expect(await page(`?page=${bad}`)).toMatchObject({ status: 400, message: expect.stringContaining("'page' must be a whole number") });
    expect(await page(`?q=${"x".repeat(101)}`)).toMatchObject({ status: 400, message: expect.stringContaining("at most 100 characters") });
    // an empty list is one empty page, not an error
    expect((await page("?q=no-such-variant-anywhere")).data).toMatchObject({ total: 0, page: 1, variants: [] });
  });

  it("the API pages with page and limit, links the next page, and walks the whole list once", async () => {
    const total = stored();
    const first = await api("?limit=100");
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ page: 1, limit: 100, total, pageCount: Math.ceil(total / 100), prev: null, next: "/api/variants?page=2&limit=100" });
    expect(first.headers.get("Link")).toBe('</api/variants?page=2&limit=100>; rel="next"');
    expect(body.variants[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), title: expect.any(String), latestVersion: 1, createdAt: expect.any(String), updatedAt: expect.any(String), forkedFrom: null }),
    );
    // Follow `next` to the end: every variant exactly once.
    const seen = new Set<string>(body.variants.map((v: { id: string }) => v.id));
    let next: string | null = body.next;
    let pages = 1;
    while (next) {
      const r = await (await api(next.slice("/api/variants".length))).json();
      for (const v of r.variants) seen.add(v.id);
      next = r.next;
      pages++;
    }
    expect(pages).toBe(Math.ceil(total / 100));
    expect(seen.size).toBe(total);
    // the default page size is the library's, and a search keeps its q in the links
    const searched = await (await api("?q=credit")).json();
    expect(searched.variants).toHaveLength(VARIANT_PAGE_SIZE);
    expect(searched.next).toBe("/api/variants?q=credit&page=2");
  });

  it("the API answers a page, limit or search out of range with a 400 and the range", async () => {
    for (const [search, message] of [
      ["?limit=0", "'limit' must be a whole number from 1 to 100"],
      ["?limit=101", "'limit' must be a whole number from 1 to 100"],
      ["?limit=ten", "'limit' must be a whole number from 1 to 100"],
      ["?page=0", "'page' must be a whole number from 1"],
      ["?page=999999", "'page' 999999 is beyond the last page"],
      [`?q=${"y".repeat(101)}`, "'q' must be at most 100 characters"],
    ]) {
      const r = await api(search);
      expect(r.status, search).toBe(400);
      expect((await r.json()).error, search).toContain(message);
    }
  });
});

describe("saves are rate-limited per client", () => {
  const post = (address: string) =>
    new Request(`${BASE}/api/variants`, {
      method: "POST",
      body: JSON.stringify(sampleDefinition()),
      headers: { "Content-Type": "application/json", Origin: BASE, [CLIENT_ADDRESS_HEADER]: address },
    });

  it("answers 429 with Retry-After once a client has used its burst, and stores nothing; another client still saves", async () => {
    // The clock stands still, so the bucket does not refill while the saves run (however slow the machine).
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let i = 0; i < SAVE_BURST; i++) expect((await index.action(args(post("10.0.0.1")))).status).toBe(201);
    const before = store.db.select({ id: variants.id }).from(variants).all().length;
    const refused = await index.action(args(post("10.0.0.1")));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toMatch(/Too many saves/);
    expect(store.db.select({ id: variants.id }).from(variants).all().length).toBe(before);
    expect((await index.action(args(post("10.0.0.2")))).status).toBe(201);
    vi.useRealTimers();
  });

  it("a bucket refills with time", () => {
    let now = 0;
    const bucket = new TokenBucket(2, 1000, () => now);
    expect([bucket.take("a"), bucket.take("a")]).toEqual([0, 0]);
    expect(bucket.take("a")).toBe(1);
    now += 1000;
    expect(bucket.take("a")).toBe(0);
    expect(bucket.take("a")).toBe(1);
  });
});
