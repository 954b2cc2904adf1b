/**
 * Engine assumptions: the coefficients formulas read by name (OpenFisca style), never literals in the formulas.
 * Values come from the model's assumptions table, then the scenario's overrides, then a what-if's overrides.
 */
import type { Model } from "./model";

/** Every engine assumption a formula reads. The seed must define each (a test checks). */
export const ENGINE_ASSUMPTIONS = [
  "credit-coverage-elasticity",
  "personalisation-coverage-elasticity",
  "payments-coverage-elasticity",
  "contribution-margin",
  "cost-of-equity",
  "own-book-yield",
  "own-book-funding-cost",
  "loss-given-default",
  "credit-loss-stress",
  "min-capital-ratio",
  "default-risk-weight",
  "linked-out-retention",
  "entry-point-recapture",
  "reduced-threshold",
  "shrink-user-pass-through",
  "bureau-queries-per-borrower",
  "history-months-typical",
  "platform-fee-rate",
  "bank-facilitation-appetite",
  "valuation-multiple",
] as const;
export type EngineAssumption = (typeof ENGINE_ASSUMPTIONS)[number];

export type AssumptionValues = Record<string, number>;

/**
 * Resolve assumption values: model defaults, overridden by the scenario, then by the caller (what-if).
 * Ids that are not in the model are ignored here; the scenario checker reports them to the user.
 */
export function resolveAssumptions(
  model: Model,
  ...overrides: Array<Record<string, number> | undefined>
): AssumptionValues {
  // Built in one go, so V8 keeps it a fast object: key by key it became a dictionary, and every `read` a hash lookup.
  const values: AssumptionValues = Object.fromEntries(model.assumptions.map((a) => [a.id, a.value]));
  for (const o of overrides) {
    if (!o) continue;
    for (const [id, v] of Object.entries(o)) {
      if (id in values && Number.isFinite(v)) values[id] = v;
    }
  }
  return values;
}

const defaults = new WeakMap<Model, AssumptionValues>();

/**
 * The same values as `resolveAssumptions`, shared and read-only where nothing overrides the model's: the engine's
 * own evaluations only read them, and resolving 60-odd values per evaluation cost more than the stages' arithmetic.
 */
export function assumptionValues(
  model: Model,
  ...overrides: Array<Record<string, number> | undefined>
): Readonly<AssumptionValues> {
  for (const o of overrides) if (o) for (const _ in o) return resolveAssumptions(model, ...overrides);
  let values = defaults.get(model);
  if (!values) defaults.set(model, (values = resolveAssumptions(model)));
  return values;
}

/** Read an engine assumption; a model without it is a seed bug, so fail loudly rather than guess. */
export function read(values: Readonly<AssumptionValues>, id: EngineAssumption): number {
  return readById(values, id);
}

/** Read an assumption the model names itself (e.g. a unit's coverage elasticity). */
export function readById(values: Readonly<AssumptionValues>, id: string): number {
  const v = values[id];
  if (v === undefined) throw new Error(`The model has no assumption '${id}' (the engine needs it)`);
  return v;
}
