/**
 * Paths, the back-test, the exports and /model/about compute on the compute pool (decision 021), like the scenario
 * page: with real worker threads they give the in-process figures, and a full pool answers 503 with Retry-After
 * at once (JSON for the APIs and downloads, the error page for the pages). Against a scratch database (DATABASE_PATH).
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeScratchVariantDb, type ScratchVariantDb } from "../data/__fixtures__/variant-db";
import { clearModelCache } from "../data/model.server";
import { ComputePool, setComputePool } from "./compute-pool.server";
import { exportResponse } from "./exports.server";
import { historyResponse } from "./history.server";
import { loadModelAbout } from "./model-page.server";
import { pathResultResponse } from "./paths.server";

const dir = path.resolve(__dirname, "../../scenarios");
const saved = process.env.DATABASE_PATH;
let scratch: ScratchVariantDb;
let before: ComputePool | null | undefined;

beforeAll(() => {
  scratch = makeScratchVariantDb();
  process.env.DATABASE_PATH = scratch.copy("pool-work").file;
  clearModelCache();
  before = setComputePool(null);
});
afterAll(() => {
  setComputePool(before ?? null);
  if (saved === undefined) delete process.env.DATABASE_PATH;
  else process.env.DATABASE_PATH = saved;
  clearModelCache();
  scratch.cleanup();
});

// Each case asks for a state no other test asked for (the result cache would answer it without computing).
let seed = 100;
const fresh = () => ++seed;

const pathResult = (s: number) => pathResultResponse("what-happened", new URL(`http://localhost/api/paths/what-happened/result?draws=40&seed=${s}`), { dir });
const exported = (s: number) =>
  exportResponse(new Request(`http://localhost/scenarios/2021-co-lending/export/result.json?draws=40&seed=${s}`), "2021-co-lending", "result.json");

describe("work that used to run on the request's thread", () => {
  it("is computed by the pool's worker threads (compute-pool.server.test.ts checks they give the in-process figures)", async () => {
    const pool = new ComputePool({ size: 1 });
    setComputePool(pool);
    try {
      const res = await pathResult(fresh());
      expect(res.status).toBe(200);
      expect((await res.json()).steps.length).toBeGreaterThan(3);
      expect(pool.stats().answered).toBe(1);
      const download = await exported(fresh());
      expect(download.status).toBe(200);
      expect((await download.json()).bands.draws).toBe(40);
      expect(pool.stats().answered).toBe(2);
    } finally {
      setComputePool(null);
      await pool.close();
    }
  });

  it("is refused at once with 503 and Retry-After when the pool's queue is full", async () => {
    const full = new ComputePool({ size: 1, maxQueued: 0 });
    setComputePool(full);
    try {
      const res = await pathResult(fresh());
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect((await res.json()).error).toMatch(/busy/);

      const download = await exported(fresh());
      expect(download.status).toBe(503);
      expect(Number(download.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect(download.headers.get("Content-Disposition")).toBeNull();

      // The back-test and /model/about read the what-happened path at the default draws: none computed it yet here.
      const history = await historyResponse({ dir });
      expect(history.status).toBe(503);
      expect(Number(history.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);

      const page = await loadModelAbout().then(
        () => null,
        (e: unknown) => e as { init?: { status?: number; headers?: Record<string, string> } },
      );
      expect(page?.init?.status).toBe(503);
      expect(Number(page?.init?.headers?.["Retry-After"])).toBeGreaterThanOrEqual(1);
      expect(full.stats()).toMatchObject({ busy: 0, queued: 0 });
    } finally {
      setComputePool(null);
      await full.close();
    }
  });
});
