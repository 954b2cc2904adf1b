import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REGENERATE_COMMAND, SCENARIO_SCHEMA_PATH, scenarioJsonSchema, scenarioJsonSchemaText } from "./json-schema";

const file = path.resolve(__dirname, "../..", SCENARIO_SCHEMA_PATH);

describe("scenarios/scenario.schema.json", () => {
  it("is up to date with the zod schema", () => {
    const onDisk = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (onDisk !== scenarioJsonSchemaText())
      throw new Error(`${SCENARIO_SCHEMA_PATH} is out of date with app/scenarios/schema.ts: run \`${REGENERATE_COMMAND}\` and commit it`);
  });

  it("describes every rule type, so editors can complete them", () => {
    const text = JSON.stringify(scenarioJsonSchema());
    for (const t of ["consent-required", "spin-off", "co-lending", "fund-size-cap"]) expect(text).toContain(`"${t}"`);
    expect(scenarioJsonSchema().type).toBe("object");
  });
});
