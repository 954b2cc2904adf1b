import { describe, expect, it } from "vitest";
import { closest, didYouMean, levenshtein } from "./suggest";

describe("suggestions", () => {
  it("measures edit distance", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("huabei", "huabei")).toBe(0);
  });
  it("suggests a close id and nothing for a far one", () => {
    expect(closest("huabie", ["huabei", "jiebei", "mybank"])).toBe("huabei");
    expect(closest("foo", ["from", "to"])).toBeUndefined();
    expect(didYouMean("xyzxyzxyz", ["huabei"])).toBe("");
  });
  it("suggests an id that contains what was typed", () => {
    expect(closest("mobile", ["mobile-payments", "consumer-credit"])).toBe("mobile-payments");
  });
});
