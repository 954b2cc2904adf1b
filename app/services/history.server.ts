/**
 * The back-test as a use case: the `what-happened` path with its bands, the fact register and the outcomes,
 * into rows and a coverage figure for /history, /api/history and /model/about.
 */
import { getFacts, getModel } from "../data/model.server";
import { backtest, type Backtest } from "../history/backtest";
import { OUTCOMES } from "../history/outcomes";
import { DatabaseUnavailableError } from "../data/db.server";
import { getPathView, type PathSource, type PathView } from "./paths.server";
import { ComputeBusyError } from "./compute-pool.server";
import { jsonErrorResponse } from "./errors.server";
import { jsonResponse } from "./scenario-api.server";

/** The path that tells what happened; the back-test reads the model along it. */
export const HISTORY_PATH_ID = "what-happened";

export type HistoryLookup = { status: "ok"; backtest: Backtest; view: PathView } | { status: "unavailable"; reason: string };

/** The back-test; its path's bands are computed on the compute pool (a full pool rejects with ComputeBusyError). */
export async function getHistory(source: PathSource = {}): Promise<HistoryLookup> {
  const model = source.model ?? getModel();
  const r = await getPathView(HISTORY_PATH_ID, { ...source, model });
  if (r.status === "not-found" || r.status === "bad-request") return { status: "unavailable", reason: `the path '${HISTORY_PATH_ID}' is missing from scenarios/paths` };
  if (r.status === "invalid")
    return { status: "unavailable", reason: `the path '${HISTORY_PATH_ID}' is invalid: ${r.file.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join("; ")}` };
  const { evaluation, bands, file } = r.view;
  return { status: "ok", view: r.view, backtest: backtest(OUTCOMES, getFacts(), file.path, evaluation, bands) };
}

/** GET /api/history: `{ coverage: { inside, outputs }, rows: [...] }`. */
export async function historyResponse(source: PathSource = {}): Promise<Response> {
  try {
    const h = await getHistory(source);
    if (h.status === "unavailable") return jsonResponse({ error: h.reason }, 500);
    const { coverage, rows, missing } = h.backtest;
    return jsonResponse({ path: HISTORY_PATH_ID, band: "P10-P90 (80%)", draws: h.view.bands.draws, seed: h.view.bands.seed, coverage, rows, missing });
  } catch (error) {
    if (error instanceof DatabaseUnavailableError)
      return jsonResponse({ error: error.message, hint: "Run `npm run db:setup` to create the model database." }, 503);
    if (error instanceof ComputeBusyError) return jsonErrorResponse(error, "api/history");
    throw error;
  }
}
