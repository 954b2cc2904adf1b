/**
 * "Download chart as SVG / PNG" for the charts on a page. Made in the browser from the drawn chart, so the
 * buttons appear only once JavaScript runs; without it a note says so (the CSV/JSON/YAML links work anyway).
 */
import { useEffect, useState } from "react";

import { chartFileName, chartPngBlob, chartSvgBlob, downloadBlob, type ChartStamp } from "./chart-image";

function figureFor(chartId: string): Element | null {
  return document.querySelector(`figure[data-chart="${CSS.escape(chartId)}"]`);
}

/** SVG and PNG buttons for the charts named by their `data-chart` ids (ChartFrame's `id`). */
export function ChartDownloads({ charts, label = "Chart image", stamp = null }: { charts: Array<{ id: string; name: string }>; label?: string; stamp?: ChartStamp | null }) {
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => setReady(true), []);

  async function save(chartId: string, kind: "svg" | "png") {
    setError(null);
    const figure = figureFor(chartId);
    if (!figure) return setError("This chart is not on the page.");
    try {
      const blob = kind === "svg" ? chartSvgBlob(figure, stamp) : await chartPngBlob(figure, stamp);
      downloadBlob(blob, chartFileName(chartId, kind));
    } catch (e) {
      setError(e instanceof Error ? `The image could not be made: ${e.message}.` : "The image could not be made.");
    }
  }

  if (charts.length === 0) return null;
  if (!ready)
    return (
      <p className="chart-downloads chart-downloads-nojs" data-testid="chart-downloads-nojs">
        {label}: needs JavaScript.
      </p>
    );
  // Several charts: one picker and one pair of buttons, so the deck's bar stays one line (issue 13 §8).
  const current = charts.find((c) => c.id === chosen) ?? charts[0]!;
  const shown = charts.length > 1 ? [current] : charts;
  return (
    <div className="chart-downloads" role="group" aria-label={`${label} downloads`}>
      {charts.length > 1 ? (
        <label className="chart-download-pick">
          <span className="chart-download-name">{label}:</span>{" "}
          <select value={current.id} onChange={(e) => setChosen(e.target.value)} data-testid="deck-chart-picker">
            {charts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {shown.map((c) => (
        <span key={c.id} className="chart-download">
          {charts.length > 1 ? null : <span className="chart-download-name">{label}:</span>}
          <button type="button" data-chart-download={c.id} data-kind="svg" onClick={() => void save(c.id, "svg")} aria-label={`Download ${c.name} as SVG`}>
            SVG
          </button>
          <button type="button" data-chart-download={c.id} data-kind="png" onClick={() => void save(c.id, "png")} aria-label={`Download ${c.name} as PNG`}>
            PNG
          </button>
        </span>
      ))}
      {error ? (
        <span role="alert" className="chart-download-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
