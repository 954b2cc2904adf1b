/** The engine's public surface: pure functions of (model, scenario), safe on server and in the browser. */
export { evaluate, evaluateHeadline, type EvaluateOptions } from "./evaluate";
export { attribute, startAttribution, type AttributionRun } from "./attribution";
export {
  hhi,
  redistributeShares,
  concentration,
  HHI_BANDS,
  type HhiBands,
  PBOC_THRESHOLDS,
  pbocAssessment,
  type PbocStatus,
  BANDS_CHOICES,
  type BandsChoice,
  bandsLabel,
  hhiBandsOf,
  marketStanding,
} from "./markets";
export { ENGINE_ASSUMPTIONS, resolveAssumptions } from "./assumptions";
export type * from "./result";
export { HEADLINE_KEYS } from "./result";
export type { Model } from "./model";
