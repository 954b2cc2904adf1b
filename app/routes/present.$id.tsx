/**
 * /present/:id: a short deck for stakeholders about one scenario (a library file, or a saved variant with
 * `?v=<n>`), with the what-if values of the scenario page's URL (`r.*`, `a.*`, `bands`).
 *
 * Every slide is rendered on the server; `?slide=N` says which one the screen shows, so each slide has its own
 * URL and the previous/next links and the "go to slide" form work without JavaScript. With JavaScript, the arrow
 * keys, space, PageUp/PageDown, Home and End move between slides by rewriting `slide` in the URL (no new
 * evaluation: only `slide` changed); F is full screen, `?` the keys, a number and Enter jump, Esc leaves.
 * `view=presenter` is the presenter's view (current and next slide, speaker notes, a clock); P opens it in a second
 * window, and the two windows follow each other through a BroadcastChannel (decision 019).
 * Printing shows every slide, one per landscape page (present.css).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  useLoaderData,
  useNavigate,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";

import { ChartDownloads } from "~/components/export/ChartDownloads";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { EXPORT_FORMATS, exportHref, whatIfStampLines, type ExportFormat } from "~/components/export/files";
import type { ChartRanges } from "~/components/charts/spec";
import {
  KEY_HELP,
  SLIDES,
  antShare,
  commandForKey,
  firstSentence,
  speakerNotes,
  type RuleRow,
  assumptionRows,
  capitalTakeaway,
  metWithoutCapital,
  marketsTakeaway,
  parseSlide,
  servicesTakeaway,
  slideForKey,
  slideSearch,
  sameApartFromSlide,
  sourceRows,
  waterfallTakeaway,
  sensitivityTakeaway,
  type SlideId,
} from "~/components/present/deck";
import { rangeText } from "~/components/scenario/ranges";
import { Tornado } from "~/components/scenario/SensitivitySection";
import { swingOf } from "~/components/scenario/swings";
import { CapitalSlideChart, HhiSlideChart, ServicesSlideChart, WaterfallSlideCharts } from "~/components/present/SlideCharts";
import { ARROW, WORD, direction, signed, tone } from "~/components/scenario/delta";
import { PatternDefs } from "~/components/scenario/patterns";
import { loadScenarioView, loadUncertainty, type PageUncertainty } from "~/services/scenario-view.server";
import { concentration, HHI_BANDS, hhiBandsOf, type HeadlineKey } from "~/engine";
import { describeRule } from "~/scenarios/describe-rule";
import { RULE_FAMILIES } from "~/scenarios/families";
import { ruleIdOf } from "~/scenarios/ids";
import { REVENUE_BASES_SHORT } from "~/engine/revenue-bases";
import { historyInputNumber, historyInputs } from "~/scenarios/inputs";
import { movedTunables, rulesMovedByWhatIf, whatIfSearch } from "~/scenarios/what-if";
import presentStyles from "~/styles/present.css";
import { formatMillions, formatPercent, formatRange, formatRelativeChange, formatRmbBn, formatShare, formatWithUnit } from "~/utils/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: presentStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scenario.title} · presentation` : "Presentation · Ant Group regulatory scenarios" },
  { name: "description", content: data?.scenario.summary.slice(0, 160) ?? "A regulatory scenario applied to Ant Group, as slides." },
];

/** The part of the page's bands the slides' charts draw (decision 022): the rest stays on the server. */
function slideChartRanges(u: PageUncertainty): ChartRanges {
  const pick = <T, K extends keyof T>(o: Record<string, T>, k: K) => Object.fromEntries(Object.entries(o).map(([id, b]) => [id, { [k]: b[k] } as Pick<T, K>]));
  return {
    draws: u.draws,
    stale: false,
    headline: { revenue: u.headline.revenue, profit: u.headline.profit },
    services: pick(u.tables.services, "users"),
    units: pick(u.tables.units, "capitalRequired"),
    markets: pick(u.tables.markets, "hhi"),
  };
}

const BAND_NAME = { unconcentrated: "unconcentrated", moderate: "moderately concentrated", high: "highly concentrated" } as const;

/** Inputs the deck's tornado slide and its table show (the scenario page lists every one). */
const DECK_SWINGS = 5;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const view = await loadScenarioView(params.id ?? "", url, { verb: "presented", log: "present" });
  // The scenario page's bands and tornado for the same URL (cached under the same view key: computed once for both).
  const uncertainty = await loadUncertainty(view, url);
  const moving = uncertainty.sensitivity.profit.filter((s) => swingOf(s) > 1e-9);
  const inertCount = Object.values(uncertainty.swingByKey).filter((s) => !s.moves).length;
  const { model, viewed, tunables: available, whatIf, bands, applied, result, attribution } = view;
  const scenario = viewed.scenario;
  const assumptions = assumptionRows(model.assumptions, result, scenario.assumptions, applied.assumptions);
  const moved = movedTunables(whatIf.values, available).map((t) => ({ key: t.key, label: t.label, unit: t.unit, format: t.format, value: whatIf.values[t.key]!, fileValue: t.fileValue }));
  const state = new URLSearchParams(whatIfSearch(whatIf.values, available));
  if (viewed.version !== null) state.set("v", String(viewed.version));
  if (bands !== "2010") state.set("bands", bands);
  const names = new Map<string, string>([
    ...model.units.map((u) => [u.id, u.name] as const),
    ...model.services.map((s) => [s.id, s.name] as const),
    ...model.markets.map((m) => [m.id, m.name] as const),
    ...model.marketPlayers.map((p) => [p.playerId, p.name] as const),
  ]);
  const lookup = (id: string) => names.get(id);
  const rules: RuleRow[] = scenario.rules.map((rule, i) => {
    const text = describeRule(applied.scenario.rules[i] ?? rule, lookup);
    const fileText = describeRule(rule, lookup);
    return { id: ruleIdOf(rule, i), family: RULE_FAMILIES[rule.type], label: rule.label, text, fileText: text === fileText ? null : fileText, note: rule.note ?? null };
  });
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
    chartRanges: slideChartRanges(uncertainty),
    /** The what-if's moved values as chart images state them (their stamp). */
    stampChanges: whatIfStampLines(whatIf.values, available),
    movedRules: rulesMovedByWhatIf(whatIf.values, available),
    rules,
    notes: speakerNotes({ summary: scenario.summary, rules, result, movedCount: moved.length, assumptions, inertCount, profitRange: uncertainty.headline.profit }),
    ranges: {
      draws: uncertainty.draws,
      seed: uncertainty.seed,
      headline: uncertainty.headline,
      units: Object.fromEntries(Object.entries(uncertainty.tables.units).map(([id, u]) => [id, { capitalShortfall: u.capitalShortfall }])),
      antShare: Object.fromEntries(Object.entries(uncertainty.tables.markets).map(([id, m]) => [id, m.antShare])),
    },
    sensitivity: { profit: moving.slice(0, DECK_SWINGS), moving: moving.length, inert: inertCount },
    inputs: historyInputs(scenario, applied.scenario).map((x) => ({
      ...x,
      fileText: historyInputNumber(x.fileValue, x, available),
      valueText: historyInputNumber(x.value, x, available),
    })),
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
  { key: "equityValue", label: "Equity value (illustrative)", unit: "RMB bn, recurring profit × multiple", format: formatRmbBn },
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
  sensitivity: [{ id: "present-tornado-chart", name: "tornado of net profit" }],
};

/** The channel both windows of one deck (audience and presenter) share: same scenario, same what-if. */
function channelName(pathname: string, state: string) {
  return `deck:${pathname}?${state}`;
}

export default function PresentationPage() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const count = SLIDES.length;
  const { slide: current, error: slideError } = parseSlide(params.get("slide"), count);
  const presenter = params.get("view") === "presenter";
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [helpOpen, setHelpOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const helpRef = useRef<HTMLDialogElement>(null);
  const channel = useRef<BroadcastChannel | null>(null);
  /** The last slide another window announced: moving there must not be announced back (no echo loops). */
  const received = useRef<number | null>(null);
  const exitHref = `/scenarios/${d.scenario.id}${d.state ? `?${d.state}` : ""}`;

  // The slide on screen or on its way: two quick key presses must move two slides, before React re-renders.
  const shown = useRef(current);
  useEffect(() => {
    shown.current = current;
  }, [current]);
  const go = (n: number) => {
    if (n === shown.current) return;
    shown.current = n;
    navigate(slideSearch(window.location.search, n), { replace: true, preventScrollReset: true });
  };

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const ch = new BroadcastChannel(channelName(window.location.pathname, d.state));
    channel.current = ch;
    ch.onmessage = (e: MessageEvent<{ slide?: unknown }>) => {
      const n = e.data?.slide;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > count) return;
      received.current = n;
      shown.current = n;
      navigate(slideSearch(window.location.search, n), { replace: true, preventScrollReset: true });
    };
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [d.state, count, navigate]);

  // Announce every move made here (keys, links, the jump form) to the other window.
  useEffect(() => {
    if (received.current === current) return;
    received.current = null;
    channel.current?.postMessage({ slide: current });
  }, [current]);

  useEffect(() => {
    const dialog = helpRef.current;
    if (!dialog) return;
    if (helpOpen && !dialog.open) dialog.showModal();
    if (!helpOpen && dialog.open) dialog.close();
  }, [helpOpen]);

  const leftFullscreenAt = useRef(0);
  useEffect(() => {
    const onFullscreen = () => {
      if (!document.fullscreenElement) leftFullscreenAt.current = Date.now();
    };
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) return;
      const command = commandForKey(e.key);
      if (command === null) {
        const next = slideForKey(e.key, e.shiftKey, shown.current, count);
        if (next === null) return;
        e.preventDefault();
        setTyped("");
        go(next);
        return;
      }
      if (typeof command === "object") {
        e.preventDefault();
        setTyped((s) => (s + String(command.digit)).replace(/^0+/, "").slice(0, 3));
        return;
      }
      e.preventDefault();
      switch (command) {
        case "jump":
          if (typed) go(Math.min(count, Math.max(1, Number(typed))));
          setTyped("");
          break;
        case "fullscreen":
          if (document.fullscreenElement) void document.exitFullscreen();
          else void document.documentElement.requestFullscreen?.().catch(() => undefined);
          break;
        case "help":
          setHelpOpen((o) => !o);
          break;
        case "presenter":
          openPresenter();
          break;
        case "escape":
          // The browser's own Esc already left full screen: that press does nothing more.
          if (typed) setTyped("");
          else if (document.fullscreenElement) void document.exitFullscreen();
          else if (Date.now() - leftFullscreenAt.current > 500) window.location.assign(exitHref);
          break;
      }
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreen);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreen);
    };
  });

  function openPresenter() {
    const search = new URLSearchParams(slideSearch(window.location.search, current));
    search.set("view", "presenter");
    window.open(`${window.location.pathname}?${search}`, `presenter:${d.scenario.id}`, "popup,width=1280,height=800");
  }

  const search = params.toString();
  const href = (n: number) => slideSearch(search, n);
  const slideId = SLIDES[current - 1]!.id;
  const charts = SLIDE_CHARTS[slideId] ?? [];
  const notices = [...d.errors, ...(slideError ? [slideError] : [])];
  // The PBoC test is on shares, not HHI: under `bands=pboc` the deck's HHI chart keeps the 2010 bands.
  const hhiBands = hhiBandsOf(d.bands);
  const band = (hhi: number) => BAND_NAME[concentration(hhi, hhiBands)];
  const keep = [...params.entries()].filter(([k]) => k !== "slide");

  const slides: Record<SlideId, ReactNode> = {
    title: <TitleSlide d={d} />,
    rules: <RulesSlide d={d} />,
    headline: <HeadlineSlide d={d} />,
    services: (
      <ChartSlide kicker="Alipay's services" takeaway={servicesTakeaway(d.result)}>
        <ServicesSlideChart result={d.result} ranges={d.chartRanges} />
      </ChartSlide>
    ),
    waterfall: (
      <ChartSlide kicker="What each rule does to revenue and profit (Shapley attribution)" takeaway={waterfallTakeaway(d.attribution, d.result.headline)}>
        <WaterfallSlideCharts attribution={d.attribution} headline={d.result.headline} moved={d.movedRules} ranges={d.chartRanges} />
      </ChartSlide>
    ),
    sensitivity: (
      <ChartSlide kicker="What matters first: net profit with each input at its low and its high end" takeaway={sensitivityTakeaway(d.sensitivity.profit)}>
        <div className="slide-sensitivity">
          <Tornado swings={d.sensitivity.profit} point={d.result.headline.profit.scenario} metric="profit" id="present-tornado-chart" rest="the scenario page lists every input" />
          <div>
            <table className="slide-table sensitivity-table" data-testid="present-sensitivity-table">
              <caption>Net profit, RMB bn a year, with each input at its ends</caption>
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col" className="numeric">Low end</th>
                  <th scope="col" className="numeric">High end</th>
                  <th scope="col" className="numeric">Swing</th>
                </tr>
              </thead>
              <tbody>
                {d.sensitivity.profit.map((r) => (
                  <tr key={r.id} data-row-id={r.id}>
                    <th scope="row">{r.label}</th>
                    <td className="numeric">{formatRmbBn(r.low)}</td>
                    <td className="numeric">{formatRmbBn(r.high)}</td>
                    <td className="numeric" data-field="swing">{formatRmbBn(swingOf(r))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="slide-note" data-testid="sensitivity-note">
              {d.sensitivity.moving > d.sensitivity.profit.length ? `The ${d.sensitivity.profit.length} largest of ${d.sensitivity.moving} that move it. ` : ""}
              {d.sensitivity.inert > 0 ? `${d.sensitivity.inert} ranged ${d.sensitivity.inert === 1 ? "input moves" : "inputs move"} no headline figure.` : ""}
            </p>
          </div>
        </div>
      </ChartSlide>
    ),
    capital: (
      <ChartSlide kicker="Capital: required against held" takeaway={capitalTakeaway(d.result)}>
        <div className="slide-capital">
          <CapitalSlideChart result={d.result} ranges={d.chartRanges} />
          <CapitalSlideTable d={d} />
        </div>
      </ChartSlide>
    ),
    markets: (
      <ChartSlide kicker={`Markets and concentration (${HHI_BANDS[hhiBands].label})`} takeaway={marketsTakeaway(d.result, band)}>
        <div className="slide-markets">
          <HhiSlideChart result={d.result} bands={hhiBands} ranges={d.chartRanges} />
          <table className="slide-table ant-shares" data-testid="ant-shares">
            <caption>Ant's share of each market</caption>
            <thead>
              <tr>
                <th scope="col">Market</th>
                <th scope="col" className="numeric">Before</th>
                <th scope="col" className="numeric">After</th>
                <th scope="col" className="numeric">80% range</th>
              </tr>
            </thead>
            <tbody>
              {d.result.markets.map((m) => {
                const s = antShare(m);
                const r = d.ranges.antShare[m.id];
                return (
                  <tr key={m.id} data-row-id={m.id}>
                    <th scope="row">{m.name}</th>
                    <td className="numeric">{formatShare(s.baseline)}</td>
                    <td className="numeric" data-field="after">{formatShare(s.scenario)}</td>
                    <td className="numeric" data-field="afterRange">{r ? rangeText(r, formatShare) : "—"}</td>
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
    <main
      id="main"
      className={`deck${presenter ? " deck-presenter" : ""}`}
      data-hydrated={hydrated ? "true" : "false"}
      data-slide={current}
      data-slide-count={count}
      data-view={presenter ? "presenter" : "audience"}
    >
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
      {presenter ? <h1 className="visually-hidden">Presenter view: {d.scenario.title}</h1> : null}
      {SLIDES.map((s, i) => (
        <section
          key={s.id}
          id={`slide-${i + 1}`}
          className={`slide slide--${s.id}${i + 1 === current ? " is-current" : ""}${presenter && i === current ? " is-next" : ""}`}
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
      {presenter ? <PresenterPanel d={d} current={current} count={count} hydrated={hydrated} /> : null}
      {typed ? (
        <p className="deck-typed" data-testid="slide-typed" aria-live="assertive">
          Go to slide {typed}: press Enter
        </p>
      ) : null}
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
        <form method="get" className="deck-jump" data-testid="slide-jump">
          {keep.map(([k, v]) => (
            <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
          ))}
          <label>
            Slide <input type="number" name="slide" min={1} max={count} defaultValue={current} key={current} inputMode="numeric" />
          </label>
          <button type="submit">Go</button>
        </form>
        <span className="deck-nav-sep" aria-hidden="true" />
        <ChartDownloads charts={charts} stamp={{ scenario: d.version !== null ? `${d.scenario.title} (version ${d.version})` : d.scenario.title, changes: d.stampChanges }} />
        <span className="deck-downloads">
          {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
            <a key={f} href={exportHref(d.scenario.id, f, d.state, d.ranges)} download data-export={f}>
              {EXPORT_FORMATS[f].ext.toUpperCase()}
            </a>
          ))}
        </span>
        {/* Present from the first paint (no shift when JavaScript arrives); they act once it has. */}
        <span className="deck-buttons">
          <button type="button" onClick={() => hydrated && window.print()} disabled={!hydrated}>
            Print / PDF
          </button>
          {presenter ? null : (
            <button type="button" onClick={() => hydrated && openPresenter()} disabled={!hydrated} data-testid="open-presenter">
              Presenter view
            </button>
          )}
          <button type="button" onClick={() => setHelpOpen(true)} disabled={!hydrated} data-testid="open-help" aria-keyshortcuts="?">
            Keys
          </button>
        </span>
        <a href={exitHref}>Exit</a>
      </nav>
      <dialog ref={helpRef} className="deck-help" aria-labelledby="deck-help-title" onClose={() => setHelpOpen(false)} data-testid="deck-help">
        <h2 id="deck-help-title">Keys</h2>
        <table>
          <tbody>
            {KEY_HELP.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit" autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </main>
  );
}

/** The presenter's side: the speaker notes of the current slide, what comes next, and a clock. */
function PresenterPanel({ d, current, count, hydrated }: { d: Loaded; current: number; count: number; hydrated: boolean }) {
  const slide = SLIDES[current - 1]!;
  const next = SLIDES[current];
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  const secs = Math.floor((now - started) / 1000);
  return (
    <aside className="presenter-panel" aria-label="Speaker notes" tabIndex={0}>
      <p className="presenter-status">
        <strong>
          Slide {current} of {count}: {slide.title}
        </strong>
        {hydrated ? (
          <span className="presenter-clock" data-testid="presenter-clock">
            {Math.floor(secs / 60)}:{String(secs % 60).padStart(2, "0")}
          </span>
        ) : null}
      </p>
      <h2>Notes</h2>
      <ul className="presenter-notes" data-testid="speaker-notes">
        {d.notes[slide.id].map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <p className="presenter-next">{next ? `Next: ${next.title}` : "Last slide"}</p>
    </aside>
  );
}

function RulesSlide({ d }: { d: Loaded }) {
  const n = d.rules.length;
  return (
    <div className="slide-body">
      <p className="slide-kicker">The rules</p>
      <h2 className="slide-takeaway">{n === 0 ? "No rules: this is the baseline." : n === 1 ? "One rule." : `${n} rules, applied together (order does not matter).`}</h2>
      <ol className={`slide-rules${n > 5 ? " slide-rules-many" : ""}`} data-testid="rules-list">
        {d.rules.map((r) => (
          <li key={r.id} data-rule-id={r.id} data-whatif={r.fileText ? "changed" : undefined}>
            <span className={`slide-family family-${r.family}`}>{FAMILY_WORD[r.family]}</span>
            <strong className="slide-rule-label">{r.label}</strong>
            <span className="slide-rule-text">
              {r.fileText ? <strong>What-if: </strong> : null}
              {r.text}
            </span>
            {d.inputs
              .filter((x) => x.ruleId === r.id)
              .map((x) => (
                <span key={x.field} className="slide-rule-input" data-input={`${x.ruleId}.${x.field}`}>
                  <strong>Input from history</strong> [{x.sources.join(", ")}]: {x.what}, {x.fileText}; not a prediction
                  {Math.abs(x.value - x.fileValue) > 1e-12 ? ` (what-if: ${x.valueText})` : ""}.
                </span>
              ))}
          </li>
        ))}
      </ol>
    </div>
  );
}

const FAMILY_WORD = { privacy: "Data privacy", "anti-monopoly": "Anti-monopoly", capital: "Capital" } as const;

function CapitalSlideTable({ d }: { d: Loaded }) {
  const short = d.result.units.filter((u) => u.shortfall > 1e-9);
  const h = d.result.headline;
  return (
    <table className="slide-table capital-table" data-testid="capital-table">
      <caption>Capital, RMB bn</caption>
      <thead>
        <tr>
          <td />
          <th scope="col" className="numeric">Scenario</th>
          <th scope="col" className="numeric">80% range</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Shortfall</th>
          <td className="numeric" data-field="shortfall">{formatRmbBn(h.capitalShortfall.scenario)}</td>
          <td className="numeric" data-field="shortfallRange">{rangeText(d.ranges.headline.capitalShortfall, formatRmbBn)}</td>
        </tr>
        <tr>
          <th scope="row">Raised</th>
          <td className="numeric">{formatRmbBn(h.capitalRaised.scenario)}</td>
          <td className="numeric" data-field="raisedRange">{rangeText(d.ranges.headline.capitalRaised, formatRmbBn)}</td>
        </tr>
        <tr>
          <th scope="row">Met by {metWithoutCapital(d.result.units)}</th>
          <td className="numeric">{formatRmbBn(Math.max(0, h.capitalShortfall.scenario - h.capitalRaised.scenario))}</td>
          <td />
        </tr>
        {short.map((u) => (
          <tr key={u.id} className="capital-unit">
            <th scope="row">{u.name} short by</th>
            <td className="numeric">{formatRmbBn(u.shortfall)}</td>
            <td className="numeric">{d.ranges.units[u.id] ? rangeText(d.ranges.units[u.id]!.capitalShortfall, formatRmbBn) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TitleSlide({ d }: { d: Loaded }) {
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
      <p className="title-summary" data-testid="title-lede">
        {firstSentence(d.scenario.summary)}
      </p>
      <p className="title-disclaimer">
        <strong>A what-if tool, not a forecast:</strong> {d.scenario.ruleCount === 1 ? "one rule" : `${d.scenario.ruleCount} rules`} applied to Ant Group as it stood in
        mid-2020.
      </p>
      {d.moved.length > 0 ? (
        <div className="title-whatif" data-testid="whatif-changes">
          <p>
            <strong>With what-if changes</strong> to the file's values:
          </p>
          <ul>
            {d.moved.slice(0, 4).map((m) => (
              <li key={m.key}>
                {m.label}: <strong>{formatWithUnit(m.value, m.unit, m.format)}</strong> (file: {formatWithUnit(m.fileValue, m.unit, m.format)})
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
      : `Revenue ${direction(rd) === "none" ? "is unchanged" : `goes ${WORD[direction(rd)]} ${formatPercent(Math.abs(rd) / Math.max(1e-9, Math.abs(h.revenue.baseline)), 0)}`}, profit ${direction(pd) === "none" ? "is unchanged" : `goes ${WORD[direction(pd)]} ${formatPercent(Math.abs(pd) / Math.max(1e-9, Math.abs(h.profit.baseline)), 0)}`}${h.capitalShortfall.scenario > 1e-9 ? `, and ${formatRmbBn(h.capitalShortfall.scenario)} RMB bn of capital is missing` : ""}.`;
  return (
    <div className="slide-body">
      <p className="slide-kicker">Headline numbers against the mid-2020 baseline</p>
      <h2 className="slide-takeaway">{takeaway}</h2>
      <ul className="slide-kpis">
        {HEADLINE.map(({ key, label, unit, format }) => {
          const { baseline, scenario } = h[key];
          const delta = scenario - baseline;
          const dir = direction(delta);
          const rel = Math.abs(baseline) > 1e-9 && dir !== "none" ? formatRelativeChange(delta, baseline) : null;
          const pct = rel ? ` (${rel})` : "";
          return (
            <li key={key} className="slide-kpi" data-kpi={key}>
              <p className="slide-kpi-label">{label}</p>
              <p className="slide-kpi-value">
                <span data-testid={`present-kpi-${key}`}>{format(scenario)}</span> <span className="slide-kpi-unit">{unit}</span>
              </p>
              <p className={`slide-kpi-delta delta-${dir} tone-${tone(key, delta)}`}>
                <span aria-hidden="true">{ARROW[dir]} </span>
                {dir === "none" ? "no change" : `${WORD[dir]} ${signed(delta, format)}${pct}`}
              </p>
              <p className="slide-kpi-range" data-testid={`present-range-${key}`}>
                80% range {rangeText(d.ranges.headline[key], format)}
              </p>
              <p className="slide-kpi-baseline">
                baseline <span data-testid={`present-kpi-${key}-baseline`}>{format(baseline)}</span>
              </p>
            </li>
          );
        })}
      </ul>
      <p className="slide-note" data-testid="revenue-bases">{REVENUE_BASES_SHORT}</p>
      <p className="slide-note" data-testid="present-ranges-note">
        80% range: the 10th to the 90th percentile over {d.ranges.draws.toLocaleString("en-GB")} draws of every ranged assumption and
        rule parameter (seed {d.ranges.seed}), as on the scenario page.
      </p>
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

export { RouteErrorBoundary as ErrorBoundary };
