/**
 * `draws` and `seed` of an uncertainty request, as the API's query, the scenario page's query and the CLI's flags
 * give them: checked before any work (a bad value is a clear message, never a silent default). Zod-free.
 */
import { DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS, MIN_DRAWS } from "../engine/uncertainty";

export interface DrawsSeed {
  draws: number;
  seed: number;
}

export const MAX_SEED = 4294967295;

const integer = (raw: string) => (/^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN);

/**
 * null when neither is given (no bands asked for); the other takes its default when only one is given.
 * An error names the parameter, the allowed range and what was given.
 */
export function parseDrawsSeed(
  draws: string | null | undefined,
  seed: string | null | undefined,
): { ok: true; value: DrawsSeed | null } | { ok: false; error: string } {
  if ((draws === null || draws === undefined) && (seed === null || seed === undefined)) return { ok: true, value: null };
  const d = draws === null || draws === undefined ? DEFAULT_DRAWS : integer(draws);
  if (!Number.isSafeInteger(d) || d < MIN_DRAWS || d > MAX_DRAWS)
    return { ok: false, error: `draws must be a whole number from ${MIN_DRAWS} to ${MAX_DRAWS}, got '${String(draws).slice(0, 40)}'` };
  const s = seed === null || seed === undefined ? DEFAULT_SEED : integer(seed);
  if (!Number.isSafeInteger(s) || s < 0 || s > MAX_SEED)
    return { ok: false, error: `seed must be a whole number from 0 to ${MAX_SEED}, got '${String(seed).slice(0, 40)}'` };
  return { ok: true, value: { draws: d, seed: s } };
}
