/**
 * `/compare?s=a&s=b[&s=c[&s=d]]`: two to four scenarios side by side on the same scales: a headline table, the
 * headline figures with their 80% ranges over the same draws (and each column against A, draw by draw), and
 * the main charts, each with its table. A column may be a scenario with a what-if state (`s=<id>?r.…=…`) or a
 * saved variant's version (`s=<id>@<n>`), so a variant sits beside its original. A request that cannot be shown as asked (a count outside 2..4, a
 * malformed or unknown id, a duplicate, a broken file) gets 400 / 404 / 422 with what is wrong, close ids, and
 * the library to pick from, with the valid part of the request still ticked.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { CapitalCompareChart, HeadlineDeltaChart, HhiCompareChart, ServiceUsersCompareChart } from "~/components/compare/CompareCharts";
import { CompareBandsTable } from "~/components/compare/CompareBandsTable";
import { CapitalTable, HeadlineTable, HhiTable, ServicesTable } from "~/components/compare/CompareTables";
import { ScenarioPicker } from "~/components/compare/ScenarioPicker";
import { MAX_COMPARE, MIN_COMPARE } from "~/components/compare/selection";
import { formatScenarioDate, type LibraryEntry } from "~/components/library/entries";
import { FamilyTags, FileErrorList } from "~/components/library/ScenarioCard";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { ChartWithTable } from "~/components/common/Section";
import { loadComparison, type ChosenExtra, type Problem } from "~/services/compare.server";
import compareStyles from "~/styles/compare.css";
import libraryStyles from "~/styles/library.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: libraryStyles },
  { rel: "stylesheet", href: compareStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const title =
    data && data.kind === "ok"
      ? `Compare: ${data.view.columns.map((c) => c.title).join(" · ")}`
      : "Compare scenarios";
  return [{ title: `${title} · Ant Group regulatory scenarios` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  return loadComparison(new URL(request.url));
}

export default function ComparePage() {
  const loaded = useLoaderData<typeof loader>();
  if (loaded.kind !== "ok") return <ChooseScenarios problems={loaded.problems} chosen={loaded.chosen} extras={loaded.extras} library={loaded.library} />;
  const { view, bands, figureBands } = loaded;
  // "Stack as a path": the columns become the steps of a path to date and save (/paths/new).
  const stack = new URLSearchParams(view.columns.map((c) => ["s", c.ref]));
  // Two scenarios' tables fit beside their charts on a wide screen; three or four need the full width.
  const wide = view.columns.length > 2;
  return (
    <main id="main" className="page compare-page">
      <header className="page-header">
        <h1>
          Comparing {view.columns.length} scenarios
        </h1>
        <p className="lede">
          Side by side against the same <Link to="/model">baseline (Ant Group, mid-2020)</Link>, every chart on one
          shared axis, so bar lengths compare across scenarios. Each scenario keeps its letter on every chart and
          table. <Link to="/">Back to the library</Link> to change the selection.
        </p>
        <ul className="compare-keys" aria-label="Scenarios compared">
          {view.columns.map((c) => (
            <li key={c.ref} style={{ ["--key-colour" as string]: c.colour }} data-scenario={c.id}>
              <span className="key-letter" aria-hidden="true">
                {c.letter}
              </span>
              <a href={c.href}>
                <span className="visually-hidden">{c.letter}: </span>
                {c.title}
              </a>
              <p className="card-meta">
                <time dateTime={c.date}>{formatScenarioDate(c.date)}</time>
                {c.hypothetical ? (
                  <>
                    {" "}
                    <span className="badge badge-hypothetical">Hypothetical</span>
                  </>
                ) : null}
                {c.warnings.length > 0 ? (
                  <>
                    {" "}
                    <span className="badge badge-warning" title={c.warnings.join("\n")}>
                      {c.warnings.length} {c.warnings.length === 1 ? "warning" : "warnings"}
                    </span>
                  </>
                ) : null}
              </p>
              <FamilyTags families={c.families} />
            </li>
          ))}
        </ul>
        <p className="compare-actions">
          <a href={`/compare?pick&${stack.toString()}`} className="button button-secondary" data-testid="compare-change">
            Add or remove columns
          </a>{" "}
          <a href={`/paths/new?${stack.toString()}`} className="button button-secondary" data-testid="compare-stack-path">
            Stack these as a path
          </a>{" "}
          <span className="note">(date each one, one after another, and save the path)</span>
        </p>
      </header>

      <section className="compare-section" aria-labelledby="bands-heading">
        <h2 id="bands-heading">Headline figures with their 80% ranges</h2>
        <p className="note">
          Every column is drawn on the same {bands.draws.toLocaleString("en-GB")} draws of the ranged assumptions and
          rule parameters (common random numbers): an assumption two columns share takes the same value in each
          draw, so the range of a difference between columns is the range of the difference, draw by draw, not the
          gap between two ranges. A what-if value is a choice and is not drawn.
        </p>
        <CompareBandsTable view={view} bands={bands} />
      </section>

      <section className="compare-section" aria-labelledby="headline-heading">
        <h2 id="headline-heading">Headline figures</h2>
        <ChartWithTable wide={wide} chart={<HeadlineDeltaChart view={view} bands={bands} />} table={<HeadlineTable view={view} />} />
      </section>
      <section className="compare-section" aria-labelledby="services-heading">
        <h2 id="services-heading">Alipay&apos;s integrated services: users reached</h2>
        <ChartWithTable wide={wide} chart={<ServiceUsersCompareChart view={view} bands={figureBands} />} table={<ServicesTable view={view} bands={figureBands} />} />
      </section>
      <section className="compare-section" aria-labelledby="capital-heading">
        <h2 id="capital-heading">Capital shortfall and how it is met</h2>
        <ChartWithTable wide={wide} chart={<CapitalCompareChart view={view} bands={bands} />} table={<CapitalTable view={view} />} />
      </section>
      <section className="compare-section" aria-labelledby="hhi-heading">
        <h2 id="hhi-heading">Market concentration (HHI)</h2>
        <ChartWithTable wide={wide} chart={<HhiCompareChart view={view} bands={figureBands} />} table={<HhiTable view={view} bands={figureBands} />} />
      </section>
    </main>
  );
}

/** The page for a request that cannot be shown as asked, or for no request yet: what is wrong, and the library. */
function ChooseScenarios({ problems, chosen, extras, library }: { problems: Problem[]; chosen: string[]; extras: ChosenExtra[]; library: LibraryEntry[] }) {
  return (
    <main id="main" className="page compare-page">
      <header className="page-header">
        <h1>Compare scenarios</h1>
        {problems.length > 0 ? (
          <div className="problem-box" role="alert" aria-labelledby="problem-heading">
            <h2 id="problem-heading" className="library-heading">
              This comparison cannot be shown
            </h2>
            <ul>
              {problems.map((p, i) => (
                <li key={i} data-problem>
                  {p.text}
                  {p.suggestion ? (
                    <>
                      {" "}
                      Did you mean <a href={`/compare${p.suggestion.search}`}>{p.suggestion.title}</a> (
                      <code>{p.suggestion.ref}</code>)?
                    </>
                  ) : null}
                  {p.errors ? <FileErrorList errors={p.errors} /> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="lede">
          Tick {MIN_COMPARE} to {MAX_COMPARE} scenarios below and choose <strong>Compare selected</strong>
          {problems.length > 0 && chosen.length > 0 ? " (the valid part of your request is already ticked)" : ""}
          {problems.length === 0 && chosen.length > 0
            ? ` (${chosen.length} already ticked${chosen.length < MIN_COMPARE ? `: tick at least ${MIN_COMPARE - chosen.length} more` : ""})`
            : ""}
          . A scenario page&apos;s <strong>Add to compare</strong> brings it here with its what-if values. The{" "}
          <Link to="/">library</Link> shows each scenario&apos;s headline changes.
        </p>
      </header>
      <ScenarioPicker entries={library} chosen={chosen} extras={extras} />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
