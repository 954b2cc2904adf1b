/**
 * `/`: the scenario library. Each scenario as a card with its headline changes against the baseline; a broken
 * file as an error card with its errors (the others still work); tick 2 to 4 and compare them (a GET form, so
 * it works without JavaScript).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { CompareForm } from "~/components/library/CompareForm";
import { FLAGSHIP_ID } from "~/components/library/entries";
import { CARD_METRICS, METRICS } from "~/components/library/headline";
import { BrokenCard, ScenarioCard } from "~/components/library/ScenarioCard";
import { VariantPager, VariantSearch } from "~/components/library/VariantPager";
import { loadLibrary } from "~/services/library.server";
import libraryStyles from "~/styles/library.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: libraryStyles }];

export const meta: MetaFunction = () => [
  { title: "Scenario library · Ant Group regulatory scenarios" },
  {
    name: "description",
    content: "Regulatory scenarios (data privacy, anti-monopoly, capital) applied to a model of Ant Group in mid-2020, with their headline effects.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadLibrary(new URL(request.url));
}

export default function LibraryPage() {
  const { entries, variants, baseline } = useLoaderData<typeof loader>();
  const all = entries.filter((e) => e.kind === "scenario");
  // The flagship first, on its own with its chart; the others after the baseline's figures, in library order.
  const flagship = all.find((e) => e.id === FLAGSHIP_ID);
  const scenarios = all.filter((e) => e !== flagship);
  const broken = entries.filter((e) => e.kind === "broken");
  return (
    <main id="main" className="page library-page">
      <header className="page-header library-intro">
        <h1>Regulatory scenarios for Ant Group</h1>
        <p className="lede">
          Each scenario applies a set of rules (data privacy, anti-monopoly splits, capital requirements) to a{" "}
          <Link to="/model">model of Ant Group as it stood in mid-2020</Link>, and shows what changes against that
          baseline. This is a what-if tool, not a forecast: every figure follows from the model&apos;s sourced facts
          and labelled assumptions, which you can inspect and move.
        </p>
        <ol className="how-to">
          <li>Open a scenario to see its rules, charts and tables, and change its parameters live.</li>
          <li>
            Tick two to four scenarios and choose <strong>Compare selected</strong> to see them side by side on the
            same scales.
          </li>
          <li>
            The <Link to="/model">baseline model</Link> lists every unit, service, market, source and assumption.
          </li>
        </ol>
        {broken.length > 0 ? (
          <p className="library-alert" role="note">
            <strong>
              {broken.length} scenario {broken.length === 1 ? "file has" : "files have"} errors
            </strong>{" "}
            and {broken.length === 1 ? "is" : "are"} shown at the end of the list with{" "}
            {broken.length === 1 ? "its" : "their"} errors: <a href="#broken-files">go to the errors</a>. The other
            scenarios work as usual.
          </p>
        ) : null}
      </header>

      {/* The variant search is its own GET form; its fields sit inside the compare form (form="variant-search"). */}
      <form id="variant-search" method="get" action="/" role="search" aria-label="Search saved variants" />
      <CompareForm>
        {flagship ? (
          <section aria-labelledby="start-heading" className="start-here room-step">
            <h2 id="start-heading" className="library-heading">
              Start here: the rectification as it happened
            </h2>
            <div className="card-grid">
              <ScenarioCard entry={flagship} featured />
            </div>
          </section>
        ) : null}
        {baseline ? (
          <section className="baseline-strip room-step" aria-labelledby="baseline-heading">
            <h2 id="baseline-heading">Baseline, mid-2020: the figures every card shows</h2>
            <dl>
              {CARD_METRICS.map((k) => (
                <div key={k} data-baseline={k} id={`metric-${k}`}>
                  <dt>{METRICS[k].label}</dt>
                  <dd>
                    <span className="num">{METRICS[k].format(baseline[k])}</span> {METRICS[k].unit}
                  </dd>
                  <dd className="metric-explain">{METRICS[k].explain}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
        <section aria-labelledby="scenarios-heading" className="room-step">
          <h2 id="scenarios-heading" className="library-heading">
            {flagship ? `${scenarios.length} more` : scenarios.length} {scenarios.length === 1 ? "scenario" : "scenarios"}
            <span className="heading-note">
              {" "}
              Figures: the scenario&apos;s value and its change against the baseline. Money in RMB bn a year, users in
              millions.
            </span>
          </h2>
          {all.length === 0 ? (
            <p>No scenario loaded. Add a file to <code>scenarios/</code> or fix the errors below.</p>
          ) : (
            <div className="card-grid">
              {scenarios.map((e) => (
                <ScenarioCard key={e.id} entry={e} />
              ))}
            </div>
          )}
        </section>
        {variants && (variants.total > 0 || variants.q) ? (
          <section aria-labelledby="variants-heading" className="variants-section">
            <h2 id="variants-heading" className="library-heading">
              {variants.q ? `${variants.total} saved ${variants.total === 1 ? "variant matches" : "variants match"} “${variants.q}”` : `${variants.total} saved ${variants.total === 1 ? "variant" : "variants"}`}
              <span className="heading-note">
                {" "}
                Made in the <Link to="/builder">builder</Link>; each card shows its latest version and links to its
                history. Latest saved first.
              </span>
            </h2>
            <VariantSearch q={variants.q} maxLength={variants.maxQuery} formId="variant-search" />
            {variants.entries.length > 0 ? (
              <div className="card-grid">
                {variants.entries.map((e) => (
                  <ScenarioCard key={e.id} entry={e} />
                ))}
              </div>
            ) : (
              <p>No saved variant&apos;s title or id contains “{variants.q}”.</p>
            )}
            <VariantPager q={variants.q} page={variants.page} pageCount={variants.pageCount} pageSize={variants.pageSize} total={variants.total} shown={variants.entries.length} />
          </section>
        ) : null}
        {broken.length > 0 ? (
          <section aria-labelledby="broken-files" className="broken-section">
            <h2 id="broken-files" className="library-heading" tabIndex={-1}>
              Files with errors
            </h2>
            <div className="card-grid">
              {broken.map((e) => (
                <BrokenCard key={e.file} entry={e} />
              ))}
            </div>
          </section>
        ) : null}
      </CompareForm>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
