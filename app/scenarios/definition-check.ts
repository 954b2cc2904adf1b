/**
 * A scenario given as data (parsed JSON, or a builder draft) checked as a file is checked: the zod schema with
 * the file messages, duplicate rule ids, then ids against the model. Pure, so the builder runs the very same
 * check in the browser for its live preview that the server runs on save (decision 009).
 */
import type { Model } from "../engine/model";
import { capErrors, dataShapeProblem, moreErrorsMessage } from "./bounds";
import { duplicateRuleIds } from "./ids";
import { formatPath, messagesFor } from "./messages";
import { checkReferences } from "./references";
import { scenarioSchema, type ScenarioDefinition } from "./schema";

/** One problem with submitted input. `path` is within the scenario (`rules[0].consentRate`), or a wrapper field. */
export interface FieldError {
  path: string;
  message: string;
  /** 1-based position in a YAML body, when the input was YAML. */
  line?: number;
  col?: number;
}

/** Warnings (e.g. a source key the fact register lacks) come with errors too, so a form can show both at once. */
export type DefinitionCheck =
  | { ok: true; definition: ScenarioDefinition; warnings: FieldError[] }
  | { ok: false; errors: FieldError[]; warnings: FieldError[] };

/** Validates a scenario given as data. `$schema` (editor metadata) is dropped. */
export function validateDefinition(input: unknown, model: Model): DefinitionCheck {
  let data = input;
  if (data !== null && typeof data === "object" && !Array.isArray(data) && "$schema" in data) {
    const { $schema: _ignored, ...rest } = data as Record<string, unknown>;
    data = rest;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return { ok: false, errors: [{ path: "", message: "expected a scenario: a mapping with title, summary, date, sources and rules" }], warnings: [] };
  // Bounded before the schema runs: a body of thousands of unknown keys must not become thousands of messages.
  const shape = dataShapeProblem(data);
  if (shape) return { ok: false, errors: [{ path: formatPath(shape.path), message: shape.message }], warnings: [] };
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const errors = messagesFor(scenarioSchema, data, parsed.error.issues).map((m) => ({ path: formatPath(m.path), message: m.message }));
    return { ok: false, errors: capErrors(errors, (n) => ({ path: "", message: moreErrorsMessage(n) })), warnings: [] };
  }
  const definition = parsed.data;
  const dups = duplicateRuleIds(definition);
  if (dups.length > 0)
    return {
      ok: false,
      errors: dups.map((d) => ({
        path: formatPath(["rules", d.index, "id"]),
        message: `duplicate rule id '${d.id}': rules[${d.firstIndex}] already has it (rule ids must be unique within a scenario)`,
      })),
      warnings: [],
    };
  const issues = checkReferences(definition, model);
  const toField = (i: (typeof issues)[number]) => ({ path: formatPath(i.path), message: i.message });
  const errors = issues.filter((i) => i.severity === "error").map(toField);
  const warnings = issues.filter((i) => i.severity === "warning").map(toField);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, definition, warnings };
}
