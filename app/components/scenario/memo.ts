/**
 * Sections re-render only when the numbers they draw change. A slider moves one parameter, which usually
 * moves a few figures: comparing a section's slice of the result as JSON costs microseconds, re-drawing a
 * recharts SVG costs milliseconds.
 */
import { memo, type ComponentType } from "react";

export function memoBySlice<P extends object>(Component: ComponentType<P>, slice: (props: P) => unknown) {
  return memo(Component, (prev, next) => {
    if (Object.keys(prev).every((k) => prev[k as keyof P] === next[k as keyof P])) return true;
    return JSON.stringify(slice(prev)) === JSON.stringify(slice(next));
  });
}
