/**
 * The Web Worker that computes the scenario page's 80% ranges after a slider move, off the main thread, so input
 * never waits for 1,000 draws. It runs the engine's own `computeBands` on the page's model with the page's draws
 * and seed: the same numbers the server renders for the same values. Bundled on its own by
 * scripts/build-worker.mjs (the Remix classic compiler has no worker entry; decision 023).
 * Requests are answered in order; the page sends a new one only when the last has been answered, and drops a
 * reply whose generation is no longer the latest (useLiveRanges.ts).
 */
import { computeBands } from "~/engine/uncertainty";
import type { Model } from "~/engine/model";

import { pageRangesOf, type WorkerBandsRequest, type WorkerModelMessage, type WorkerReply } from "./ranges";

// The project's type check uses the DOM library; a worker's global scope needs only these two members.
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<WorkerModelMessage | WorkerBandsRequest>) => void) | null;
  postMessage: (message: WorkerReply) => void;
};

let model: Model | null = null;

scope.onmessage = (e) => {
  const message = e.data;
  if (message.kind === "model") {
    model = message.model;
    return;
  }
  const { generation, scenario, whatIf, draws, seed } = message;
  try {
    if (!model) throw new Error("the worker has no model yet");
    const t0 = performance.now();
    const bands = computeBands(model, scenario, { draws, seed, whatIf });
    scope.postMessage({ generation, ok: true, ranges: pageRangesOf(bands), ms: performance.now() - t0 });
  } catch (error) {
    scope.postMessage({ generation, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
