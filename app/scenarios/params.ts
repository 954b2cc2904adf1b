/**
 * A rule's numeric parameter: a value, or a range with the value used by default. Free of zod so the engine
 * and the what-if code carry no schema into the browser (docs/decisions/011-client-bundle.md); `schema.ts`
 * validates this shape.
 */
export type Param = number | { low: number; high: number; value: number };

/** The value a parameter takes unless a what-if overrides it. */
export function paramValue(p: Param): number {
  return typeof p === "number" ? p : p.value;
}

/** Whether a rule field holds a numeric parameter (a number or a low/high/value range). */
export function isParam(v: unknown): v is Param {
  return (
    typeof v === "number" ||
    (typeof v === "object" && v !== null && "value" in v && "low" in v && "high" in v && typeof v.value === "number")
  );
}
