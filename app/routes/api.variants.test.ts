/**
 * The variant routes as Remix calls them (loader/action with a Request and params), on the server's default
 * database: DATABASE_PATH points at a scratch copy, never the user's file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScratchVariantDb, sampleDefinition, type ScratchVariantDb } from "../data/__fixtures__/variant-db";
import { clearModelCache } from "../data/model.server";
import * as versionYaml from "./api.variants.$id.versions.$n.yaml";
import * as version from "./api.variants.$id.versions.$n";
import * as versions from "./api.variants.$id.versions";
import * as index from "./api.variants";

const BASE = "http://localhost:3000";
let scratch: ScratchVariantDb;
const saved = process.env.DATABASE_PATH;

beforeAll(() => {
  scratch = makeScratchVariantDb();
  const { file, sqlite } = scratch.copy("routes");
  sqlite.close();
  process.env.DATABASE_PATH = file;
  clearModelCache();
});
afterAll(() => {
  if (saved === undefined) delete process.env.DATABASE_PATH;
  else process.env.DATABASE_PATH = saved;
  clearModelCache();
  scratch.cleanup();
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as never;
const postJson = (url: string, data: unknown) =>
  new Request(`${BASE}${url}`, { method: "POST", body: JSON.stringify(data), headers: { "Content-Type": "application/json", Origin: BASE } });

describe("variant routes", () => {
  it("create, list, save, stale save, history, one version and its YAML, through the route modules", async () => {
    const created = await index.action(args(postJson("/api/variants", sampleDefinition())));
    expect(created.status).toBe(201);
    const { id } = await created.json();

    const list = await index.loader(args(new Request(`${BASE}/api/variants`)));
    expect((await list.json()).variants.map((v: { id: string }) => v.id)).toContain(id);

    const save = await versions.action(args(postJson(`/api/variants/${id}/versions`, { baseVersion: 1, scenario: sampleDefinition({ title: "Two" }) }), { id }));
    expect(save.status).toBe(201);
    const stale = await versions.action(args(postJson(`/api/variants/${id}/versions`, { baseVersion: 1, scenario: sampleDefinition() }), { id }));
    expect(stale.status).toBe(409);

    const history = await (await versions.loader(args(new Request(`${BASE}/api/variants/${id}/versions`), { id }))).json();
    expect(history.versions).toHaveLength(2);

    const v2 = await version.loader(args(new Request(`${BASE}/api/variants/${id}/versions/2`), { id, n: "2" }));
    expect(await v2.json()).toMatchObject({ id, version: 2, definition: { title: "Two" } });

    const yaml = await versionYaml.loader(args(new Request(`${BASE}/api/variants/${id}/versions/2/yaml`), { id, n: "2" }));
    expect(yaml.headers.get("Content-Disposition")).toBe(`attachment; filename="${id}-v2.yaml"`);
    expect(await yaml.text()).toContain("title: Two");
    const dotted = await version.loader(args(new Request(`${BASE}/api/variants/${id}/versions/2.yaml`), { id, n: "2.yaml" }));
    expect(dotted.headers.get("Content-Type")).toMatch(/yaml/);
  });

  it("refuses state changes from another origin and on read-only URLs", async () => {
    const foreign = new Request(`${BASE}/api/variants`, {
      method: "POST",
      body: JSON.stringify(sampleDefinition()),
      headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
    });
    expect((await index.action(args(foreign))).status).toBe(403);
    const del = new Request(`${BASE}/api/variants/x/versions/1`, { method: "DELETE" });
    expect((await version.action(args(del, { id: "x", n: "1" }))).status).toBe(405);
    expect((await versionYaml.action(args(del, { id: "x", n: "1" }))).status).toBe(405);
    expect((await versions.action(args(new Request(`${BASE}/api/variants/x/versions`, { method: "PUT", body: "{}" }), { id: "x" }))).status).toBe(405);
  });
});
