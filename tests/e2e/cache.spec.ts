/**
 * Identical requests computed once (decision 014): the scenario page carries an ETag, answers a matching
 * If-None-Match with 304, and a changed scenario file is a new page, never a stale one. A cached page is the same
 * bytes every time, its inline scripts allowed by hash, kept compressed and answered before Remix (decision 028).
 * Against a real server with its own copy of the library (SCENARIOS_DIR), so the file can change.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { expect, test } from "@playwright/test";

import { startServerWithScenarios, type ExtraServer } from "./library-support";

let server: ExtraServer;
test.beforeAll(async () => {
  server = await startServerWithScenarios("cache", {});
});
test.afterAll(async () => {
  await server?.stop();
});

test("the scenario page has an ETag, a 304 for it, and a new page when its file changes", async ({ request }) => {
  const url = `${server.url}/scenarios/2021-co-lending?r.own-funding-30.minOwnShare=0.25`;
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[\w-]+"$/);
  expect(first.headers()["cache-control"]).toBe("no-cache");
  const html = await first.text();

  // The same page again: the same ETag, the same bytes and the same policy, which lists each inline script's hash.
  const again = await request.get(url);
  expect(again.headers()["etag"]).toBe(etag);
  expect(await again.text()).toBe(html);
  const csp = again.headers()["content-security-policy"];
  expect(csp).toBe(first.headers()["content-security-policy"]);
  expect(csp).not.toContain("'nonce-");
  expect(html).not.toContain("nonce=");
  const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(inline.length).toBeGreaterThanOrEqual(3);
  for (const script of inline) expect(csp).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);

  const notModified = await request.get(url, { headers: { "If-None-Match": etag } });
  expect(notModified.status()).toBe(304);
  expect(await notModified.body()).toHaveLength(0);

  // Another what-if is another page.
  const other = await request.get(`${server.url}/scenarios/2021-co-lending?r.own-funding-30.minOwnShare=0.35`);
  expect(other.headers()["etag"]).not.toBe(etag);

  // Edit the file: the old ETag no longer matches and the page shows the new text.
  const file = path.join(server.dir, "2021-co-lending.yaml");
  const yaml = fs.readFileSync(file, "utf8");
  const title = /^title: (.*)$/m.exec(yaml)![1]!;
  fs.writeFileSync(file, yaml.replace(/^title: .*$/m, "title: Co-lending, edited for the cache test"));
  const changed = await request.get(url, { headers: { "If-None-Match": etag } });
  expect(changed.status()).toBe(200);
  expect(changed.headers()["etag"]).not.toBe(etag);
  const text = await changed.text();
  expect(text).toContain("Co-lending, edited for the cache test");
  expect(text).not.toContain(title.replace(/^["']|["']$/g, ""));
});

/** A GET with Node's own client, so the body arrives as sent (Playwright's and fetch's clients decompress). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

test("a cached page is sent compressed as asked, the same document each way, and 304 for its ETag", async () => {
  const url = `${server.url}/scenarios/2021-rectification?a.cost-of-equity=0.11`;
  const plain = await rawGet(url, {});
  expect(plain.status).toBe(200);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  // Asked again (now from the page cache, before Remix): the same document in each encoding.
  for (const [accept, encoding, decode] of [
    ["gzip, deflate, br", "br", brotliDecompressSync],
    ["gzip", "gzip", gunzipSync],
    ["br;q=0, gzip;q=1", "gzip", gunzipSync],
    ["", undefined, (b: Buffer) => b],
  ] as const) {
    const res = await rawGet(url, accept ? { "Accept-Encoding": accept } : {});
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe(encoding);
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["etag"]).toBe(plain.headers["etag"]);
    expect(res.headers["content-security-policy"]).toBe(plain.headers["content-security-policy"]);
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(decode(res.body).equals(plain.body)).toBe(true);
  }
  const notModified = await rawGet(url, { "If-None-Match": String(plain.headers["etag"]), "Accept-Encoding": "br" });
  expect(notModified.status).toBe(304);
  expect(notModified.body).toHaveLength(0);
  expect(notModified.headers["etag"]).toBe(plain.headers["etag"]);
});

/** The variant the cache test saves, twice: its title and the co-lending share are what change between versions. */
function cacheTestVariant(title: string, minOwnShare: number) {
  return {
    title,
    summary: "A variant whose page is cached, then saved again.",
    date: "2021",
    sources: ["S36"],
    rules: [{ type: "co-lending", label: "Platform funds at least 30%", units: ["huabei"], minOwnShare: { low: 0.1, high: 0.5, value: minOwnShare }, response: "raise" }],
  };
}

test("a saved variant's cached page follows a new version, and a page under the hash policy runs its scripts", async ({ request, page }) => {
  const created = await request.post(`${server.url}/api/variants`, {
    data: { scenario: cacheTestVariant("Cache test variant", 0.3) },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const url = `${server.url}/scenarios/${id}`;
  const v1 = await request.get(url);
  const etag = v1.headers()["etag"];
  expect(await (await request.get(url)).text()).toBe(await v1.text()); // cached
  const saved = await request.post(`${server.url}/api/variants/${id}/versions`, {
    data: { baseVersion: 1, scenario: cacheTestVariant("Cache test variant, second version", 0.4) },
  });
  expect(saved.status()).toBe(201);
  const v2 = await request.get(url, { headers: { "If-None-Match": etag } });
  expect(v2.status()).toBe(200);
  expect(v2.headers()["etag"]).not.toBe(etag);
  expect(await v2.text()).toContain("Cache test variant, second version");

  // In Chromium, from the cache (the second load): no script is refused and the page hydrates.
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to execute/i.test(m.text())) refused.push(m.text());
  });
  const scenarioUrl = `${server.url}/scenarios/2021-rectification?a.cost-of-equity=0.12`;
  await request.get(scenarioUrl);
  await page.goto(scenarioUrl);
  await expect(page.getByTestId("scenario-results")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
  expect(refused).toEqual([]);
});
