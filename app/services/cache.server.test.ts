import { describe, expect, it } from "vitest";

import { ByteLru, cached, resultCache, viewCacheKey } from "./cache.server";

describe("ByteLru", () => {
  it("never holds more than its byte cap, evicting the least recently used first", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    expect(lru.get("a")).toBe("A"); // a is now the most recently used
    lru.set("c", "C", 40);
    expect(lru.bytes).toBeLessThanOrEqual(100);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("A");
    expect(lru.get("c")).toBe("C");
    for (let i = 0; i < 1000; i++) {
      lru.set(`k${i}`, "x", 1 + (i % 30));
      expect(lru.bytes).toBeLessThanOrEqual(100);
    }
  });

  it("does not keep an entry larger than the cap, and replacing a key counts its bytes once", () => {
    const lru = new ByteLru<string>(100);
    lru.set("big", "B", 101);
    expect(lru.get("big")).toBeUndefined();
    lru.set("a", "1", 60);
    lru.set("a", "2", 70);
    expect(lru.bytes).toBe(70);
    expect(lru.size).toBe(1);
  });
});

describe("view cache keys", () => {
  const base = { scenario: "s1", model: "m1", query: { "r.x.y": 0.2, "a.z": 0.1, bands: "2010", errors: [] as string[] } };
  it("do not depend on the order of the query's parameters", () => {
    expect(viewCacheKey(base)).toBe(viewCacheKey({ ...base, query: { bands: "2010", errors: [], "a.z": 0.1, "r.x.y": 0.2 } }));
  });
  it("change with the scenario, the model, the query, and Monte-Carlo draws or seed", () => {
    const k = viewCacheKey(base);
    expect(viewCacheKey({ ...base, scenario: "s2" })).not.toBe(k);
    expect(viewCacheKey({ ...base, model: "m2" })).not.toBe(k);
    expect(viewCacheKey({ ...base, query: { ...base.query, "r.x.y": 0.3 } })).not.toBe(k);
    expect(viewCacheKey({ ...base, draws: 1000 })).not.toBe(k);
    expect(viewCacheKey({ ...base, draws: 1000, seed: 1 })).not.toBe(viewCacheKey({ ...base, draws: 1000, seed: 2 }));
  });
  it("compute a value once per key", () => {
    let calls = 0;
    const fn = () => ({ n: ++calls });
    expect(cached("test:a", fn)).toEqual({ n: 1 });
    expect(cached("test:a", fn)).toEqual({ n: 1 });
    expect(cached("test:b", fn)).toEqual({ n: 2 });
    expect(resultCache().bytes).toBeGreaterThan(0);
  });
});
