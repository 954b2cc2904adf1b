/**
 * The form that sends ticked scenarios to /compare by GET (`s=<ref>` per box), so comparing works without
 * JavaScript. With JavaScript the bar also counts the ticked boxes and says whether 2 to 4 are chosen; the
 * server checks the selection either way.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

import { MAX_COMPARE, MIN_COMPARE } from "../compare/selection";

function countText(n: number | null): string {
  if (n === null) return `Tick ${MIN_COMPARE} to ${MAX_COMPARE} scenarios to compare them side by side.`;
  if (n < MIN_COMPARE) return `${n} selected: tick ${MIN_COMPARE - n} more to compare (${MIN_COMPARE} to ${MAX_COMPARE}).`;
  if (n > MAX_COMPARE) return `${n} selected: untick ${n - MAX_COMPARE} (at most ${MAX_COMPARE}).`;
  return `${n} selected: ready to compare.`;
}

export function CompareForm({ children, id = "compare-form" }: { children: ReactNode; id?: string }) {
  const form = useRef<HTMLFormElement>(null);
  // null until hydrated: the server cannot know what a restored page has ticked.
  const [count, setCount] = useState<number | null>(null);
  const recount = useCallback(() => {
    setCount(form.current ? form.current.querySelectorAll('input[name="s"]:checked').length : null);
  }, []);
  useEffect(recount, [recount]);
  const outOfRange = count !== null && (count < MIN_COMPARE || count > MAX_COMPARE);
  return (
    <form method="get" action="/compare" ref={form} onChange={recount} id={id} className="compare-form" aria-label="Choose scenarios to compare">
      {children}
      <div className="compare-bar">
        <button type="submit" className="button-primary">
          Compare selected
        </button>
        {/* The same ticked scenarios, stacked one after another as a path to date and save (decision 024). */}
        <button type="submit" formAction="/paths/new" className="button-secondary" data-testid="stack-path">
          Stack as a path
        </button>
        <p className="compare-status" role="status" aria-live="polite" data-out-of-range={outOfRange || undefined}>
          {countText(count)}
        </p>
      </div>
    </form>
  );
}
