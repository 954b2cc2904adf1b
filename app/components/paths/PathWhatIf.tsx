/**
 * A path's what-if (decision 024): every ranged or numeric parameter of the steps' rules and every engine
 * assumption as a number input of a GET form, so the values live in the URL (`r.<path rule id>.<field>`,
 * `a.<id>`) and it works without JavaScript. Moved values are listed first; rejected URL values are named.
 */
import type { Tunable, WhatIf } from "~/scenarios/what-if";
import { formatWithUnit } from "~/utils/format";

const show = (t: Tunable, v: number) => formatWithUnit(v, t.unit === "share" ? "fraction" : t.unit || "");

export function PathWhatIf({ tunables, whatIf, keep }: { tunables: Tunable[]; whatIf: WhatIf; keep: Record<string, string> }) {
  const moved = tunables.filter((t) => whatIf.values[t.key] !== undefined && whatIf.values[t.key] !== t.fileValue);
  const rules = tunables.filter((t) => t.kind === "rule");
  const assumptions = tunables.filter((t) => t.kind === "assumption");
  const field = (t: Tunable) => {
    const id = `pw-${t.key.replace(/[^a-z0-9-]/gi, "-")}`;
    const value = whatIf.values[t.key] ?? t.fileValue;
    return (
      <div className="path-whatif-field" key={t.key} data-key={t.key}>
        <label htmlFor={id}>{t.label}</label>
        <input id={id} type="number" name={t.key} min={t.min} max={t.max} step="any" defaultValue={String(value)} aria-describedby={`${id}-range`} />
        <span className="sub" id={`${id}-range`}>
          {show(t, t.min)} to {show(t, t.max)}; as written {show(t, t.fileValue)}
        </span>
      </div>
    );
  };
  return (
    <section aria-labelledby="path-whatif" className="path-whatif">
      <h2 id="path-whatif">What if…</h2>
      {whatIf.errors.length > 0 ? (
        <div role="alert" className="whatif-errors" data-testid="path-whatif-errors">
          <p>
            <strong>Some values in the address were not used:</strong>
          </p>
          <ul>
            {whatIf.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {moved.length > 0 ? (
        <div data-testid="path-whatif-moved">
          <p>Shown with these values instead of the steps&apos; own (the bands draw everything else):</p>
          <ul>
            {moved.map((t) => (
              <li key={t.key}>
                {t.label}: <strong>{show(t, whatIf.values[t.key]!)}</strong> (as written {show(t, t.fileValue)})
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>Every step as written. Set a rule&apos;s parameter or an assumption below: it holds in every step the rule is in force (an assumption from the baseline on), and the address keeps it.</p>
      )}
      <form method="get" className="path-whatif-form">
        {Object.entries(keep).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <details open={moved.length > 0 || undefined}>
          <summary>
            Rule parameters of the steps ({rules.length}) and engine assumptions ({assumptions.length})
          </summary>
          <fieldset>
            <legend>Rule parameters, by step</legend>
            {rules.map(field)}
          </fieldset>
          <fieldset>
            <legend>Engine assumptions</legend>
            {assumptions.map(field)}
          </fieldset>
        </details>
        <p className="path-whatif-actions">
          <button type="submit" className="button">
            Apply
          </button>{" "}
          <a href={`?${new URLSearchParams(keep).toString()}`} className="button button-secondary" data-testid="path-whatif-reset">
            Back to the steps as written
          </a>
        </p>
      </form>
    </section>
  );
}
