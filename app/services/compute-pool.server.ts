/**
 * Heavy computations off the request's event loop (decision 021): a small pool of worker threads runs the tasks of
 * compute-tasks.server.ts (a cold scenario page's evaluation, attribution, 1,000 draws and sensitivity), so the
 * server keeps answering /healthz, cached pages and small requests while they run.
 *
 * - Size from the cores: one fewer than there are (the main thread renders the pages), at least 1, at most 4.
 * - A bounded queue: beyond MAX_QUEUED waiting tasks a new one is refused at once with ComputeBusyError, which the
 *   error table answers 503 with Retry-After (a room's worth of requests queues; a flood does not pile up).
 * - What a worker runs: from the built server (build/index.js, as `npm start` and the browser tests run it) the
 *   worker imports that same build and calls its `runComputeTask` (exported by entry.server.tsx), so production
 *   needs no second bundle; from the TypeScript sources (vitest, tsx) it imports compute-tasks.server.ts through
 *   tsx. The worker's code is a short script given inline (`eval`), so there is no file to ship either way.
 * - The model is sent to a worker once and kept there until another model object is sent (a changed database).
 */
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

import type { Model } from "../engine/model";
import { runComputeTask, type TaskArgs, type TaskName, type TaskResult } from "./compute-tasks.server";

/** Worker threads: one per core but one (the main thread renders), at least 1, at most 4. */
export const POOL_SIZE = Math.max(1, Math.min(4, os.availableParallelism() - 1));
/** Tasks that may wait for a worker; one more is refused (503). About 64 cold scenario pages' worth of work. */
export const MAX_QUEUED = 64;

/** The pool is full: answer 503 with `Retry-After: retryAfter` (seconds). */
export class ComputeBusyError extends Error {
  constructor(readonly retryAfter: number) {
    super(`the server is busy computing other requests; try again in ${retryAfter} s`);
    this.name = "ComputeBusyError";
  }
}

/** A task failed in a worker (its error's name and message carried over), or the worker itself failed. */
export class ComputeTaskError extends Error {
  constructor(message: string, readonly taskError: { name: string; stack?: string }) {
    super(message);
    this.name = "ComputeTaskError";
  }
}

/** What a worker imports and which export it calls with (name, args, model). */
export interface WorkerTarget {
  /** A file URL of the module. */
  module: string;
  /** The path of the function in the module's exports, e.g. ["entry", "module", "runComputeTask"]. */
  exportPath: string[];
  /** A file URL of tsx's ESM API, registered first when the module is TypeScript. */
  tsx?: string;
}

// The worker: import the target, then answer each message with the task's result or its error. The model comes
// with a message only when it is not the one the worker already holds.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  const mod = await import(workerData.module);
  const run = workerData.exportPath.reduce((o, k) => (o == null ? o : o[k]), mod);
  if (typeof run !== "function") throw new Error("no compute function at " + workerData.exportPath.join(".") + " in " + workerData.module);
  let model = null;
  parentPort.on("message", (m) => {
    if (m.model !== undefined) model = m.model;
    let reply;
    try {
      reply = { id: m.id, ok: true, value: run(m.name, m.args, model) };
    } catch (e) {
      reply = { id: m.id, ok: false, error: { name: (e && e.name) || "Error", message: String((e && e.message) || e), stack: e && e.stack } };
    }
    parentPort.postMessage(reply);
  });
  parentPort.postMessage({ ready: true });
})().catch((e) => parentPort.postMessage({ failed: String((e && e.stack) || e) }));
`;

/** Where this module runs from: the built server (one bundle) or the TypeScript sources. */
export function defaultWorkerTarget(): WorkerTarget {
  const here = import.meta.url;
  if (!/\.tsx?$/.test(fileURLToPath(here))) return { module: here, exportPath: ["entry", "module", "runComputeTask"] };
  const tsxDir = path.dirname(createRequire(here).resolve("tsx/package.json"));
  return {
    module: pathToFileURL(path.join(path.dirname(fileURLToPath(here)), "compute-tasks.server.ts")).href,
    exportPath: ["runComputeTask"],
    tsx: pathToFileURL(path.join(tsxDir, "dist/esm/api/index.mjs")).href,
  };
}

interface Job {
  name: TaskName;
  args: unknown;
  model: Model;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  /** The id of the model object the worker holds. */
  modelId: number | null;
  started: number;
}

export class ComputePool {
  readonly size: number;
  readonly maxQueued: number;
  private readonly target: WorkerTarget;
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private ids = 0;
  private modelIds = new WeakMap<Model, number>();
  private nextModelId = 1;
  /** Smoothed task time (ms), for Retry-After. */
  private taskMs = 200;
  /** Set when a worker could not load its code: tasks then run in-process (logged once). */
  private broken: string | null = null;
  private closed = false;
  private answered = 0;

  constructor({ size = POOL_SIZE, maxQueued = MAX_QUEUED, target = defaultWorkerTarget() }: { size?: number; maxQueued?: number; target?: WorkerTarget } = {}) {
    this.size = size;
    this.maxQueued = maxQueued;
    this.target = target;
  }

  /** Runs a task on a worker; rejects with ComputeBusyError at once when MAX_QUEUED tasks already wait. */
  run<N extends TaskName>(name: N, args: TaskArgs<N>, model: Model): Promise<TaskResult<N>> {
    if (this.closed) return Promise.reject(new Error("the compute pool is closed"));
    if (this.broken) return runInline(name, args, model);
    if (this.queue.length >= this.maxQueued) return Promise.reject(new ComputeBusyError(this.retryAfter()));
    return new Promise<TaskResult<N>>((resolve, reject) => {
      this.queue.push({ name, args, model, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Workers started, tasks running and waiting, tasks a worker has answered (for tests and the benchmark). */
  stats(): { workers: number; busy: number; queued: number; answered: number } {
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.job).length, queued: this.queue.length, answered: this.answered };
  }

  /** Starts the workers now rather than on the first task (the server calls this before it listens). */
  warm(): void {
    while (!this.broken && !this.closed && this.slots.length < this.size) this.spawn();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the compute pool was closed"));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  /** Seconds until a place in the queue is likely free: the queue's work over the workers, at least 1, at most 30. */
  private retryAfter(): number {
    return Math.min(30, Math.max(1, Math.ceil((this.queue.length * this.taskMs) / this.size / 1000)));
  }

  private modelIdOf(model: Model): number {
    let id = this.modelIds.get(model);
    if (id === undefined) this.modelIds.set(model, (id = this.nextModelId++));
    return id;
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: this.target });
    worker.unref(); // an idle pool never keeps the process alive
    const slot: Slot = { worker, job: null, modelId: null, started: 0 };
    worker.on("message", (m: { id?: number; ok?: boolean; value?: unknown; error?: { name: string; message: string; stack?: string }; failed?: string }) => {
      if (m.failed !== undefined) return this.fail(slot, m.failed);
      if (m.id === undefined) return; // ready
      const job = slot.job;
      slot.job = null;
      this.answered++;
      worker.unref();
      this.taskMs = 0.8 * this.taskMs + 0.2 * (performance.now() - slot.started);
      if (job) {
        if (m.ok) job.resolve(m.value);
        else job.reject(new ComputeTaskError(`${m.error!.name}: ${m.error!.message}`, { name: m.error!.name, stack: m.error!.stack }));
      }
      this.pump();
    });
    worker.on("error", (error) => this.lose(slot, error));
    worker.on("exit", (code) => this.lose(slot, new Error(`a compute worker exited (code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /** The worker could not load its code: every task from now on runs in-process, which is slower but answers. */
  private fail(slot: Slot, reason: string) {
    if (!this.broken) console.error(`[compute] workers cannot start; computing in-process instead: ${reason}`);
    this.broken = reason;
    this.slots = this.slots.filter((s) => s !== slot);
    void slot.worker.terminate();
    const waiting = [...(slot.job ? [slot.job] : []), ...this.queue.splice(0)];
    slot.job = null;
    for (const job of waiting) runInline(job.name, job.args as never, job.model).then(job.resolve, job.reject);
  }

  /** A worker died: its task fails, and the next task starts a new worker. */
  private lose(slot: Slot, error: Error) {
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    if (slot.job) slot.job.reject(new ComputeTaskError(`a compute worker failed: ${error.message}`, { name: error.name, stack: error.stack }));
    slot.job = null;
    if (!this.closed) this.pump();
  }

  private pump() {
    while (this.queue.length > 0 && !this.broken) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      const modelId = this.modelIdOf(job.model);
      slot.job = job;
      slot.started = performance.now();
      slot.worker.ref(); // a task in flight keeps the process alive until it is answered
      try {
        slot.worker.postMessage({ id: ++this.ids, name: job.name, args: job.args, model: slot.modelId === modelId ? undefined : job.model });
        slot.modelId = modelId;
      } catch (error) {
        // Not cloneable (a bug in the caller): this task fails, the worker stays.
        slot.job = null;
        slot.worker.unref();
        job.reject(error);
      }
    }
  }
}

/** A task run on this thread, as a promise (the same function a worker runs). */
export function runInline<N extends TaskName>(name: N, args: TaskArgs<N>, model: Model): Promise<TaskResult<N>> {
  try {
    return Promise.resolve(runComputeTask(name, args, model));
  } catch (error) {
    return Promise.reject(error);
  }
}

const store = globalThis as typeof globalThis & { __antComputePool?: ComputePool | null };

/**
 * The server's pool: from the built server, worker threads; from the TypeScript sources (unit tests, tools), no
 * pool (tasks run in-process; compute-pool.server.test.ts runs the real pool from the sources).
 */
export function computePool(): ComputePool | null {
  if (store.__antComputePool === undefined) store.__antComputePool = defaultWorkerTarget().tsx ? null : new ComputePool();
  return store.__antComputePool;
}

/** Replaces the server's pool (tests: a real pool from the sources, or none); returns the one it replaced. */
export function setComputePool(pool: ComputePool | null): ComputePool | null | undefined {
  const before = store.__antComputePool;
  store.__antComputePool = pool;
  return before;
}

/** Runs a heavy task on the server's pool, or in-process where there is none. */
export function compute<N extends TaskName>(name: N, args: TaskArgs<N>, model: Model): Promise<TaskResult<N>> {
  const pool = computePool();
  return pool ? pool.run(name, args, model) : runInline(name, args, model);
}

/** Called by scripts/serve.mjs before it listens: the workers load while the server starts, not on a first request. */
export function startComputePool(): void {
  computePool()?.warm();
}
