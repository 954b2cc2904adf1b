/**
 * The scenario page's 80% ranges, live: the server's for the values the page loaded with, and after a slider move
 * the Web Worker's (bands.worker.ts) for the values on screen. The point figures never wait for them: a request
 * goes to the worker and the page renders on; until the answer for the latest values arrives the ranges are
 * "pending" and the page says "updating range…" instead of showing ranges of other values (decision 023).
 *
 * Superseding: every request gets the next generation number. At most one request is with the worker at a time;
 * a newer one waits in a one-place queue (replaced by any newer still), so a fast drag costs one computation in
 * flight plus the latest, never a backlog. A reply whose generation is not the latest is dropped.
 */
import { useEffect, useRef, useState } from "react";

import type { Model } from "~/engine";
import type { Scenario } from "~/scenarios/schema";
import { applyWhatIf, movedTunables, whatIfSearch, type Tunable } from "~/scenarios/what-if";

import type { PageRanges, WorkerBandsRequest, WorkerReply } from "./ranges";

export type RangesState =
  /** The ranges belong to the values on screen. */
  | "current"
  /** The worker is computing the ranges of the values on screen. */
  | "updating"
  /** No worker (not built, or it failed): the ranges are those of the values loaded. */
  | "loaded-values";

export interface LiveRangesInput {
  /** The worker's script URL (null: not built). */
  workerUrl: string | null;
  /** The engine's model; null until it has arrived (the server's ranges stand until then). */
  model: Model | null;
  /** The scenario as in its file (the what-if is applied here, as the server applies the URL's). */
  scenario: Scenario;
  tunables: Tunable[];
  /** The values on screen. */
  values: Record<string, number>;
  /** The values the server computed `loaded` for. */
  loadedValues: Record<string, number>;
  loaded: PageRanges;
}

export function useLiveRanges({ workerUrl, model, scenario, tunables, values, loadedValues, loaded }: LiveRangesInput): {
  ranges: PageRanges;
  state: RangesState;
} {
  // The state as the URL names it: only moved values count (a value back at the file's is drawn again, as on the server).
  const key = whatIfSearch(values, tunables);
  const loadedKey = whatIfSearch(loadedValues, tunables);
  const [computed, setComputed] = useState<{ key: string; of: PageRanges; ranges: PageRanges } | null>(null);
  const [failed, setFailed] = useState(false);
  const live = useRef<{
    worker: Worker | null;
    generation: number;
    inFlight: boolean;
    queued: WorkerBandsRequest | null;
    keys: Map<number, string>;
  }>({ worker: null, generation: 0, inFlight: false, queued: null, keys: new Map() });

  // Whatever the worker had, the server's ranges for new loader data (another seed, Back to a loaded URL) win.
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  useEffect(() => {
    const l = live.current;
    // Any request in flight or queued is now stale.
    const generation = ++l.generation;
    if (l.queued) l.keys.delete(l.queued.generation);
    l.queued = null;
    if (key === loadedKey || !workerUrl || failed || !model) return;
    if (!l.worker) {
      try {
        const worker = new Worker(workerUrl);
        worker.onmessage = (e: MessageEvent<WorkerReply>) => {
          const reply = e.data;
          const forKey = l.keys.get(reply.generation);
          l.keys.delete(reply.generation);
          l.inFlight = false;
          if (l.queued) send(l.queued);
          l.queued = null;
          if (!reply.ok) {
            console.error(`Ranges worker: ${reply.error}`);
            setFailed(true);
            return;
          }
          if (reply.generation !== l.generation || forKey === undefined) return;
          setComputed({ key: forKey, of: loadedRef.current, ranges: reply.ranges });
        };
        worker.onerror = (e) => {
          console.error(`Ranges worker: ${e.message}`);
          setFailed(true);
        };
        worker.postMessage({ kind: "model", model });
        l.worker = worker;
      } catch (error) {
        console.error("Ranges worker could not start", error);
        setFailed(true);
        return;
      }
    }
    const send = (req: WorkerBandsRequest) => {
      l.inFlight = true;
      l.worker!.postMessage(req);
    };
    const moved = Object.fromEntries(movedTunables(values, tunables).map((t) => [t.key, values[t.key]!]));
    const applied = applyWhatIf(scenario, moved);
    const request: WorkerBandsRequest = { kind: "bands", generation, scenario: applied.scenario, whatIf: moved, draws: loaded.draws, seed: loaded.seed };
    l.keys.set(generation, key);
    if (l.inFlight) l.queued = request; // replaces nothing: the effect cleared the queue above
    else send(request);
    // values and scenario change with key; the draws and seed with loaded
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, loadedKey, workerUrl, failed, model, loaded.draws, loaded.seed]);

  useEffect(
    () => () => {
      live.current.worker?.terminate();
      live.current.worker = null;
    },
    [],
  );

  if (key === loadedKey) return { ranges: loaded, state: "current" };
  if (computed && computed.key === key && computed.of === loaded) return { ranges: computed.ranges, state: "current" };
  return { ranges: computed?.of === loaded ? computed.ranges : loaded, state: !workerUrl || failed ? "loaded-values" : "updating" };
}
