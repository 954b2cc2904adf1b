import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupDatabase } from "../../db/setup";
import { DatabaseUnavailableError, openDatabase } from "./db.server";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ant-db-server-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function unavailable(file: string): DatabaseUnavailableError {
  try {
    openDatabase(file);
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    return error as DatabaseUnavailableError;
  }
  throw new Error("expected openDatabase to throw");
}

describe("openDatabase", () => {
  it("a missing file is reported with how to rebuild it, and is not created", () => {
    const file = path.join(dir, "missing.db");
    const error = unavailable(file);
    expect(error.message).toContain(file);
    expect(error.message).toContain("does not exist");
    expect(error.message).toContain("npm run db:setup");
    expect(error.message).toContain("npm start");
    expect(fs.existsSync(file)).toBe(false);
  });

  it("a garbage file is reported as not a valid SQLite database", () => {
    const file = path.join(dir, "garbage.db");
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const error = unavailable(file);
    expect(error.message).toContain("not a valid SQLite database");
    expect(error.message).toContain("npm run db:setup");
  });

  it("a SQLite file without the model's tables is reported with the missing tables", () => {
    const file = path.join(dir, "empty.db");
    new Database(file).close();
    const error = unavailable(file);
    expect(error.message).toMatch(/lacks the table\(s\) .*units/);
  });

  it("opens a database built by setupDatabase", () => {
    const file = path.join(dir, "good.db");
    setupDatabase({ path: file });
    const { sqlite } = openDatabase(file);
    expect(sqlite.open).toBe(true);
    sqlite.close();
  });
});

describe("a lock held by another process", () => {
  it("reads go on, and a save is refused at once with a 503 and Retry-After (it froze the server for the busy wait)", async () => {
    const { createVariantResponse, variantsIndexResponse } = await import("../services/variant-api.server");
    const { getModelFromDb } = await import("../data/model.server");
    const file = path.join(dir, "locked.db");
    setupDatabase({ path: file });
    const { db, sqlite } = openDatabase(file);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    // A write waits at most a moment; better-sqlite3's default is 5,000 ms of blocked event loop.
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBeLessThanOrEqual(1000);
    const store = { db, model: getModelFromDb(db) };

    const other = new Database(file);
    other.exec("BEGIN EXCLUSIVE");
    try {
      const started = Date.now();
      const list = await variantsIndexResponse(new Request("http://127.0.0.1:3000/api/variants"), store);
      expect(list.status).toBe(200);
      const body = JSON.stringify({ title: "Locked out", summary: "S", date: "2021", sources: ["S36"], rules: [] });
      const res = await createVariantResponse(
        new Request("http://127.0.0.1:3000/api/variants", { method: "POST", body, headers: { "Content-Type": "application/json" } }),
        store,
      );
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("1");
      expect((await res.json()).error).toContain("locked by another process; nothing was saved");
      expect(Date.now() - started).toBeLessThan(4_000); // a hang bound only: the busy wait was 5 s
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(sqlite.prepare("select count(*) as n from variants").get()).toEqual({ n: 0 });
    sqlite.close();
  });
});
