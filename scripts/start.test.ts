import { describe, expect, it } from "vitest";

import { readServerEnv } from "./start.mjs";

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
