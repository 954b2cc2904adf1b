import { describe, expect, it } from "vitest";
import { isPathTarget, parseCliArgs } from "./cli-args";

describe("parseCliArgs", () => {
  it("parses each command", () => {
    expect(parseCliArgs(["check"])).toEqual({ command: "check", paths: [] });
    expect(parseCliArgs(["check", "a.yaml", "dir"])).toEqual({ command: "check", paths: ["a.yaml", "dir"] });
    expect(parseCliArgs(["evaluate", "2021-co-lending"])).toEqual({ command: "evaluate", target: "2021-co-lending", format: "table", uncertainty: null });
    expect(parseCliArgs(["evaluate", "x", "--format", "csv"])).toEqual({ command: "evaluate", target: "x", format: "csv", uncertainty: null });
    expect(parseCliArgs(["evaluate", "x", "--draws", "500", "--seed=7", "--format", "csv"])).toEqual({ command: "evaluate", target: "x", format: "csv", uncertainty: { draws: 500, seed: 7 } });
    expect(parseCliArgs(["evaluate", "x", "--seed", "7"])).toMatchObject({ uncertainty: { draws: 1000, seed: 7 } });
    expect(parseCliArgs(["evaluate", "--format=json", "x"])).toEqual({ command: "evaluate", target: "x", format: "json", uncertainty: null });
    expect(parseCliArgs(["list"])).toEqual({ command: "list" });
    expect(parseCliArgs(["schema"])).toEqual({ command: "schema" });
    expect(parseCliArgs(["--help"])).toEqual({ command: "help" });
  });

  it("explains bad arguments", () => {
    expect(parseCliArgs([])).toEqual({ error: "missing command" });
    expect(parseCliArgs(["frobnicate"])).toEqual({ error: "unknown command 'frobnicate'" });
    expect(parseCliArgs(["evaluate"])).toMatchObject({ error: expect.stringContaining("needs a scenario id") });
    expect(parseCliArgs(["evaluate", "x", "--format", "xml"])).toMatchObject({ error: expect.stringContaining("unknown format 'xml'") });
    expect(parseCliArgs(["evaluate", "x", "--format"])).toMatchObject({ error: expect.stringContaining("needs a value") });
    expect(parseCliArgs(["evaluate", "x", "y"])).toMatchObject({ error: expect.stringContaining("one scenario") });
    expect(parseCliArgs(["evaluate", "x", "--draws", "0"])).toMatchObject({ error: expect.stringContaining("draws must be a whole number from 1 to 10000, got '0'") });
    expect(parseCliArgs(["evaluate", "x", "--seed=-3"])).toMatchObject({ error: expect.stringContaining("seed must be a whole number") });
    expect(parseCliArgs(["evaluate", "x", "--draws"])).toMatchObject({ error: "--draws needs a value" });
    expect(parseCliArgs(["check", "--fix"])).toMatchObject({ error: "unknown option '--fix' for check" });
    expect(parseCliArgs(["schema", "extra"])).toMatchObject({ error: expect.stringContaining("takes no arguments") });
  });

  it("tells a path from an id", () => {
    expect(isPathTarget("2021-co-lending")).toBe(false);
    expect(isPathTarget("scenarios/x.yaml")).toBe(true);
    expect(isPathTarget("x.yml")).toBe(true);
  });
});
