/** GET /healthz: the smallest route the server has (readiness checks, and the benchmark's yardstick). */
export function loader() {
  return new Response("ok\n", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
