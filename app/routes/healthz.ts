/**
 * GET /healthz: the smallest route the server has (readiness checks, and the benchmark's yardstick). `X-Compute`
 * says what the compute pool is doing (decision 021): that this answers while heavy work runs is the point.
 * `X-Cache` says what the page and result caches hold (decision 028), for the benchmark's memory figures.
 */
import { pageCache, resultCache } from "~/services/cache.server";
import { computePool } from "~/services/compute-pool.server";
import { rememberedCount } from "~/services/page-fast-path.server";

/** The main thread's memory in MiB: V8's heap in use and reserved, and memory outside it (Buffers). */
function memory(): string {
  const m = process.memoryUsage();
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `rss=${mib(m.rss)} heapUsed=${mib(m.heapUsed)} heapTotal=${mib(m.heapTotal)} external=${mib(m.external)} arrayBuffers=${mib(m.arrayBuffers)}`;
}

export function loader() {
  const stats = computePool()?.stats();
  const pages = pageCache();
  const results = resultCache();
  return new Response("ok\n", {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Compute": stats ? `workers=${stats.workers} busy=${stats.busy} queued=${stats.queued}` : "in-process",
      // What the caches hold (entries and bytes as counted against their caps): the benchmark reads it beside the RSS.
      "X-Cache": `pages=${pages.size} pageBytes=${pages.bytes} results=${results.size} resultBytes=${results.bytes} remembered=${rememberedCount()}`,
      "X-Memory": memory(),
    },
  });
}
