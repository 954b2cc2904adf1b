/**
 * Shown when a save was refused because someone saved the variant since this draft was loaded: both versions
 * side by side (as the YAML files they would download as) and what the draft changes against the latest one.
 * Nothing was overwritten; the person chooses to save on top of the latest version, or to start again from it.
 */
import { Link } from "@remix-run/react";
import type { StalePayload } from "./draft";

export type { StalePayload };

export function StalePanel({ stale }: { stale: StalePayload }) {
  return (
    <section className="stale-panel" role="alert" aria-labelledby="stale-heading" data-testid="stale-panel">
      <h2 id="stale-heading">Not saved: version {stale.latestVersion} was saved while you edited version {stale.baseVersion}</h2>
      <p>
        Someone{stale.latestAuthor ? ` (${stale.latestAuthor})` : ""} saved version {stale.latestVersion}
        {stale.latestCreatedAt ? ` at ${formatWhen(stale.latestCreatedAt)}` : ""}
        {stale.latestNote ? `, noting “${stale.latestNote}”` : ""}. Nothing was overwritten: your draft is still in the form below.
      </p>
      <h3>What your draft changes against version {stale.latestVersion}</h3>
      <ul className="change-list" data-testid="stale-changes">
        {stale.changes.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
      <div className="side-by-side">
        <figure>
          <figcaption>Version {stale.latestVersion} (saved, the latest)</figcaption>
          <pre data-testid="stale-latest">{stale.latestYaml}</pre>
        </figure>
        <figure>
          <figcaption>Your draft (based on version {stale.baseVersion}, not saved)</figcaption>
          <pre data-testid="stale-submitted">{stale.submittedYaml}</pre>
        </figure>
      </div>
      <div className="stale-actions">
        <button type="submit" form="builder-form" name="intent" value={`save-over:${stale.latestVersion}`} className="button primary">
          Save my draft as version {stale.latestVersion + 1} (on top of version {stale.latestVersion})
        </button>
        <Link to={`/variants/${stale.id}/edit`} reloadDocument className="button-link">
          Discard my draft and edit version {stale.latestVersion}
        </Link>
      </div>
    </section>
  );
}

/** `2026-11-25 10:32 UTC`: the same on server and browser. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
