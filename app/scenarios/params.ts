/**
 * A rule's numeric parameter: a value, or a range with the value used by default. Defined by the engine (free of
 * zod, docs/decisions/011-client-bundle.md); `schema.ts` validates this shape.
 */
export { isParam, paramValue, type Param } from "../engine/rules";
