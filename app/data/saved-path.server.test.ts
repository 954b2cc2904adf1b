/**
 * Saved paths on a real SQLite file (migration 0006): version 1 under a `saved.` id, immutable versions (the
 * database refuses an update or a delete), a stale save refused with nothing overwritten, validation as a path
 * file's (conflicts within a step name both rules), bounds; and composing a path from stacked items.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadScenarios } from "../scenarios/load.server";
import type { ScenarioFileResult } from "../scenarios/validate";
import { composePath, type PathDraft } from "../services/path-builder.server";
import { makeScratchVariantDb, type ScratchVariantDb } from "./__fixtures__/variant-db";
import {
  checkPathDefinition,
  createSavedPath,
  getSavedPath,
  isSavedPathId,
  listSavedPaths,
  MAX_PATH_SCENARIOS,
  saveSavedPathVersion,
} from "./saved-path.server";
import { StaleVersionError, ValidationError } from "./variant.server";

let scratch: ScratchVariantDb;
let library: ScenarioFileResult[];
beforeAll(() => {
  scratch = makeScratchVariantDb();
  const { store } = scratch.copy("library");
  library = loadScenarios({ dir: path.resolve(__dirname, "../../scenarios"), model: store.model });
});
afterAll(() => scratch.cleanup());

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

const definition = (title = "Rectification then PIPL") => ({
  title,
  summary: "Two steps.",
  steps: [
    { date: "2021-04-12", scenarios: ["2021-rectification"] },
    { date: "2021-11-01", scenarios: ["pipl-separate-consent"] },
  ],
});

describe("saved paths", () => {
  it("stores version 1 under a saved. id no path file can have, and reads it back", () => {
    const { store } = scratch.copy("create");
    const s = { ...store, library };
    const created = createSavedPath({ definition: definition(), author: "Ana", note: "first" }, s);
    expect(created.id).toMatch(/^saved\.rectification-then-pipl-[a-z0-9]{6}$/);
    expect(isSavedPathId(created.id)).toBe(true);
    expect(isSavedPathId("what-happened")).toBe(false);
    const v1 = getSavedPath({ id: created.id }, s)!;
    expect(v1).toMatchObject({ id: created.id, version: 1, latestVersion: 1, author: "Ana", note: "first" });
    expect(v1.definition.steps.map((x) => x.scenarios)).toEqual([["2021-rectification"], ["pipl-separate-consent"]]);
    expect(listSavedPaths({}, s).map((p) => p.id)).toEqual([created.id]);
  });

  it("saves version n+1 on the latest only; a stale base is refused and nothing is overwritten", () => {
    const { store, sqlite } = scratch.copy("versions");
    const s = { ...store, library };
    const { id } = createSavedPath({ definition: definition() }, s);
    expect(saveSavedPathVersion({ id, baseVersion: 1, definition: definition("Second") }, s)).toEqual({ id, version: 2 });
    const stale = thrown(() => saveSavedPathVersion({ id, baseVersion: 1, definition: definition("Third") }, s));
    expect(stale).toBeInstanceOf(StaleVersionError);
    expect((stale as StaleVersionError).latestVersion).toBe(2);
    expect((stale as Error).message).toMatch(/^saved path 'saved\./);
    // A base version the path never had is a bad input (it was a 409 "saved by someone else"), as for variants.
    const ahead = thrown(() => saveSavedPathVersion({ id, baseVersion: 7, definition: definition("Fourth") }, s));
    expect(ahead).toBeInstanceOf(ValidationError);
    expect((ahead as ValidationError).errors).toEqual([{ path: "baseVersion", message: `saved path '${id}' has no version 7; its latest version is 2` }]);
    expect(getSavedPath({ id }, s)!.definition.title).toBe("Second");
    expect(getSavedPath({ id, version: 1 }, s)!.definition.title).toBe("Rectification then PIPL");
    // The database itself refuses to change or delete a version (migration 0006's triggers).
    expect(() => sqlite.prepare("update saved_path_versions set definition = '{}'").run()).toThrow(/immutable/);
    expect(() => sqlite.prepare("delete from saved_path_versions").run()).toThrow(/immutable/);
    expect(() => sqlite.prepare("delete from saved_paths").run()).toThrow(/never deleted/);
  });

  it("refuses what a path file would refuse, with the reason, storing nothing", () => {
    const { store, sqlite } = scratch.copy("invalid");
    const s = { ...store, library };
    const conflict = thrown(() =>
      createSavedPath({ definition: { title: "Clash", summary: "x", steps: [{ date: "2022-01-01", scenarios: ["2021-co-lending", "2021-rectification"] }] } }, s),
    ) as ValidationError;
    expect(conflict).toBeInstanceOf(ValidationError);
    // Both rules named, as for a path file.
    expect(conflict.errors[0]!.message).toMatch(/conflict: co-lending rule '2021-rectification\.own-funding-30' and co-lending rule '2021-co-lending\.own-funding-30'/);
    const unknown = thrown(() => createSavedPath({ definition: { title: "X", summary: "x", steps: [{ date: "2022-01", scenarios: ["2021-colending"] }] } }, s)) as ValidationError;
    expect(unknown.errors[0]!.message).toMatch(/unknown scenario '2021-colending' \(did you mean '2021-co-lending'\?\)/);
    const order = thrown(() =>
      createSavedPath({ definition: { ...definition(), steps: [...definition().steps].reverse() } }, s),
    ) as ValidationError;
    expect(order.errors.map((e) => e.message).join(" ")).toMatch(/date order/);
    const bidi = thrown(() => createSavedPath({ definition: definition("Evil \u202e title") }, s)) as ValidationError;
    expect(bidi.errors[0]).toMatchObject({ path: "title" });
    const many = { title: "Many", summary: "x", steps: Array.from({ length: 5 }, (_, i) => ({ date: `202${i}-01`, scenarios: Array.from({ length: 10 }, (_, j) => `s-${j}`) })) };
    expect(checkPathDefinition(many, { model: store.model, library })).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining(`at most ${MAX_PATH_SCENARIOS}`) }] });
    expect((sqlite.prepare("select count(*) as n from saved_paths").get() as { n: number }).n).toBe(0);
  });
});

describe("composing a path from stacked items", () => {
  const draft = (items: PathDraft["items"]): PathDraft => ({ title: "T", summary: "S", conflicts: "error", author: "", note: "", items, base: null });

  it("groups items by date into steps in date order; a what-if state brings its rules with the values moved", () => {
    const { store } = scratch.copy("compose");
    const r = composePath(
      draft([
        { source: "pipl-separate-consent", title: "", date: "2021-11-01", kind: "scenario" },
        { source: "2021-rectification", title: "", date: "2021-04-12", kind: "scenario" },
        { source: "2021-co-lending?r.own-funding-30.minOwnShare=0.5", title: "", date: "2021-11-01", kind: "rules" },
      ]),
      store.model,
      library,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.definition.steps.map((s) => s.date)).toEqual(["2021-04-12", "2021-11-01"]);
    expect(r.definition.steps[1]!.scenarios).toEqual(["pipl-separate-consent"]);
    const rule = r.definition.steps[1]!.rules![0] as { id: string; minOwnShare: { value: number } };
    expect(rule.id).toBe("own-funding-30");
    expect(rule.minOwnShare.value).toBe(0.5);
    expect(checkPathDefinition(r.definition, { model: store.model, library }).ok).toBe(true);
  });

  it("refuses two items bringing their own rules on one date, a bad date and an unknown scenario, saying which", () => {
    const { store } = scratch.copy("compose-bad");
    const r = composePath(
      draft([
        { source: "2021-co-lending?r.own-funding-30.minOwnShare=0.5", title: "", date: "2022-01", kind: "rules" },
        { source: "2021-co-lending?r.own-funding-30.minOwnShare=0.4", title: "", date: "2022-01", kind: "rules" },
        { source: "pipl-separate-consent", title: "", date: "Nov 2021", kind: "scenario" },
        { source: "nope", title: "", date: "2021-01", kind: "scenario" },
      ]),
      store.model,
      library,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map((e) => `${e.path}: ${e.message}`).join("\n");
    expect(text).toMatch(/items\[1\]: .*both bring their own rules on 2022-01/);
    expect(text).toMatch(/items\[2\]\.date: expected a date like 2021-04-12/);
    expect(text).toMatch(/items\[3\]: there is no scenario 'nope'/);
  });
});
