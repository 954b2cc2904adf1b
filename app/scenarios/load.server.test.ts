import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtureModel } from "./__fixtures__/model";
import { loadScenarioFile, loadScenarios } from "./load.server";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scenarios-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const good = `title: T\nsummary: S\ndate: "2021"\nsources: [S36]\nrules:\n  - type: co-lending\n    label: L\n    units: [huabei]\n    minOwnShare: 0.3\n    response: raise\n`;

describe("loadScenarios", () => {
  it("does not follow a symbolic link out of the directory, and says so without showing what it reaches", () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "outside-"));
    try {
      fs.writeFileSync(path.join(outside, "secret.txt"), "root:x:0:0:secret line\n");
      fs.symlinkSync(path.join(outside, "secret.txt"), path.join(dir, "leak.yaml"));
      fs.writeFileSync(path.join(dir, "real.yaml"), good);
      fs.symlinkSync(path.join(dir, "real.yaml"), path.join(dir, "alias.yaml")); // a link inside is fine
      const byId = new Map(loadScenarios({ dir, model: fixtureModel }).map((r) => [r.id, r]));
      const leak = byId.get("leak")!;
      expect(leak.ok).toBe(false);
      expect(JSON.stringify(leak)).not.toContain("secret");
      if (!leak.ok) expect(leak.errors[0]!.message).toBe("a symbolic link to a file outside the scenario directory; it was not read");
      expect(byId.get("alias")?.ok).toBe(true);
      expect(byId.get("real")?.ok).toBe(true);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it("reuses an unchanged file, and an edited file shows on the next load", () => {
    const file = path.join(dir, "edited.yaml");
    fs.writeFileSync(file, good);
    const first = loadScenarioFile(file, { model: fixtureModel });
    expect(loadScenarioFile(file, { model: fixtureModel })).toBe(first);
    fs.writeFileSync(file, good.replace("title: T", "title: Edited"));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000)); // a distinct mtime even on coarse clocks
    const second = loadScenarioFile(file, { model: fixtureModel });
    expect(second.ok && second.scenario.title).toBe("Edited");
    fs.writeFileSync(file, "title: [");
    fs.utimesSync(file, new Date(), new Date(Date.now() + 10000));
    expect(loadScenarioFile(file, { model: fixtureModel }).ok).toBe(false);
  });

  it("a broken file shows as errors and the others still load", () => {
    fs.writeFileSync(path.join(dir, "a-good.yaml"), good);
    fs.writeFileSync(path.join(dir, "b-broken.yaml"), "title: [");
    fs.writeFileSync(path.join(dir, "c-unknown-unit.yaml"), good.replace("huabei", "huabie"));
    fs.writeFileSync(path.join(dir, "notes.txt"), "ignored");
    const r = loadScenarios({ dir, model: fixtureModel });
    expect(r.map((x) => [x.id, x.ok])).toEqual([
      ["a-good", true],
      ["b-broken", false],
      ["c-unknown-unit", false],
    ]);
  });

  it("checks only the format when no model is given", () => {
    fs.writeFileSync(path.join(dir, "x.yaml"), good.replace("huabei", "huabie"));
    expect(loadScenarios({ dir })[0]!.ok).toBe(true);
  });

  it("catches two files with the same id", () => {
    fs.writeFileSync(path.join(dir, "foo.yaml"), good);
    fs.writeFileSync(path.join(dir, "foo.yml"), good);
    const [a, b] = loadScenarios({ dir });
    expect(a!.ok).toBe(true);
    expect(b!.ok).toBe(false);
    if (!b!.ok) expect(b!.errors[0]!.message).toContain("duplicate scenario id 'foo'");
  });

  it("returns nothing for a missing directory", () => {
    expect(loadScenarios({ dir: path.join(dir, "nope") })).toEqual([]);
  });

  it("refuses a huge file before reading it, and reports a missing one", () => {
    const big = path.join(dir, "big.yaml");
    fs.writeFileSync(big, `# ${"x".repeat(300 * 1024)}\n`);
    const r = loadScenarioFile(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain("larger than");
    const m = loadScenarioFile(path.join(dir, "missing.yaml"));
    expect(!m.ok && m.errors[0]!.message).toBe("file not found");
  });
});
