/**
 * A chart's hatch: solid `color` with white diagonal lines, defined once in a hidden <svg> beside the chart and
 * referenced as `url(#<id>-hatch)` by its bars (the plain SVG and recharts both draw that fill).
 */
export function HatchDefs({ id, color, line = 2 }: { id: string; color: string; line?: number }) {
  return (
    <svg width={0} height={0} style={{ position: "absolute" }} aria-hidden="true" focusable="false">
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={color} />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth={line} />
        </pattern>
      </defs>
    </svg>
  );
}
