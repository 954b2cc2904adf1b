/**
 * /model/about: the model's documentation, in the order model-risk guidance (SR 11-7) asks for: purpose and
 * intended use, conceptual soundness (each mechanism with its argument and sources), data and assumptions with
 * ranges, limits, outcomes analysis (the back-test), sensitivity, and the change log (the decision records).
 * Built from the files and data that already say each part (app/services/model-docs.server.ts).
 */
import { data, type LinksFunction, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { HEADLINE_LABELS } from "~/scenarios/format-result";
import { loadModelAbout } from "~/services/model-page.server";
import historyStyles from "~/styles/history.css";
import { formatRangeParts, formatUnitParts } from "~/utils/format";
import { formatFigure } from "~/components/history/figures-format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: historyStyles }];

export const meta: MetaFunction = () => [
  { title: "About the model · Ant Group regulatory scenarios" },
  { name: "description", content: "Purpose, mechanisms, assumptions, limits, back-test, sensitivity and change log of the model." },
];

export function loader() {
  return loadModelAbout();
}

const CONTENTS = [
  ["purpose", "Purpose and intended use"],
  ["mechanisms", "Mechanisms"],
  ["assumptions", "Data and assumptions"],
  ["limits", "Limits"],
  ["outcomes", "Outcomes analysis"],
  ["sensitivity", "Sensitivity"],
  ["changes", "Change log"],
] as const;

/** A value or range as formatWithUnit / formatRange write it; the figure never breaks, in the room view (room.css) the unit's words may wrap beneath it when the page is narrow. */
function FigureWithUnit({ number, suffix }: { number: string; suffix: string }) {
  return (
    <>
      <span className="figure">{number}</span>
      {suffix}
    </>
  );
}

export default function ModelAboutPage() {
  const d = useLoaderData<typeof loader>();
  const engine = d.assumptions.filter((a) => a.id);
  return (
    <main id="main" className="page about-page">
      <header className="page-header">
        <h1>About the model</h1>
        <p className="lede">
          What the model is for, how it works, what it rests on, what it cannot say, how it did against history, what
          its figures hinge on, and how it changed. Laid out as model-risk guidance (the US Fed/OCC SR 11-7) asks.
        </p>
        <nav aria-label="On this page" className="toc">
          <ul>
            {CONTENTS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <section aria-labelledby="purpose">
        <h2 id="purpose">Purpose and intended use</h2>
        <p>
          A workshop tool: it applies regulatory scenarios (data-privacy, anti-monopoly and capital rules) to a model
          of Ant Group as it stood in mid-2020 and shows what moves: revenue, profit, capital, the services inside
          Alipay, market shares and concentration. It is for comparing rules and seeing which mechanism drives a
          change, with the uncertainty the ranges imply. It is not a forecast, a valuation or investment advice: the
          baseline does not grow, and every figure is a sourced fact or a labelled assumption with a range (see{" "}
          <Link to="/model">the baseline model</Link>).
        </p>
      </section>

      <section aria-labelledby="mechanisms">
        <h2 id="mechanisms">Mechanisms: how each rule moves the numbers</h2>
        <p>
          The engine's own account of its arithmetic, kept with its code; each coefficient is an assumption listed
          below with its range and rationale, each fact carries its source key.
        </p>
        {d.mechanisms.map((m) => (
          <section key={m.heading} aria-label={m.heading}>
            <h3>{m.heading}</h3>
            <pre className="mechanism">{m.text}</pre>
          </section>
        ))}
      </section>

      <section aria-labelledby="assumptions">
        <h2 id="assumptions">Data and assumptions</h2>
        <p>
          Facts come from the project's fact register (<Link to="/model#facts">on the model page</Link>, with their
          sources). Everything the register does not give is an assumption with a value and a range; the bands on
          every page draw from these ranges.
        </p>
        <div className="table-wrap">
          <table className="data-table" id="about-assumptions">
            <caption>Assumptions: value, range and why ({engine.length})</caption>
            <thead>
              <tr>
                <th scope="col">Assumption</th>
                <th scope="col" className="numeric">
                  Value
                </th>
                <th scope="col" className="numeric">
                  Range
                </th>
                <th scope="col">Rationale</th>
              </tr>
            </thead>
            <tbody>
              {engine.map((a) => (
                <tr key={a.id} data-row-id={a.id}>
                  <th scope="row" className="wrap">
                    {a.label} <code className="rule-id">{a.id}</code>
                  </th>
                  <td className="numeric">
                    <FigureWithUnit {...formatUnitParts(a.value, a.unit)} />
                  </td>
                  <td className="numeric">
                    <FigureWithUnit {...formatRangeParts(a.low, a.high, a.unit)} />
                  </td>
                  <td className="wrap">
                    {a.rationale}
                    {a.sourceKeys.length > 0 ? ` [${a.sourceKeys.join(", ")}]` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="limits">
        <h2 id="limits">Limits: what this model cannot say</h2>
        <ul>
          <li>
            <strong>Governance and control.</strong> The model has stakes and consolidation, not control rights: the
            January 2023 change that cut Jack Ma's voting control from 53.46% to 6.2% [S54] moves none of its figures,
            though it mattered to regulators and investors.
          </li>
          <li>
            <strong>Risk premia and sentiment.</strong> Equity value is profit times a multiple calibrated to the 2020
            IPO; a market that demands a higher return of a company under rectification (the 2023 buyback at 567.1 RMB
            bn [S57]) is outside it.
          </li>
          <li>
            <strong>Regulators' discretion.</strong> Rules are modelled as written, with their parameters; how strictly
            a regulator applies them, informal guidance, and timing beyond the stated dates are not.
          </li>
          <li>
            <strong>Second-order market effects.</strong> Rivals' responses, customers moving between platforms beyond
            the stated share shifts, funding costs moving with the credit cycle, and growth of the market are not
            modelled: the baseline is mid-2020 and does not grow.
          </li>
          <li>
            <strong>Paths are sums of rules, not histories.</strong> A path applies rules cumulatively to the mid-2020
            baseline; it does not carry the economy forward between steps.
          </li>
        </ul>
      </section>

      <section aria-labelledby="outcomes">
        <h2 id="outcomes">Outcomes analysis</h2>
        {d.coverage ? (
          <p className="coverage" data-figure="about-coverage">
            {d.coverage.inside} of {d.coverage.outputs} model outputs inside their 80% band
          </p>
        ) : (
          <p>The back-test is unavailable (the what-happened path is missing or invalid).</p>
        )}
        <p>
          {d.outcomes} reported outcomes are compared with the model along the 2020-2024 path; {d.inputs} of them were
          typed into the model (the baseline or a rule holds them) and are shown but not counted. Every row, its
          source and the chart: <Link to="/history">the back-test</Link>.
        </p>
      </section>

      <section aria-labelledby="sensitivity">
        <h2 id="sensitivity">Sensitivity</h2>
        {d.sensitivity && d.sensitivity.swings.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table" id="about-sensitivity">
              <caption>
                What {HEADLINE_LABELS[d.sensitivity.metric].label.toLowerCase()} hinges on, after the last step of what
                happened ({d.sensitivity.date}): each input from its low to its high, the others at their values
              </caption>
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="numeric">
                    At its low (RMB bn)
                  </th>
                  <th scope="col" className="numeric">
                    At its high (RMB bn)
                  </th>
                  <th scope="col" className="numeric">
                    Swing
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.sensitivity.swings.map((s) => (
                  <tr key={s.id} data-row-id={s.id}>
                    <th scope="row" className="wrap">
                      {s.label}
                    </th>
                    <td>{s.kind}</td>
                    <td className="numeric">{formatFigure(s.low, "RMB bn")}</td>
                    <td className="numeric">{formatFigure(s.high, "RMB bn")}</td>
                    <td className="numeric">{formatFigure(Math.abs(s.high - s.low), "RMB bn")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No input moves the figure.</p>
        )}
      </section>

      <section aria-labelledby="changes">
        <h2 id="changes">Change log: the decision records</h2>
        <ol className="decisions">
          {d.decisions.map((x) => (
            <li key={x.file} value={Number(x.number)}>
              <strong>
                {x.number}: {x.title}
              </strong>{" "}
              ({x.date || "undated"}
              {x.status ? `, ${x.status.toLowerCase()}` : ""}). {x.decision} <code className="rule-id">{x.file}</code>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
