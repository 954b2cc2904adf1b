/**
 * The scenario page's downloads and its way into presentation mode, all following the current what-if:
 * the result as CSV and JSON and the scenario as YAML (plain links to the export routes: they work without
 * JavaScript), the deck, and each chart of the page as SVG or PNG (made in the browser, so only with JavaScript).
 */
import { useEffect, useState } from "react";

import { chartFileName, chartPngBlob, chartSvgBlob, downloadBlob, type ChartStamp } from "./chart-image";
import { EXPORT_FORMATS, exportHref, type ExportFormat } from "./files";

/**
 * `search`: the what-if keys (and `v` for a variant version) as a query string without `?`;
 * `keep`: other view state the deck should keep (e.g. `bands`); `stamp`: what a chart image says about itself.
 */
export function ExportBar({
  id,
  search,
  keep = {},
  stamp = null,
  ranges = null,
}: {
  id: string;
  search: string;
  keep?: Record<string, string>;
  stamp?: ChartStamp | null;
  /** The page's draws and seed: the CSV and JSON carry the same 80% ranges as the page. */
  ranges?: { draws: number; seed: number } | null;
}) {
  const presentParams = new URLSearchParams(search);
  for (const [k, v] of Object.entries(keep)) presentParams.set(k, v);
  const present = presentParams.toString();
  return (
    <section className="export-bar" aria-labelledby="export-bar-heading" data-testid="export-bar">
      <h2 id="export-bar-heading" className="visually-hidden">
        Downloads and presentation
      </h2>
      <a className="export-present" href={`/present/${encodeURIComponent(id)}${present ? `?${present}` : ""}`} data-testid="present-link">
        Present as slides
      </a>
      <span className="export-links">
        <span className="export-label">Download:</span>
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
          <a key={f} href={exportHref(id, f, search, ranges)} download data-export={f}>
            {EXPORT_FORMATS[f].label}
          </a>
        ))}
      </span>
      <PageChartDownloads stamp={stamp} />
    </section>
  );
}

/**
 * A picker of the page's charts (every `figure[data-chart]`) with SVG and PNG buttons. The controls are there
 * from the server's render, disabled until JavaScript has found the charts, so the bar keeps its size when the
 * page hydrates (no layout shift, issue 13 §8); without JavaScript they stay disabled and say why.
 */
function PageChartDownloads({ stamp }: { stamp: ChartStamp | null }) {
  const [charts, setCharts] = useState<Array<{ id: string; name: string }> | null>(null);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const found = [...document.querySelectorAll("figure[data-chart]")].map((f) => ({
      id: f.getAttribute("data-chart") ?? "",
      name: f.querySelector("figcaption")?.textContent?.trim() || (f.getAttribute("data-chart") ?? ""),
    }));
    setCharts(found.filter((c) => c.id));
    setChosen(found[0]?.id ?? "");
  }, []);
  async function save(kind: "svg" | "png") {
    setError(null);
    const figure = document.querySelector(`figure[data-chart="${CSS.escape(chosen)}"]`);
    if (!figure) return setError("That chart is not on the page.");
    try {
      downloadBlob(kind === "svg" ? chartSvgBlob(figure, stamp) : await chartPngBlob(figure, stamp), chartFileName(chosen, kind));
    } catch (e) {
      setError(e instanceof Error ? `The image could not be made: ${e.message}.` : "The image could not be made.");
    }
  }
  const ready = charts !== null && charts.length > 0;
  return (
    <span className="export-charts" data-ready={ready ? "true" : "false"}>
      <label>
        <span className="export-label">Chart image:</span>{" "}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="chart-picker" disabled={!ready}>
          {ready ? (
            charts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))
          ) : (
            <option value="">{charts === null ? "needs JavaScript" : "no chart on this page"}</option>
          )}
        </select>
      </label>
      <button type="button" onClick={() => void save("svg")} data-kind="svg" disabled={!ready}>
        SVG
      </button>
      <button type="button" onClick={() => void save("png")} data-kind="png" disabled={!ready}>
        PNG
      </button>
      {charts === null ? (
        <span className="visually-hidden" data-testid="chart-downloads-nojs">
          Chart images need JavaScript.
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="export-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
