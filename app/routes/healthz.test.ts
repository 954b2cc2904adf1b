/** /healthz says what the caches hold and the main thread's memory, for the benchmark's memory figures. */
import { describe, expect, it } from "vitest";

import { pageCache } from "~/services/cache.server";
import { loader } from "./healthz";

const fields = (header: string | null) => Object.fromEntries([...(header ?? "").matchAll(/(\w+)=([\d.]+)/g)].map(([, k, v]) => [k, Number(v)]));

describe("GET /healthz", () => {
  it("answers ok with the caches' entries and bytes (as counted against their caps) and the heap", async () => {
    pageCache().clear();
    const before = fields(loader().headers.get("X-Cache"));
    expect(before).toMatchObject({ pages: 0, pageBytes: 0 });
    pageCache().set('"healthz-test"', { body: Buffer.from("<p>x</p>"), csp: "", headers: [], encoded: {} }, 1234);
    const res = loader();
    expect(await res.text()).toBe("ok\n");
    expect(fields(res.headers.get("X-Cache"))).toMatchObject({ pages: 1, pageBytes: 1234, results: expect.any(Number), remembered: expect.any(Number) });
    const memory = fields(res.headers.get("X-Memory"));
    expect(memory.rss).toBeGreaterThan(0);
    expect(memory.heapUsed).toBeGreaterThan(0);
    expect(memory.heapUsed).toBeLessThanOrEqual(memory.heapTotal!);
    pageCache().clear();
  });
});
