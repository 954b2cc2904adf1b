/**
 * The 80% ranges of /compare's services and HHI charts: per column, each service's users and each market's HHI,
 * drawn with the engine's own bands (`computeBands` on the compiled form). Every column uses the page's draws and
 * seed, and a draw's input values depend only on (seed, draw index, input key), so the columns share their draws
 * (common random numbers) as the headline bands of compare-bands.ts do; the headline those draws give equals
 * `compareBands`' (compare-figure-bands.db.test.ts). Pure.
 */
import type { Model } from "../engine/model";
import { computeBands, type Band } from "../engine/uncertainty";
import type { BandColumn } from "./compare-bands";

export interface CompareFigureBands {
  draws: number;
  seed: number;
  /** One entry per column: service id -> the band of its users (millions a year). */
  services: Array<Record<string, Band>>;
  /** One entry per column: market id -> the band of its HHI. */
  hhi: Array<Record<string, Band>>;
}

export function compareFigureBands(model: Model, columns: readonly BandColumn[], opts: { draws?: number; seed?: number } = {}): CompareFigureBands {
  const all = columns.map((c) => computeBands(model, c.scenario, { ...opts, whatIf: c.whatIf }));
  const pick = <T, F extends keyof T>(byId: Record<string, T>, field: F) =>
    Object.fromEntries(Object.entries(byId).map(([id, x]) => [id, x[field]])) as Record<string, T[F]>;
  return {
    draws: all[0]?.draws ?? 0,
    seed: all[0]?.seed ?? 0,
    services: all.map((b) => pick(b.services, "users")),
    hhi: all.map((b) => pick(b.markets, "hhi")),
  };
}
