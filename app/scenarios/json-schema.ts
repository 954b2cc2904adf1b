/**
 * The scenario format as JSON Schema, for editors (yaml-language-server) and other tools.
 * Generated from the zod schema, never written by hand; `scenarios/scenario.schema.json` is this output,
 * committed, and a test fails when it is out of date.
 */
import { z } from "zod";
import { paramRegistry, scenarioSchema } from "./schema";

/** Where the generated file lives, relative to the repository root. */
export const SCENARIO_SCHEMA_PATH = "scenarios/scenario.schema.json";
/** The command that regenerates it. */
export const REGENERATE_COMMAND = "npm run scenarios -- schema";

/** The JSON Schema object of a scenario file (the input side: defaults are optional). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: "input",
    target: "draft-7",
    unrepresentable: "any",
    // A parameter's metadata (decision 026): its label as the standard `title` (editors show it on hover), its unit
    // and format as extension keys (`format` itself is JSON Schema's keyword for strings, so not that).
    override: ({ zodSchema, jsonSchema }) => {
      const meta = paramRegistry.get(zodSchema as unknown as z.ZodType);
      if (!meta) return;
      Object.assign(jsonSchema, { title: meta.label, "x-unit": meta.unit, "x-format": meta.format });
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: "Regulatory scenario",
    description: `A scenario applied to the model of Ant Group (mid-2020). Generated from app/scenarios/schema.ts by \`${REGENERATE_COMMAND}\`; do not edit.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

/** The file's exact text: pretty JSON with a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
