/**
 * The path format as JSON Schema, for editors: generated from the zod schema like the scenario format's
 * (app/scenarios/json-schema.ts), committed as `scenarios/paths/path.schema.json`; a test fails when it is stale.
 */
import { z } from "zod";
import { REGENERATE_COMMAND } from "../scenarios/json-schema";
import { pathSchema } from "./schema";

export const PATH_SCHEMA_PATH = "scenarios/paths/path.schema.json";

export function pathJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(pathSchema, { io: "input", target: "draft-7", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: "Scenario path",
    description: `Dated steps applied one after another to the model of Ant Group (mid-2020). Generated from app/paths/schema.ts by \`${REGENERATE_COMMAND}\`; do not edit.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

export function pathJsonSchemaText(): string {
  return `${JSON.stringify(pathJsonSchema(), null, 2)}\n`;
}
