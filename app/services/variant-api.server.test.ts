/** The variant API with real Request objects against a scratch database: every good and bad input. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScratchVariantDb, sampleDefinition, type ScratchVariantDb } from "../data/__fixtures__/variant-db";
import type { VariantStore } from "../data/variant.server";
import { MAX_BODY_BYTES } from "../utils/http.server";
import { scenarioToYaml } from "../scenarios/to-yaml";
import { validateScenarioText } from "../scenarios/validate";
import {
  createVariantResponse,
  readOnlyAction,
  saveVersionResponse,
  variantsIndexResponse,
  versionResponse,
  versionsResponse,
  versionYamlResponse,
} from "./variant-api.server";

const BASE = "http://localhost:3000";

let scratch: ScratchVariantDb;
beforeAll(() => {
  scratch = makeScratchVariantDb();
});
afterAll(() => scratch.cleanup());

function post(pathname: string, body: BodyInit | null, headers: Record<string, string> = { "Content-Type": "application/json" }, method = "POST") {
  return new Request(`${BASE}${pathname}`, { method, body, headers, duplex: "half" } as RequestInit);
}
const postJson = (pathname: string, data: unknown, headers: Record<string, string> = {}) =>
  post(pathname, JSON.stringify(data), { "Content-Type": "application/json", ...headers });

async function body(res: Response): Promise<any> {
  return res.json();
}

function fresh(name: string) {
  const { store, sqlite, file } = scratch.copy(name);
  const rows = () => (sqlite.prepare("select (select count(*) from variants) + (select count(*) from variant_versions) as n").get() as { n: number }).n;
  return { store, sqlite, file, rows };
}

async function createOne(store: VariantStore, definition = sampleDefinition()): Promise<string> {
  const res = await createVariantResponse(postJson("/api/variants", definition), store);
  expect(res.status).toBe(201);
  return (await body(res)).id;
}

describe("POST /api/variants", () => {
  it("creates a variant from a bare JSON scenario: 201 with id, version and where to find it", async () => {
    const { store } = fresh("create-json");
    const res = await createVariantResponse(postJson("/api/variants", sampleDefinition()), store);
    expect(res.status).toBe(201);
    const b = await body(res);
    expect(b).toMatchObject({ id: expect.stringMatching(/^consent-at-40-/), version: 1, warnings: [] });
    expect(res.headers.get("Location")).toBe(`/api/variants/${b.id}/versions/1`);
    const list = await body(await variantsIndexResponse(new Request(`${BASE}/api/variants`), store));
    expect(list.variants).toEqual([expect.objectContaining({ id: b.id, title: "Consent at 40%", latestVersion: 1 })]);
  });

  it("accepts a wrapper with author, note and forkedFrom", async () => {
    const { store } = fresh("create-wrapper");
    const res = await createVariantResponse(
      postJson("/api/variants", { scenario: sampleDefinition(), author: "Ana", note: "from the workshop", forkedFrom: "pipl-separate-consent" }),
      store,
    );
    const { id } = await body(res);
    const v = await body(await versionResponse(id, "1", store));
    expect(v).toMatchObject({ id, version: 1, author: "Ana", note: "from the workshop", forkedFrom: "pipl-separate-consent", definition: sampleDefinition() });
  });

  it("accepts YAML, by Content-Type or because the body is not JSON", async () => {
    const { store } = fresh("create-yaml");
    const yaml = scenarioToYaml(sampleDefinition());
    for (const type of ["application/yaml", "text/yaml", "text/plain", ""]) {
      const headers: Record<string, string> = type ? { "Content-Type": type } : {};
      const res = await createVariantResponse(post("/api/variants?author=Bo&note=uploaded", yaml, headers), store);
      expect(res.status, type).toBe(201);
      const { id } = await body(res);
      expect(await body(await versionResponse(id, "1", store))).toMatchObject({ author: "Bo", note: "uploaded", definition: sampleDefinition() });
    }
  });

  it("refuses invalid JSON with where it broke, and stores nothing", async () => {
    const { store, rows } = fresh("bad-json");
    const res = await createVariantResponse(post("/api/variants", '{\n  "title": "x",\n  oops\n}'), store);
    expect(res.status).toBe(400);
    const b = await body(res);
    expect(b.error).toMatch(/not valid JSON/);
    expect(b.errors[0]).toMatchObject({ path: "", line: 3, message: expect.stringMatching(/^invalid JSON/) });
    expect(rows()).toBe(0);
  });

  it("refuses an invalid scenario with its field errors, as the command line reports them", async () => {
    const { store, rows } = fresh("bad-scenario");
    const bad = sampleDefinition();
    (bad.rules[0] as { consentRate: number }).consentRate = 1.3;
    (bad.rules[0] as { to: string[] }).to = ["huabie"];
    let res = await createVariantResponse(postJson("/api/variants", bad), store);
    expect(res.status).toBe(400);
    let b = await body(res);
    expect(b.error).toBe("the scenario is invalid; nothing was saved");
    expect(b.errors).toEqual([{ path: "rules[0].consentRate", message: expect.stringMatching(/from 0 to 1, got 1.3/) }]);

    (bad.rules[0] as { consentRate: number }).consentRate = 0.5;
    res = await createVariantResponse(postJson("/api/variants", { scenario: bad }), store);
    b = await body(res);
    expect(b.errors).toEqual([{ path: "rules[0].to[0]", message: "unknown unit 'huabie' (did you mean 'huabei'?)" }]);
    expect(rows()).toBe(0);
  });

  it("gives YAML errors with line and column, syntax and schema alike", async () => {
    const { store, rows } = fresh("bad-yaml");
    let res = await createVariantResponse(post("/api/variants", 'title: "unclosed\nsummary: x\n', { "Content-Type": "application/yaml" }), store);
    expect(res.status).toBe(400);
    let b = await body(res);
    expect(b.errors[0]).toMatchObject({ line: 1, col: 8, message: expect.stringMatching(/YAML syntax error/) });

    const yaml = scenarioToYaml(sampleDefinition()).replace("consentRate: 0.4", "consentRate: 4");
    res = await createVariantResponse(post("/api/variants", yaml, { "Content-Type": "application/yaml" }), store);
    b = await body(res);
    const line = yaml.split("\n").findIndex((l) => l.includes("consentRate")) + 1;
    expect(b.errors).toEqual([{ path: "rules[0].consentRate", line, col: 18, message: expect.stringMatching(/from 0 to 1/) }]);
    expect(rows()).toBe(0);
  });

  it("refuses a billion-laughs YAML body quickly", async () => {
    const { store, rows } = fresh("laughs");
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const started = Date.now();
    const res = await createVariantResponse(post("/api/variants", lines.join("\n"), { "Content-Type": "application/yaml" }), store);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(400);
    expect((await body(res)).errors[0].message).toMatch(/billion laughs/);
    expect(rows()).toBe(0);
  });

  it("refuses a body over 256 KB with 413, declared or streamed", async () => {
    expect(MAX_BODY_BYTES).toBe(256 * 1024);
    const { store, rows } = fresh("too-large");
    const big = JSON.stringify({ ...sampleDefinition(), summary: "x".repeat(MAX_BODY_BYTES) });
    let res = await createVariantResponse(post("/api/variants", big, { "Content-Type": "application/json", "Content-Length": String(big.length) }), store);
    expect(res.status).toBe(413);
    expect((await body(res)).error).toMatch(/larger than the 256 KB limit/);
    // A stream without a length (chunked) is answered once it passes the limit, without waiting for its end (this
    // one never ends); the rest is drained in the background so that the client reads the 413, not a reset.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        if (sent > 2 * MAX_BODY_BYTES) return new Promise<void>(() => {});
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    res = await createVariantResponse(post("/api/variants", stream, { "Content-Type": "application/json" }), store);
    expect(res.status).toBe(413);
    expect(rows()).toBe(0);
  });

  it("refuses a request from another origin with 403; same origin and scripts without Origin pass", async () => {
    const { store, rows } = fresh("origin");
    const def = sampleDefinition();
    const foreign: Array<Record<string, string>> = [
      { Origin: "https://evil.example" },
      { Origin: "http://localhost:3001" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of foreign) {
      const res = await createVariantResponse(postJson("/api/variants", def, headers), store);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await body(res)).error).toMatch(/cross-origin request refused/);
    }
    expect(rows()).toBe(0);
    expect((await createVariantResponse(postJson("/api/variants", def, { Origin: BASE, "Sec-Fetch-Site": "same-origin" }), store)).status).toBe(201);
    expect((await createVariantResponse(postJson("/api/variants", def), store)).status).toBe(201);
  });

  it("answers 405 to methods other than POST, 415 to forms, 400 to empty, odd or nested-to-death bodies", async () => {
    const { store, rows } = fresh("methods");
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await createVariantResponse(post("/api/variants", "{}", {}, method), store);
      expect(res.status).toBe(405);
      expect(res.headers.get("Allow")).toBe("GET, POST");
    }
    const form = await createVariantResponse(post("/api/variants", "title=x", { "Content-Type": "application/x-www-form-urlencoded" }), store);
    expect(form.status).toBe(415);
    expect((await createVariantResponse(post("/api/variants", "  "), store)).status).toBe(400);
    expect((await createVariantResponse(post("/api/variants", new Uint8Array([0xff, 0xfe, 0x00])), store)).status).toBe(400);
    const extra = await createVariantResponse(postJson("/api/variants", { scenario: sampleDefinition(), admin: true }), store);
    expect(extra.status).toBe(400);
    expect((await body(extra)).errors).toEqual([{ path: "admin", message: expect.stringMatching(/unknown field 'admin'/) }]);
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect((await createVariantResponse(post("/api/variants", deep), store)).status).toBe(400);
    expect((await createVariantResponse(postJson("/api/variants", "just a string"), store)).status).toBe(400);
    expect(rows()).toBe(0);
  });
});

describe("versions", () => {
  it("saving on the latest version gives the next one; a stale base gets 409 with both versions", async () => {
    const { store, rows } = fresh("save");
    const id = await createOne(store);
    const mine = sampleDefinition({ title: "Mine" });
    const theirs = sampleDefinition({ title: "Theirs" });
    let res = await saveVersionResponse(postJson(`/api/variants/${id}/versions`, { baseVersion: 1, scenario: mine, author: "Ana", note: "n" }), id, store);
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ id, version: 2 });

    res = await saveVersionResponse(postJson(`/api/variants/${id}/versions`, { baseVersion: 1, scenario: theirs }), id, store);
    expect(res.status).toBe(409);
    expect(await body(res)).toEqual({
      error: expect.stringMatching(/latest is version 2/),
      title: "Saved by someone else since",
      id,
      latestVersion: 2,
      baseVersion: 1,
      latest: mine,
      submitted: theirs,
    });
    expect(rows()).toBe(3);

    const history = await body(await versionsResponse(id, store));
    expect(history).toMatchObject({ id, latestVersion: 2, forkedFrom: null });
    expect(history.versions.map((v: { version: number; title: string; author: string | null }) => [v.version, v.title, v.author])).toEqual([
      [1, "Consent at 40%", null],
      [2, "Mine", "Ana"],
    ]);
  });

  it("restores an old version as a new one, and saves YAML with ?baseVersion", async () => {
    const { store } = fresh("restore");
    const id = await createOne(store);
    await saveVersionResponse(postJson(`/api/variants/${id}/versions`, { baseVersion: 1, scenario: sampleDefinition({ title: "Two" }) }), id, store);
    const res = await saveVersionResponse(postJson(`/api/variants/${id}/versions`, { baseVersion: 2, restoreFrom: 1 }), id, store);
    expect(res.status).toBe(201);
    expect(await body(await versionResponse(id, "3", store))).toMatchObject({ version: 3, restoredFrom: 1, definition: sampleDefinition() });

    const yaml = scenarioToYaml(sampleDefinition({ title: "Four" }));
    const y = await saveVersionResponse(post(`/api/variants/${id}/versions?baseVersion=3&author=Cy`, yaml, { "Content-Type": "application/yaml" }), id, store);
    expect(y.status).toBe(201);
    expect(await body(await versionResponse(id, "4", store))).toMatchObject({ author: "Cy", definition: { title: "Four" } });
    const stale = await saveVersionResponse(post(`/api/variants/${id}/versions?baseVersion=3`, yaml, { "Content-Type": "application/yaml" }), id, store);
    expect(stale.status).toBe(409);
    const noBase = await saveVersionResponse(post(`/api/variants/${id}/versions`, yaml, { "Content-Type": "application/yaml" }), id, store);
    expect(noBase.status).toBe(400);
    expect((await body(noBase)).errors[0].path).toBe("baseVersion");
  });

  it("refuses bad save bodies with 400 and stores nothing", async () => {
    const { store, rows } = fresh("bad-save");
    const id = await createOne(store);
    const cases: Array<[unknown, string]> = [
      [sampleDefinition(), "scenario"], // a bare scenario: which base?
      [{ scenario: sampleDefinition() }, "baseVersion"],
      [{ baseVersion: "1", scenario: sampleDefinition() }, "baseVersion"],
      [{ baseVersion: 9, scenario: sampleDefinition() }, "baseVersion"],
      [{ baseVersion: 1, scenario: { ...sampleDefinition(), rules: "none" } }, "rules"],
      [{ baseVersion: 1, restoreFrom: 0 }, "restoreFrom"],
      [{ baseVersion: 1, restoreFrom: 1, scenario: sampleDefinition() }, "restoreFrom"],
      [{ baseVersion: 1, scenario: sampleDefinition(), author: "x".repeat(81) }, "author"],
    ];
    for (const [data, path] of cases) {
      const res = await saveVersionResponse(postJson(`/api/variants/${id}/versions`, data), id, store);
      expect(res.status, JSON.stringify(data).slice(0, 80)).toBe(400);
      expect((await body(res)).errors[0].path).toBe(path);
    }
    expect(rows()).toBe(2);
  });

  it("answers 404 for unknown or malformed variant ids and versions", async () => {
    const { store } = fresh("not-found");
    const id = await createOne(store);
    const save = await saveVersionResponse(postJson("/api/variants/nope/versions", { baseVersion: 1, scenario: sampleDefinition() }), "nope", store);
    expect(save.status).toBe(404);
    for (const res of [
      await versionsResponse("nope", store),
      await versionsResponse("../etc", store),
      await versionResponse("nope", "1", store),
      await versionResponse(id, "2", store),
      await versionResponse(id, "0", store),
      await versionResponse(id, "1e3", store),
      await versionResponse(id, "x.yaml", store),
      await versionYamlResponse(id, "2", store),
      await versionYamlResponse("nope", "1", store),
    ]) {
      expect(res.status).toBe(404);
      expect((await body(res)).error).toMatch(/no variant|has no version/);
    }
    expect(await body(await versionResponse(id, "7", store))).toMatchObject({ latestVersion: 1 });
  });

  it("version URLs accept GET only", async () => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      const res = readOnlyAction(new Request(`${BASE}/api/variants/x/versions/1`, { method }));
      expect(res.status).toBe(405);
      expect(res.headers.get("Allow")).toBe("GET");
    }
    const { store } = fresh("put");
    const id = await createOne(store);
    const put = await saveVersionResponse(post(`/api/variants/${id}/versions`, "{}", {}, "PUT"), id, store);
    expect(put.status).toBe(405);
  });

  it("GETs never change anything", async () => {
    const { store, sqlite } = fresh("gets");
    const id = await createOne(store);
    const changes = () => (sqlite.prepare("select total_changes() as n").get() as { n: number }).n;
    const before = changes();
    await variantsIndexResponse(new Request(`${BASE}/api/variants`), store);
    await versionsResponse(id, store);
    await versionResponse(id, "1", store);
    await versionResponse(id, "1.yaml", store);
    await versionYamlResponse(id, "1", store);
    await versionResponse("nope", "1", store);
    expect(changes()).toBe(before);
  });
});

describe("YAML download", () => {
  it("is an attachment named after the variant and version, in the library format, valid as a file", async () => {
    const { store, file: dbFile } = fresh("download");
    const id = await createOne(store);
    for (const res of [await versionYamlResponse(id, "1", store), await versionResponse(id, "1.yaml", store)]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/yaml; charset=utf-8");
      expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="${id}-v1.yaml"`);
      const text = await res.text();
      expect(text.startsWith("# yaml-language-server: $schema=./scenario.schema.json\n")).toBe(true);
      const checked = validateScenarioText(text, `${id}-v1.yaml`, store.model);
      expect(checked.ok ? checked.scenario : checked.errors).toMatchObject({ id: `${id}-v1`, ...sampleDefinition() });
    }
    // And the command line agrees.
    const dir = path.dirname(dbFile);
    const file = path.join(dir, `${id}-v1.yaml`);
    fs.writeFileSync(file, await (await versionYamlResponse(id, "1", store)).text());
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/scenarios.ts", "check", file], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATABASE_PATH: dbFile },
      encoding: "utf8",
    });
    expect(out).toMatch(/1 file ok/);
  }, 30_000);
});

describe("a locked database", () => {
  it("answers 503 with a clear message and Retry-After, and stores nothing", async () => {
    const { file, store, rows } = fresh("locked");
    const id = await createOne(store);
    const other = scratch.open(file);
    const mine = scratch.open(file, { timeout: 50 });
    const fast = { db: mine.db, model: store.model };
    other.sqlite.exec("BEGIN IMMEDIATE");
    try {
      const res = await saveVersionResponse(postJson(`/api/variants/${id}/versions`, { baseVersion: 1, scenario: sampleDefinition() }), id, fast);
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("1");
      expect((await body(res)).error).toBe("the database is locked by another process; nothing was saved, try again");
      expect((await createVariantResponse(postJson("/api/variants", sampleDefinition()), fast)).status).toBe(503);
      expect((await versionsResponse(id, fast)).status).toBe(200);
    } finally {
      other.sqlite.exec("ROLLBACK");
    }
    expect(rows()).toBe(2);
  });
});

describe("defects found by a probe (issue 9)", () => {
  it("refuses JSON with a key given twice, as YAML is refused, and stores nothing", async () => {
    const { store, rows } = fresh("json-duplicate-key");
    const text = JSON.stringify(sampleDefinition()).replace(/^\{/, '{"title": "First",\n');
    const res = await createVariantResponse(post("/api/variants", text), store);
    expect(res.status).toBe(400);
    const b = await body(res);
    expect(b.errors).toEqual([{ path: "", line: 2, col: 1, message: "the key 'title' appears twice in the same object" }]);
    expect(rows()).toBe(0);
  });

  it("takes back what GET /api/scenarios/:id gives: id, file and warnings are read-only and ignored", async () => {
    const { store, sqlite } = fresh("round-trip");
    const fetched = { id: "2021-co-lending", file: "scenarios/2021-co-lending.yaml", warnings: [], ...sampleDefinition() };
    const res = await createVariantResponse(postJson("/api/variants", fetched), store);
    expect(res.status).toBe(201);
    const stored = JSON.parse((sqlite.prepare("select definition from variant_versions").get() as { definition: string }).definition);
    expect(Object.keys(stored)).not.toContain("file");
    expect(Object.keys(stored)).not.toContain("warnings");
    expect(Object.keys(stored)).not.toContain("id");
  });

  it("answers a body of 24,000 unknown keys with one short message", async () => {
    const { store, rows } = fresh("many-keys");
    let yaml = scenarioToYaml(sampleDefinition());
    for (let i = 0; i < 24_000; i++) yaml += `k${i}: 1\n`;
    const res = await createVariantResponse(post("/api/variants", yaml, { "Content-Type": "application/yaml" }), store);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(2_000);
    expect(JSON.parse(text).errors).toHaveLength(1);
    expect(rows()).toBe(0);
  });
});
