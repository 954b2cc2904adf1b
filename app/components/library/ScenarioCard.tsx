/** One scenario of the library: what it is, what it touches, and its headline changes against the baseline. */
import { formatScenarioRef } from "~/scenarios/ref";

import { DeltaText } from "./DeltaText";
import { FAMILY_LABELS, formatScenarioDate, splitSummary, type ComparableEntry, type LibraryEntry } from "./entries";
import { HeadlineChart } from "../common/HeadlineChart";
import { CARD_METRICS, METRICS } from "./headline";

export function FamilyTags({ families }: { families: ComparableEntry["families"] }) {
  return (
    <ul className="tags" aria-label="Rule families">
      {families.map((f) => (
        <li key={f} className={`tag tag-${f}`} data-family={f}>
          {FAMILY_LABELS[f]}
        </li>
      ))}
    </ul>
  );
}

/** A card's summary: its first sentence, and the rest behind a "more" that opens in place. */
function CardSummary({ summary, title }: { summary: string; title: string }) {
  const { lead, rest } = splitSummary(summary);
  return (
    <div className="card-summary">
      <p>{lead}</p>
      {rest ? (
        <details className="card-more">
          <summary>
            The full summary<span className="visually-hidden"> of {title}</span>
          </summary>
          <p>{rest}</p>
        </details>
      ) : null}
    </div>
  );
}

/** `featured`: the library's first card (the flagship), with a small chart and the ways into it. */
export function ScenarioCard({ entry, checked, featured = false }: { entry: ComparableEntry; checked?: boolean; featured?: boolean }) {
  const headingId = `card-${entry.id}-title`;
  return (
    <article
      className={`scenario-card${featured ? " featured-card" : ""}`}
      aria-labelledby={headingId}
      data-scenario={entry.variant ? undefined : entry.id}
      data-variant={entry.variant ? entry.ref : undefined}
    >
      <header className="card-head">
        <h3 id={headingId}>
          <a href={entry.href}>{entry.title}</a>
        </h3>
        <p className="card-meta">
          <time dateTime={entry.date}>{formatScenarioDate(entry.date)}</time>
          <span aria-hidden="true"> · </span>
          {entry.ruleCount} {entry.ruleCount === 1 ? "rule" : "rules"}
          {entry.variant ? (
            <>
              {" "}
              <span className="badge badge-variant">Saved variant, v{entry.variant.version}</span>
            </>
          ) : null}
          {entry.hypothetical ? (
            <>
              {" "}
              <span className="badge badge-hypothetical">Hypothetical</span>
            </>
          ) : null}
          {entry.warningCount > 0 ? (
            <>
              {" "}
              <span className="badge badge-warning">
                {entry.warningCount} {entry.warningCount === 1 ? "warning" : "warnings"}
              </span>
            </>
          ) : null}
        </p>
        <FamilyTags families={entry.families} />
      </header>
      <CardSummary summary={entry.summary} title={entry.title} />
      {featured ? (
        <p className="featured-links">
          <a href={entry.href} className="button-primary">
            Charts, tables and what-if
          </a>{" "}
          <a href={`/present/${encodeURIComponent(entry.id)}`}>Present as slides</a>{" "}
          <a href={`${entry.href}?view=room`} data-view-toggle="room">
            Open in the room view
          </a>
        </p>
      ) : null}
      <div className={featured ? "featured-figures" : undefined}>
      {featured ? <HeadlineChart headline={entry.headline} chartId="flagship" /> : null}
      <table className="card-figures" id={`card-${entry.id}-figures`}>
        <caption className="visually-hidden">Headline figures under {entry.title}, against the baseline</caption>
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col" className="numeric">
              Scenario
            </th>
            <th scope="col" className="numeric">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {CARD_METRICS.map((key) => {
            const m = METRICS[key];
            const h = entry.headline[key];
            return (
              <tr key={key} data-row-id={key}>
                <th scope="row">
                  {m.label}
                  <span className="unit">
                    {m.unit}, {m.short}
                  </span>
                </th>
                <td className="numeric" data-field="scenario">
                  <span className="num">{m.format(h.scenario)}</span>
                </td>
                <td className="numeric" data-field="delta">
                  <DeltaText delta={h.delta} baseline={h.baseline} format={m.format} metric={m.key} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      <div className="card-foot">
        <label className="compare-check">
          <input type="checkbox" name="s" value={entry.ref} defaultChecked={checked} />
          <span>
            Compare<span className="visually-hidden"> {entry.title}</span>
          </span>
        </label>
        <a
          className="card-fork"
          href={`/builder?fork=${encodeURIComponent(entry.variant ? formatScenarioRef({ kind: "variant", ...entry.variant }) : entry.id)}`}
        >
          Fork<span className="visually-hidden"> {entry.title}</span> in the builder
        </a>
        {entry.variant ? (
          <a className="card-in-depth" href={`/scenarios/${encodeURIComponent(entry.variant.id)}?v=${entry.variant.version}`}>
            Charts and what-if<span className="visually-hidden"> for {entry.title}</span>
          </a>
        ) : null}
      </div>
    </article>
  );
}

/** A scenario file that did not load: every error with its place in the file, so an analyst can fix it. */
export function BrokenCard({ entry }: { entry: Extract<LibraryEntry, { kind: "broken" }> }) {
  // By file, not id: dup-id.yaml and dup-id.yml share an id.
  const headingId = `broken-${entry.file.replace(/[^A-Za-z0-9_-]/g, "-")}-title`;
  return (
    <article className="scenario-card broken-card" aria-labelledby={headingId} data-broken={entry.file}>
      <header className="card-head">
        <p className="badge badge-error">Error: this file did not load</p>
        <h3 id={headingId}>
          <code>{entry.file}</code>
        </h3>
        <p className="card-meta">
          {entry.errors.length} {entry.errors.length === 1 ? "error" : "errors"}. The other scenarios are not affected.
          Check the file with <code>npm run scenarios -- check</code>.
        </p>
      </header>
      <FileErrorList errors={entry.errors} />
    </article>
  );
}

/** A scenario file's errors, each with its place (`file:line:col`, the field) and its reason. */
export function FileErrorList({ errors }: { errors: ReadonlyArray<{ file: string; line: number; col: number; path: string; message: string }> }) {
  return (
    <ul className="error-list">
      {errors.map((e, i) => (
        <li key={i} data-error-path={e.path}>
          <span className="error-where">
            <code>
              {e.file}:{e.line}:{e.col}
            </code>
            {e.path ? (
              <>
                {" "}
                field <code>{e.path}</code>
              </>
            ) : (
              " (the file as a whole)"
            )}
          </span>
          <span className="error-why">{e.message}</span>
        </li>
      ))}
    </ul>
  );
}
