/**
 * /history: the back-test. Every reported outcome the model can produce beside the model's value on the
 * what-happened path at that date, with its 80% band, the error and whether the reported value falls inside.
 * Figures typed in from history are shown and marked, never counted. The coverage line is what it is.
 */
import { data, type LinksFunction, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";

import { TimeChart, TimeChartLegend, type ChartReported, type ChartState } from "~/components/history/TimeChart";
import { formatNumber } from "~/utils/format";
import { formatBand, formatFigure, formatSigned } from "~/components/history/figures-format";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { MODEL_FIGURES } from "~/history/figures";
import { getHistory, HISTORY_PATH_ID } from "~/services/history.server";
import historyStyles from "~/styles/history.css";
import { throwErrorPage } from "~/services/errors.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: historyStyles }];

export const meta: MetaFunction = () => [
  { title: "Back-test against what happened · Ant Group regulatory scenarios" },
  { name: "description", content: "The model's figures on the 2020-2024 path against the reported outcomes, with 80% bands and coverage." },
];

export async function loader() {
  try {
    const h = await getHistory();
    if (h.status === "unavailable") throw data({ title: "The back-test is unavailable", message: h.reason }, { status: 500 });
    const { view, backtest } = h;
    const { payload, bands } = view;
    // The model's path of each figure that has a reported outcome, for the charts.
    const figures = MODEL_FIGURES.filter((f) => backtest.rows.some((r) => r.figure === f.id)).map((f) => ({
      id: f.id,
      label: f.label,
      unit: f.unit,
      states: [
        { date: "2020-06", value: payload.baseline.figures[f.id] ?? null, low: bands.baseline.figures[f.id]?.p10, high: bands.baseline.figures[f.id]?.p90 },
        ...payload.steps.map((s, k) => ({
          date: s.date,
          value: s.figures[f.id] ?? null,
          low: bands.steps[k]!.figures[f.id]?.p10,
          high: bands.steps[k]!.figures[f.id]?.p90,
        })),
      ] satisfies ChartState[],
    }));
    return {
      coverage: backtest.coverage,
      rows: backtest.rows,
      missing: backtest.missing,
      figures,
      events: payload.steps.map((s, k) => ({ date: s.date, n: k + 1, label: s.label })),
      draws: bands.draws,
      seed: bands.seed,
      pathTitle: payload.path.title,
    };
  } catch (error) {
    throwErrorPage(error, "history");
  }
}

const kindOf = (r: { input: boolean; inside: boolean | null }): ChartReported["kind"] => (r.input ? "input" : r.inside ? "inside" : "outside");

/** Text naming rules by their ids (`2021-rectification.consumer-finance-capital`), with a line break allowed after
 * each dot followed by a letter (never inside a number), as after a hyphen: a narrow column (the room view at 1366) then wraps an id between its parts. */
function breakAfterDots(text: string) {
  return text.split(/(?<=\w\.)(?=[A-Za-z])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

export default function HistoryPage() {
  const d = useLoaderData<typeof loader>();
  const inputs = d.rows.filter((r) => r.input).length;
  const notProduced = d.rows.filter((r) => !r.input && r.model === null).length;
  return (
    <main id="main" className="page history-page">
      <header className="page-header">
        <h1>Back-test: the model against what happened</h1>
        <p className="lede">
          The model is run along the path <Link to={`/paths/${HISTORY_PATH_ID}`}>{d.pathTitle}</Link>, each rule on the
          previous step's result. Each reported outcome is compared with the model's value at its date and with the
          model's 80% band (P10 to P90 of {formatNumber(d.draws)} seeded draws, seed {d.seed}).
        </p>
        <p className="coverage" data-figure="coverage">
          {d.coverage.inside} of {d.coverage.outputs} model outputs inside their 80% band
        </p>
        <p className="note">
          Not counted: {inputs} reported figure{inputs === 1 ? " was" : "s were"} typed into the model (the baseline
          or a rule holds it), so matching it proves nothing
          {notProduced > 0 ? `; ${notProduced} the engine does not produce yet` : ""}. A well-calibrated 80% band
          holds the reported value about 8 times in 10; far fewer says the bands are too narrow or the mechanisms
          miss something (see <Link to="/model/about#limits">what the model cannot say</Link>).
        </p>
        {d.missing.length > 0 && (
          <p role="alert">Outcomes whose fact is missing from the register: {d.missing.join("; ")}</p>
        )}
      </header>

      <section aria-labelledby="rows">
        <h2 id="rows">Every reported outcome</h2>
        <div className="table-wrap">
          <table className="data-table" id="backtest">
            <caption>Reported value, the model on the path at that date, its 80% band, the error; inputs are marked and not counted</caption>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">Date</th>
                <th scope="col" className="numeric">
                  Reported
                </th>
                <th scope="col">Source</th>
                <th scope="col" className="numeric">
                  Model
                </th>
                <th scope="col" className="numeric">
                  80% band
                </th>
                <th scope="col" className="numeric">
                  Error
                </th>
                <th scope="col">Inside?</th>
                <th scope="col">Input?</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={`${r.fact}-${r.factLabel}`} data-row-id={`${r.fact}:${r.factLabel}`}>
                  <th scope="row" className="wrap">
                    {r.metric}
                    <span className="rule-id">
                      {r.factLabel}; model at step: {r.stepLabel}
                    </span>
                  </th>
                  <td>{r.date}</td>
                  <td className="numeric" data-field="reported">
                    {r.comparison === "at-least" ? "more than " : ""}
                    {formatFigure(r.reported, r.unit)}
                  </td>
                  <td data-field="source">
                    <Link to={`/model#fact-${r.fact}`}>{r.source}</Link>
                  </td>
                  <td className="numeric" data-field="model">
                    {r.model === null ? "not produced" : formatFigure(r.model, r.unit)}
                  </td>
                  <td className="numeric" data-field="band">
                    {formatBand(r.low, r.high, r.unit)}
                  </td>
                  <td className="numeric" data-field="error">
                    {r.error === null ? "n/a" : formatSigned(r.error, r.unit)}
                  </td>
                  <td data-field="inside">{r.inside === null ? "no band" : r.inside ? "inside" : "outside"}</td>
                  <td data-field="input" className="wrap">
                    {r.input ? breakAfterDots(`input: ${r.inputReason}`) : "no: a model output"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="charts">
        <h2 id="charts">Model against reported, over time</h2>
        <TimeChartLegend reported />
        <ol className="path-events">
          {d.events.map((e) => (
            <li key={e.n} value={e.n}>
              <time dateTime={e.date}>{e.date}</time> {e.label}
            </li>
          ))}
        </ol>
        <div className="time-grid">
          {d.figures.map((f) => (
            <TimeChart
              key={f.id}
              id={`history-${f.id}`}
              title={`${f.label}${f.unit === "share" ? "" : `, ${f.unit}`}`}
              states={f.states}
              events={d.events}
              reported={d.rows
                .filter((r) => r.figure === f.id)
                .map((r) => ({ date: r.date, value: r.reported, label: r.factLabel, kind: kindOf(r) }))}
              format={(v) => formatFigure(v, f.unit)}
            />
          ))}
        </div>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
