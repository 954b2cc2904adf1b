/** The model as a content-hashed, immutable file for the browser's engine (decision 021). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { evaluate } from "../engine/evaluate";
import { makeScratchDatabase, type ScratchDatabase } from "../scenarios/__fixtures__/scratch-db";
import { hashOf } from "./cache.server";
import { clientModel, modelAsset, modelAssetResponse, pageModel } from "./model-asset.server";

let scratch: ScratchDatabase;
beforeAll(() => {
  scratch = makeScratchDatabase();
});
afterAll(() => scratch.cleanup());

const get = (file: string, headers: Record<string, string> = {}) =>
  modelAssetResponse(new Request(`http://localhost/model-data/${file}`, { headers }), file, { model: scratch.model });

describe("the model asset", () => {
  it("is named by the hash of its own content and served immutable", async () => {
    const asset = modelAsset(scratch.model);
    expect(asset.file).toBe(`${hashOf(asset.json)}.json`);
    expect(asset.href).toBe(`/model-data/${asset.file}`);
    const res = get(asset.file);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(clientModel(scratch.model))));
    // what the browser's engine computes from it is what the server computes from the model itself
    const scenario = { id: "t", title: "t", summary: "s", date: "2021", sources: [], hypothetical: false, assumptions: {}, rules: [] } as never;
    expect(evaluate(body, scenario)).toEqual(evaluate(scratch.model, scenario));
  });

  it("answers If-None-Match with 304, and any other name with a 404 naming the current address", async () => {
    const asset = modelAsset(scratch.model);
    expect(get(asset.file, { "If-None-Match": asset.etag }).status).toBe(304);
    const old = get("AAAAAAAAAAAAAAAAAAAAAA.json");
    expect(old.status).toBe(404);
    expect(old.headers.get("Cache-Control")).toBe("no-store");
    expect(await old.json()).toMatchObject({ href: asset.href, error: expect.stringContaining(asset.href) });
  });

  it("a changed model is another address", () => {
    const changed = { ...scratch.model, group: { ...scratch.model.group, revenue: scratch.model.group.revenue + 1 } };
    expect(modelAsset(changed).href).not.toBe(modelAsset(scratch.model).href);
  });

  it("the page carries only names, sources and the assumptions its explanations name: a few KB, not the model", () => {
    const result = evaluate(scratch.model, { id: "t", title: "t", summary: "s", date: "2021", sources: [], hypothetical: false, assumptions: {}, rules: [] } as never);
    const page = pageModel(scratch.model, result);
    const named = new Set(result.explanations.flatMap((e) => e.assumptionIds));
    expect(page.assumptions.map((a) => a.id).sort()).toEqual([...named].sort());
    expect(new Map(page.names).get("huabei")).toBe(scratch.model.units.find((u) => u.id === "huabei")!.name);
    expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(clientModel(scratch.model)).length / 4);
  });
});
