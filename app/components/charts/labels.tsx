/** Value labels drawn beside bars, as plain SVG text (deterministic on server and client). */
import { INK } from "./palette";

type BarLabelProps = {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
};

/** A label just past the end of a horizontal bar. */
export function makeEndLabel(format: (value: number) => string, fontSize = 13) {
  return function EndLabel({ x = 0, y = 0, width = 0, height = 0, value }: BarLabelProps) {
    if (typeof value !== "number") return null;
    return (
      <text
        x={Number(x) + Number(width) + 5}
        y={Number(y) + Number(height) / 2}
        dominantBaseline="central"
        fill={INK.text}
        fontSize={fontSize}
      >
        {format(value)}
      </text>
    );
  };
}

/** A label just above a vertical bar. */
export function makeTopLabel(format: (value: number) => string, fontSize = 13) {
  return function TopLabel({ x = 0, y = 0, width = 0, value }: BarLabelProps) {
    if (typeof value !== "number") return null;
    return (
      <text x={Number(x) + Number(width) / 2} y={Number(y) - 6} textAnchor="middle" fill={INK.text} fontSize={fontSize}>
        {format(value)}
      </text>
    );
  };
}
