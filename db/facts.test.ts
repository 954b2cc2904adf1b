/** The fact register: complete, consistent with its sources, seeded as written, and rendered for readers. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factSchema } from "../app/engine/model";
import { getFactsFromDb, getModelFromDb } from "../app/data/model.server";
import { openDatabase } from "../app/data/db.server";
import { FACTS, factFigure } from "./seed/facts";
import { FACTS_DOC, renderFactRegister } from "./seed/facts-doc";
import { SOURCES } from "./seed/sources";
import { setupDatabase } from "./setup";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ant-facts-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the fact register", () => {
  it("has unique ids, valid rows, and cites only listed sources", () => {
    expect(new Set(FACTS.map((f) => f.id)).size).toBe(FACTS.length);
    for (const f of FACTS) expect(() => factSchema.parse(f), f.id).not.toThrow();
    const keys = new Set(SOURCES.map((s) => s.key));
    expect(FACTS.flatMap((f) => f.sourceKeys.filter((k) => !keys.has(k)).map((k) => `${f.id}: ${k}`))).toEqual([]);
  });

  it("every listed source backs at least one fact, and S80-S89 are in", () => {
    const cited = new Set(FACTS.flatMap((f) => f.sourceKeys));
    expect(SOURCES.filter((s) => !cited.has(s.key)).map((s) => s.key)).toEqual([]);
    for (let n = 80; n <= 89; n++) expect(cited.has(`S${n}`), `S${n}`).toBe(true);
    expect(new Set(SOURCES.map((s) => s.key)).size).toBe(SOURCES.length);
  });

  it("holds the reported outcomes the back-test compares against, with their sources", () => {
    expect(factFigure("yuebao-aum", "Yu'e Bao AUM, Q2 2021")).toMatchObject({ value: 780.8, date: "2021-06" });
    expect(factFigure("yuebao-aum", "Yu'e Bao AUM, Feb 2023").value).toBe(689.3);
    expect(factFigure("consumer-finance-company", "registered capital after the increase")).toMatchObject({ value: 18.5, date: "2023-01" });
    expect(factFigure("ant-fine-2023", "Ant's fine")).toMatchObject({ value: 7.123, date: "2023-07-07", sourceKeys: ["S56", "S57"] });
    expect(factFigure("buyback-2023", "buyback valuation", "RMB bn").value).toBe(567.1);
    expect(factFigure("credit-total", "small-business credit balance")).toMatchObject({ value: 400, sourceKeys: ["S80", "S10"] });
    expect(() => factFigure("yuebao-aum", "no such figure")).toThrow(/no figure/);
  });

  it("docs/facts/ant-group.md is the register as rendered now (run `npm run facts` after editing it)", () => {
    expect(fs.readFileSync(FACTS_DOC, "utf8")).toBe(renderFactRegister());
  });

  it("is seeded into the database as written, in register order", () => {
    const file = path.join(dir, "facts.db");
    setupDatabase({ path: file });
    const { db, sqlite } = openDatabase(file);
    try {
      expect(getFactsFromDb(db)).toEqual(FACTS);
      expect(getModelFromDb(db).sources.map((s) => s.key)).toEqual(SOURCES.map((s) => s.key));
    } finally {
      sqlite.close();
    }
  });

  it("a database built by an older seed is re-seeded on setup, and saved variants are kept", () => {
    const file = path.join(dir, "old.db");
    setupDatabase({ path: file });
    const raw = new Database(file);
    raw.prepare("delete from facts").run();
    raw.prepare("update seed_info set fingerprint = 'older-seed'").run();
    raw.prepare("insert into variants (id, created_at, forked_from) values ('kept-abc123', '2026-01-01T00:00:00Z', null)").run();
    raw.close();

    const result = setupDatabase({ path: file });
    expect(result).toMatchObject({ created: false, seeded: true, units: 11 });
    expect(result.message).toMatch(/^baseline re-seeded/);
    const check = new Database(file, { readonly: true });
    try {
      expect((check.prepare("select count(*) as n from facts").get() as { n: number }).n).toBe(FACTS.length);
      expect(check.prepare("select id from variants").all()).toEqual([{ id: "kept-abc123" }]);
    } finally {
      check.close();
    }
    expect(setupDatabase({ path: file }).message).toBe("up to date, 11 units");
  });
});
