import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("drops accents, lowers case and joins runs of other characters with one dash", () => {
    expect(slugify("  Café Rules: 30% -- Co-lending! ", 60)).toBe("cafe-rules-30-co-lending");
  });
  it("cuts at the length without leaving a dash at the end, and gives '' when nothing is left", () => {
    expect(slugify("abc def", 4)).toBe("abc");
    expect(slugify("中文 ✓", 40)).toBe("");
  });
});
