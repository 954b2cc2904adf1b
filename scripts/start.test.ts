import { describe, expect, it } from "vitest";

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { readServerEnv, startHeartbeat } from "./start.mjs";

// readServerEnv runs scripts/server-env.ts (the server's env module) in a child process: a few runs, each
// checking several values at once.
describe("npm start's PORT, HOST and SCENARIOS_DIR checks, by the server's env module", () => {
  it("uses the defaults when unset or empty, and accepts valid values", () => {
    expect(readServerEnv({})).toEqual({ port: 3000, host: "127.0.0.1", scenariosDir: path.resolve("scenarios"), errors: [] });
    expect(readServerEnv({ PORT: "", HOST: "", SCENARIOS_DIR: "" })).toMatchObject({ port: 3000, host: "127.0.0.1", errors: [] });
    expect(readServerEnv({ PORT: "8080", HOST: "0.0.0.0", SCENARIOS_DIR: "tests/fixtures" })).toEqual({
      port: 8080,
      host: "0.0.0.0",
      scenariosDir: path.resolve("tests/fixtures"),
      errors: [],
    });
  }, 30_000);

  it("names each bad variable, with the env module's messages", () => {
    expect(readServerEnv({ PORT: "3.5", HOST: "http://localhost" }).errors).toEqual([
      'PORT="3.5" is invalid: expected an integer from 1 to 65535',
      'HOST="http://localhost" is invalid: expected a host name or IP address, e.g. 127.0.0.1 (no scheme or path)',
    ]);
    expect(readServerEnv({ PORT: "65536", HOST: "   " }).errors).toEqual([
      'PORT="65536" is invalid: expected an integer from 1 to 65535',
      'HOST="   " is invalid: expected a host name or IP address, e.g. 127.0.0.1',
    ]);
    expect(readServerEnv({ PORT: "abc", SCENARIOS_DIR: "   " }).errors).toEqual([
      'PORT="abc" is invalid: expected an integer from 1 to 65535',
      'SCENARIOS_DIR="   " is invalid: expected a path to a directory of scenario files, e.g. scenarios',
    ]);
  }, 30_000);
});

describe("npm start's install progress", () => {
  it("prints a line while a long install runs, with the packages installed so far, and stops when told", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heartbeat-"));
    try {
      fs.mkdirSync(path.join(dir, "node_modules", "react"), { recursive: true });
      const log = path.join(dir, "out.txt");
      const fd = fs.openSync(log, "w");
      const stop = startHeartbeat("npm ci", { everyMs: 100, dir: path.join(dir, "node_modules"), out: fd });
      await new Promise((r) => setTimeout(r, 1_500));
      stop();
      await new Promise((r) => setTimeout(r, 300));
      fs.closeSync(fd);
      const lines = fs.readFileSync(log, "utf8").trim().split("\n");
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines[0]).toMatch(/^\[start\] npm ci: still working, \d+ s, 1 packages in node_modules so far$/);
      const count = lines.length;
      await new Promise((r) => setTimeout(r, 400));
      expect(fs.readFileSync(log, "utf8").trim().split("\n").length).toBe(count); // stopped
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
