/**
 * Provenance declared next to each figure. A seed row is written with `Figure`s in place of numbers:
 * `fact(711, ["S8"])`, `assumed("yuebao-aum")`, `derived(x, { sources: ["S7"], assumption: "huabei-balance-share" }, "how")`.
 * `splitFigures` turns such a row into a plain database row plus one provenance row per figure, so a figure
 * cannot be seeded without saying where it comes from.
 */
import { assumptionValue } from "./assumptions";

export type Figure = {
  readonly kind: "figure";
  value: number;
  sourceKeys: string[];
  assumptionId: string | null;
  note: string;
};

export type ProvenanceRow = {
  tableName: string;
  rowId: string;
  field: string;
  sourceKeys: string[];
  assumptionId: string | null;
  note: string;
};

/** Rounds away floating-point noise (1e-12 is far below any figure's precision). */
export function clean(value: number): number {
  return Math.round(value * 1e12) / 1e12;
}

/** A figure read in the fact sheet, cited by its S-keys. */
export function fact(value: number, sourceKeys: string[], note = ""): Figure {
  return { kind: "figure", value: clean(value), sourceKeys, assumptionId: null, note };
}

/** A figure that is an assumption's value as it stands (the value is taken from the assumption, never retyped). */
export function assumed(assumptionId: string, note = "", sourceKeys: string[] = []): Figure {
  return { kind: "figure", value: assumptionValue(assumptionId), sourceKeys, assumptionId, note };
}

/**
 * A judgement figure set row by row within the range of a shared assumption (e.g. one data flow's dependence
 * within "data-flow-dependence"). The note must say why this row has this value.
 */
export function judged(value: number, assumptionId: string, note: string, sourceKeys: string[] = []): Figure {
  return { kind: "figure", value: clean(value), sourceKeys, assumptionId, note };
}

/** A figure computed from facts and/or an assumption; the note says how. */
export function derived(
  value: number,
  from: { sources?: string[]; assumption?: string },
  note: string,
): Figure {
  return {
    kind: "figure",
    value: clean(value),
    sourceKeys: from.sources ?? [],
    assumptionId: from.assumption ?? null,
    note,
  };
}

/** Replaces each Figure of a seed row by its value: T with Figure fields -> T with number fields. */
export type Plain<T> = { [K in keyof T]: T[K] extends Figure ? number : T[K] };

/** Splits a seed row into a plain row and provenance rows (table = the Model's collection name, e.g. "units"). */
export function splitFigures<T extends Record<string, unknown>>(
  tableName: string,
  rowId: string,
  seedRow: T,
): { row: Plain<T>; provenance: ProvenanceRow[] } {
  const row: Record<string, unknown> = {};
  const provenance: ProvenanceRow[] = [];
  for (const [field, value] of Object.entries(seedRow)) {
    if (isFigure(value)) {
      row[field] = value.value;
      provenance.push({
        tableName,
        rowId,
        field,
        sourceKeys: value.sourceKeys,
        assumptionId: value.assumptionId,
        note: value.note,
      });
    } else if (typeof value === "number") {
      throw new Error(`seed: ${tableName}/${rowId}.${field} = ${value} has no provenance; wrap it in fact/assumed/derived`);
    } else {
      row[field] = value;
    }
  }
  return { row: row as Plain<T>, provenance };
}

function isFigure(value: unknown): value is Figure {
  return typeof value === "object" && value !== null && (value as Figure).kind === "figure";
}
