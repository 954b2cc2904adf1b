/**
 * The scenario page's downloads and its way into presentation mode, all following the current what-if:
 * the result as CSV and JSON and the scenario as YAML (plain links to the export routes: they work without
 * JavaScript), the deck, and each chart of the page as SVG or PNG (made in the browser, so only with JavaScript).
 */
import { useEffect, useState } from "react";

import { chartFileName, chartPngBlob, chartSvgBlob, downloadBlob } from "./chart-image";
import { EXPORT_FORMATS, exportHref, type ExportFormat } from "./files";

/**
 * `search`: the what-if keys (and `v` for a variant version) as a query string without `?`;
 * `keep`: other view state the deck should keep (e.g. `bands`).
 */
export function ExportBar({ id, search, keep = {} }: { id: string; search: string; keep?: Record<string, string> }) {
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
          <a key={f} href={exportHref(id, f, search)} download data-export={f}>
            {EXPORT_FORMATS[f].label}
          </a>
        ))}
      </span>
      <PageChartDownloads />
    </section>
  );
}

/** A picker of the page's charts (every `figure[data-chart]`) with SVG and PNG buttons. */
function PageChartDownloads() {
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

  if (charts === null)
    return (
      <span className="export-charts export-charts-nojs" data-testid="chart-downloads-nojs">
        Chart images need JavaScript.
      </span>
    );
  if (charts.length === 0) return null;

  async function save(kind: "svg" | "png") {
    setError(null);
    const figure = document.querySelector(`figure[data-chart="${CSS.escape(chosen)}"]`);
    if (!figure) return setError("That chart is not on the page.");
    try {
      downloadBlob(kind === "svg" ? chartSvgBlob(figure) : await chartPngBlob(figure), chartFileName(chosen, kind));
    } catch (e) {
      setError(e instanceof Error ? `The image could not be made: ${e.message}.` : "The image could not be made.");
    }
  }

  return (
    <span className="export-charts">
      <label>
        <span className="export-label">Chart image:</span>{" "}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="chart-picker">
          {charts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void save("svg")} data-kind="svg">
        SVG
      </button>
      <button type="button" onClick={() => void save("png")} data-kind="png">
        PNG
      </button>
      {error ? (
        <span role="alert" className="export-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
