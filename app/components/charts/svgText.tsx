/**
 * Deterministic SVG text for charts. recharts' own <Text> measures strings in the browser but not on the
 * server, so wrapped labels would differ between the two renders (a hydration mismatch); these helpers wrap
 * by character count instead, identically everywhere.
 */
import { INK } from "./palette";

/** Greedy word wrap into lines of at most `max` characters (a longer word keeps its own line). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

type TickProps = { x?: number | string; y?: number | string; payload?: { value: unknown } };

/** A y-axis tick label right-aligned against the axis, wrapped to `max` characters per line. */
export function makeLeftTick(format: (value: unknown) => string, max = 22, fontSize = 13) {
  return function LeftTick({ x = 0, y = 0, payload }: TickProps) {
    const lines = wrapWords(format(payload?.value), max);
    const lineHeight = fontSize * 1.15;
    const first = -((lines.length - 1) * lineHeight) / 2;
    return (
      <text x={Number(x) - 6} y={Number(y)} textAnchor="end" fill={INK.text} fontSize={fontSize} dominantBaseline="central">
        {lines.map((l, i) => (
          <tspan key={i} x={Number(x) - 6} dy={i === 0 ? first : lineHeight}>
            {l}
          </tspan>
        ))}
      </text>
    );
  };
}

/** A top x-axis tick label, wrapped, bottom line nearest the plot. */
export function makeTopTick(format: (value: unknown) => string, max = 12, fontSize = 13) {
  return function TopTick({ x = 0, y = 0, payload }: TickProps) {
    const lines = wrapWords(format(payload?.value), max);
    const lineHeight = fontSize * 1.15;
    const start = Number(y) - 6 - (lines.length - 1) * lineHeight;
    return (
      <text x={Number(x)} y={start} textAnchor="middle" fill={INK.text} fontSize={fontSize}>
        {lines.map((l, i) => (
          <tspan key={i} x={Number(x)} y={start + i * lineHeight}>
            {l}
          </tspan>
        ))}
      </text>
    );
  };
}
