/**
 * A chart on the page as a standalone image: its recharts <svg> cloned with the styles the page's CSS gave it
 * written onto each element (so it looks the same outside the page), the fill patterns it refers to copied in,
 * a white background, the chart's title and legend (HTML on the page) drawn above it, and a stamp below it: the
 * scenario, the what-if's changed values, the date and the caveat (issue 13 §6).
 * SVG as text; PNG by drawing that SVG on a canvas at twice its size. Browser only, except the pure helpers.
 */

import { wrapWords } from "../charts/svgText";

/** Escapes text for an XML text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

export type LegendEntry = { label: string; color: string; hatch: boolean; range?: boolean };

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";

/**
 * The title and legend as SVG, laid out in rows no wider than `width` (text width estimated from its length:
 * exact measuring needs a browser, and a slightly generous estimate only leaves a little more space).
 */
export function headerSvg(title: string, legend: LegendEntry[], width: number, scale = 1): { markup: string; height: number } {
  const size = 20 * scale;
  const small = 16 * scale;
  const pad = 12 * scale;
  const parts: string[] = [];
  let y = pad + size;
  parts.push(`<text x="${pad}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="650" fill="#1a1a1a">${escapeXml(title)}</text>`);
  if (legend.length > 0) {
    y += pad + small;
    let x = pad;
    for (const item of legend) {
      const w = small * 1.4 + item.label.length * small * 0.56 + pad * 1.5;
      if (x + w > width - pad && x > pad) {
        x = pad;
        y += small * 1.5;
      }
      const fill = item.hatch ? `url(#export-hatch-${legendPatternId(item.color)})` : item.color;
      const mid = y - small * 0.35;
      parts.push(
        item.range
          ? `<path d="M${x},${mid}H${x + small}M${x},${mid - small * 0.4}V${mid + small * 0.4}M${x + small},${mid - small * 0.4}V${mid + small * 0.4}" stroke="${escapeXml(item.color)}" stroke-width="2" fill="none"/>`
          : `<rect x="${x}" y="${y - small * 0.85}" width="${small}" height="${small}" fill="${escapeXml(fill)}" stroke="rgba(0,0,0,0.3)"/>`,
        `<text x="${x + small * 1.4}" y="${y}" font-family="${FONT}" font-size="${small}" fill="#1a1a1a">${escapeXml(item.label)}</text>`,
      );
      x += w;
    }
  }
  const hatches = [...new Set(legend.filter((l) => l.hatch).map((l) => l.color))].map(
    (c) =>
      `<pattern id="export-hatch-${legendPatternId(c)}" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="7" height="7" fill="${escapeXml(c)}" opacity="0.35"/><line x1="0" y1="0" x2="0" y2="7" stroke="${escapeXml(c)}" stroke-width="4"/></pattern>`,
  );
  const defs = hatches.length > 0 ? `<defs>${hatches.join("")}</defs>` : "";
  return { markup: `${defs}${parts.join("")}`, height: y + pad * 1.5 };
}

/** What an exported chart image says about itself beyond its title (issue 13 §6). */
export interface ChartStamp {
  /** The scenario's title (and version, for a saved variant). */
  scenario: string;
  /** The what-if's moved values, one line each: "Label: 30% → 40%". Empty: as in the file. */
  changes: string[];
}

/** The caveat every exported chart carries (the model's own wording elsewhere: a what-if, not a forecast). */
export function stampCaveat(withRanges: boolean): string {
  return `Model output, illustrative: a what-if on the mid-2020 model of Ant Group, not a forecast.${withRanges ? " 80% range shown (10th to 90th percentile of the draws)." : ""}`;
}

/** Wrap of `text` to lines of about `width` units at `size` (length-estimated, as headerSvg). */
function wrapToWidth(text: string, width: number, size: number): string[] {
  return wrapWords(text, Math.max(20, Math.floor(width / (size * 0.55))));
}

/**
 * The stamp under an exported chart: the scenario, the what-if's changed values, the date and the caveat,
 * as SVG text starting at `top`, wrapped to `width`.
 */
export function stampSvg(stamp: ChartStamp, opts: { width: number; top: number; date: string; withRanges: boolean }): { markup: string; height: number } {
  const size = 15;
  const pad = 12;
  const lh = size * 1.35;
  const lines: Array<{ text: string; bold?: boolean }> = [{ text: `Scenario: ${stamp.scenario}`, bold: true }];
  if (stamp.changes.length === 0) lines.push({ text: "What-if: no value changed from the scenario file." });
  else for (const [i, c] of stamp.changes.entries()) for (const l of wrapToWidth(`${i === 0 ? "What-if changed: " : "  "}${c}`, opts.width - 2 * pad, size)) lines.push({ text: l });
  for (const l of wrapToWidth(`Exported ${opts.date}. ${stampCaveat(opts.withRanges)}`, opts.width - 2 * pad, size)) lines.push({ text: l });
  let y = opts.top + pad;
  const parts = [`<line x1="${pad}" x2="${opts.width - pad}" y1="${y}" y2="${y}" stroke="#d0d0d0"/>`];
  y += pad / 2;
  for (const l of lines) {
    y += lh;
    parts.push(`<text x="${pad}" y="${y}" font-family="${FONT}" font-size="${size}"${l.bold ? ' font-weight="650"' : ""} fill="#1a1a1a" data-stamp="">${escapeXml(l.text)}</text>`);
  }
  return { markup: `<g class="export-stamp">${parts.join("")}</g>`, height: y - opts.top + pad };
}

function legendPatternId(color: string): string {
  return color.replace(/[^a-zA-Z0-9]/g, "");
}

/** A file name for a chart image: its `data-chart` id, which is already a slug. */
export function chartFileName(chartId: string, ext: "svg" | "png"): string {
  const safe = chartId.replace(/[^a-z0-9-]+/gi, "-").replace(/^-+|-+$/g, "") || "chart";
  return `${safe}.${ext}`;
}

// ---- browser ------------------------------------------------------------------------------------------------

const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;

/** Copies the computed presentation styles of `from` (and its descendants) onto `to`, a clone of it. */
function inlineStyles(from: Element, to: Element) {
  const computed = getComputedStyle(from);
  const style: string[] = [];
  for (const p of STYLE_PROPS) {
    const v = computed.getPropertyValue(p);
    if (v) style.push(`${p}:${v}`);
  }
  if (style.length > 0) to.setAttribute("style", style.join(";"));
  to.removeAttribute("class");
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i]!, b[i]!);
}

/** The legend of a chart's <figure> (ChartFrame's HTML list). */
function readLegend(figure: Element): LegendEntry[] {
  return [...figure.querySelectorAll(".legend li")].map((li) => {
    const swatch = li.querySelector<HTMLElement>(".swatch");
    const range = li.getAttribute("data-legend") === "range";
    return {
      label: li.textContent?.trim() ?? "",
      color: range ? "#1a1a1a" : swatch?.style.backgroundColor || "#888888",
      hatch: swatch?.classList.contains("swatch-hatch") ?? false,
      range,
    };
  });
}

/** Today as YYYY-MM-DD (the stamp's date). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The chart in `figure` as standalone SVG text, with its intrinsic size: its drawing (recharts, or the plain SVG
 * before recharts has replaced it), its title and legend above, and the stamp below.
 */
export function chartSvg(figure: Element, stamp: ChartStamp | null = null): { svg: string; width: number; height: number } {
  const source = figure.querySelector<SVGSVGElement>(".chart-canvas svg.recharts-surface, .chart-canvas svg.chart-svg, svg.recharts-surface");
  if (!source) throw new Error("this chart has no SVG to export");
  const vb = source.viewBox.baseVal;
  const width = vb && vb.width > 0 ? vb.width : source.getBoundingClientRect().width;
  const chartHeight = vb && vb.height > 0 ? vb.height : source.getBoundingClientRect().height;

  const clone = source.cloneNode(true) as SVGSVGElement;
  inlineStyles(source, clone);
  clone.removeAttribute("style");

  // Patterns the bars refer to live in one hidden <svg> for the whole page: copy the ones this chart uses.
  const ids = new Set<string>();
  for (const el of clone.querySelectorAll("[fill^='url('], [stroke^='url('], [style*='url(']"))
    for (const m of (el.getAttribute("fill") ?? "").concat(el.getAttribute("stroke") ?? "", el.getAttribute("style") ?? "").matchAll(/url\(["']?#([^)"']+)["']?\)/g))
      ids.add(m[1]!);
  const defs: string[] = [];
  for (const id of ids) {
    const node = document.getElementById(id);
    if (node && !clone.querySelector(`[id="${CSS.escape(id)}"]`)) defs.push(new XMLSerializer().serializeToString(node));
  }

  const title = figure.querySelector("figcaption")?.textContent?.trim() ?? "";
  const legend = readLegend(figure);
  const header = headerSvg(title, legend, width);
  const footer = stamp
    ? stampSvg(stamp, { width, top: header.height + chartHeight, date: today(), withRanges: legend.some((l) => l.range) })
    : { markup: "", height: 0 };
  const height = header.height + chartHeight + footer.height;
  clone.setAttribute("x", "0");
  clone.setAttribute("y", String(header.height));
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(chartHeight));
  const inner = new XMLSerializer().serializeToString(clone);
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeXml(title)}</title>` +
    (defs.length > 0 ? `<defs>${defs.join("")}</defs>` : "") +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    header.markup +
    inner +
    footer.markup +
    `</svg>`;
  return { svg, width, height };
}

/** Offers `blob` as a download named `name`. */
export function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart as an SVG file. */
export function chartSvgBlob(figure: Element, stamp: ChartStamp | null = null): Blob {
  return new Blob([chartSvg(figure, stamp).svg], { type: "image/svg+xml;charset=utf-8" });
}

/**
 * The chart as a PNG at `scale` times its size. The SVG is loaded as a data: URL, which the page's
 * Content-Security-Policy allows for images (blob: it does not).
 */
export async function chartPngBlob(figure: Element, stamp: ChartStamp | null = null, scale = 2): Promise<Blob> {
  const { svg, width, height } = chartSvg(figure, stamp);
  const image = new Image();
  image.decoding = "async";
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("the chart's SVG could not be drawn"));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await loaded;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("this browser cannot draw on a canvas");
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the PNG could not be made"))), "image/png"),
  );
}
