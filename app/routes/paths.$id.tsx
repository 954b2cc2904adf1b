/**
 * /paths/:id: a path as a timeline; a path file (`what-happened`) or a path saved from the browser
 * (`saved.<slug>`, `?v=<n>` for an older version). What-if values in the query (`r.<path rule id>.<field>`,
 * `a.<assumption>`) apply to the steps' rules and assumptions and stay in the URL (a GET form). The headline and key figures step by step with their 80% bands, the events
 * marked on the time axis, each step's rules (and what they replaced), and attribution: by step (the change
 * between consecutive steps) and within a step by rule. Server-rendered SVG charts, each with a table.
 */
import { data, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";

import { TimeChart, TimeChartLegend, type ChartState } from "~/components/history/TimeChart";
import { PathWhatIf } from "~/components/paths/PathWhatIf";
import { whatIfSearch } from "~/scenarios/what-if";
import { formatNumber } from "~/utils/format";
import { parseView } from "~/utils/view";
import { formatBand, formatFigure, formatSigned } from "~/components/history/figures-format";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { HEADLINE_KEYS } from "~/engine/result";
import { KEY_FIGURES } from "~/history/figures";
import { HEADLINE_LABELS } from "~/scenarios/format-result";
import { getPathView } from "~/services/paths.server";
import compareStyles from "~/styles/compare.css";
import historyStyles from "~/styles/history.css";
import { throwErrorPage } from "~/services/errors.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: historyStyles },
  { rel: "stylesheet", href: compareStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.path.title ?? "Path"} · Ant Group regulatory scenarios` },
  { name: "description", content: "A scenario path as a timeline: figures step by step with 80% bands, events, rules and attribution." },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const url = new URL(request.url);
  try {
    const r = await getPathView(id, { query: url.searchParams, version: url.searchParams.get("v") });
    if (r.status === "not-found")
      throw data({ title: "No such path", message: r.message ?? `There is no path '${id}' in scenarios/paths.` }, { status: 404 });
    if (r.status === "bad-request") throw data({ title: "This address cannot be shown", message: r.message }, { status: 400 });
    if (r.status === "invalid")
      throw data(
        {
          title: "This path file is invalid",
          message: r.file.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.path ? `${e.path}: ` : ""}${e.message}`).join("\n"),
          hint: "Run `npm run scenarios -- check` for every error.",
        },
        { status: 422 },
      );
    const { payload, bands, tunables, whatIf, saved } = r.view;
    // One address per state: values equal to the steps' own are dropped (the GET form sends every field).
    if (whatIf.errors.length === 0) {
      const canonical = new URLSearchParams(whatIfSearch(whatIf.values, tunables));
      for (const [k, v] of url.searchParams) if (!k.startsWith("r.") && !k.startsWith("a.")) canonical.append(k, v);
      const sorted = (q: URLSearchParams) => [...q].map(([k, v]) => `${k}=${v}`).sort().join("&");
      if (sorted(canonical) !== sorted(url.searchParams)) throw redirect(`${url.pathname}${canonical.size ? `?${canonical}` : ""}`);
    }
    return {
      saved,
      tunables,
      whatIf,
      path: payload.path,
      baseline: payload.baseline,
      steps: payload.steps,
      bands: { draws: bands.draws, seed: bands.seed, baseline: bands.baseline, steps: bands.steps },
    };
  } catch (error) {
    throwErrorPage(error, "paths");
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

const unitOf = (key: string) => HEADLINE_LABELS[key as keyof typeof HEADLINE_LABELS]?.unit ?? "RMB bn";
const labelOf = (key: string) => HEADLINE_LABELS[key as keyof typeof HEADLINE_LABELS]?.label ?? key;
const CHARTED = ["profit", "equityValue", "attributableRevenue", "serviceReach"] as const;
/** Short column headers for the attribution tables (the full label is the header's title and the caption's). */
const SHORT: Record<string, string> = {
  revenue: "Revenue",
  attributableRevenue: "Attrib. revenue",
  profit: "Profit",
  capitalShortfall: "Shortfall",
  capitalRaised: "Capital raised",
  serviceReach: "Reach",
  oneOffCharges: "Fines",
  equityValue: "Equity value",
};
const shortOf = (key: string) => SHORT[key] ?? labelOf(key);

function headlineStates(d: Data, key: string): ChartState[] {
  const b = d.bands.baseline.headline[key];
  return [
    { date: "2020-06", value: d.baseline.headline[key as keyof Data["baseline"]["headline"]] ?? null, low: b?.p10, high: b?.p90 },
    ...d.steps.map((s, k) => {
      const band = d.bands.steps[k]!.headline[key];
      return { date: s.date, value: s.headline[key as keyof typeof s.headline] ?? null, low: band?.p10, high: band?.p90 };
    }),
  ];
}

/** Steps `first`..`last` (0-based, inclusive) of a path's step table. */
type StepPart = { first: number; last: number };

/**
 * The step table's parts. At the desk, one table (it scrolls sideways if it must). In the room view a path of more
 * than ROOM_STEPS steps is cut into balanced parts of at most ROOM_STEPS steps, each with the figure names and the
 * baseline again, so every part fits the projector's width at 1366 as at 1920 (a path may have 24 steps; decision 043).
 */
const ROOM_STEPS = 4;
function stepParts(steps: number, room: boolean): StepPart[] {
  if (!room || steps <= ROOM_STEPS) return [{ first: 0, last: steps - 1 }];
  const count = Math.ceil(steps / ROOM_STEPS);
  const size = Math.ceil(steps / count);
  return Array.from({ length: count }, (_, i) => ({ first: i * size, last: Math.min(steps, (i + 1) * size) - 1 }));
}
const partName = (p: StepPart, steps: number) => `steps ${p.first + 1} to ${p.last + 1} of ${steps}`;

type Band = { p10: number; p90: number } | undefined;
/** The step table's rows: the headline figures, then the key figures, each with its value and band at every step. */
function stepRows(d: Data) {
  return [
    ...HEADLINE_KEYS.map((key) => ({
      id: key as string,
      label: labelOf(key),
      unit: unitOf(key),
      unitShown: unitOf(key),
      baseline: d.baseline.headline[key],
      baselineBand: d.bands.baseline.headline[key] as Band,
      at: (s: Data["steps"][number]) => s.headline[key],
      band: (k: number) => d.bands.steps[k]!.headline[key] as Band,
    })),
    ...KEY_FIGURES.map((f) => ({
      id: f.id,
      label: f.label,
      unit: f.unit,
      unitShown: f.unit === "share" ? "%" : f.unit,
      baseline: d.baseline.figures[f.id],
      baselineBand: d.bands.baseline.figures[f.id] as Band,
      at: (s: Data["steps"][number]) => s.figures[f.id],
      band: (k: number) => d.bands.steps[k]!.figures[f.id] as Band,
    })),
  ];
}

function StepsTable({ d, part, id, of }: { d: Data; part: StepPart; id: string; of: string | null }) {
  const shown = d.steps.map((s, k) => ({ s, k })).slice(part.first, part.last + 1);
  return (
    <table className="data-table path-steps" id={id}>
      <caption>
        Headline and key figures after each step{of ? ` (${of})` : ""}: point value, and its 80% band beneath
      </caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" className="numeric">
            Baseline <span className="date">(mid-2020)</span>
          </th>
          {shown.map(({ s, k }) => (
            <th scope="col" className="numeric" key={s.date}>
              {k + 1}. <span className="date">{s.date}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {stepRows(d).map((row) => (
          <tr key={row.id} data-row-id={row.id}>
            <th scope="row">
              {row.label} <span className="unit">({row.unitShown})</span>
            </th>
            <td className="numeric">
              {formatFigure(row.baseline, row.unit)}
              <span className="band">{formatBand(row.baselineBand?.p10, row.baselineBand?.p90, row.unit)}</span>
            </td>
            {shown.map(({ s, k }) => {
              const band = row.band(k);
              return (
                <td className="numeric" key={s.date} data-field={`step-${k + 1}`}>
                  {formatFigure(row.at(s), row.unit)}
                  <span className="band">{formatBand(band?.p10, band?.p90, row.unit)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function PathPage() {
  const d = useLoaderData<typeof loader>();
  const events = d.steps.map((s, k) => ({ date: s.date, n: k + 1, label: s.label }));
  const room = parseView(useLocation().search).room;
  return (
    <main id="main" className="page path-page">
      <header className="page-header">
        <p className="crumbs">
          <Link to="/paths">Paths</Link> · <Link to="/history">Back-test</Link> · {d.saved ? "saved path" : "path"} <code>{d.path.id}</code>
        </p>
        <h1>{d.path.title}</h1>
        {d.saved ? (
          <p className="note" data-testid="saved-path-version">
            Saved path, version {d.saved.version} of {d.saved.latestVersion}
            {d.saved.author ? `, by ${d.saved.author}` : ""}, saved {d.saved.createdAt.slice(0, 16).replace("T", " ")} UTC
            {d.saved.note ? `: ${d.saved.note}` : ""}.{" "}
            {d.saved.version < d.saved.latestVersion ? <Link to={`/paths/${d.path.id}`}>See the latest version</Link> : null}{" "}
            <Link to={`/paths/new?from=${encodeURIComponent(d.path.id)}`}>Change it (saves version {d.saved.latestVersion + 1})</Link>
          </p>
        ) : null}
        <p className="lede">{d.path.summary}</p>
        <p className="note">
          Each step applies on the previous step's result: a later rule of the same type on the same unit replaces
          the earlier one, a spin-off, unbundling, interoperability opening, data ban or fine adds to it (decision
          018). Bands are the 80% range (P10 to P90) of {formatNumber(d.bands.draws)} seeded draws (seed {d.bands.seed}) of
          every ranged assumption and rule parameter. A model, not a forecast.
        </p>
      </header>

      <PathWhatIf tunables={d.tunables} whatIf={d.whatIf} keep={d.saved && d.saved.version !== d.saved.latestVersion ? { v: String(d.saved.version) } : {}} />

      <section aria-labelledby="events">
        <h2 id="events">Events on the time axis</h2>
        <ol className="path-events">
          {d.steps.map((s, k) => (
            <li key={s.date} value={k + 1}>
              <time dateTime={s.date}>{s.date}</time> {s.label}
              {s.hypothetical && <strong> (hypothetical)</strong>}
              {s.scenarios.length > 0 && (
                <>
                  {" "}
                  ({s.scenarios.map((id, i) => (
                    <span key={id}>
                      {i > 0 && ", "}
                      <Link to={`/scenarios/${id}`}>{id}</Link>
                    </span>
                  ))}
                  )
                </>
              )}
            </li>
          ))}
        </ol>
        <TimeChartLegend reported={false} />
        <div className="time-grid">
          {CHARTED.map((key) => (
            <TimeChart
              key={key}
              id={`chart-${key}`}
              title={`${labelOf(key)}, ${unitOf(key)}`}
              states={headlineStates(d, key)}
              events={events}
              format={(v) => formatFigure(v, unitOf(key))}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="step-table">
        <h2 id="step-table">Figures step by step</h2>
        {stepParts(d.steps.length, room).map((part, i, parts) => (
          // Focusable: at the desk, with many steps, the table scrolls sideways, and a keyboard must reach it too (axe).
          <div
            className="table-wrap"
            tabIndex={0}
            role="region"
            key={part.first}
            {...(parts.length === 1 ? { "aria-labelledby": "step-table" } : { "aria-label": `Figures step by step, ${partName(part, d.steps.length)}` })}
          >
            <StepsTable d={d} part={part} id={i === 0 ? "path-steps" : `path-steps-${i + 1}`} of={parts.length > 1 ? partName(part, d.steps.length) : null} />
          </div>
        ))}
      </section>

      <section aria-labelledby="by-step">
        <h2 id="by-step">Attribution by step</h2>
        <div className="table-wrap">
          <table className="data-table" id="attribution-by-step">
            <caption>
              Change of each headline figure from the previous step (the first from the baseline); money in RMB bn, reach
              in m users
            </caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                {HEADLINE_KEYS.map((key) => (
                  <th scope="col" className="numeric" key={key} title={labelOf(key)}>
                    {shortOf(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.steps.map((s, k) => (
                <tr key={s.date} data-row-id={`step-${k + 1}`}>
                  <th scope="row" className="wrap">
                    {k + 1}. {s.date} {s.label}
                  </th>
                  {HEADLINE_KEYS.map((key) => (
                    <td className="numeric" key={key} data-field={key}>
                      {formatSigned(s.change[key], unitOf(key))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="steps">
        <h2 id="steps">Each step: its rules and their parts</h2>
        {d.steps.map((s, k) => (
          <section key={s.date} className="path-step" aria-labelledby={`step-${k + 1}`}>
            <h3 id={`step-${k + 1}`}>
              {k + 1}. <time dateTime={s.date}>{s.date}</time> {s.label}
            </h3>
            {s.note && <p>{s.note}</p>}
            {s.replaced.length > 0 && (
              <ul className="replaced">
                {s.replaced.map((r) => (
                  <li key={r.id}>
                    Replaces <code>{r.id}</code> (by <code>{r.by}</code>)
                    {r.narrowedTo ? `; it stays in force for ${r.narrowedTo.join(", ")}` : ""}
                  </li>
                ))}
              </ul>
            )}
            <div className="table-wrap">
              <table className="data-table" id={`attribution-step-${k + 1}`}>
                <caption>
                  Step {k + 1}: each rule's part of the step's change (Shapley values over the step's rules; they add
                  up); money in RMB bn, reach in m users
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Rule (type)</th>
                    {HEADLINE_KEYS.map((key) => (
                      <th scope="col" className="numeric" key={key} title={labelOf(key)}>
                        {shortOf(key)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.attribution.ids.map((id, i) => {
                    const rule = s.rules.find((r) => r.id === id);
                    return (
                      <tr key={id} data-row-id={id}>
                        <th scope="row" className="wrap">
                          {s.attribution.labels[i]}{" "}
                          <code className="rule-id">
                            {id} ({rule?.type ?? "assumptions"})
                          </code>
                        </th>
                        {HEADLINE_KEYS.map((key) => (
                          <td className="numeric" key={key}>
                            {formatSigned(s.attribution.byRule[key][i] ?? 0, unitOf(key))}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Step change</th>
                    {HEADLINE_KEYS.map((key) => (
                      <td className="numeric" key={key}>
                        {formatSigned(s.change[key], unitOf(key))}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        ))}
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
