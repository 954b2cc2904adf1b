/**
 * The engine on the real seeded model and the real scenario library: a scratch database built from the
 * migrations and the seed (never the user's file), every library scenario evaluated and attributed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE_ASSUMPTIONS } from "../../app/engine/assumptions";
import { attribute } from "../../app/engine/attribution";
import { evaluate } from "../../app/engine/evaluate";
import type { Model } from "../../app/engine/model";
import { HEADLINE_KEYS, type Result } from "../../app/engine/result";
import { getModelFromDb } from "../../app/data/model.server";
import { loadScenarios } from "../../app/scenarios/load.server";
import type { Scenario } from "../../app/scenarios/schema";
import { openDatabase } from "../../app/data/db.server";
import { setupDatabase } from "../../db/setup";

let dir: string;
let model: Model;
let library: Scenario[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-on-seed-"));
  const file = path.join(dir, "model.db");
  setupDatabase({ path: file });
  const { db, sqlite } = openDatabase(file);
  model = getModelFromDb(db);
  sqlite.close();
  library = loadScenarios({ dir: path.resolve(__dirname, "../../scenarios"), model }).flatMap((r) =>
    r.ok ? [r.scenario] : [],
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (id: string) => {
  const s = library.find((x) => x.id === id);
  if (!s) throw new Error(`library has no scenario ${id}`);
  return s;
};
const unit = (r: Result, id: string) => r.units.find((u) => u.id === id)!;

describe("the engine on the seeded model", () => {
  it("the seed defines every engine assumption, each within its range", () => {
    for (const id of ENGINE_ASSUMPTIONS) {
      const a = model.assumptions.find((x) => x.id === id);
      expect(a, id).toBeDefined();
      expect(a!.usedBy).toBe("engine");
      expect(a!.value).toBeGreaterThanOrEqual(a!.low);
      expect(a!.value).toBeLessThanOrEqual(a!.high);
    }
  });

  it("an empty scenario gives back the seeded group figures exactly", () => {
    const r = evaluate(model, { ...get("2021-rectification"), rules: [], assumptions: undefined });
    expect(r.headline.revenue.scenario).toBeCloseTo(model.group.revenue, 9);
    expect(r.headline.profit.scenario).toBe(model.group.netProfit);
    for (const d of Object.values(r.headline)) expect(d.scenario).toBe(d.baseline);
  });

  it("every library scenario evaluates to finite numbers, and its attribution adds up", () => {
    expect(library.length).toBeGreaterThanOrEqual(9);
    for (const s of library) {
      const r = evaluate(model, s);
      const a = attribute(model, s);
      for (const key of HEADLINE_KEYS) {
        const total = r.headline[key].scenario - r.headline[key].baseline;
        expect(Number.isFinite(r.headline[key].scenario), `${s.id} ${key}`).toBe(true);
        expect(a.metrics[key].byRule.reduce((x, y) => x + y, 0), `${s.id} ${key}`).toBeCloseTo(total, 6);
      }
      for (const m of r.markets) expect(m.players.reduce((x, p) => x + p.share.scenario, 0)).toBeCloseTo(1, 9);
      // every library scenario moves something a workshop would see
      expect(r.explanations.length, s.id).toBeGreaterThan(0);
    }
  });

  it("the April 2021 rectification shows what history showed, in direction", () => {
    const r = evaluate(model, get("2021-rectification"));
    const consumer = ["huabei", "jiebei"];
    const own = (f: "baseline" | "scenario") => consumer.reduce((x, id) => x + unit(r, id).ownFundedBook![f], 0);
    // consumer credit funded by Ant's own capital rises, and a capital need appears
    expect(own("scenario")).toBeGreaterThan(own("baseline") * 2);
    expect(r.headline.capitalShortfall.scenario).toBeGreaterThan(0);
    // the loans the company does not fund go on under the banks' names, facilitated for a fee [S87]
    for (const id of consumer) expect(unit(r, id).facilitated, id).toBeGreaterThan(100);
    expect(r.headline.capitalRaised.scenario).toBe(0);
    // the credit business Ant keeps shrinks; profit and the (illustrative) equity value fall
    const kept = (f: "baseline" | "scenario") => consumer.reduce((x, id) => x + unit(r, id).attributableRevenue[f], 0);
    expect(kept("scenario")).toBeLessThan(kept("baseline"));
    expect(r.headline.profit.scenario).toBeLessThan(r.headline.profit.baseline);
    expect(r.headline.equityValue.scenario).toBeLessThan(r.headline.equityValue.baseline);
    // Huabei and Jiebei stay inside Alipay [S86, S87]: reached there, not linked out or gone
    for (const id of ["pay-later", "cash-loans"]) expect(["integrated", "reduced"], id).toContain(r.services.find((s) => s.id === id)!.status);
    expect(r.services.find((s) => s.id === "pay-later")!.users.scenario).toBeGreaterThan(0.5 * 450);
  });

  it("the 2023 fine comes out of profit once, and leaves recurring profit's value alone", () => {
    const r = evaluate(model, get("2023-07-fine"));
    expect(r.headline.profit.scenario - r.headline.profit.baseline).toBeCloseTo(-7.123, 9);
    expect(r.headline.oneOffCharges.scenario).toBeCloseTo(7.123, 9);
    expect(r.headline.equityValue.scenario).toBeCloseTo(r.headline.equityValue.baseline, 9);
  });

  it("the 30% co-lending rule alone needs far more capital than the credit units held", () => {
    const r = evaluate(model, get("2021-co-lending"));
    expect(r.headline.capitalShortfall.scenario).toBeGreaterThan(10);
  });

  it("payments interoperability lowers Alipay's share and the payments HHI", () => {
    const r = evaluate(model, get("payments-interoperability"));
    const m = r.markets.find((x) => x.id === "mobile-payments")!;
    expect(m.players.find((p) => p.playerId === "alipay")!.share.scenario).toBeLessThan(0.554);
    expect(m.hhi.scenario).toBeLessThan(m.hhi.baseline);
  });
});
