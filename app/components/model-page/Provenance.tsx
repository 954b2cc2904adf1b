/**
 * Provenance markers: a figure followed by small links to the sources (S-keys) and assumptions (A-numbers)
 * it rests on, which jump to `#src-S4` / `#asm-<id>` in the sources and assumptions sections of the page.
 */
import { createContext, useContext, useMemo, type ReactNode } from "react";

import type { Model, Provenance } from "~/engine/model";

import { assumptionNumbers, provenanceLookup, type ProvenanceLookup } from "../common/model-views";

type Ctx = {
  lookup: ProvenanceLookup;
  numbers: Map<string, number>;
  assumptionLabels: Map<string, string>;
  citations: Map<string, string>;
};

const ProvenanceContext = createContext<Ctx | null>(null);

export function ProvenanceProvider({ model, children }: { model: Model; children: ReactNode }) {
  const value = useMemo<Ctx>(
    () => ({
      lookup: provenanceLookup(model),
      numbers: assumptionNumbers(model),
      assumptionLabels: new Map(model.assumptions.map((a) => [a.id, a.label])),
      citations: new Map(model.sources.map((s) => [s.key, s.citation])),
    }),
    [model],
  );
  return <ProvenanceContext.Provider value={value}>{children}</ProvenanceContext.Provider>;
}

function useProvenanceContext(): Ctx {
  const ctx = useContext(ProvenanceContext);
  if (!ctx) throw new Error("ProvenanceProvider missing");
  return ctx;
}

/** `#src-S4` */
export function sourceAnchor(key: string): string {
  return `src-${key}`;
}
/** `#asm-credit-coverage-elasticity` */
export function assumptionAnchor(id: string): string {
  return `asm-${id}`;
}

/** Links to the given sources and assumption, as compact superscript markers. */
export function ProvenanceMarks({
  sourceKeys,
  assumptionId,
  note,
}: {
  sourceKeys: string[];
  assumptionId: string | null;
  note?: string;
}) {
  const { numbers, assumptionLabels, citations } = useProvenanceContext();
  if (sourceKeys.length === 0 && !assumptionId) return null;
  const notePart = note ? ` (${note})` : "";
  return (
    <sup className="prov">
      {sourceKeys.map((key) => (
        <a key={key} href={`#${sourceAnchor(key)}`} title={`Source ${key}: ${citations.get(key) ?? "unknown"}${notePart}`}>
          {key}
        </a>
      ))}
      {assumptionId ? (
        <a
          className="prov-asm"
          href={`#${assumptionAnchor(assumptionId)}`}
          title={`Assumption A${numbers.get(assumptionId) ?? "?"}: ${assumptionLabels.get(assumptionId) ?? assumptionId}${notePart}`}
        >
          A{numbers.get(assumptionId) ?? "?"}
        </a>
      ) : null}
    </sup>
  );
}

/**
 * A figure with its provenance: the formatted number, then markers linking to its sources and assumption.
 * `table`/`rowId`/`field` name the figure as the model's provenance rows do (e.g. "units", "huabei", "revenue").
 */
export function Fig({
  text,
  table,
  rowId,
  field,
  fallback,
}: {
  text: string;
  table: string;
  rowId: string;
  field: string;
  /** Provenance to show when the model has no row for this figure (e.g. a parameter's own source keys). */
  fallback?: Pick<Provenance, "sourceKeys" | "assumptionId">;
}) {
  const { lookup } = useProvenanceContext();
  const p = lookup(table, rowId, field) ?? (fallback ? { ...fallback, note: "" } : undefined);
  return (
    <>
      <span className="num">{text}</span>
      {p ? <ProvenanceMarks sourceKeys={p.sourceKeys} assumptionId={p.assumptionId} note={p.note} /> : null}
    </>
  );
}
