import { describe, expect, it } from "vitest";

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { readServerEnv, startHeartbeat } from "./start.mjs";

describe("npm start's PORT and HOST checks", () => {
  it("uses the defaults when unset or empty", () => {
    expect(readServerEnv({})).toEqual({ port: 3000, host: "127.0.0.1", errors: [] });
    expect(readServerEnv({ PORT: "", HOST: "" })).toEqual({ port: 3000, host: "127.0.0.1", errors: [] });
  });

  it("accepts a valid port and host", () => {
    expect(readServerEnv({ PORT: "8080", HOST: "0.0.0.0" })).toEqual({ port: 8080, host: "0.0.0.0", errors: [] });
  });

  it.each(["abc", "0", "65536", "3.5", "-1"])("names PORT=%s as invalid", (value) => {
    const { errors } = readServerEnv({ PORT: value });
    expect(errors).toEqual([`PORT="${value}" is invalid: expected an integer from 1 to 65535`]);
  });

  it.each(["   ", "http://localhost", "local host"])("names HOST=%j as invalid", (value) => {
    const { errors } = readServerEnv({ HOST: value });
    expect(errors[0]).toMatch(/^HOST=.* is invalid: expected a host name or IP address/);
  });
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
