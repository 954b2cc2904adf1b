/**
 * `npm run scenarios -- ...` end to end: spawns the CLI against a scratch database (DATABASE_PATH), never the
 * user's file, and checks output and exit codes.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScratchDatabase, type ScratchDatabase } from "../app/scenarios/__fixtures__/scratch-db";
import { scenarioResultResponse } from "../app/services/scenario-api.server";

const root = path.resolve(__dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
let scratch: ScratchDatabase;

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(tsx, ["scripts/scenarios.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_PATH: scratch.path, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  scratch = makeScratchDatabase();
});
afterAll(() => scratch.cleanup());

describe("scenarios CLI", { timeout: 60_000 }, () => {
  it("check: the library is valid", () => {
    const r = run(["check"]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toMatch(/^\d+ files ok$/);
    expect(r.code).toBe(0);
  });

  it("check: prints path:line:col: message per error and exits 1", () => {
    const r = run(["check", "tests/fixtures/bad-scenarios/unknown-unit.yaml", "tests/fixtures/bad-scenarios/rate-too-high.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("tests/fixtures/bad-scenarios/unknown-unit.yaml:9:13: rules[0].units[0]: unknown unit 'huabie' (did you mean 'huabei'?)");
    expect(r.stdout).toContain("tests/fixtures/bad-scenarios/rate-too-high.yaml:10:18: rules[0].consentRate: expected a number from 0 to 1, got 1.3");
    expect(r.stdout).toContain("0 files ok, 2 invalid");
  });

  it("check: without a database, says so and how to create it, and still checks the format", () => {
    const missing = path.join(os.tmpdir(), `no-such-${process.pid}.db`);
    const ok = run(["check", "scenarios/2021-co-lending.yaml", "tests/fixtures/bad-scenarios/unknown-unit.yaml"], { DATABASE_PATH: missing });
    expect(ok.stderr).toContain("npm run db:setup");
    expect(ok.stdout).toContain("2 files ok"); // the unknown unit is a reference error: not checkable without the model
    expect(fs.existsSync(missing)).toBe(false);
    const bad = run(["check", "tests/fixtures/bad-scenarios/rate-too-high.yaml"], { DATABASE_PATH: missing });
    expect(bad.code).toBe(1);
  });

  it("evaluate --format json prints exactly the API's JSON", async () => {
    const r = run(["evaluate", "2021-rectification", "--format", "json"]);
    expect(r.code).toBe(0);
    const api = await (await scenarioResultResponse("2021-rectification", { model: scratch.model })).json();
    expect(JSON.parse(r.stdout)).toEqual(api);
  });

  it("evaluate --draws --seed: the API's bands in json, a RANGES table, band columns and probabilities in csv", async () => {
    const j = run(["evaluate", "2021-co-lending", "--draws", "200", "--seed", "3", "--format", "json"]);
    expect(j.code).toBe(0);
    const api = await (await scenarioResultResponse("2021-co-lending", { model: scratch.model }, new URLSearchParams("draws=200&seed=3"))).json();
    expect(JSON.parse(j.stdout).bands).toEqual(api.bands);
    const t = run(["evaluate", "2021-co-lending", "--draws=200", "--seed=3"]);
    expect(t.stdout).toMatch(/RANGES \(200 seeded draws, seed 3;/);
    expect(t.stdout).toMatch(/Profit(\s+-?\d+\.\d){5}/);
    const c = run(["evaluate", "2021-co-lending", "--draws", "200", "--seed", "3", "--format", "csv"]);
    const lines = c.stdout.split("\r\n");
    expect(lines[0]).toBe("section,id,metric,unit,baseline,scenario,delta,p5,p10,p50,p90,p95,delta_p5,delta_p10,delta_p50,delta_p90,delta_p95");
    const profit = lines.find((l) => l.startsWith("headline,group,profit,"))!.split(",");
    expect(Number(profit[8])).toBeCloseTo(api.bands.headline.profit.p10, 6);
    expect(lines.some((l) => l.startsWith("probability,group,capitalShortfallAbove0,"))).toBe(true);
  });

  it("evaluate: table by default, csv on request, by id or by path", () => {
    const t = run(["evaluate", "scenarios/2021-co-lending.yaml"]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("HEADLINE");
    expect(t.stdout).toMatch(/Capital shortfall\s+RMB bn\s+0\.0\s+\d+\.\d\s+\+\d+\.\d/);
    const c = run(["evaluate", "2021-co-lending", "--format=csv"]);
    expect(c.code).toBe(0);
    expect(c.stdout.split("\r\n")[0]).toBe("section,id,metric,unit,baseline,scenario,delta");
  });

  it("evaluate: an invalid file prints its errors and exits 1; an unknown id lists the known ones", () => {
    const bad = run(["evaluate", "tests/fixtures/bad-scenarios/unknown-unit.yaml"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("did you mean 'huabei'");
    const unknown = run(["evaluate", "no-such-scenario"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown scenario 'no-such-scenario'");
    expect(unknown.stderr).toContain("2021-co-lending");
  });

  it("bad arguments get a clear message, the usage and exit code 2", () => {
    // Each case of the argument parser is unit-tested in app/scenarios/cli-args.test.ts; two spawns suffice here.
    for (const args of [[], ["evaluate", "x", "--format", "xml"]]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).toContain("Usage: npm run scenarios -- <command>");
    }
  });

  it("list shows every scenario", () => {
    const r = run(["list"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2021-rectification");
    expect(r.stdout).toMatch(/\d+ scenarios/);
  });

  it("check covers path files: a broken one prints path:line:col and exits 1", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paths-"));
    const pathsDir = path.join(dir, "paths");
    fs.mkdirSync(pathsDir);
    try {
      const bad = path.join(pathsDir, "bad-path.yaml");
      fs.writeFileSync(bad, 'title: T\nsummary: S\nsteps:\n  - date: "2021-04-12"\n    scenarios: [2021-rectificaton]\n');
      const r = run(["check", bad]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${bad}:5:17: steps[0].scenarios[0]: unknown scenario '2021-rectificaton' (did you mean '2021-rectification'?)`);
      expect(r.stdout).toMatch(/0 files ok, 1 invalid/);
      const all = run(["check"]);
      expect(all.code).toBe(0);
      const library = fs.readdirSync(path.join(root, "scenarios")).filter((f) => f.endsWith(".yaml")).length;
      const paths = fs.readdirSync(path.join(root, "scenarios/paths")).filter((f) => f.endsWith(".yaml")).length;
      expect(all.stdout.trim()).toBe(`${library + paths} files ok`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("evaluate paths/<id>: the path step by step; json is the API's shape; an unknown path lists the known ones", () => {
    const table = run(["evaluate", "paths/what-happened"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("STEP BY STEP");
    expect(table.stdout).toMatch(/STEP 2 · 2021-04-12/);
    const json = JSON.parse(run(["evaluate", "paths/what-happened", "--format", "json"]).stdout);
    expect(json.path.id).toBe("what-happened");
    expect(json.steps[0]).toHaveProperty("date");
    expect(json.steps[0]).toHaveProperty("headline.profit");
    const unknown = run(["evaluate", "paths/nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown path 'nope'; paths in scenarios\/paths: .*what-happened/);
  });
});
