/**
 * The path builder's POST through its route module on a scratch copy of the database (DATABASE_PATH points at it):
 * saves are rate-limited per client as variant saves are (429 with Retry-After, nothing stored), a post from another
 * origin is refused, and an invalid path stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { savedPaths } from "../../db/schema";
import { makeScratchVariantDb, type ScratchVariantDb } from "../data/__fixtures__/variant-db";
import { clearModelCache } from "../data/model.server";
import { CLIENT_ADDRESS_HEADER, SAVE_BURST } from "../utils/rate-limit.server";
import * as builder from "./paths.new";

const BASE = "http://localhost:3000";
let scratch: ScratchVariantDb;
let store: ReturnType<ScratchVariantDb["copy"]>["store"];
const saved = process.env.DATABASE_PATH;
const args = (request: Request) => ({ request, params: {}, context: {} }) as never;
const count = () => store.db.select({ id: savedPaths.id }).from(savedPaths).all().length;

beforeAll(() => {
  scratch = makeScratchVariantDb();
  const copy = scratch.copy("paths-new");
  store = copy.store;
  process.env.DATABASE_PATH = copy.file;
  clearModelCache();
});
afterAll(() => {
  if (saved === undefined) delete process.env.DATABASE_PATH;
  else process.env.DATABASE_PATH = saved;
  clearModelCache();
  scratch.cleanup();
});

const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(`${BASE}/paths/new`, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE, ...headers },
  });
const valid = { "item.0": "2023-07-fine", "date.0": "2023-07-07", title: "The fine", summary: "One step.", intent: "save" };

/** An action's answer: a Response (redirect) or Remix's data() wrapper with its init. */
async function statusOf(p: Promise<unknown>): Promise<{ status: number; headers: Headers; location: string | null }> {
  const r = (await p) as Response | { init?: { status?: number; headers?: HeadersInit } };
  if (r instanceof Response) return { status: r.status, headers: r.headers, location: r.headers.get("Location") };
  return { status: r.init?.status ?? 200, headers: new Headers(r.init?.headers), location: null };
}

describe("saving a path built in the browser", () => {
  it("is rate-limited per client like variant saves: 429 with Retry-After and nothing stored; another client still saves", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let i = 0; i < SAVE_BURST; i++) {
      const r = await statusOf(builder.action(args(post(valid, { [CLIENT_ADDRESS_HEADER]: "10.0.0.7" }))));
      expect(r.status).toBe(302);
      expect(r.location).toMatch(/^\/paths\/saved\.the-fine-[a-z0-9]{6}$/);
    }
    const before = count();
    const refused = await statusOf(builder.action(args(post(valid, { [CLIENT_ADDRESS_HEADER]: "10.0.0.7" }))));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(count()).toBe(before);
    expect((await statusOf(builder.action(args(post(valid, { [CLIENT_ADDRESS_HEADER]: "10.0.0.8" }))))).status).toBe(302);
    vi.useRealTimers();
  });

  it("refuses a post from another origin, and an invalid path, storing nothing", async () => {
    const before = count();
    const foreign = await builder.action(args(post(valid, { Origin: "http://evil.example" }))).catch((e: unknown) => e);
    expect((foreign as { init?: { status?: number } }).init?.status).toBe(403);
    const bad = await statusOf(builder.action(args(post({ ...valid, "date.0": "July 2023" }))));
    expect(bad.status).toBe(400);
    expect(count()).toBe(before);
  });
});
