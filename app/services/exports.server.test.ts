/** Downloads with bands: `draws`/`seed` on result.json and result.csv, against a scratch database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScratchDatabase, type ScratchDatabase } from "../scenarios/__fixtures__/scratch-db";
import { exportResponse } from "./exports.server";
import { scenarioResultResponse } from "./scenario-api.server";

let scratch: ScratchDatabase;
beforeAll(() => {
  scratch = makeScratchDatabase();
});
afterAll(() => scratch.cleanup());

const get = (search: string, format: string) =>
  exportResponse(new Request(`http://localhost/scenarios/2021-co-lending/export/${format}${search}`), "2021-co-lending", format, { model: scratch.model });

describe("exports with draws and seed", () => {
  it("result.json carries the API's bands for the same draws and seed; without them, none", async () => {
    const body = await (await get("?draws=100&seed=2", "result.json")).json();
    const api = await (await scenarioResultResponse("2021-co-lending", { model: scratch.model }, new URLSearchParams("draws=100&seed=2"))).json();
    expect(body.bands).toEqual(api.bands);
    expect((await (await get("", "result.json")).json()).bands).toBeUndefined();
  });

  it("result.csv gets the band columns; a what-if value is pinned, not drawn", async () => {
    const csv = await (await get("?draws=100&seed=2&r.own-funding-30.minOwnShare=0.4", "result.csv")).text();
    expect(csv.split("\r\n")[0]).toContain("p5,p10,p50,p90,p95");
    const json = await (await get("?draws=100&seed=2&r.own-funding-30.minOwnShare=0.4", "result.json")).json();
    expect(json.bands.inputs.map((i: { key: string }) => i.key)).not.toContain("r.own-funding-30.minOwnShare");
  });

  it("a bad draws value is a 400 and nothing is exported", async () => {
    const res = await get("?draws=99999", "result.csv");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/draws must be a whole number from 1 to 10000/);
  });
});
