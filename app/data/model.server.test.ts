import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupDatabase } from "../../db/setup";
import { DatabaseUnavailableError } from "./db.server";
import { clearModelCache, getModel } from "./model.server";

let dir: string;
const saved = process.env.DATABASE_PATH;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ant-model-server-"));
});
afterAll(() => {
  clearModelCache();
  if (saved === undefined) delete process.env.DATABASE_PATH;
  else process.env.DATABASE_PATH = saved;
  fs.rmSync(dir, { recursive: true, force: true });
});

// getEnv() reads the environment once per process, so one ordered sequence covers both cases.
describe("getModel", () => {
  it("fails with DatabaseUnavailableError before the database exists, then serves the cached model", () => {
    const file = path.join(dir, "model.db");
    process.env.DATABASE_PATH = file;
    clearModelCache();
    expect(() => getModel()).toThrow(DatabaseUnavailableError);
    expect(fs.existsSync(file)).toBe(false);

    setupDatabase({ path: file });
    const model = getModel();
    expect(model.units.length).toBe(11);
    expect(model.group.revenue).toBeCloseTo(145.056, 9);
    expect(getModel()).toBe(model);
  });
});
