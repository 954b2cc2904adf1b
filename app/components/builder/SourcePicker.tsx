/**
 * The scenario's sources picked from the model's fact register: a searchable list of checkboxes (key and
 * citation), plus a text box for anything else (URLs, one a line). Both post as `sources`, which decodeForm
 * merges. Without JavaScript the whole list shows and the search box is disabled; with it, typing filters the
 * list (ticked sources always stay in view).
 */
import { useState } from "react";

import type { Source } from "~/engine/model";

import type { DraftError } from "./draft";
import { FieldMessages, fieldId, TextField } from "./Fields";

/** Whether a source matches a search: every word of the query in its key or citation, any case. */
export function sourceMatches(source: Pick<Source, "key" | "citation">, query: string): boolean {
  const hay = `${source.key} ${source.citation}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

export function SourcePicker({ sources, chosen, errors, hydrated, help }: { sources: Source[]; chosen: string[]; errors: DraftError[]; hydrated: boolean; help: string }) {
  const [query, setQuery] = useState("");
  const known = new Set(sources.map((s) => s.key));
  const picked = new Set(chosen.filter((k) => known.has(k)));
  const other = chosen.filter((k) => !known.has(k));
  const shown = sources.filter((s) => picked.has(s.key) || sourceMatches(s, query));
  const listId = "source-list";
  return (
    <fieldset className={`field source-picker${errors.length > 0 ? " has-error" : ""}`} data-field-path="sources" aria-describedby={`${fieldId("sources")}-picker-help`}>
      <legend>Sources</legend>
      <p id={`${fieldId("sources")}-picker-help`} className="help">
        {help}: tick the model's sources, or give URLs below; at least one.
      </p>
      <label className="source-search">
        Search the {sources.length} sources{hydrated ? "" : " (needs JavaScript; the whole list is below)"}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} disabled={!hydrated} aria-controls={listId} data-testid="source-search" />
      </label>
      <p className="visually-hidden" aria-live="polite">
        {query ? `${shown.length} sources shown` : ""}
      </p>
      <ul id={listId} className="source-list" tabIndex={0} aria-label="The model's sources">
        {sources.map((s) => (
          <li key={s.key} hidden={!shown.includes(s)}>
            <label>
              <input type="checkbox" name="sources" value={s.key} defaultChecked={picked.has(s.key)} /> <strong>{s.key}</strong> {s.citation}
            </label>
          </li>
        ))}
        {query && !shown.some((s) => !picked.has(s.key)) ? <li className="empty">No {picked.size > 0 ? "other " : ""}source matches '{query}'.</li> : null}
      </ul>
      <TextField name="sources" label="Other sources: URLs, one a line" value={other.join("\n")} errors={[]} multiline rows={2} />
      <FieldMessages id={fieldId("sources")} errors={errors} path="sources" />
    </fieldset>
  );
}
