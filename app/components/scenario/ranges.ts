/**
 * The 80% ranges (P10-P90) the scenario page shows beside its figures: the KPI tiles' headline bands and the
 * tables' unit, service and market bands, cut from the engine's bands (the server's for the loaded values, the
 * Web Worker's after a slider move: the same function of the same draws). Pure, no JSX: the server builds page
 * data with it, the worker its answer.
 */
import type { Bands, Band, FlowBands, MarketBands, ServiceBands, UnitBands } from "~/engine/uncertainty";
import type { Model } from "~/engine/model";
import type { HeadlineKey } from "~/engine/result";
import type { EngineScenario } from "~/engine/rules";

/** What the tables show a range for. */
export interface TableRanges {
  units: Record<string, Pick<UnitBands, "revenue" | "revenueDelta" | "capitalRequired" | "capitalShortfall" | "capitalRaised">>;
  services: Record<string, Pick<ServiceBands, "users" | "usersDelta">>;
  markets: Record<string, MarketBands>;
  /** Each flow's share kept and each receiving unit's data coverage. */
  flows: FlowBands;
}

/** The ranges a page shows: the headline (tiles) and the tables, for one draws/seed. */
export interface PageRanges {
  draws: number;
  seed: number;
  headline: Record<HeadlineKey, Band>;
  headlineDelta: Record<HeadlineKey, Band>;
  tables: TableRanges;
}

/** The tables' share of the engine's bands (the rest stays on the server: the page data stays small). */
export function tableRangesOf(bands: Pick<Bands, "units" | "services" | "markets" | "flows">): TableRanges {
  const units: TableRanges["units"] = {};
  for (const [id, u] of Object.entries(bands.units))
    units[id] = { revenue: u.revenue, revenueDelta: u.revenueDelta, capitalRequired: u.capitalRequired, capitalShortfall: u.capitalShortfall, capitalRaised: u.capitalRaised };
  const services: TableRanges["services"] = {};
  for (const [id, s] of Object.entries(bands.services)) services[id] = { users: s.users, usersDelta: s.usersDelta };
  return { units, services, markets: { ...bands.markets }, flows: bands.flows };
}

/** A page's ranges from the engine's bands. */
export function pageRangesOf(bands: Bands): PageRanges {
  return { draws: bands.draws, seed: bands.seed, headline: bands.headline, headlineDelta: bands.headlineDelta, tables: tableRangesOf(bands) };
}

/** "15.1 to 30.2": an 80% range in the figure's own format (the tiles' wording). */
export function rangeText(band: Pick<Band, "p10" | "p90">, format: (n: number) => string): string {
  return `${format(band.p10)} to ${format(band.p90)}`;
}

/** Text a range cell shows while the worker computes the ranges of values just moved. */
export const UPDATING = "updating range…";

// ---- The Web Worker's messages (bands.worker.ts, useLiveRanges.ts) ----

/** Sent once, when the worker starts: the model the page evaluates (its provenance rows name the drawn seed figures). */
export interface WorkerModelMessage {
  kind: "model";
  model: Model;
}

/** Ranges of one what-if state: the scenario with the moved values in place, and those values (pinned, not drawn). */
export interface WorkerBandsRequest {
  kind: "bands";
  /** Increases with every request; a reply to an older one is superseded and dropped. */
  generation: number;
  scenario: EngineScenario;
  whatIf: Record<string, number>;
  draws: number;
  seed: number;
}

export type WorkerReply =
  | { generation: number; ok: true; ranges: PageRanges; ms: number }
  | { generation: number; ok: false; error: string };
