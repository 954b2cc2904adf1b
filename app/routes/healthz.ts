/**
 * GET /healthz: the smallest route the server has (readiness checks, and the benchmark's yardstick). `X-Compute`
 * says what the compute pool is doing (decision 021): that this answers while heavy work runs is the point.
 */
import { computePool } from "~/services/compute-pool.server";

export function loader() {
  const stats = computePool()?.stats();
  return new Response("ok\n", {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Compute": stats ? `workers=${stats.workers} busy=${stats.busy} queued=${stats.queued}` : "in-process",
    },
  });
}
