/**
 * The library as the pages list it: one entry per scenario file (or its errors). An entry carries the `s` value
 * the compare form submits and the page it links to, so saved variants can join the list later as another kind
 * of entry without the cards or the compare form changing.
 */
import type { HeadlineKey } from "../../engine/result";
import type { HeadlineDelta, ScenarioSummary } from "../../scenarios/payload";
import type { ScenarioError } from "../../scenarios/validate";
import type { RuleFamily } from "../../scenarios/schema";
import { formatScenarioRef } from "../../scenarios/ref";

export type LibraryEntry =
  | {
      kind: "scenario";
      id: string;
      /** The value a compare checkbox submits as `s`. */
      ref: string;
      href: string;
      file: string;
      title: string;
      summary: string;
      date: string;
      hypothetical: boolean;
      families: RuleFamily[];
      ruleCount: number;
      warningCount: number;
      headline: Record<HeadlineKey, HeadlineDelta>;
      /** Set for a saved variant's latest version (made in the builder), which sits beside the files. */
      variant?: { id: string; version: number };
    }
  | { kind: "broken"; id: string; file: string; errors: ScenarioError[] };

export type ComparableEntry = Extract<LibraryEntry, { kind: "scenario" }>;

/** The page of a library scenario. */
export function scenarioHref(id: string): string {
  return `/scenarios/${encodeURIComponent(id)}`;
}

/** Summaries as entries: real scenarios by date, then hypothetical ones; broken files after, by file name. */
export function libraryEntries(summaries: readonly ScenarioSummary[]): LibraryEntry[] {
  const ok: ComparableEntry[] = [];
  const broken: LibraryEntry[] = [];
  for (const s of summaries) {
    if (!s.ok) {
      broken.push({ kind: "broken", id: s.id, file: s.file, errors: s.errors });
      continue;
    }
    ok.push({
      kind: "scenario",
      id: s.id,
      ref: formatScenarioRef({ kind: "library", id: s.id }),
      href: scenarioHref(s.id),
      file: s.file,
      title: s.title,
      summary: s.summary,
      date: s.date,
      hypothetical: s.hypothetical,
      families: s.families,
      ruleCount: s.ruleCount,
      warningCount: s.warnings.length,
      headline: s.headline,
    });
  }
  ok.sort((a, b) => Number(a.hypothetical) - Number(b.hypothetical) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  broken.sort((a, b) => a.file.localeCompare(b.file));
  return [...ok, ...broken];
}

/** The baseline headline (the same under every scenario), from any valid entry. */
export function baselineOf(entries: readonly LibraryEntry[]): Record<HeadlineKey, number> | null {
  const first = entries.find((e): e is ComparableEntry => e.kind === "scenario");
  if (!first) return null;
  return Object.fromEntries(Object.entries(first.headline).map(([k, v]) => [k, v.baseline])) as Record<HeadlineKey, number>;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A scenario's date as written for people: "2020-09-13" -> "13 Sep 2020", "2021-02" -> "Feb 2021", "2021". */
export function formatScenarioDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export const FAMILY_LABELS: Record<RuleFamily, string> = {
  privacy: "Data privacy",
  "anti-monopoly": "Anti-monopoly",
  capital: "Capital",
};

/** Saved variants (latest versions) as entries: marked as variants, linked to their history, comparable. */
export function variantEntries(
  summaries: ReadonlyArray<{ variantId: string; version: number; summary: ScenarioSummary }>,
): ComparableEntry[] {
  const out: ComparableEntry[] = [];
  for (const { variantId, version, summary: s } of summaries) {
    if (!s.ok) continue;
    out.push({
      kind: "scenario",
      // A DOM-safe id that cannot clash with a library file's id.
      id: `variant-${variantId}-v${version}`,
      ref: formatScenarioRef({ kind: "variant", id: variantId, version }),
      href: `/variants/${encodeURIComponent(variantId)}`,
      file: `saved variant ${variantId}, version ${version}`,
      title: s.title,
      summary: s.summary,
      date: s.date,
      hypothetical: s.hypothetical,
      families: s.families,
      ruleCount: s.ruleCount,
      warningCount: s.warnings.length,
      headline: s.headline,
      variant: { id: variantId, version },
    });
  }
  return out;
}

/** The scenario the library starts with: the rectification as it happened, the room's usual first question. */
export const FLAGSHIP_ID = "2021-rectification";

/**
 * A summary as its first sentence and the rest, so a card shows whole sentences and opens the rest on demand
 * (never a cut mid-sentence). A sentence ends at ". ", "! " or "? " before a capital letter or a digit.
 */
export function splitSummary(summary: string): { lead: string; rest: string } {
  const text = summary.trim();
  const m = /[.!?](?=\s+[A-Z0-9("“])/.exec(text);
  if (!m) return { lead: text, rest: "" };
  return { lead: text.slice(0, m.index + 1), rest: text.slice(m.index + 1).trim() };
}
