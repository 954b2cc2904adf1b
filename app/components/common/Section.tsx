import type { ReactNode } from "react";

/** A titled section of a page, reachable by its anchor. */
export function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro ? <div className="section-intro">{intro}</div> : null}
      {children}
    </section>
  );
}

/**
 * A chart and its table, side by side where the screen is wide enough, stacked otherwise. `wide`: always stacked
 * (a chart too wide to share the row); `fit`: side by side only when the table fits at its natural width.
 */
export function ChartWithTable({ chart, table, wide, fit, grow }: { chart: ReactNode; table: ReactNode; wide?: boolean; fit?: boolean; grow?: boolean }) {
  return (
    <div className={`chart-with-table${wide ? " wide" : ""}${fit ? " fit" : ""}${grow ? " grow" : ""}`}>
      <div className="chart-cell">{chart}</div>
      <div className="table-cell">{table}</div>
    </div>
  );
}

export function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}
