/** The scenario API's responses, against a scratch database and a scratch scenario directory. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScratchDatabase, type ScratchDatabase } from "../scenarios/__fixtures__/scratch-db";
import {
  scenarioResponse,
  scenarioResultResponse,
  scenarioSensitivityResponse,
  scenariosIndexResponse,
} from "./scenario-api.server";
import { HEADLINE_KEYS } from "../engine/result";
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
    const res = await scenarioResultResponse("2021-co-lending", src());
    expect(res.status).toBe(200);
    const body = await res.json();
    const parsed = parseScenario(fs.readFileSync(path.join(dir, "2021-co-lending.yaml"), "utf8"), "2021-co-lending.yaml");
    if (!parsed.ok) throw new Error("library file should parse");
    expect(body).toEqual(JSON.parse(JSON.stringify(resultPayload(scratch.model, parsed.scenario))));
  });
  it("404 for unknown, 422 for broken", async () => {
    expect((await scenarioResultResponse("nope", src())).status).toBe(404);
    expect((await scenarioResultResponse("typo", src())).status).toBe(422);
  });
});

describe("uncertainty over the API", () => {
  const q = (s: string) => new URLSearchParams(s);

  it("?draws=N&seed=S adds bands for every headline metric, named as in result.headline, and the same seed repeats them", async () => {
    const res = await scenarioResultResponse("2021-co-lending", src(), q("draws=200&seed=7"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body.bands.headline).sort()).toEqual(Object.keys(body.result.headline).sort());
    expect(Object.keys(body.bands.headlineDelta).sort()).toEqual(Object.keys(body.result.headline).sort());
    expect(body.bands).toMatchObject({ draws: 200, seed: 7, units: expect.any(Object), services: expect.any(Object), markets: expect.any(Object) });
    expect(body.bands.probabilities.capitalShortfall).toBeGreaterThan(0);
    const again = await (await scenarioResultResponse("2021-co-lending", src(), q("draws=200&seed=7"))).json();
    expect(again.bands).toEqual(body.bands);
    const profit = body.bands.headline.profit;
    expect(profit.p5 <= profit.p10 && profit.p10 <= profit.p50 && profit.p50 <= profit.p90 && profit.p90 <= profit.p95).toBe(true);
  });

  it("without draws or seed there are no bands (the JSON the CLI prints without --draws)", async () => {
    const body = await (await scenarioResultResponse("2021-co-lending", src())).json();
    expect(body.bands).toBeUndefined();
  });

  it("refuses draws or seed out of range with a 400 that says why, before looking the scenario up", async () => {
    for (const [query, pattern] of [
      ["draws=0", /draws must be a whole number from 1 to 10000, got '0'/],
      ["draws=10001", /draws .* got '10001'/],
      ["draws=1e3", /draws .* got '1e3'/],
      ["draws=abc", /draws/],
      ["seed=-1", /seed must be a whole number from 0 to 4294967295, got '-1'/],
      ["draws=100&seed=1.5", /seed/],
    ] as const) {
      const res = await scenarioResultResponse("no-such-scenario", src(), q(query));
      expect(res.status, query).toBe(400);
      expect((await res.json()).error).toMatch(pattern);
    }
  });

  it("GET /api/scenarios/:id/sensitivity lists each metric's inputs by swing, largest first, kinds named", async () => {
    const res = await scenarioSensitivityResponse("2021-co-lending", src());
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, Array<{ id: string; kind: string; label: string; low: number; high: number }>>;
    expect(Object.keys(body).sort()).toEqual([...HEADLINE_KEYS].sort());
    const swings = body.profit.map((s) => Math.abs(s.high - s.low));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(body.profit.find((s) => s.id === "own-funding-30.minOwnShare")?.kind).toBe("parameter");
    expect(body.profit.find((s) => s.id === "cost-of-equity")?.kind).toBe("assumption");
    expect((await scenarioSensitivityResponse("nope", src())).status).toBe(404);
    expect((await scenarioSensitivityResponse("broken", src())).status).toBe(422);
  });
});
