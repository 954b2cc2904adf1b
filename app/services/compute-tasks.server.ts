/**
 * The heavy computations the server hands to its worker threads (compute-pool.server.ts, decision 021): each a
 * function of plain data (structured-cloneable in and out) and the model, so the same function runs in a worker or
 * in-process with the same result. Kept free of Remix and the database: a worker imports it without either.
 */
import { attribute } from "../engine/attribution";
import { evaluate } from "../engine/evaluate";
import type { Model } from "../engine/model";
import type { Attribution, HeadlineKey, Result } from "../engine/result";
import { bandsAndSensitivity, inertInputs, sensitivity, type Band, type Swing } from "../engine/uncertainty";
import { pathBands, type PathBands } from "../paths/bands";
import { evaluatePath, type PathEvaluation } from "../paths/evaluate";
import type { ResolvedPath } from "../paths/resolve";
import { comparisonBands, type BandColumn } from "../scenarios/compare-bands";
import { resultPayload } from "../scenarios/payload";
import type { Scenario } from "../scenarios/schema";
import { tableRangesOf, type TableRanges } from "../components/scenario/ranges";
import { swingKey } from "../components/scenario/swings";

/** What the scenario page shows of the uncertainty: the bands it needs and the tornado, computed on the server. */
export interface PageUncertainty {
  draws: number;
  seed: number;
  /** Whether the URL named draws or seed (kept in links and the what-if form). */
  explicit: boolean;
  headline: Record<HeadlineKey, Band>;
  headlineDelta: Record<HeadlineKey, Band>;
  /** The bands the tables show beside their figures (units, services, markets). */
  tables: TableRanges;
  sensitivity: Record<HeadlineKey, Swing[]>;
  /** By what-if key: the input's profit swing and whether it moves any headline figure end to end. */
  swingByKey: Record<string, { profit: number; moves: boolean }>;
}

/** The page's bands (`drawsSeed` from the URL, else the defaults) and sensitivity of the scenario as shown. */
function pageUncertainty(
  model: Model,
  { scenario, whatIf, drawsSeed }: { scenario: Scenario; whatIf: Record<string, number>; drawsSeed: { draws: number; seed: number } | null },
): PageUncertainty {
  const { bands, sensitivity: swings } = bandsAndSensitivity(model, scenario, { ...(drawsSeed ?? {}), whatIf });
  const inert = inertInputs(swings);
  const swingByKey: PageUncertainty["swingByKey"] = {};
  for (const s of swings.profit) {
    swingByKey[swingKey(s)] = { profit: Math.abs(s.high - s.low), moves: !inert.has(s.id) };
  }
  return {
    draws: bands.draws,
    seed: bands.seed,
    explicit: drawsSeed !== null,
    headline: bands.headline,
    headlineDelta: bands.headlineDelta,
    tables: tableRangesOf(bands),
    sensitivity: pageSwings(swings),
    swingByKey,
  };
}

/**
 * The swings the page shows: every input for net profit (its tornado and its table, "moves nothing" included) and,
 * for each other figure, the inputs that move it (its table lists only those). The rest is not sent: on the
 * rectification 250 of 400 swings, about 35 KB of the page's 80 KB of uncertainty, serialised twice (to the main
 * thread, then in the page's data).
 */
function pageSwings(swings: Record<HeadlineKey, Swing[]>): Record<HeadlineKey, Swing[]> {
  const out = {} as Record<HeadlineKey, Swing[]>;
  for (const [k, list] of Object.entries(swings) as Array<[HeadlineKey, Swing[]]>)
    out[k] = k === "profit" ? list : list.filter((s) => Math.abs(s.high - s.low) > 0);
  return out;
}

/** Every task by name: (model, arguments) -> result. */
export const COMPUTE_TASKS = {
  /** The scenario page's and the deck's figures: evaluation and Shapley attribution. */
  view: (model: Model, { scenario, assumptions }: { scenario: Scenario; assumptions: Record<string, number> }): { result: Result; attribution: Attribution } => ({
    result: evaluate(model, scenario, { assumptions }),
    attribution: attribute(model, scenario, { assumptions }),
  }),
  pageUncertainty,
  /** /compare's bands: one engine pass per column on the same draws (headline, difference, services, HHI). */
  comparisonBands: (model: Model, { columns, draws, seed }: { columns: BandColumn[]; draws?: number; seed?: number }) =>
    comparisonBands(model, columns, { draws, seed }),
  /** GET /api/scenarios/:id/result (and the exports): `{ scenario, result, attribution, bands? }`. */
  resultPayload: (model: Model, { scenario, options }: { scenario: Scenario; options: Parameters<typeof resultPayload>[2] }) => resultPayload(model, scenario, options),
  /** GET /api/scenarios/:id/sensitivity, and /model/about's swings on the last step of what-happened. */
  sensitivity: (model: Model, { scenario }: { scenario: Parameters<typeof sensitivity>[1] }) => sensitivity(model, scenario),
  /**
   * A path's state for its page, the API and the back-test: every step evaluated (with attribution), and the
   * bands of every step (draws for each state: 9,000 for what-happened at the default 1,000).
   */
  pathState: (
    model: Model,
    { path, assumptions, draws, seed, whatIf }: { path: ResolvedPath; assumptions: Record<string, number>; draws: number; seed: number; whatIf: Record<string, number> },
  ): { evaluation: PathEvaluation; bands: PathBands } => ({
    evaluation: evaluatePath(model, path, { assumptions }),
    bands: pathBands(model, path, { draws, seed, whatIf }),
  }),
} as const;

export type ComputeTasks = typeof COMPUTE_TASKS;
export type TaskName = keyof ComputeTasks;
export type TaskArgs<N extends TaskName> = Parameters<ComputeTasks[N]>[1];
export type TaskResult<N extends TaskName> = ReturnType<ComputeTasks[N]>;

/** Runs one task (what a worker calls for each message; in-process the same). */
export function runComputeTask<N extends TaskName>(name: N, args: TaskArgs<N>, model: Model): TaskResult<N> {
  const task = COMPUTE_TASKS[name] as (model: Model, args: TaskArgs<N>) => TaskResult<N>;
  if (typeof task !== "function") throw new Error(`no compute task '${String(name)}'`);
  return task(model, args);
}
