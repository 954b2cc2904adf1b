/**
 * Which units a scenario changes, read off its evaluated result rather than the ids its rules name: a consent
 * rule naming no unit still changes the credit units whose data it cuts, and that is what a reader of the model
 * page wants to follow.
 */
import type { Delta, Result } from "../engine/result";

const moved = (d: Delta | null) => d !== null && Math.abs(d.scenario - d.baseline) > 1e-9;

/** Ids of the units whose figures the scenario moves (revenue, stake, consolidation, data, book, capital). */
export function unitsChanged(result: Result): string[] {
  return result.units
    .filter(
      (u) =>
        moved(u.revenue) ||
        moved(u.antStake) ||
        u.consolidated.baseline !== u.consolidated.scenario ||
        moved(u.dataCoverage) ||
        moved(u.book) ||
        moved(u.ownFundedBook) ||
        moved(u.capitalRequired),
    )
    .map((u) => u.id);
}

/** unitId -> the scenarios (id, title) that change it, in library order. */
export function scenariosByUnit(
  evaluated: Array<{ id: string; title: string; result: Result }>,
): Record<string, Array<{ id: string; title: string }>> {
  const out: Record<string, Array<{ id: string; title: string }>> = {};
  for (const { id, title, result } of evaluated)
    for (const unitId of unitsChanged(result)) (out[unitId] ??= []).push({ id, title });
  return out;
}
