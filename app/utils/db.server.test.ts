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
