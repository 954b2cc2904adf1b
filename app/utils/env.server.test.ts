import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, isKnownHost, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("uses the defaults when nothing is set", () => {
    const env = parseEnv({}, "/repo");
    expect(env).toEqual({ PORT: 3000, HOST: "127.0.0.1", DATABASE_PATH: path.resolve("/repo", "data/ant-model.db"), SCENARIOS_DIR: path.resolve("/repo", "scenarios"), ALLOWED_HOSTS: [] });
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", HOST: "", DATABASE_PATH: "" }, "/repo").PORT).toBe(3000);
  });

  it("reads valid values and resolves a relative database path against the working directory", () => {
    const env = parseEnv({ PORT: "8080", HOST: "0.0.0.0", DATABASE_PATH: "tmp/x.db" }, "/repo");
    expect(env).toEqual({ PORT: 8080, HOST: "0.0.0.0", DATABASE_PATH: path.resolve("/repo", "tmp/x.db"), SCENARIOS_DIR: path.resolve("/repo", "scenarios"), ALLOWED_HOSTS: [] });
    expect(parseEnv({ DATABASE_PATH: "/abs/y.db" }, "/repo").DATABASE_PATH).toBe(path.resolve("/abs/y.db"));
  });

  it("reads SCENARIOS_DIR once, resolved against the working directory; unset is the library, blank is refused", () => {
    expect(parseEnv({ SCENARIOS_DIR: "tests/.tmp/lib" }, "/repo").SCENARIOS_DIR).toBe(path.resolve("/repo", "tests/.tmp/lib"));
    expect(parseEnv({}, "/repo").SCENARIOS_DIR).toBe(path.resolve("/repo", "scenarios"));
    expect(() => parseEnv({ SCENARIOS_DIR: "   " })).toThrow(/SCENARIOS_DIR="   " is invalid/);
    expect(() => parseEnv({ SCENARIOS_DIR: "a\0b" })).toThrow(/SCENARIOS_DIR/);
  });

  it.each(["abc", "0", "65536", "80.5", "-1"])("a bad PORT (%s) names the variable, the value and what is expected", (bad) => {
    expect(() => parseEnv({ PORT: bad })).toThrow(EnvError);
    try {
      parseEnv({ PORT: bad });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain(`"${bad}"`);
      expect(message).toContain("integer from 1 to 65535");
    }
  });

  it("a blank HOST made of spaces is rejected with its name", () => {
    expect(() => parseEnv({ HOST: "   " })).toThrow(/HOST="   " is invalid: expected a host name/);
  });

  it("refuses HOST=http://localhost (npm start once let it through; it now asks this module, scripts/start.test.ts)", () => {
    expect(() => parseEnv({ HOST: "http://localhost" })).toThrow(/HOST="http:\/\/localhost" is invalid: expected a host name/);
    expect(() => parseEnv({ HOST: "local host" })).toThrow(/HOST=/);
  });

  it("reports several bad variables at once", () => {
    expect(() => parseEnv({ PORT: "x", HOST: " " })).toThrow(/PORT=.*HOST=/);
  });

  it("reads ALLOWED_HOSTS as lower-case names separated by commas, and refuses a URL or a port", () => {
    expect(parseEnv({ ALLOWED_HOSTS: " Dashboard.example.org, 10.0.0.5 ,[::1]" }).ALLOWED_HOSTS).toEqual(["dashboard.example.org", "10.0.0.5", "[::1]"]);
    for (const bad of ["http://dashboard.example.org", "dashboard.example.org:3000", "a b", "x/y"])
      expect(() => parseEnv({ ALLOWED_HOSTS: bad }), bad).toThrow(/ALLOWED_HOSTS=.* is invalid: expected host names separated by commas/);
  });
});

describe("isKnownHost", () => {
  it("knows loopback names, IP addresses, HOST and ALLOWED_HOSTS, and nothing else", () => {
    const env = { HOST: "127.0.0.1", ALLOWED_HOSTS: ["dash.example.org"] };
    for (const ok of ["localhost", "app.localhost", "127.0.0.1", "[::1]", "10.1.2.3", "dash.example.org", "DASH.example.org."])
      expect(isKnownHost(ok, env), ok).toBe(true);
    for (const bad of ["evil.example", "localhost.evil.example", "dash.example.org.evil.example"]) expect(isKnownHost(bad, env), bad).toBe(false);
    expect(isKnownHost("projector", { HOST: "projector", ALLOWED_HOSTS: [] })).toBe(true);
  });
});
