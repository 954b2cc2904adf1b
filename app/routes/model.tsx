/**
 * /model: the baseline model of Ant Group (mid-2020) for a workshop to look at before any scenario.
 * Every figure links to its source or assumption; every chart has a table with the same numbers, so the page
 * reads completely without JavaScript.
 */
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { CapitalSection } from "~/components/model-page/CapitalSection";
import { FactsSection } from "~/components/model-page/FactsSection";
import { FlowsSection } from "~/components/model-page/FlowsSection";
import { MarketsSection } from "~/components/model-page/MarketsSection";
import { Fig, ProvenanceProvider } from "~/components/model-page/Provenance";
import { ServicesSection } from "~/components/model-page/ServicesSection";
import { AssumptionsSection, SourcesSection } from "~/components/model-page/SourcesSection";
import { UnitsSection } from "~/components/model-page/UnitsSection";
import { loadModelPage } from "~/services/model-page.server";
import { formatRmbBn } from "~/utils/format";

export const meta: MetaFunction = () => [
  { title: "Baseline model · Ant Group regulatory scenarios" },
  { name: "description", content: "Ant Group as it stood in mid-2020: units, services, markets, credit, sources and assumptions." },
];

export async function loader() {
  return loadModelPage();
}

const CONTENTS = [
  ["units", "Units"],
  ["services", "Services"],
  ["markets", "Markets and HHI"],
  ["credit", "Credit, funds, parameters"],
  ["data-flows", "Data flows"],
  ["assumptions", "Assumptions"],
  ["facts", "Fact register"],
  ["sources", "Sources"],
] as const;

export default function ModelPage() {
  const { model, facts, scenariosByUnit } = useLoaderData<typeof loader>();
  const { group } = model;
  return (
    <ProvenanceProvider model={model}>
      <main id="main" className="page model-page">
        <header className="page-header">
          <h1>Ant Group, mid-2020: the baseline model</h1>
          <p className="lede">
            These numbers are a model, not a forecast: facts carry the key of their public source (S…), and
            everything else is a labelled assumption (A…) with a plausible range. Select a marker to see where a
            figure comes from.
          </p>
          <dl className="headline">
            <div>
              <dt>Consolidated revenue, a year</dt>
              <dd data-figure="group-revenue">
                <Fig text={`${formatRmbBn(group.revenue)} RMB bn`} table="group" rowId="group" field="revenue" />
              </dd>
            </div>
            <div>
              <dt>Net profit, a year</dt>
              <dd data-figure="group-net-profit">
                <Fig text={`${formatRmbBn(group.netProfit)} RMB bn`} table="group" rowId="group" field="netProfit" />
              </dd>
            </div>
            <div>
              <dt>Paid-in capital (holding company)</dt>
              <dd data-figure="group-paid-in-capital">
                <Fig text={`${formatRmbBn(group.paidInCapital)} RMB bn`} table="group" rowId="group" field="paidInCapital" />
              </dd>
            </div>
            <div>
              <dt>As of</dt>
              <dd>{group.asOf}</dd>
            </div>
          </dl>
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
        <UnitsSection model={model} scenariosByUnit={scenariosByUnit} />
        <ServicesSection model={model} />
        <MarketsSection model={model} />
        <CapitalSection model={model} />
        <FlowsSection model={model} />
        <AssumptionsSection model={model} />
        <FactsSection facts={facts} />
        <SourcesSection model={model} facts={facts} />
      </main>
    </ProvenanceProvider>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
