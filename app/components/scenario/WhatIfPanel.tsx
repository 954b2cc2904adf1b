/**
 * The what-if controls: every tunable as a labelled slider and number input within its range, grouped by rule,
 * then the engine assumptions. A GET form with an Apply button, so it works without JavaScript (the number
 * inputs carry the URL keys); with JavaScript every change applies at once and the button is not needed.
 * Labels, units and formats come from the tunables (the schema's parameter metadata, decision 026): a share is
 * shown and typed as a percentage (30, with a % after the box); without JavaScript it is submitted as
 * `<key>%=30`, which the server reads as 0.3.
 */
import { Form } from "@remix-run/react";
import { memo, useState, type FormEvent } from "react";

import { PERCENT_KEY_SUFFIX, type Tunable } from "~/scenarios/what-if";
import { formatNumber, formatRange, formatWithUnit, fromInputNumber, toInputNumber } from "~/utils/format";

/**
 * What an input's swing says. One that moves a headline figure but not net profit (the valuation multiple moves
 * only the equity value) read "net profit moves 0.0 RMB bn", as if it moved nothing.
 */
export function swingText(swing: { profit: number; moves: boolean }): string {
  if (!swing.moves) return "Moves no headline figure from end to end";
  const profit = formatNumber(Math.abs(swing.profit), 1);
  return profit === "0.0"
    ? "End to end: moves other headline figures; net profit less than 0.05 RMB bn"
    : `End to end: net profit moves ${profit} RMB bn`;
}

function display(t: Tunable, v: number) {
  return formatWithUnit(v, t.unit, t.format);
}

const TunableControl = memo(function TunableControl({
  t,
  value,
  onValue,
  hydrated,
  swing,
}: {
  t: Tunable;
  value: number;
  onValue: (key: string, v: number) => void;
  hydrated: boolean;
  swing?: { profit: number; moves: boolean } | undefined;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const id = `wi-${t.key.replace(/[^a-z0-9-]/gi, "-")}`;
  const percent = t.format === "percent";
  // The number box is in the unit the value reads in: 30 (%) for a stored 0.3.
  const shown = (v: number) => toInputNumber(v, t.format);
  const stored = (typed: number) => fromInputNumber(typed, t.format);
  const draftNumber = draft === null ? value : draft.trim() === "" ? Number.NaN : stored(Number(draft));
  const invalid = draft !== null && !(Number.isFinite(draftNumber) && draftNumber >= t.min && draftNumber <= t.max);
  const changed = value !== t.fileValue;
  return (
    <div className={`control${changed ? " control-changed" : ""}`} data-key={t.key}>
      <label htmlFor={id} className="control-label">
        {t.name}
        {percent ? <span className="visually-hidden"> (percent)</span> : null}
      </label>
      <p className="control-value" id={`${id}-value`}>
        <span className="num" data-testid={`value-${t.key}`}>{display(t, value)}</span>
        <span className="control-file">{changed ? ` (file: ${display(t, t.fileValue)})` : " (file value)"}</span>
      </p>
      <div className="control-inputs">
        <input
          type="range"
          aria-label={`${t.name}, slider`}
          aria-describedby={`${id}-value`}
          aria-valuetext={display(t, value)}
          min={t.min}
          max={t.max}
          step={t.step}
          value={value}
          disabled={!hydrated}
          onChange={(e) => {
            setDraft(null);
            // The range's value can carry binary residue (0.0200999999999999 for 0.0201): not in the address.
            onValue(t.key, Number(Number(e.currentTarget.value).toPrecision(12)));
          }}
        />
        <span className="control-number">
          <input
            id={id}
            type="number"
            name={percent ? `${t.key}${PERCENT_KEY_SUFFIX}` : t.key}
            inputMode="decimal"
            min={shown(t.min)}
            max={shown(t.max)}
            step="any"
            value={draft ?? String(shown(value))}
            aria-invalid={invalid || undefined}
            aria-describedby={`${id}-range${invalid ? ` ${id}-error` : ""}`}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setDraft(text);
              const n = text.trim() === "" ? Number.NaN : stored(Number(text));
              if (Number.isFinite(n) && n >= t.min && n <= t.max) onValue(t.key, n);
            }}
            onBlur={() => setDraft(null)}
          />
          {percent ? (
            <span className="control-unit" aria-hidden="true">
              %
            </span>
          ) : null}
        </span>
      </div>
      <p className="control-range" id={`${id}-range`}>
        {formatRange(t.min, t.max, t.unit, t.format)}
      </p>
      {swing ? (
        <p className="control-swing" data-testid={`swing-${t.key}`} data-moves={swing.moves ? "true" : "false"}>
          {swingText(swing)}
        </p>
      ) : null}
      {invalid ? (
        <p className="control-error" id={`${id}-error`} role="alert">
          Enter a number from {shown(t.min)} to {shown(t.max)}
          {percent ? " (percent)" : ""}; the last valid value ({display(t, value)}) is used.
        </p>
      ) : null}
    </div>
  );
});

export function WhatIfPanel({
  tunables,
  current,
  setValue,
  reset,
  changed,
  hydrated,
  keep,
  undo,
  canUndo,
  forkHref,
  compareHref,
  swings = {},
}: {
  /** /compare with this scenario and the values on screen (beside the scenario as written when values moved). */
  compareHref?: string;
  undo: () => void;
  canUndo: boolean;
  /** The builder, forking this scenario with the values on screen (`/builder?fork=…&r.…`). */
  forkHref: string;
  tunables: Tunable[];
  current: (t: Tunable) => number;
  setValue: (key: string, v: number) => void;
  reset: () => void;
  changed: boolean;
  hydrated: boolean;
  /** View state kept beside the values (a variant's `v`, the HHI `bands`): hidden fields, and kept by reset. */
  keep: Record<string, string>;
  /** By key: the input's swing of net profit end to end and whether it moves any headline (sensitivity). */
  swings?: Record<string, { profit: number; moves: boolean }>;
}) {
  // Sliders that matter first: by profit swing, then those that move another headline, then the rest; a parameter
  // the file gives as a single number is not drawn and keeps its place after them.
  const rank = (t: Tunable) => {
    const s = swings[t.key];
    return s ? (s.moves ? 2 + s.profit : 1) : 0;
  };
  const ordered = [...tunables].sort((a, b) => rank(b) - rank(a));
  const groups: Array<{ id: string; title: string; items: Tunable[] }> = [];
  for (const t of ordered) {
    const gid = t.kind === "rule" ? `rule:${t.targetId}` : "assumptions";
    let g = groups.find((x) => x.id === gid);
    if (!g) {
      g = { id: gid, title: t.group, items: [] };
      groups.push(g);
    }
    g.items.push(t);
  }
  const onSubmit = (e: FormEvent) => {
    // With JavaScript the values already apply as they change.
    if (hydrated) e.preventDefault();
  };
  const kept = new URLSearchParams(keep).toString();
  const resetHref = `?${kept}`;
  return (
    <aside className="whatif" aria-labelledby="whatif-heading">
      <Form method="get" className="whatif-form" onSubmit={onSubmit} preventScrollReset>
        <div className="whatif-head">
          <h2 id="whatif-heading">What if…</h2>
          <p className="whatif-hint">
            {hydrated ? "Move a slider or type a value: every number follows at once." : "Change a value, then Apply."}
          </p>
          <div className="whatif-actions">
            {Object.entries(keep).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <button type="submit" className="button" hidden={hydrated}>
              Apply
            </button>
            <a
              href={resetHref}
              className="button button-secondary"
              aria-disabled={!changed || undefined}
              data-testid="whatif-reset"
              onClick={(e) => {
                if (!hydrated) return;
                e.preventDefault();
                reset();
              }}
            >
              Reset to the file's values
            </a>
            <button type="button" className="button button-secondary" onClick={undo} disabled={!hydrated || !canUndo} data-testid="whatif-undo" title="Back one step (the browser's Back does the same)">
              Undo
            </button>
            <a href={forkHref} className="button button-secondary" data-testid="whatif-save-variant">
              Save as variant{changed ? " (with these values)" : ""}
            </a>
            {compareHref ? (
              <a href={compareHref} className="button button-secondary" data-testid="whatif-add-compare">
                Add to compare{changed ? " (these values beside the file's)" : ""}
              </a>
            ) : null}
          </div>
        </div>
        {groups.map((g) => (
          <fieldset key={g.id} className="whatif-group">
            <legend>
              {g.title}
              {g.id.startsWith("rule:") ? <code className="sub">{g.id.slice(5)}</code> : null}
            </legend>
            {g.items.map((t) => (
              <TunableControl key={t.key} t={t} value={current(t)} onValue={setValue} hydrated={hydrated} swing={swings[t.key]} />
            ))}
          </fieldset>
        ))}
      </Form>
    </aside>
  );
}
