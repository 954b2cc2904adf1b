/**
 * The cached page's fast path (decision 028): its stamp changes with everything a scenario page depends on beyond
 * its URL, against real files and a real SQLite database; the encoding and If-None-Match choices.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeScratchVariantDb, sampleDefinition, type ScratchVariantDb } from "../data/__fixtures__/variant-db";
import { createVariant, saveVersion } from "../data/variant.server";
import { pageCache, type CachedPage } from "./cache.server";
import { chooseEncoding, encodedBody, formatPageStamp, ifNoneMatch, pageBytes, parsePageStamp, scenarioPageStamp } from "./page-fast-path.server";

let scratch: ScratchVariantDb;
let dir: string;
beforeAll(() => {
  scratch = makeScratchVariantDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fast-path-"));
  for (const f of fs.readdirSync("scenarios")) if (/\.ya?ml$/.test(f)) fs.copyFileSync(path.join("scenarios", f), path.join(dir, f));
});
afterAll(() => {
  scratch.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a scenario page's stamp", () => {
  it("is the same while nothing changes, and changes with its file's content, a new or removed file, and a duplicate of its id", () => {
    const { store } = scratch.copy("stamp-files");
    const source = { dir, store };
    const first = scenarioPageStamp("2021-co-lending", source);
    expect(first).toMatch(/^[\w-]{22}$/);
    expect(scenarioPageStamp("2021-co-lending", source)).toBe(first);

    const file = path.join(dir, "2021-co-lending.yaml");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace(/^title: .*$/m, "title: Edited"));
    const edited = scenarioPageStamp("2021-co-lending", source);
    expect(edited).not.toBe(first);

    // Another file's content is not this page's (its cache key holds only this scenario as loaded)...
    const other = path.join(dir, fs.readdirSync(dir).find((f) => f !== "2021-co-lending.yaml")!);
    fs.appendFileSync(other, "\n");
    expect(scenarioPageStamp("2021-co-lending", source)).toBe(edited);
    // ...but a file added or removed changes the directory, and a duplicate of this id changes the page.
    fs.writeFileSync(path.join(dir, "unrelated.yaml"), text);
    const added = scenarioPageStamp("2021-co-lending", source);
    expect(added).not.toBe(edited);
    fs.writeFileSync(path.join(dir, "2021-co-lending.yml"), text);
    const duplicated = scenarioPageStamp("2021-co-lending", source);
    expect(duplicated).not.toBe(added);
    fs.appendFileSync(path.join(dir, "2021-co-lending.yml"), "# edited\n");
    expect(scenarioPageStamp("2021-co-lending", source)).not.toBe(duplicated);
    fs.rmSync(path.join(dir, "2021-co-lending.yml"));
    fs.rmSync(path.join(dir, "unrelated.yaml"));
    expect(scenarioPageStamp("2021-co-lending", source)).not.toBe(duplicated);
  });

  it("of a variant changes when a version is saved, and not for a library page", () => {
    const { store } = scratch.copy("stamp-variant");
    const source = { dir, store };
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    const before = scenarioPageStamp(id, source);
    const library = scenarioPageStamp("2021-co-lending", source);
    expect(saveVersion({ id, baseVersion: 1, definition: sampleDefinition({ title: "Consent at 45%" }) }, store).version).toBe(2);
    expect(scenarioPageStamp(id, source)).not.toBe(before);
    expect(scenarioPageStamp("2021-co-lending", source)).toBe(library);
  });

  it("is null when the library cannot be read from the database's side (the request goes to Remix)", () => {
    const { store, sqlite } = scratch.copy("stamp-closed");
    sqlite.close();
    expect(scenarioPageStamp("no-such-scenario", { dir, store })).toBeNull();
  });

  it("goes through its header and back", () => {
    expect(parsePageStamp(formatPageStamp("2021-co-lending", "abc_DEF-123"))).toEqual({ scenarioId: "2021-co-lending", stamp: "abc_DEF-123" });
    expect(parsePageStamp(null)).toBeNull();
    expect(parsePageStamp("one-part")).toBeNull();
  });
});

describe("choosing what to send", () => {
  it("takes brotli, else gzip, else the page as it is, honouring q=0", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0")).toBe("identity");
    expect(chooseEncoding("identity")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
  });

  it("answers If-None-Match for the page's ETag, a weak one, a list or *", () => {
    expect(ifNoneMatch('"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch('"x", "abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch("*", '"abc"')).toBe(true);
    expect(ifNoneMatch('"abcd"', '"abc"')).toBe(false);
    expect(ifNoneMatch(undefined, '"abc"')).toBe(false);
  });

  it("compresses a page once per encoding, keeps it with the page and counts it in the cache", async () => {
    const body = Buffer.from(`<!DOCTYPE html><p>${"Alipay → 支付宝 ".repeat(2000)}</p>`, "utf8");
    const page: CachedPage = { body, csp: "default-src 'self'", headers: [], encoded: {} };
    const cache = pageCache();
    cache.set('"fast-test"', page, pageBytes(page));
    const before = cache.bytes;
    const gz = await encodedBody('"fast-test"', page, "gzip");
    expect(gunzipSync(gz).equals(body)).toBe(true);
    expect(encodedBody('"fast-test"', page, "gzip")).toBe(gz); // kept: no second compression
    const [br1, br2] = await Promise.all([encodedBody('"fast-test"', page, "br"), encodedBody('"fast-test"', page, "br")]);
    expect(br1).toBe(br2);
    expect(brotliDecompressSync(br1).equals(body)).toBe(true);
    expect(encodedBody('"fast-test"', page, "identity")).toBe(body);
    expect(cache.bytes).toBe(before + gz.length + br1.length);
    cache.clear();
  });
});
