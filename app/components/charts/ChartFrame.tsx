/**
 * A chart's frame: a heading, the chart as one image for assistive technology (its numbers are in the table
 * beside it), and an HTML legend in which every series has a swatch *and* a name.
 */
import type { ReactNode } from "react";

/** A legend line: a swatch (solid or hatched) or, for `range`, the whisker a range mark is drawn with. */
export type LegendItem = { label: string; color: string; pattern?: "hatch" | "solid" | "range" };

export function ChartFrame({
  id,
  title,
  description,
  legend,
  note,
  hideTitle,
  children,
}: {
  id: string;
  title: string;
  /** What the chart shows, read by screen readers in place of the SVG. */
  description: string;
  legend?: LegendItem[];
  note?: ReactNode;
  /** Keep the title for assistive technology only (when a visible heading already names the chart). */
  hideTitle?: boolean;
  children: ReactNode;
}) {
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption id={`${id}-title`} className={hideTitle ? "visually-hidden" : "chart-title"}>
        {title}
      </figcaption>
      {legend && legend.length > 0 ? (
        <ul className="legend" aria-label="Legend">
          {legend.map((item) => (
            <li key={item.label} data-legend={item.pattern === "range" ? "range" : undefined}>
              {item.pattern === "range" ? (
                <svg className="swatch-range" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
                  <path d="M2,7H26M2,2V12M26,2V12" stroke={item.color} strokeWidth="2" fill="none" />
                </svg>
              ) : (
                <span
                  className={`swatch${item.pattern === "hatch" ? " swatch-hatch" : ""}`}
                  style={{ backgroundColor: item.color, color: item.color }}
                  aria-hidden="true"
                />
              )}
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      {/* The SVG's parts are hidden from assistive technology: the label says what the chart shows and the
          table beside it gives the numbers (recharts marks some parts role="img" without a text alternative). */}
      <div className="chart-body" role="img" aria-label={description}>
        <div aria-hidden="true">{children}</div>
      </div>
      {note ? <p className="chart-note">{note}</p> : null}
    </figure>
  );
}
