/**
 * /present/:id: a short deck for stakeholders about one scenario (a library file, or a saved variant with
 * `?v=<n>`), with the what-if values of the scenario page's URL (`r.*`, `a.*`, `bands`).
 *
 * Every slide is rendered on the server; `?slide=N` says which one the screen shows, so each slide has its own
 * URL and the previous/next links work without JavaScript. With JavaScript, the arrow keys, space, PageUp/
 * PageDown, Home and End move between slides by rewriting `slide` in the URL (no new evaluation: only `slide`
 * changed). Printing shows every slide, one per landscape page (present.css).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  useLoaderData,
  useNavigate,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";

import { ChartDownloads } from "~/components/export/ChartDownloads";
import { EXPORT_FORMATS, exportHref, type ExportFormat } from "~/components/export/files";
import {
  SLIDES,
  antShare,
  assumptionRows,
  capitalTakeaway,
  marketsTakeaway,
  parseSlide,
  servicesTakeaway,
  slideForKey,
  slideSearch,
  sameApartFromSlide,
  sourceRows,
  waterfallTakeaway,
  type SlideId,
} from "~/components/present/deck";
import { CapitalSlideChart, HhiSlideChart, ServicesSlideChart, WaterfallSlideCharts } from "~/components/present/SlideCharts";
import { ScenarioErrorBoundary } from "~/components/scenario/ScenarioFileErrors";
import { ARROW, WORD, direction, signed } from "~/components/scenario/delta";
import { PatternDefs } from "~/components/scenario/patterns";
import { loadScenarioView } from "~/services/scenario-view.server";
import { concentration, HHI_BANDS, type HeadlineKey } from "~/engine";
import { rulesMovedByWhatIf, whatIfSearch } from "~/scenarios/what-if";
import presentStyles from "~/styles/present.css";
import { formatMillions, formatPercent, formatRange, formatRmbBn, formatWithUnit } from "~/utils/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: presentStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scenario.title} · presentation` : "Presentation · Ant Group regulatory scenarios" },
  { name: "description", content: data?.scenario.summary.slice(0, 160) ?? "A regulatory scenario applied to Ant Group, as slides." },
];

const BAND_NAME = { unconcentrated: "unconcentrated", moderate: "moderately concentrated", high: "highly concentrated" } as const;

export function loader({ params, request }: LoaderFunctionArgs) {
  const view = loadScenarioView(params.id ?? "", new URL(request.url), { verb: "presented", log: "present" });
  const { model, viewed, tunables: available, whatIf, bands, applied, result, attribution } = view;
  const scenario = viewed.scenario;
  const assumptions = assumptionRows(model.assumptions, result, scenario.assumptions, applied.assumptions);
  const moved = available
    .filter((t) => whatIf.values[t.key] !== undefined && whatIf.values[t.key] !== t.fileValue)
    .map((t) => ({ key: t.key, label: t.label, unit: t.unit, value: whatIf.values[t.key]!, fileValue: t.fileValue }));
  const state = new URLSearchParams(whatIfSearch(whatIf.values, available));
  if (viewed.version !== null) state.set("v", String(viewed.version));
  if (bands !== "2010") state.set("bands", bands);
  return {
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary, date: scenario.date, hypothetical: scenario.hypothetical, ruleCount: scenario.rules.length },
    kind: viewed.kind,
    version: viewed.version,
    latestVersion: viewed.latestVersion,
    result,
    attribution,
    bands,
    errors: whatIf.errors,
    moved,
    movedRules: rulesMovedByWhatIf(whatIf.values, available),
    assumptions,
    sources: sourceRows(scenario.sources, result, assumptions, model.sources),
    /** `v`, the what-if values and `bands`: what every link out of the deck keeps. */
    state: state.toString(),
  };
}

/** Moving between slides changes only `slide`: the deck already has every slide, so nothing is reloaded. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (!formMethod && sameApartFromSlide(currentUrl, nextUrl)) return false;
  return defaultShouldRevalidate;
};

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

const HEADLINE: Array<{ key: HeadlineKey; label: string; unit: string; format: (n: number) => string }> = [
  { key: "revenue", label: "Revenue (consolidated)", unit: "RMB bn a year", format: formatRmbBn },
  { key: "attributableRevenue", label: "Ant's attributable revenue", unit: "RMB bn a year", format: formatRmbBn },
  { key: "profit", label: "Net profit", unit: "RMB bn a year", format: formatRmbBn },
  { key: "capitalShortfall", label: "Capital shortfall", unit: "RMB bn", format: formatRmbBn },
  { key: "capitalRaised", label: "Capital raised", unit: "RMB bn", format: formatRmbBn },
  { key: "serviceReach", label: "Users reached by Alipay's services", unit: "m users, summed", format: formatMillions },
];

/** The charts on each slide, for the image downloads. */
const SLIDE_CHARTS: Partial<Record<SlideId, Array<{ id: string; name: string }>>> = {
  services: [{ id: "present-services-chart", name: "services chart" }],
  waterfall: [
    { id: "present-waterfall-revenue-chart", name: "revenue waterfall" },
    { id: "present-waterfall-profit-chart", name: "profit waterfall" },
  ],
  capital: [{ id: "present-capital-chart", name: "capital chart" }],
  markets: [{ id: "present-hhi-chart", name: "HHI chart" }],
};

export default function PresentationPage() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const count = SLIDES.length;
  const { slide: current, error: slideError } = parseSlide(params.get("slide"), count);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) return;
      const next = slideForKey(e.key, e.shiftKey, current, count);
      if (next === null) return;
      e.preventDefault();
      if (next !== current) navigate(slideSearch(window.location.search, next), { replace: true, preventScrollReset: true });
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [current, count, navigate]);

  const search = params.toString();
  const href = (n: number) => slideSearch(search, n);
  const slideId = SLIDES[current - 1]!.id;
  const charts = SLIDE_CHARTS[slideId] ?? [];
  const notices = [...d.errors, ...(slideError ? [slideError] : [])];
  const band = (hhi: number) => BAND_NAME[concentration(hhi, d.bands)];
  const backSearch = d.state ? `?${d.state}` : "";

  const slides: Record<SlideId, ReactNode> = {
    title: <TitleSlide d={d} />,
    headline: <HeadlineSlide d={d} />,
    services: (
      <ChartSlide kicker="Alipay's services" takeaway={servicesTakeaway(d.result)}>
        <ServicesSlideChart result={d.result} />
      </ChartSlide>
    ),
    waterfall: (
      <ChartSlide kicker="What each rule does to revenue and profit (Shapley attribution)" takeaway={waterfallTakeaway(d.attribution, d.result.headline)}>
        <WaterfallSlideCharts attribution={d.attribution} headline={d.result.headline} moved={d.movedRules} />
      </ChartSlide>
    ),
    capital: (
      <ChartSlide kicker="Capital: required against held" takeaway={capitalTakeaway(d.result)}>
        <CapitalSlideChart result={d.result} />
      </ChartSlide>
    ),
    markets: (
      <ChartSlide kicker={`Markets and concentration (${HHI_BANDS[d.bands].label})`} takeaway={marketsTakeaway(d.result, band)}>
        <div className="slide-markets">
          <HhiSlideChart result={d.result} bands={d.bands} />
          <table className="slide-table ant-shares" data-testid="ant-shares">
            <caption>Ant's share of each market</caption>
            <thead>
              <tr>
                <th scope="col">Market</th>
                <th scope="col" className="numeric">Before</th>
                <th scope="col" className="numeric">After</th>
              </tr>
            </thead>
            <tbody>
              {d.result.markets.map((m) => {
                const s = antShare(m);
                return (
                  <tr key={m.id} data-row-id={m.id}>
                    <th scope="row">{m.name}</th>
                    <td className="numeric">{formatPercent(s.baseline, 0)}</td>
                    <td className="numeric" data-field="after">{formatPercent(s.scenario, 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </ChartSlide>
    ),
    assumptions: <AssumptionsSlide d={d} />,
    sources: <SourcesSlide d={d} />,
  };

  return (
    <main id="main" className="deck" data-hydrated={hydrated ? "true" : "false"} data-slide={current} data-slide-count={count}>
      <PatternDefs />
      {notices.length > 0 ? (
        <div role="alert" className="deck-notice">
          <strong>Some values in the address were not used:</strong>
          <ul>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite" data-testid="slide-status">
        Slide {current} of {count}: {SLIDES[current - 1]!.title}
      </p>
      {SLIDES.map((s, i) => (
        <section
          key={s.id}
          id={`slide-${i + 1}`}
          className={`slide slide--${s.id}${i + 1 === current ? " is-current" : ""}`}
          data-slide-id={s.id}
          aria-roledescription="slide"
          aria-label={`${i + 1} of ${count}: ${s.title}`}
        >
          <div className="slide-inner">
            {slides[s.id]}
            <footer className="slide-footer">
              <span className="slide-footer-title">
                {d.scenario.title}
                {d.version !== null ? ` · variant v${d.version}` : ""}
                {d.moved.length > 0 ? " · with what-if changes" : ""}
              </span>
              <span>A what-if on the mid-2020 model, not a forecast</span>
              <span className="slide-number">
                {i + 1} / {count}
              </span>
            </footer>
          </div>
        </section>
      ))}
      <nav className="deck-nav" aria-label="Slides">
        {current > 1 ? (
          <a href={href(current - 1)} rel="prev" data-testid="prev-slide">
            <span aria-hidden="true">← </span>Previous
          </a>
        ) : (
          <span className="deck-nav-off" aria-disabled="true">
            <span aria-hidden="true">← </span>Previous
          </span>
        )}
        <span className="deck-count" data-testid="slide-count">
          {current} / {count}
        </span>
        {current < count ? (
          <a href={href(current + 1)} rel="next" data-testid="next-slide">
            Next<span aria-hidden="true"> →</span>
          </a>
        ) : (
          <span className="deck-nav-off" aria-disabled="true">
            Next<span aria-hidden="true"> →</span>
          </span>
        )}
        <span className="deck-nav-sep" aria-hidden="true" />
        <ChartDownloads charts={charts} />
        <span className="deck-downloads">
          {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
            <a key={f} href={exportHref(d.scenario.id, f, d.state)} download data-export={f}>
              {EXPORT_FORMATS[f].ext.toUpperCase()}
            </a>
          ))}
        </span>
        {hydrated ? (
          <button type="button" onClick={() => window.print()}>
            Print / PDF
          </button>
        ) : null}
        <a href={`/scenarios/${d.scenario.id}${backSearch}`}>Exit</a>
      </nav>
    </main>
  );
}

function TitleSlide({ d }: { d: Loaded }) {
  const long = d.scenario.summary.length > 700 ? " summary-long" : d.scenario.summary.length > 450 ? " summary-medium" : "";
  return (
    <div className="slide-body title-body">
      <p className="slide-kicker">
        Regulatory scenario · {d.scenario.date}
        {d.scenario.hypothetical ? <span className="slide-badge">Hypothetical</span> : null}
        {d.version !== null ? (
          <span className="slide-badge slide-badge-variant">
            Saved variant, version {d.version}
            {d.latestVersion !== null && d.version !== d.latestVersion ? ` of ${d.latestVersion}` : ""}
          </span>
        ) : null}
      </p>
      <h1 className="title-heading">{d.scenario.title}</h1>
      <p className={`title-summary${long}`}>{d.scenario.summary}</p>
      <p className="title-disclaimer">
        <strong>A what-if tool, not a forecast:</strong> what the model gives under these {d.scenario.ruleCount === 1 ? "rule" : `${d.scenario.ruleCount} rules`} and
        the stated assumptions, against Ant Group as it stood in mid-2020.
      </p>
      {d.moved.length > 0 ? (
        <div className="title-whatif" data-testid="whatif-changes">
          <p>
            <strong>With what-if changes</strong> to the file's values:
          </p>
          <ul>
            {d.moved.slice(0, 4).map((m) => (
              <li key={m.key}>
                {m.label}: <strong>{formatWithUnit(m.value, m.unit)}</strong> (file: {formatWithUnit(m.fileValue, m.unit)})
              </li>
            ))}
            {d.moved.length > 4 ? <li>and {d.moved.length - 4} more (see the assumptions slide)</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function HeadlineSlide({ d }: { d: Loaded }) {
  const h = d.result.headline;
  const rd = h.revenue.scenario - h.revenue.baseline;
  const pd = h.profit.scenario - h.profit.baseline;
  const takeaway =
    direction(rd) === "none" && direction(pd) === "none"
      ? "Revenue and profit do not change under these rules."
      : `Revenue ${direction(rd) === "none" ? "is unchanged" : `goes ${WORD[direction(rd)]} ${formatPercent(Math.abs(rd) / Math.max(1e-9, Math.abs(h.revenue.baseline)), 0)}`}, profit ${direction(pd) === "none" ? "is unchanged" : `goes ${WORD[direction(pd)]} ${formatPercent(Math.abs(pd) / Math.max(1e-9, Math.abs(h.profit.baseline)), 0)}`}${h.capitalShortfall.scenario > 1e-9 ? `, and ${formatRmbBn(h.capitalShortfall.scenario)} bn RMB of capital is missing` : ""}.`;
  return (
    <div className="slide-body">
      <p className="slide-kicker">Headline numbers against the mid-2020 baseline</p>
      <h2 className="slide-takeaway">{takeaway}</h2>
      <ul className="slide-kpis">
        {HEADLINE.map(({ key, label, unit, format }) => {
          const { baseline, scenario } = h[key];
          const delta = scenario - baseline;
          const dir = direction(delta);
          const pct = Math.abs(baseline) > 1e-9 && dir !== "none" ? ` (${signed(delta / Math.abs(baseline), (n) => formatPercent(n, 0))})` : "";
          return (
            <li key={key} className="slide-kpi" data-kpi={key}>
              <p className="slide-kpi-label">{label}</p>
              <p className="slide-kpi-value">
                <span data-testid={`present-kpi-${key}`}>{format(scenario)}</span> <span className="slide-kpi-unit">{unit}</span>
              </p>
              <p className={`slide-kpi-delta delta-${dir}`}>
                <span aria-hidden="true">{ARROW[dir]} </span>
                {dir === "none" ? "no change" : `${WORD[dir]} ${signed(delta, format)}${pct}`}
              </p>
              <p className="slide-kpi-baseline">
                baseline <span data-testid={`present-kpi-${key}-baseline`}>{format(baseline)}</span>
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ChartSlide({ kicker, takeaway, children }: { kicker: string; takeaway: string; children: ReactNode }) {
  return (
    <div className="slide-body">
      <p className="slide-kicker">{kicker}</p>
      <h2 className="slide-takeaway" data-testid="takeaway">
        {takeaway}
      </h2>
      <div className="slide-chart">{children}</div>
    </div>
  );
}

const OVERRIDE_LABEL = { "what-if": "what-if", scenario: "scenario file" } as const;

function AssumptionsSlide({ d }: { d: Loaded }) {
  return (
    <div className="slide-body">
      <p className="slide-kicker">Assumptions behind the numbers</p>
      <h2 className="slide-takeaway">
        {d.assumptions.some((a) => a.override)
          ? `${d.assumptions.filter((a) => a.override).length} of these values differ from the model's; the rest are the model's central values.`
          : "The model's central values, each with the range it could plausibly take."}
      </h2>
      <table className="slide-table assumptions-table" data-testid="assumptions-table">
        <thead>
          <tr>
            <th scope="col">Assumption</th>
            <th scope="col" className="numeric">Value used</th>
            <th scope="col" className="numeric">Plausible range</th>
            <th scope="col">Set by</th>
          </tr>
        </thead>
        <tbody>
          {d.assumptions.map((a) => (
            <tr key={a.id} data-row-id={a.id} className={a.override ? "is-override" : undefined}>
              <th scope="row">{a.label}</th>
              <td className="numeric" data-field="value">{formatWithUnit(a.value, a.unit)}</td>
              <td className="numeric">{formatRange(a.low, a.high, a.unit)}</td>
              <td data-field="override">
                {a.override ? (
                  <span className="slide-badge slide-badge-override">
                    {OVERRIDE_LABEL[a.override]} (model: {formatWithUnit(a.modelValue, a.unit)})
                  </span>
                ) : (
                  "model"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SourcesSlide({ d }: { d: Loaded }) {
  return (
    <div className="slide-body">
      <p className="slide-kicker">Sources</p>
      <h2 className="slide-takeaway">Every figure traces to a source in the model's fact register, or to a stated assumption.</h2>
      <ol className="slide-sources" data-testid="sources-list">
        {d.sources.map((s) => (
          <li key={s.key} data-source={s.key}>
            {s.href ? (
              <a href={s.href} rel="noreferrer noopener">
                {s.citation}
              </a>
            ) : (
              <>
                <a href={`/model#src-${s.key}`} className="source-key">
                  {s.key}
                </a>{" "}
                {s.citation}
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

export { ScenarioErrorBoundary as ErrorBoundary };
