/** A change against the baseline: arrow, signed number, and the direction as a word for every reader. */
import { ARROWS, WORDS, formatDelta, formatRelative } from "./headline";

export function DeltaText({
  delta,
  baseline,
  format,
  unit,
}: {
  delta: number;
  baseline: number;
  format: (value: number) => string;
  unit?: string;
}) {
  const d = formatDelta(delta, format);
  const rel = d.direction === "none" ? null : formatRelative(delta, baseline);
  return (
    <span className={`delta delta-${d.direction}`} data-direction={d.direction}>
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
