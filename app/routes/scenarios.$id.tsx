/**
 * /scenarios/:id: one scenario in depth, with a live what-if.
 *
 * The loader evaluates the scenario with the what-if values in the URL (`r.<ruleId>.<field>`, `a.<assumptionId>`,
 * and `bands=2010|2023` for the HHI bands), so a link, a reload or the back button gives what was on screen.
 * It also sends the scenario and the address of the model (a content-hashed, immutable file the browser fetches
 * once: decision 021), and the page re-evaluates them in the browser as a slider moves.
 * Every chart has a table with the same numbers: the page reads completely without JavaScript, and its controls
 * are then a GET form.
 */
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, type ShouldRevalidateFunction } from "@remix-run/react";
import { startTransition, useDeferredValue, useEffect, useState } from "react";

import { ExportBar } from "~/components/export/ExportBar";
import { whatIfStampLines } from "~/components/export/files";
import { HeadlineChart } from "~/components/common/HeadlineChart";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { CapitalSection } from "~/components/scenario/CapitalSection";
import { ExplanationsSection } from "~/components/scenario/ExplanationsSection";
import { FlowsSection } from "~/components/scenario/FlowsSection";
import { KpiTiles } from "~/components/scenario/KpiTiles";
import { MarketsSection } from "~/components/scenario/MarketsSection";
import { RulesSection } from "~/components/scenario/RulesSection";
import { PatternDefs } from "~/components/scenario/patterns";
import { PAGE_KEY_HEADER, PAGE_STAMP_HEADER } from "~/services/cache.server";
import { formatPageStamp } from "~/services/page-fast-path.server";
import { modelAsset, pageModel } from "~/services/model-asset.server";
import { loadScenarioView, loadUncertainty } from "~/services/scenario-view.server";
import { workerUrl } from "~/services/worker-assets.server";
import { ScenarioHeader } from "~/components/scenario/ScenarioHeader";
import { SensitivitySection, shownSensitivity } from "~/components/scenario/SensitivitySection";
import { ServicesSection } from "~/components/scenario/ServicesSection";
import { WaterfallSection } from "~/components/scenario/WaterfallSection";
import { WhatIfPanel } from "~/components/scenario/WhatIfPanel";
import { whatIfCompareHref } from "~/components/compare/selection";
import { isSelfWrittenSearch, useWhatIf } from "~/components/scenario/useWhatIf";
import { useLiveRanges } from "~/components/scenario/useLiveRanges";
import { useModelAsset } from "~/components/scenario/useModelAsset";
import type { HeadlineKey } from "~/engine/result";
import { formatError } from "~/scenarios/format-errors";
import { rulesMovedByWhatIf, whatIfSearch } from "~/scenarios/what-if";
import { parseView, viewParams } from "~/utils/view";
import exportStyles from "~/styles/export.css";
import scenarioStyles from "~/styles/scenario.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: scenarioStyles },
  { rel: "stylesheet", href: exportStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scenario.title} · Ant Group regulatory scenarios` : "Scenario · Ant Group regulatory scenarios" },
  { name: "description", content: data?.scenario.summary.slice(0, 160) ?? "A regulatory scenario applied to Ant Group." },
];

/** The page is cached by its view key (entry.server.tsx): the key goes to the renderer as a header. */
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  for (const name of [PAGE_KEY_HEADER, PAGE_STAMP_HEADER]) {
    const value = loaderHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const view = await loadScenarioView(params.id ?? "", url, { verb: "shown", log: "scenario" });
  const uncertainty = await loadUncertainty(view, url);
  const { model, viewed, tunables: available, whatIf, bands, result, attribution, key, stamp } = view;
  return data({
    scenario: viewed.scenario,
    file: viewed.file,
    // A saved variant: which version is shown, of how many (the URL keeps `v` beside the what-if keys).
    variant: viewed.kind === "variant" ? { version: viewed.version, latestVersion: viewed.latestVersion } : null,
    fileWarnings: viewed.warnings.map((w) => formatError(w, "warning")),
    // What the HTML needs of the model (names, sources, the explanations' assumptions); the browser's engine fetches
    // the whole model once from its immutable address (decision 021) instead of every page carrying it.
    pageModel: pageModel(model, result),
    modelHref: modelAsset(model).href,
    tunables: available,
    whatIf,
    bands,
    result,
    attribution,
    // What the page shows of the ranges and swings, not all the pool computed (the deck and the API use more):
    // every field here is serialised into the page on the main thread for every new what-if (decision 033).
    uncertainty: {
      draws: uncertainty.draws,
      seed: uncertainty.seed,
      explicit: uncertainty.explicit,
      headline: uncertainty.headline,
      headlineDelta: uncertainty.headlineDelta,
      tables: uncertainty.tables,
      sensitivity: shownSensitivity(uncertainty.sensitivity, uncertainty.swingByKey),
      swingByKey: uncertainty.swingByKey,
    },
    bandsWorker: workerUrl("bands"),
  }, { headers: { [PAGE_KEY_HEADER]: key, ...(stamp ? { [PAGE_STAMP_HEADER]: formatPageStamp(params.id ?? "", stamp) } : {}) } });
}

/** A URL the page wrote itself while a slider moved needs no loader: the browser has already evaluated it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (!formMethod && currentUrl.pathname === nextUrl.pathname && isSelfWrittenSearch(nextUrl.search)) return false;
  return defaultShouldRevalidate;
};

/** The page's contents: its sections' anchors, in page order. */
const CONTENTS: Array<[string, string]> = [
  ["#kpi-heading", "Headline figures"],
  ["#rules", "The rules"],
  ["#services", "Services"],
  ["#waterfall", "Each rule's effect"],
  ["#sensitivity", "What matters first"],
  ["#capital", "Capital"],
  ["#data-flows", "Data flows"],
  ["#markets", "Markets"],
  ["#explanations", "What drove the changes"],
  ["#whatif-heading", "What if…"],
];

export default function ScenarioPage() {
  const loaded = useLoaderData<typeof loader>();
  const { scenario, tunables: available, bands, variant } = loaded;
  // The engine's model: null until fetched (the page as loaded needs none: the server computed it).
  const { model, error: modelError } = useModelAsset(loaded.modelHref);
  // View state the URL keeps beside the what-if keys: the variant version shown, and the HHI bands.
  const keep: Record<string, string> = {};
  if (variant) keep.v = String(variant.version);
  if (bands !== "2010") keep.bands = bands;
  if (loaded.uncertainty.explicit) {
    keep.draws = String(loaded.uncertainty.draws);
    keep.seed = String(loaded.uncertainty.seed);
  }
  // The room view stays on as the what-if rewrites the URL (decision 025).
  const location = useLocation();
  for (const [k, v] of viewParams(parseView(location.search))) keep[k] = v;
  const w = useWhatIf({
    model,
    scenario,
    tunables: available,
    whatIf: loaded.whatIf,
    result: loaded.result,
    attribution: loaded.attribution,
    keep,
  });
  // The KPI tiles follow in the same frame; the charts and tables follow in a deferred render that React
  // interrupts when the slider moves on (decision 007).
  const charted = useDeferredValue(w.result);
  // The ranges: the server's for the loaded values, the Web Worker's after a slider move (decision 023).
  const live = useLiveRanges({
    workerUrl: loaded.bandsWorker,
    model,
    scenario,
    tunables: available,
    values: w.values,
    loadedValues: loaded.whatIf.values,
    loaded: loaded.uncertainty,
  });
  const ranges = { value: live.ranges, pending: live.state === "updating" };
  // The URL the page was loaded with, for the bands link without JavaScript.
  const loadedSearch = new URLSearchParams(whatIfSearch(loaded.whatIf.values, available));
  if (variant) loadedSearch.set("v", String(variant.version));
  // Downloads and the deck: the what-if values and the view state (export links keep only `v` and the values).
  const viewSearch = new URLSearchParams(whatIfSearch(w.values, available));
  for (const [k, v] of Object.entries(keep)) viewSearch.set(k, v);
  // What a chart image says about itself: the scenario, the what-if's moved values (the date and caveat are added).
  const stamp = {
    scenario: variant ? `${scenario.title} (version ${variant.version})` : scenario.title,
    changes: whatIfStampLines(w.values, available),
  };
  const [hydrated, setHydrated] = useState(false);
  // A transition: this re-renders the whole page, which React then does in slices, not in one long task.
  useEffect(() => startTransition(() => setHydrated(true)), []);
  // "Save as variant": the builder forks this scenario with every value moved in the what-if.
  const forkSearch = new URLSearchParams({ fork: variant ? `${scenario.id}@${variant.version}` : scenario.id });
  for (const [k, v] of new URLSearchParams(whatIfSearch(w.values, available))) forkSearch.set(k, v);
  const forkHref = `/builder?${forkSearch}`;
  // "Add to compare": this scenario (or variant version) with the values on screen, beside it as written.
  const compareHref = whatIfCompareHref(
    variant ? { kind: "variant", id: scenario.id, version: variant.version } : { kind: "library", id: scenario.id },
    whatIfSearch(w.values, available),
  );

  const names = new Map<string, string>(loaded.pageModel.names);
  // The what-if runs once the model is here; until then (or if it cannot load) the panel is the GET form.
  const whatIfReady = hydrated && model !== null;

  return (
    <main id="main" className="page scenario-page">
      <PatternDefs />
      <div className="scenario-top">
        <ScenarioHeader scenario={scenario} model={loaded.pageModel} file={loaded.file} variant={variant ? { id: scenario.id, ...variant } : null} warnings={loaded.fileWarnings} forkHref={forkHref} />
        {/* A chart on the first screen at 1366x768 too; it follows the what-if like the tiles. */}
        <HeadlineChart headline={w.result.headline} />
      </div>
      <nav className="toc scenario-toc" aria-label="Contents">
        <ul>
          {CONTENTS.map(([href, label]) => (
            <li key={href}>
              {/* A router Link, not a bare anchor: the browser's own fragment entries all carry the router key
                  "default", so ScrollRestoration sent every jump after the first back to one saved position. A Link
                  gets a fresh key (scrolled to its anchor) and Back restores where the reader was. Without
                  JavaScript it is the same plain anchor. */}
              <Link to={{ search: location.search, hash: href }}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Downloads and the deck follow the what-if as it moves (the values, not the debounced URL). */}
      <ExportBar id={scenario.id} search={viewSearch.toString()} stamp={stamp} ranges={{ draws: loaded.uncertainty.draws, seed: loaded.uncertainty.seed }} />
      <div className="scenario-layout">
        <div
          className="scenario-results"
          id="scenario-results"
          data-testid="scenario-results"
          data-hydrated={whatIfReady ? "true" : "false"}
          data-eval-ms={w.evalMs === null ? "" : w.evalMs.toFixed(2)}
          data-attribution-ms={w.attributionMs === null ? "" : w.attributionMs.toFixed(2)}
          data-changed={w.changed ? "true" : "false"}
          aria-live="off"
        >
          {w.errors.length > 0 ? (
            <div role="alert" className="whatif-errors">
              <p>
                <strong>Some values in the address were not used:</strong>
              </p>
              <ul>
                {w.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <KpiTiles
            headline={w.result.headline}
            changed={w.changed}
            ranges={{ headline: live.ranges.headline, draws: live.ranges.draws, seed: live.ranges.seed, state: live.state }}
          />
          <RulesSection scenario={scenario} applied={w.scenario} names={(id) => names.get(id)} tunables={available} />
          <ServicesSection result={charted} ranges={ranges} />
          <WaterfallSection attribution={w.attribution} headline={w.result.headline} pending={w.attributionPending} moved={rulesMovedByWhatIf(w.attributionValues, available)} ranges={ranges} />
          <SensitivitySection
            sensitivity={loaded.uncertainty.sensitivity}
            point={Object.fromEntries(Object.entries(loaded.result.headline).map(([k, d]) => [k, d.scenario])) as Record<HeadlineKey, number>}
          />
          <CapitalSection result={charted} ranges={ranges} />
          <FlowsSection result={charted} names={(id) => names.get(id)} ranges={ranges} />
          <MarketsSection result={charted} bands={bands} search={loadedSearch} ranges={ranges} />
          <ExplanationsSection result={charted} model={model ?? loaded.pageModel} />
        </div>
        {modelError ? (
          <p role="status" className="whatif-errors">
            The live what-if is unavailable ({modelError}): change a value and Apply, the server computes it.
          </p>
        ) : null}
        <WhatIfPanel
          tunables={available}
          current={w.current}
          setValue={w.setValue}
          reset={w.reset}
          changed={w.changed}
          hydrated={whatIfReady}
          swings={loaded.uncertainty.swingByKey}
          keep={keep}
          undo={w.undo}
          canUndo={w.canUndo}
          forkHref={forkHref}
          compareHref={compareHref}
        />
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
