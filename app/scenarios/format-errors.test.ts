import { describe, expect, it } from "vitest";
import { formatError, formatErrors } from "./format-errors";

describe("formatError", () => {
  it("prints path:line:col: field: message", () => {
    expect(formatError({ file: "scenarios/a.yaml", line: 3, col: 7, path: "rules[1].consentRate", message: "expected x" })).toBe(
      "scenarios/a.yaml:3:7: rules[1].consentRate: expected x",
    );
    expect(formatError({ file: "a.yaml", line: 1, col: 1, path: "", message: "m" }, "warning")).toBe("a.yaml:1:1: warning: m");
  });
  it("sorts by file then position", () => {
    const e = (file: string, line: number) => ({ file, line, col: 1, path: "", message: "m" });
    expect(formatErrors([e("b", 1), e("a", 9), e("a", 2)]).split("\n")).toEqual(["a:2:1: m", "a:9:1: m", "b:1:1: m"]);
  });
});
