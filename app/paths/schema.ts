/**
 * The path format: dated steps, each naming library scenarios and/or holding inline rules, applied one after
 * another to the mid-2020 baseline (`scenarios/paths/<id>.yaml`). The one definition of the file; the JSON Schema
 * (`scenarios/paths/path.schema.json`) is generated from it. How steps combine: `resolve.ts` and decision 018.
 */
import { z } from "zod";
import { slug } from "../engine/model";
import { ruleSchema } from "../scenarios/schema";

/** How a step resolves two rules of one type on the same unit, service or market coming from different sources. */
export const CONFLICT_POLICIES = ["error", "later-wins", "combine"] as const;

export const pathStepSchema = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, "expected a date like 2021-04-12 or 2021-04")
      .describe("When the step's rules took effect (steps in date order)"),
    label: z.string().min(1).max(200).optional().describe("A short name for the event; defaults to its scenarios' titles"),
    note: z.string().max(2000).optional().describe("Why the step is there, where it comes from"),
    scenarios: z.array(slug).min(1).optional().describe("Library scenarios (ids, as in scenarios/) whose rules this step applies"),
    rules: z.array(ruleSchema).min(1).max(12).optional().describe("Rules written in the path itself, as in a scenario file"),
    assumptions: z
      .record(slug, z.number())
      .optional()
      .describe("Overrides of engine assumptions from this step on (after the scenarios' own overrides)"),
    conflicts: z
      .enum(CONFLICT_POLICIES)
      .default("error")
      .describe(
        "Two rules of one type on the same unit, service or market from different sources of this step: " +
          "error (default), later-wins (the one listed later replaces the other where they overlap) or combine (both apply, as within one scenario)",
      ),
  })
  .strict();

export const pathSchema = z
  .object({
    $schema: z.string().optional().describe("Path to path.schema.json, for editors"),
    title: z.string().min(1).max(200),
    summary: z.string().min(1).max(4000),
    sources: z
      .array(z.string().regex(/^(S\d+|https?:\/\/\S+)$/, "expected a fact-sheet key like S30 or a URL"))
      .optional()
      .describe("Fact-register keys or URLs for the path as a whole"),
    steps: z.array(pathStepSchema).min(1).max(24).describe("The steps, in date order; each applies on the previous one's result"),
  })
  .strict();

export type PathInput = z.input<typeof pathSchema>;
export type PathDefinition = z.output<typeof pathSchema>;
export type PathStep = z.output<typeof pathStepSchema>;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];
/** A path ready to resolve: its definition plus its id (the file name). */
export type Path = PathDefinition & { id: string };
