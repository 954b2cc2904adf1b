/**
 * Identical requests computed once (decision 014): the scenario page carries an ETag, answers a matching
 * If-None-Match with 304, and a changed scenario file is a new page, never a stale one. Against a real server with
 * its own copy of the library (SCENARIOS_DIR), so the file can change.
 */
import fs from "node:fs";
import path from "node:path";

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

  // The same page again: the same ETag and the same document (only the CSP nonce is new).
  const again = await request.get(url);
  expect(again.headers()["etag"]).toBe(etag);
  const nonceOf = (h: string | undefined) => /'nonce-([^']+)'/.exec(h ?? "")?.[1];
  expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(nonceOf(first.headers()["content-security-policy"]));
  const strip = (s: string) => s.replace(/nonce="[^"]*"/g, "");
  expect(strip(await again.text())).toBe(strip(html));
  expect(await again.text()).toContain(`nonce="${nonceOf(again.headers()["content-security-policy"])}"`);

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
