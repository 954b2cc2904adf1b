/** A scenario's title, date, summary and sources, and, once, what the page is and is not. */
import type { Source } from "~/engine/model";
import { formatScenarioRef } from "~/scenarios/ref";
import type { Scenario } from "~/scenarios/schema";
import { sourceUrl } from "~/scenarios/source-url";

export function ScenarioHeader({
  scenario,
  model,
  file,
  variant = null,
  warnings,
  forkHref,
}: {
  /** The builder with this scenario and the what-if values on screen (so a fork keeps them). */
  forkHref?: string;
  scenario: Scenario;
  model: { sources: Array<Pick<Source, "key" | "citation">> };
  /** The library file, or null for a saved variant. */
  file: string | null;
  /** A saved variant: its id and the version shown, of how many. */
  variant?: { id: string; version: number; latestVersion: number } | null;
  warnings: string[];
}) {
  const citations = new Map(model.sources.map((s) => [s.key, s.citation]));
  return (
    <header className="page-header scenario-header">
      <p className="scenario-kicker">
        {variant ? (
          <>
            Saved variant, version {variant.version} of {variant.latestVersion}{" "}
            <span className="badge badge-variant">Variant</span>{" "}
          </>
        ) : (
          "Scenario "
        )}
        <span className="scenario-date">· {scenario.date}</span>
        {scenario.hypothetical ? (
          <span className="badge badge-hypothetical" title="No regulator proposed this: a thought experiment">
            Hypothetical
          </span>
        ) : null}
      </p>
      <h1>{scenario.title}</h1>
      <p className="lede">{scenario.summary}</p>
      <p className="disclaimer">
        <strong>A what-if tool, not a forecast:</strong> the numbers show what the model gives under these rules
        and the stated assumptions, against Ant Group as it stood in mid-2020.
      </p>
      <p className="scenario-sources">
        <span className="sources-label">Sources:</span>{" "}
        {scenario.sources.map((s, i) => (
          <span key={s}>
            {i > 0 ? ", " : null}
            {sourceUrl(s) ? (
              <a href={s} rel="noreferrer noopener">
                {sourceUrl(s)!.hostname}
              </a>
            ) : /^https?:/i.test(s) ? (
              // Stored before URLs were checked with this parser: shown as text, never a broken page.
              <span>{s}</span>
            ) : (
              <a href={`/model#src-${s}`} title={citations.get(s) ?? `Source ${s}`}>
                {s}
              </a>
            )}
          </span>
        ))}
        {variant ? (
          <span className="scenario-file">
            {" "}
            · <a href={`/variants/${encodeURIComponent(variant.id)}`}>variant history, diff and edits</a>
          </span>
        ) : (
          <span className="scenario-file"> · file <code>{file}</code></span>
        )}
        <span className="scenario-fork">
          {" "}
          · <a href={forkHref ?? `/builder?fork=${encodeURIComponent(formatScenarioRef(variant ? { kind: "variant", id: variant.id, version: variant.version } : { kind: "library", id: scenario.id }))}`}>Fork in the builder</a> (make
          and save a variant, with the what-if values)
        </span>
      </p>
      {warnings.length > 0 ? (
        <ul className="file-warnings" aria-label="Warnings about the file">
          {warnings.map((w) => (
            <li key={w}>
              <code>{w}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </header>
  );
}
