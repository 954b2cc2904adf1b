/**
 * A bar chart that the server draws as plain SVG and the browser redraws with recharts once the page has
 * hydrated (decision 022). The first browser render repeats the server's SVG (hydration matches); then the box
 * the plain drawing took is measured and recharts draws into exactly that box, with labels at
 * `--chart-font-size` when the page sets it: nothing moves when JavaScript arrives. Without JavaScript the plain
 * SVG stays, scaled to its container's width. recharts is loaded, and each chart measured and redrawn, only when
 * its turn comes (chart-turns.ts, decision 030): near the screen first, the rest when the browser is idle.
 */
import { startTransition, useEffect, useRef, useState } from "react";

import { recharts, whenChartTurn } from "./chart-turns";
import { PlainBarChart } from "./PlainBarChart";
import type { BarChartSpec } from "./spec";

type Size = { width: number; height: number; font: number };

/**
 * `fit`: "width" (a page: the chart takes its container's width, its height follows the drawing's proportions)
 * or "box" (a slide: the container gives both). `fontVar`: whether `--chart-font-size` sets the label size (a
 * slide's charts are drawn for the room already and scale with the slide).
 */
export function SpecChart({ spec, fit = "width", fontVar = true }: { spec: BarChartSpec; fit?: "width" | "box"; fontVar?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = el.clientWidth;
      if (width <= 0) return;
      const height = fit === "box" && el.clientHeight > 0 ? el.clientHeight : (width * spec.height) / spec.width;
      // The probe's font-size is var(--chart-font-size, 0px): resolved by the browser whatever the unit.
      const set = fontVar && probe.current ? parseFloat(getComputedStyle(probe.current).fontSize) : 0;
      // Else the drawing's own label size, scaled as the plain SVG was (a viewBox that meets its box).
      const font = set > 0 ? set : spec.fontSize * Math.min(width / spec.width, height / spec.height);
      startTransition(() =>
        setSize((old) => (old && Math.abs(old.width - width) < 0.5 && Math.abs(old.height - height) < 0.5 && old.font === font ? old : { width, height, font })),
      );
    };
    let observer: ResizeObserver | null = null;
    const cancel = whenChartTurn(el, () => {
      measure();
      observer = new ResizeObserver(measure);
      observer.observe(el);
    });
    return () => {
      cancel();
      observer?.disconnect();
    };
  }, [spec.width, spec.height, spec.fontSize, fit, fontVar]);
  return (
    // At most the drawing's own width unless the page lifts the cap (`--chart-max-width: none`, room mode).
    <div
      ref={ref}
      className={`chart-canvas chart-fit-${fit}`}
      style={fit === "width" ? { maxWidth: `var(--chart-max-width, ${spec.width}px)` } : undefined}
      data-renderer={size && recharts ? "recharts" : "plain"}
    >
      <span ref={probe} className="chart-font-probe" aria-hidden="true" />
      {size && recharts ? <recharts.RechartsBarChart spec={spec} size={size} /> : <PlainBarChart spec={spec} />}
    </div>
  );
}
