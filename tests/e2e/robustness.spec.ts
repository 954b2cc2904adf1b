/**
 * Defects a probe found (issue 9, section 2), each checked against the real built server: bytes of every page,
 * hostile bodies, foreign hosts and origins.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";

/** Every HTML page the app serves for the seeded library, plus one saved variant's pages and the 404 page. */
async function everyPage(request: APIRequestContext): Promise<string[]> {
  const scenarios = (await (await request.get("/api/scenarios")).json()) as Array<{ id: string; ok: boolean }>;
  const ids = scenarios.filter((s) => s.ok).map((s) => s.id);
  expect(ids.length).toBeGreaterThan(3);
  const { id: _id, file: _file, warnings: _warnings, ...definition } = await (await request.get(`/api/scenarios/${ids[0]}`)).json();
  const created = await request.post("/api/variants", { data: { scenario: definition, note: "page bytes" } });
  expect(created.status()).toBe(201);
  const variant = (await created.json()).id as string;
  return [
    "/",
    "/model",
    "/compare?s=" + ids.slice(0, 4).join("&s="),
    "/builder",
    `/builder?fork=${ids[0]}`,
    "/variants",
    "/variants/upload",
    `/variants/${variant}`,
    `/variants/${variant}/edit`,
    `/scenarios/${variant}?v=1`,
    `/present/${variant}?v=1`,
    "/no/such/page",
    ...ids.flatMap((id) => [`/scenarios/${id}`, `/present/${id}`]),
  ];
}

test("no page contains a U+0000 byte (react-dom 18 streaming flushed stray NULs)", async ({ request }) => {
  test.setTimeout(180_000);
  const pages = await everyPage(request);
  const withNul: string[] = [];
  for (const url of pages) {
    // A browser's user agent gets the streamed render, where the NULs came from.
    const response = await request.get(url, { headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36" } });
    expect(response.headers()["content-type"], url).toContain("text/html");
    const body = await response.body();
    expect(body.length, url).toBeGreaterThan(500);
    if (body.includes(0)) withNul.push(`${url} (first at byte ${body.indexOf(0)})`);
  }
  expect(withNul).toEqual([]);
});
