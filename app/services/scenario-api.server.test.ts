/** The scenario API's responses, against a scratch database and a scratch scenario directory. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScratchDatabase, type ScratchDatabase } from "../scenarios/__fixtures__/scratch-db";
import { scenarioResponse, scenarioResultResponse, scenariosIndexResponse } from "./scenario-api.server";
import { resultPayload } from "../scenarios/payload";
import { parseScenario } from "../scenarios/parse";

let scratch: ScratchDatabase;
let dir: string;
const library = path.resolve(__dirname, "../../scenarios");

beforeAll(() => {
  scratch = makeScratchDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scenarios-api-"));
  fs.copyFileSync(path.join(library, "2021-co-lending.yaml"), path.join(dir, "2021-co-lending.yaml"));
  fs.writeFileSync(path.join(dir, "broken.yaml"), "title: [");
  fs.writeFileSync(path.join(dir, "typo.yaml"), fs.readFileSync(path.join(library, "2021-co-lending.yaml"), "utf8").replace("[huabei, jiebei]", "[huabie, jiebei]"));
});
afterAll(() => {
  scratch.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const src = () => ({ model: scratch.model, dir });

describe("GET /api/scenarios", () => {
  it("lists each scenario with its headline deltas, and broken files with their errors", async () => {
    const res = scenariosIndexResponse(src());
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const body = (await res.json()) as Array<Record<string, unknown>>;
    expect(body.map((b) => [b.id, b.ok])).toEqual([
      ["2021-co-lending", true],
      ["broken", false],
      ["typo", false],
    ]);
    expect(body[0]).toMatchObject({ title: expect.any(String), date: "2021-02-20", families: ["capital"] });
    const shortfall = (body[0]!.headline as Record<string, { delta: number }>).capitalShortfall;
    expect(shortfall.delta).toBeGreaterThan(0);
    expect((body[2]!.errors as Array<{ message: string }>)[0]!.message).toContain("did you mean 'huabei'");
  });
});

describe("GET /api/scenarios/:id", () => {
  it("returns the definition", async () => {
    const res = scenarioResponse("2021-co-lending", src());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: "2021-co-lending", rules: [{ type: "co-lending" }] });
  });
  it("is a 404 with a JSON error for an unknown or malformed id", async () => {
    for (const id of ["nope", "../etc/passwd", "Bad Id"]) {
      const res = scenarioResponse(id, src());
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: expect.stringContaining("no scenario") });
    }
  });
  it("is a 422 with the errors for a broken file", async () => {
    const res = scenarioResponse("broken", src());
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: Array<{ line: number; message: string }> };
    expect(body.errors[0]!.message).toMatch(/^YAML syntax error/);
  });
});

describe("GET /api/scenarios/:id/result", () => {
  it("returns { scenario, result, attribution }, as evaluate --format json does", async () => {
    const res = scenarioResultResponse("2021-co-lending", src());
    expect(res.status).toBe(200);
    const body = await res.json();
    const parsed = parseScenario(fs.readFileSync(path.join(dir, "2021-co-lending.yaml"), "utf8"), "2021-co-lending.yaml");
    if (!parsed.ok) throw new Error("library file should parse");
    expect(body).toEqual(JSON.parse(JSON.stringify(resultPayload(scratch.model, parsed.scenario))));
  });
  it("404 for unknown, 422 for broken", () => {
    expect(scenarioResultResponse("nope", src()).status).toBe(404);
    expect(scenarioResultResponse("typo", src()).status).toBe(422);
  });
});
