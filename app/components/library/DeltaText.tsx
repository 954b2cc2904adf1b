/**
 * A change against the baseline: arrow, signed number, and the direction as a word for every reader. Given the
 * headline it belongs to, it is coloured by meaning (a rising shortfall is bad), never by direction alone.
 */
import type { HeadlineKey } from "../../engine/result";
import { tone } from "../scenario/delta";
import { ARROWS, WORDS, formatDelta, formatRelative } from "./headline";

export function DeltaText({
  delta,
  baseline,
  format,
  unit,
  metric,
}: {
  metric?: HeadlineKey;
  delta: number;
  baseline: number;
  format: (value: number) => string;
  unit?: string;
}) {
  const d = formatDelta(delta, format);
  const rel = d.direction === "none" ? null : formatRelative(delta, baseline);
  const t = metric && d.direction !== "none" ? tone(metric, delta) : "neutral";
  return (
    <span className={`delta delta-${d.direction} tone-${t}`} data-direction={d.direction} data-tone={t}>
      <span className="delta-arrow" aria-hidden="true">
        {ARROWS[d.direction]}
      </span>{" "}
      {d.direction === "none" ? (
        <span className="delta-word">no change</span>
      ) : (
        <>
          <span className="num">{d.text}</span>
          {unit ? ` ${unit}` : ""}
          {rel ? <span className="delta-rel"> ({rel})</span> : null}
          <span className="visually-hidden"> {WORDS[d.direction]}</span>
        </>
      )}
    </span>
  );
}
