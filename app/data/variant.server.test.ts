/** The variant store: immutable versions, stale saves refused, restore, validation, locked and read-only files. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../engine";
import { makeScratchVariantDb, sampleDefinition, type ScratchVariantDb } from "./__fixtures__/variant-db";
import * as variantModule from "./variant.server";
import {
  createVariant,
  DatabaseBusyError,
  DatabaseReadOnlyError,
  getVariant,
  getVersion,
  listVariantPage,
  variantSummaryOf,
  listVersions,
  newVariantId,
  restoreVersion,
  saveVersion,
  StaleVersionError,
  validateDefinitionYaml,
  ValidationError,
  variantAsScenario,
  VariantNotFoundError,
} from "./variant.server";

let scratch: ScratchVariantDb;
/** The first page of the saved variants as the lists show them. */
const listed = (store: Parameters<typeof listVariantPage>[1]) => listVariantPage({ pageSize: 100 }, store).items.map(variantSummaryOf);
beforeAll(() => {
  scratch = makeScratchVariantDb();
});
afterAll(() => scratch.cleanup());

/** Runs `fn` and returns what it threw (failing if it did not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

const count = (sqlite: { prepare(s: string): { get(): unknown } }, table: string) =>
  (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe("saved variants", () => {
  it("creating a variant stores version 1 under a slug made from the title", () => {
    const { store } = scratch.copy("create");
    const created = createVariant({ definition: sampleDefinition(), author: "Ana", note: "first try", forkedFrom: "pipl-separate-consent" }, store);
    expect(created.version).toBe(1);
    expect(created.id).toMatch(/^consent-at-40-[a-z0-9]{6}$/);
    const v1 = getVersion({ id: created.id, version: 1 }, store)!;
    expect(v1).toMatchObject({ id: created.id, version: 1, author: "Ana", note: "first try", restoredFrom: null, forkedFrom: "pipl-separate-consent", latestVersion: 1 });
    expect(v1.definition).toEqual(sampleDefinition());
    expect(new Date(v1.createdAt).toISOString()).toBe(v1.createdAt);
    expect(listed(store)).toEqual([
      expect.objectContaining({ id: created.id, title: "Consent at 40%", latestVersion: 1, forkedFrom: "pipl-separate-consent", hypothetical: true }),
    ]);
    expect(getVariant({ id: created.id }, store)).toMatchObject({ latestVersion: 1, forkedFrom: "pipl-separate-consent" });
  });

  it("an edit is a new version and the old one stays as it was", () => {
    const { store } = scratch.copy("save");
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    const edited = sampleDefinition({ title: "Consent at 60%" });
    (edited.rules[0] as { consentRate: number }).consentRate = 0.6;
    expect(saveVersion({ id, baseVersion: 1, definition: edited, author: "Bo", note: "more consent" }, store)).toMatchObject({ id, version: 2 });
    expect(getVersion({ id, version: 1 }, store)!.definition).toEqual(sampleDefinition());
    expect(getVersion({ id, version: 2 }, store)).toMatchObject({ definition: edited, author: "Bo", note: "more consent", latestVersion: 2 });
    expect(getVersion({ id }, store)!.version).toBe(2);
    expect(listVersions({ id }, store)!.map((v) => [v.version, v.title, v.author])).toEqual([
      [1, "Consent at 40%", null],
      [2, "Consent at 60%", "Bo"],
    ]);
    expect(listed(store)[0]).toMatchObject({ id, title: "Consent at 60%", latestVersion: 2 });
  });

  it("a save on a stale base is refused with both versions, and nothing is overwritten", () => {
    const { store, sqlite } = scratch.copy("stale");
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    const first = sampleDefinition({ title: "First editor" });
    const second = sampleDefinition({ title: "Second editor" });
    saveVersion({ id, baseVersion: 1, definition: first }, store);
    const e = thrown(() => saveVersion({ id, baseVersion: 1, definition: second }, store)) as StaleVersionError;
    expect(e).toBeInstanceOf(StaleVersionError);
    expect(e).toMatchObject({ id, baseVersion: 1, latestVersion: 2, latest: first, submitted: second });
    expect(e.message).toMatch(/latest is version 2.*Nothing was overwritten/);
    expect(count(sqlite, "variant_versions")).toBe(2);
    expect(getVersion({ id, version: 2 }, store)!.definition).toEqual(first);
  });

  it("a base version that does not exist yet is refused as invalid input", () => {
    const { store } = scratch.copy("future");
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    const e = thrown(() => saveVersion({ id, baseVersion: 5, definition: sampleDefinition() }, store)) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.errors).toEqual([{ path: "baseVersion", message: `variant '${id}' has no version 5; its latest version is 1` }]);
    for (const bad of [undefined, 0, -1, 1.5, "1", null])
      expect((thrown(() => saveVersion({ id, baseVersion: bad, definition: sampleDefinition() }, store)) as ValidationError).errors[0]).toEqual({
        path: "baseVersion",
        message: "expected a version number (an integer from 1)",
      });
  });

  it("restore saves a new version equal to the old one, marked as restored", () => {
    const { store } = scratch.copy("restore");
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    saveVersion({ id, baseVersion: 1, definition: sampleDefinition({ title: "Changed" }) }, store);
    expect(restoreVersion({ id, version: 1, baseVersion: 2, author: "Cy" }, store)).toMatchObject({ version: 3 });
    const v3 = getVersion({ id, version: 3 }, store)!;
    expect(v3).toMatchObject({ restoredFrom: 1, author: "Cy", note: "restored from version 1" });
    expect(v3.definition).toEqual(getVersion({ id, version: 1 }, store)!.definition);
    expect(listVersions({ id }, store)!.map((v) => v.version)).toEqual([1, 2, 3]);
    // A restore on a stale base is refused like any save.
    expect(thrown(() => restoreVersion({ id, version: 2, baseVersion: 2 }, store))).toBeInstanceOf(StaleVersionError);
    expect(thrown(() => restoreVersion({ id, version: 9, baseVersion: 3 }, store))).toBeInstanceOf(VariantNotFoundError);
  });

  it("an invalid scenario is refused with field errors, as a file would be, and nothing is stored", () => {
    const { store, sqlite } = scratch.copy("invalid");
    const bad = sampleDefinition();
    (bad.rules[0] as { consentRate: number }).consentRate = 1.3;
    let e = thrown(() => createVariant({ definition: bad }, store)) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.errors).toEqual([{ path: "rules[0].consentRate", message: expect.stringMatching(/from 0 to 1.*1\.3/) }]);

    const typo = sampleDefinition();
    (typo.rules[0] as { to: string[] }).to = ["huabie"];
    e = thrown(() => createVariant({ definition: typo }, store)) as ValidationError;
    expect(e.errors).toEqual([{ path: "rules[0].to[0]", message: "unknown unit 'huabie' (did you mean 'huabei'?)" }]);

    const dup = sampleDefinition({ rules: [sampleDefinition().rules[0]!, sampleDefinition().rules[0]!] });
    e = thrown(() => createVariant({ definition: dup }, store)) as ValidationError;
    expect(e.errors[0]).toMatchObject({ path: "rules[1].id", message: expect.stringContaining("duplicate rule id 'consent'") });

    e = thrown(() => createVariant({ definition: { ...sampleDefinition(), colour: "red" } }, store)) as ValidationError;
    expect(e.errors[0]!.path).toBe("colour");
    e = thrown(() => createVariant({ definition: [1, 2] }, store)) as ValidationError;
    expect(e.errors[0]!.message).toMatch(/expected a scenario/);
    e = thrown(() => createVariant({ definition: { title: "only a title" } }, store)) as ValidationError;
    expect(e.errors.map((x) => x.path)).toEqual(expect.arrayContaining(["summary", "date", "sources", "rules"]));

    expect(count(sqlite, "variants")).toBe(0);
    expect(count(sqlite, "variant_versions")).toBe(0);
  });

  it("author, note and forkedFrom are bounded and checked; nothing is stored when they are bad", () => {
    const { store, sqlite } = scratch.copy("meta");
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ author: "x".repeat(81) }, "author", /at most 80/],
      [{ author: "two\nlines" }, "author", /one line/],
      [{ note: "n".repeat(501) }, "note", /at most 500/],
      [{ note: "bell\u0007" }, "note", /control/],
      [{ author: 42 }, "author", /expected text/],
      [{ forkedFrom: "../etc/passwd" }, "forkedFrom", /scenario id/],
      [{ forkedFrom: "no-such-variant@2" }, "forkedFrom", /no variant version 'no-such-variant@2'/],
      [{ forkedFrom: "no-such-scenario" }, "forkedFrom", /no library scenario or saved variant .no-such-scenario./],
    ];
    for (const [meta, path, message] of cases) {
      const e = thrown(() => createVariant({ definition: sampleDefinition(), ...meta }, store)) as ValidationError;
      expect(e, JSON.stringify(meta)).toBeInstanceOf(ValidationError);
      expect(e.errors[0]!.path).toBe(path);
      expect(e.errors[0]!.message).toMatch(message);
    }
    expect(count(sqlite, "variants")).toBe(0);
    const { id } = createVariant({ definition: sampleDefinition(), author: "  Ana  ", note: "" }, store);
    expect(getVersion({ id, version: 1 }, store)).toMatchObject({ author: "Ana", note: null });
    const fork = createVariant({ definition: sampleDefinition(), forkedFrom: `${id}@1` }, store);
    expect(getVariant({ id: fork.id }, store)!.forkedFrom).toBe(`${id}@1`);
  });

  it("unknown or malformed ids are not found", () => {
    const { store } = scratch.copy("unknown");
    expect(getVersion({ id: "nope", version: 1 }, store)).toBeNull();
    expect(getVersion({ id: "../../x", version: 1 }, store)).toBeNull();
    expect(listVersions({ id: "nope" }, store)).toBeNull();
    expect(getVariant({ id: "Robert'); DROP TABLE variants;--" }, store)).toBeNull();
    expect(variantAsScenario({ id: "nope" }, store)).toBeNull();
    expect(thrown(() => saveVersion({ id: "nope", baseVersion: 1, definition: sampleDefinition() }, store))).toBeInstanceOf(VariantNotFoundError);
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    expect(getVersion({ id, version: 2 }, store)).toBeNull();
    expect(getVersion({ id, version: 0 }, store)).toBeNull();
  });

  it("a variant version evaluates as a scenario whose id is the variant id", () => {
    const { store } = scratch.copy("evaluate");
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    const scenario = variantAsScenario({ id, version: 1 }, store)!;
    expect(scenario.id).toBe(id);
    const result = evaluate(store.model, scenario);
    expect(result.headline).toBeDefined();
  });

  it("variant ids are slugs, even from titles in other scripts or full of symbols", () => {
    expect(newVariantId("Ça coûte <script>!")).toMatch(/^ca-coute-script-[a-z0-9]{6}$/);
    expect(newVariantId("蚂蚁")).toMatch(/^variant-[a-z0-9]{6}$/);
    expect(newVariantId("a".repeat(200)).length).toBeLessThanOrEqual(47);
  });
});

describe("immutability", () => {
  it("the module offers no way to update or delete a version", () => {
    const exported = Object.keys(variantModule).filter((k) => typeof (variantModule as Record<string, unknown>)[k] === "function");
    expect(exported.filter((k) => /update|delete|remove|edit|overwrite|replace|clear/i.test(k))).toEqual([]);
    const source = fs.readFileSync(path.join(__dirname, "variant.server.ts"), "utf8");
    // The variant row's latest-version columns (title, headline figures) are the one thing it updates.
    expect(source).not.toMatch(/\.delete\(/);
    expect([...source.matchAll(/\.update\((\w+)\)/g)].map((m) => m[1])).toEqual(expect.arrayContaining(["variants"]));
    expect(source).not.toMatch(/\.update\((?!variants\))/);
    expect(source).not.toMatch(/\b(UPDATE|DELETE FROM|REPLACE INTO|onConflictDoUpdate)\b/);
  });

  it("the database itself refuses to update or delete a version", () => {
    const { store, sqlite } = scratch.copy("triggers");
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    expect(() => sqlite.prepare("update variant_versions set note = 'x'").run()).toThrow(/immutable/);
    expect(() => sqlite.prepare("delete from variant_versions").run()).toThrow(/immutable/);
    expect(() => sqlite.prepare("delete from variants").run()).toThrow(/never deleted/);
    expect(() => sqlite.prepare("insert into variant_versions values (?, 1, '{}', null, null, 'x', null)").run(id)).toThrow(/UNIQUE|PRIMARY/);
    expect(getVersion({ id, version: 1 }, store)!.definition).toEqual(sampleDefinition());
  });
});

describe("a locked or read-only database", () => {
  it("a save while another process holds the write lock fails clearly and stores nothing; reads still work", () => {
    const { file, store } = scratch.copy("locked");
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    const other = scratch.open(file);
    const mine = scratch.open(file, { timeout: 100 });
    const fast = { db: mine.db, model: store.model };
    other.sqlite.exec("BEGIN IMMEDIATE");
    try {
      const started = Date.now();
      const e = thrown(() => saveVersion({ id, baseVersion: 1, definition: sampleDefinition({ title: "Blocked" }) }, fast)) as Error;
      expect(e).toBeInstanceOf(DatabaseBusyError);
      expect(e.message).toBe("the database is locked by another process; nothing was saved, try again");
      expect(Date.now() - started).toBeLessThan(2000);
      expect(thrown(() => createVariant({ definition: sampleDefinition() }, fast))).toBeInstanceOf(DatabaseBusyError);
      expect(listVersions({ id }, fast)!.length).toBe(1);
    } finally {
      other.sqlite.exec("ROLLBACK");
    }
    expect(listVersions({ id }, store)!.map((v) => v.version)).toEqual([1]);
    expect(listed(store)).toHaveLength(1);
    expect(saveVersion({ id, baseVersion: 1, definition: sampleDefinition({ title: "After" }) }, fast).version).toBe(2);
  });

  it("a read-only database fails clearly, stores nothing and still serves what was saved", () => {
    const { file, store } = scratch.copy("readonly");
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    const ro = scratch.open(file, { readonly: true });
    const roStore = { db: ro.db, model: store.model };
    const e = thrown(() => saveVersion({ id, baseVersion: 1, definition: sampleDefinition() }, roStore)) as Error;
    expect(e).toBeInstanceOf(DatabaseReadOnlyError);
    expect(e.message).toMatch(/read-only.*nothing was saved/);
    expect(thrown(() => createVariant({ definition: sampleDefinition() }, roStore))).toBeInstanceOf(DatabaseReadOnlyError);
    expect(getVersion({ id, version: 1 }, roStore)!.definition).toEqual(sampleDefinition());
    expect(listed(store)).toHaveLength(1);
  });
});

describe("YAML uploads", () => {
  it("are validated as files are, with line and column", () => {
    const model = scratch.copy("yaml").store.model;
    const r = validateDefinitionYaml("title: x\nsummary: [unclosed\n", model);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: expect.any(Number), col: expect.any(Number), message: expect.stringMatching(/YAML syntax error/) });
  });

  it("refuse a billion-laughs file quickly", () => {
    const model = scratch.copy("laughs").store.model;
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const started = Date.now();
    const r = validateDefinitionYaml(lines.join("\n"), model);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/billion laughs/);
  });
});

// ---- concurrent saves from separate processes --------------------------------------------------------------

const WORKER = path.join(__dirname, "__fixtures__", "save-worker.ts");
type Outcome = { ok: true; base: number; version: number; note: string } | { ok: false; base: number; stale: boolean; latestVersion?: number; error?: string };

/**
 * Starts `n` worker processes on the same file and waits until each has it open; then releases them at once for
 * a save each on version 1, and once all have answered, at once again for a loop of saves.
 */
async function race(n: number, file: string, id: string, rounds: number): Promise<{ once: Outcome[]; loops: Outcome[] }> {
  const workers = Array.from({ length: n }, (_, i) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, file, id, `w${i}`, String(rounds)], {
      cwd: path.resolve(__dirname, "../.."),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const waiters: Array<{ lines: number; resolve: (lines: string[]) => void }> = [];
    const check = () => {
      const lines = out.split("\n").slice(0, -1);
      for (const w of waiters.splice(0)) (lines.length >= w.lines ? w.resolve(lines) : waiters.push(w));
    };
    child.stdout.on("data", (d) => {
      out += d;
      check();
    });
    child.stderr.on("data", (d) => (err += d));
    const exited = new Promise<never>((_, reject) => child.on("exit", (code) => reject(new Error(`worker w${i} exited (${code}): ${err}${out}`))));
    const lines = (k: number) => Promise.race([new Promise<string[]>((resolve) => (waiters.push({ lines: k, resolve }), check())), exited]);
    return { child, lines };
  });
  await Promise.all(workers.map((w) => w.lines(1)));
  for (const w of workers) w.child.stdin.write("go\n");
  const once = (await Promise.all(workers.map((w) => w.lines(2)))).flatMap((l) => JSON.parse(l[1]!) as Outcome[]);
  for (const w of workers) w.child.stdin.end("go\n");
  const loops = (await Promise.all(workers.map((w) => w.lines(3)))).flatMap((l) => JSON.parse(l[2]!) as Outcome[]);
  return { once, loops };
}

describe("concurrent saves", () => {
  it("of several processes on the same base: exactly one is stored, the others are refused as stale, none lost", async () => {
    const { file, store, sqlite } = scratch.copy("race");
    const { id } = createVariant({ definition: sampleDefinition() }, store);
    sqlite.close();

    const { once, loops } = await race(5, file, id, 12);
    const stored = once.filter((o) => o.ok);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ version: 2 });
    for (const o of once.filter((x) => !x.ok)) expect(o).toMatchObject({ stale: true, latestVersion: 2 });

    // Then each process saves in a loop on whatever it last read as the latest version.
    expect(loops).toHaveLength(60);
    const ok = loops.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
    const refused = loops.filter((o): o is Extract<Outcome, { ok: false }> => !o.ok);
    for (const r of refused) {
      expect(r.stale, r.error).toBe(true);
      expect(r.latestVersion!).toBeGreaterThan(r.base);
    }
    for (const o of ok) expect(o.version).toBe(o.base + 1);

    const reader = scratch.open(file);
    const versions = listVersions({ id }, { db: reader.db, model: store.model })!;
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 2 + ok.length }, (_, i) => i + 1));
    // Every stored save is in the row it was told it got, with its own note: nothing overwritten.
    const byVersion = new Map(versions.map((v) => [v.version, v.note]));
    expect(byVersion.get(2)).toBe(stored[0]!.ok ? stored[0]!.note : undefined);
    for (const o of ok) expect(byVersion.get(o.version)).toBe(o.note);
    expect(new Set(ok.map((o) => o.version)).size).toBe(ok.length);
  }, 120_000);
});
