/**
 * SVG fill patterns shared by the scenario charts (referenced as `url(#pat-...)`), so a status or a kind of
 * bar differs by pattern as well as colour. One hidden <svg> holds them for the whole page.
 */
import { OKABE_ITO } from "~/components/charts/palette";

export const PATTERN = {
  linkedOut: "url(#pat-linked-out)",
  reduced: "url(#pat-reduced)",
  required: "url(#pat-required)",
} as const;

function Hatch({ id, color, angle, gap = 7 }: { id: string; color: string; angle: number; gap?: number }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={gap} height={gap} patternTransform={`rotate(${angle})`}>
      <rect width={gap} height={gap} fill={color} opacity={0.35} />
      <line x1={0} y1={0} x2={0} y2={gap} stroke={color} strokeWidth={4} />
    </pattern>
  );
}

export function PatternDefs() {
  return (
    <svg width={0} height={0} style={{ position: "absolute" }} aria-hidden="true" focusable="false">
      <defs>
        <Hatch id="pat-linked-out" color={OKABE_ITO.orange} angle={45} />
        <Hatch id="pat-reduced" color={OKABE_ITO.vermillion} angle={-45} gap={6} />
        <Hatch id="pat-required" color={OKABE_ITO.vermillion} angle={45} />
      </defs>
    </svg>
  );
}
