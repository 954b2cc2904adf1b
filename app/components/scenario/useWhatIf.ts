/**
 * Live what-if state for the scenario page (see docs/decisions/007-what-if-state.md).
 *
 * The values a user moves live in React state, so a slider change re-evaluates the scenario in the same event
 * (no round trip); the URL follows a moment later (debounced: Chromium throttles history updates beyond a few
 * hundred per ten seconds) through Remix's navigate, and the route's `shouldRevalidate` skips the loader for a URL
 * this hook wrote itself. Any other change of the URL (the bands link, the no-JS form, Back) runs the loader, and
 * the state follows its data.
 *
 * Each change is a history entry, so Back and Forward step through the what-if (decision 019); the writes of one
 * gesture share one entry: while a pointer holds a slider, and writes less than GROUP_MS apart (typing, keys). Each entry carries its
 * step number in the history state, so "Undo" knows whether there is a step of this page's to go back to.
 */
import { useLocation, useNavigate, useNavigationType } from "@remix-run/react";
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";

import { evaluate, startAttribution, type Attribution, type Model, type Result } from "~/engine";
import type { Scenario } from "~/scenarios/schema";
import { applyWhatIf, movedTunables, parseWhatIf, whatIfSearch, type Tunable } from "~/scenarios/what-if";

/** How long the URL waits for the slider to settle. Numbers never wait. */
export const URL_DEBOUNCE_MS = 150;

/** Writes to the URL closer together than this are one gesture: one history entry (replaced, not pushed). */
export const GROUP_MS = 1000;

/** The what-if step a history entry holds (0: the page as loaded). */
export function whatIfStep(state: unknown): number {
  const n = (state as { whatIfStep?: unknown } | null)?.whatIfStep;
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : 0;
}

/** The longest the attribution may hold the main thread at a time, so a slider change still shows in its frame. */
export const ATTRIBUTION_SLICE_MS = 4;

let lastWrittenSearch: string | null = null;

/** Whether `search` ("?a=1" or "") is the URL this page last wrote itself (then the loader need not run). */
export function isSelfWrittenSearch(search: string): boolean {
  return lastWrittenSearch !== null && search === lastWrittenSearch;
}

export interface WhatIfInput {
  /** The engine's model; null until it has arrived (nothing moves before: the loader's figures stand). */
  model: Model | null;
  scenario: Scenario;
  tunables: Tunable[];
  /** From the loader: values parsed from the URL, and the messages for rejected parameters. */
  whatIf: { values: Record<string, number>; errors: string[] };
  /** The loader's evaluation of the same values, so hydration computes nothing. */
  result: Result;
  attribution: Attribution;
  /** URL parameters to keep beside the what-if keys (e.g. bands). */
  keep: Record<string, string>;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

export function useWhatIf(input: WhatIfInput) {
  const { model, scenario, tunables, whatIf, keep } = input;
  const navigate = useNavigate();
  const location = useLocation();
  const step = whatIfStep(location.state);
  const stepRef = useRef(step);
  stepRef.current = step;
  // The last write, to group a gesture's writes; forgotten when the URL moves by other means (Back, a link).
  // (The location may lag the writes: any search written in the gesture is ours.)
  const lastWrite = useRef<{ at: number; searches: Set<string> } | null>(null);
  useEffect(() => {
    if (lastWrite.current && !lastWrite.current.searches.has(location.search)) lastWrite.current = null;
  }, [location.search]);
  // A slider held by the pointer: everything until it is let go is one step, however slow the drag.
  const held = useRef<number | null>(null);
  useEffect(() => {
    const down = (e: PointerEvent) => {
      if ((e.target as HTMLInputElement | null)?.type === "range") held.current = Date.now();
    };
    const up = () => {
      if (held.current === null) return;
      held.current = null;
      if (lastWrite.current) lastWrite.current.at = Date.now();
    };
    document.addEventListener("pointerdown", down);
    document.addEventListener("pointerup", up);
    document.addEventListener("pointercancel", up);
    return () => {
      document.removeEventListener("pointerdown", down);
      document.removeEventListener("pointerup", up);
      document.removeEventListener("pointercancel", up);
    };
  }, []);

  // State follows the loader whenever it ran (a URL this hook did not write).
  const [state, setState] = useState({ from: whatIf, values: whatIf.values, errors: whatIf.errors, touched: false });
  if (state.from !== whatIf) setState({ from: whatIf, values: whatIf.values, errors: whatIf.errors, touched: false });
  const { values, errors } = state;

  // Back or Forward onto an address this page wrote itself does not run the loader (the route's shouldRevalidate),
  // so the values follow the address here. Without it, Forward onto the last step written left the numbers, links
  // and downloads at the step before.
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType !== "POP" || !isSelfWrittenSearch(location.search)) return;
    const parsed = parseWhatIf(new URLSearchParams(location.search), tunables);
    setState((s) =>
      whatIfSearch(s.values, tunables) === whatIfSearch(parsed.values, tunables)
        ? s
        : { ...s, values: parsed.values, errors: parsed.errors, touched: false },
    );
    // Once per history entry moved to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key]);

  const applied = useMemo(() => applyWhatIf(scenario, values), [scenario, values]);

  const evaluation = useMemo(() => {
    if (values === whatIf.values || !model) return { value: input.result, ms: null as number | null };
    return timed(() => evaluate(model, applied.scenario, { assumptions: applied.assumptions }));
    // input.result belongs to whatIf.values: they change together
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, applied, values, whatIf.values]);

  // Attribution (2^rules evaluations, 128 for seven rules) follows in slices of a few milliseconds between
  // frames, and starts again whenever the values move on, so it never holds up the numbers or the slider.
  const [attribution, setAttribution] = useState({ of: whatIf.values as Record<string, number>, value: input.attribution, ms: null as number | null });
  useEffect(() => {
    if (values === whatIf.values) {
      setAttribution((a) => (a.of === values ? a : { of: values, value: input.attribution, ms: null }));
      return;
    }
    if (!model) return;
    const run = startAttribution(model, applied.scenario, { assumptions: applied.assumptions });
    const channel = new MessageChannel();
    let busy = 0;
    channel.port1.onmessage = () => {
      const t0 = performance.now();
      let finished = false;
      while (!finished && performance.now() - t0 < ATTRIBUTION_SLICE_MS) finished = run.step(1);
      busy += performance.now() - t0;
      if (!finished) return channel.port2.postMessage(null);
      const value = run.result();
      startTransition(() => setAttribution({ of: values, value, ms: busy }));
    };
    channel.port2.postMessage(null);
    return () => {
      channel.port1.onmessage = null;
      channel.port1.close();
    };
    // input.attribution belongs to whatIf.values: they change together
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, applied, values, whatIf.values]);

  // The URL follows the values.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const keepRef = useRef(keep);
  keepRef.current = keep;
  useEffect(() => {
    if (!state.touched) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const params = new URLSearchParams(whatIfSearch(values, tunables));
      for (const [k, v] of Object.entries(keepRef.current)) params.set(k, v);
      const query = params.toString();
      lastWrittenSearch = query ? `?${query}` : "";
      if (lastWrittenSearch === window.location.search) return;
      const now = Date.now();
      // Grouped: a write of the same hold of a slider, or soon after the last write.
      const grouped = lastWrite.current !== null && (held.current !== null ? lastWrite.current.at >= held.current : now - lastWrite.current.at < GROUP_MS);
      lastWrite.current = { at: now, searches: grouped ? lastWrite.current!.searches.add(lastWrittenSearch) : new Set([lastWrittenSearch]) };
      const s = stepRef.current;
      navigate({ search: lastWrittenSearch }, { replace: grouped, state: { whatIfStep: grouped ? s : s + 1 }, preventScrollReset: true });
    }, URL_DEBOUNCE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [values, tunables, navigate, state.touched]);

  const setValue = useCallback((key: string, value: number) => {
    setState((s) => ({ ...s, values: { ...s.values, [key]: value }, errors: [], touched: true }));
  }, []);
  const reset = useCallback(() => {
    setState((s) => ({ ...s, values: {}, errors: [], touched: true }));
  }, []);
  /** Back one what-if step (the browser's Back does the same); only over steps this page made. */
  const undo = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (stepRef.current > 0) navigate(-1);
  }, [navigate]);

  const current = useCallback(
    (t: Tunable) => values[t.key] ?? t.fileValue,
    [values],
  );
  const changed = movedTunables(values, tunables).length > 0;

  return {
    values,
    current,
    changed,
    errors,
    setValue,
    reset,
    undo,
    canUndo: step > 0,
    /** The scenario with the what-if values in place (what the numbers are computed from). */
    scenario: applied.scenario,
    result: evaluation.value,
    evalMs: evaluation.ms,
    attribution: attribution.value,
    /** The values the shown attribution belongs to (it lags `values` while it is computed). */
    attributionValues: attribution.of,
    /** Main-thread time the last browser attribution took, in slices (null: the server's). */
    attributionMs: attribution.ms,
    attributionPending: attribution.of !== values,
  };
}
