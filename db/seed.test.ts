import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE_ASSUMPTIONS as ENGINE_READS } from "../app/engine/assumptions";
import { hhi } from "../app/engine/markets";
import { modelSchema, type Model } from "../app/engine/model";
import { getModelFromDb } from "../app/data/model.server";
import { openDatabase } from "../app/data/db.server";
import { setupDatabase } from "./setup";

let dir: string;
let dbPath: string;
let model: Model;

/** Counts rows of every table straight from SQLite. */
function tableCounts(file: string): Record<string, number> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const names = (sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as Array<{ name: string }>).map((r) => r.name);
    return Object.fromEntries(names.map((n) => [n, (sqlite.prepare(`select count(*) as n from "${n}"`).get() as { n: number }).n]));
  } finally {
    sqlite.close();
  }
}

function readModel(file: string): Model {
  const { db, sqlite } = openDatabase(file);
  try {
    return getModelFromDb(db);
  } finally {
    sqlite.close();
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ant-model-seed-"));
  dbPath = path.join(dir, "nested", "folder", "model.db");
  setupDatabase({ path: dbPath });
  model = readModel(dbPath);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const NUMERIC_COLLECTIONS = [
  ["units", (r: Model["units"][number]) => r.id],
  ["services", (r: Model["services"][number]) => r.id],
  ["serviceEntryPoints", (r: Model["serviceEntryPoints"][number]) => `${r.serviceId}/${r.entryPoint}`],
  ["serviceUnits", (r: Model["serviceUnits"][number]) => `${r.serviceId}/${r.unitId}`],
  ["dataFlows", (r: Model["dataFlows"][number]) => r.id],
  ["creditBooks", (r: Model["creditBooks"][number]) => r.unitId],
  ["funds", (r: Model["funds"][number]) => r.unitId],
  ["marketPlayers", (r: Model["marketPlayers"][number]) => `${r.marketId}/${r.playerId}`],
  ["regulatoryParameters", (r: Model["regulatoryParameters"][number]) => r.id],
] as const;

describe("the seeded baseline model", () => {
  it("parses with the model schema and has the expected shape", () => {
    expect(() => modelSchema.parse(model)).not.toThrow();
    expect(model.group.asOf).toBe("2020-06-30");
    expect(model.units.length).toBe(11);
    expect(model.services.length).toBeGreaterThanOrEqual(10);
    expect(model.dataFlows.length).toBeGreaterThanOrEqual(15);
    expect(model.units.map((u) => u.id)).toEqual([
      "alipay-payments", "alipay-plus", "huabei", "jiebei", "zhima-credit", "sme-credit",
      "yuebao", "ant-fortune", "ant-insurance", "ant-technology", "mybank",
    ]);
  });

  it("every numeric figure of every row has a provenance row citing known sources or an existing assumption", () => {
    const sourceKeys = new Set(model.sources.map((s) => s.key));
    const assumptionIds = new Set(model.assumptions.map((a) => a.id));
    const provenance = new Map(model.provenance.map((p) => [`${p.table}|${p.rowId}|${p.field}`, p]));
    const missing: string[] = [];
    const figures = new Set<string>();
    const check = (table: string, rowId: string, row: Record<string, unknown>) => {
      for (const [field, value] of Object.entries(row)) {
        if (typeof value !== "number") continue;
        figures.add(`${table}|${rowId}|${field}`);
        const p = provenance.get(`${table}|${rowId}|${field}`);
        if (!p) {
          missing.push(`${table}/${rowId}.${field}: no provenance`);
          continue;
        }
        const cited = p.sourceKeys.length > 0 && p.sourceKeys.every((k) => sourceKeys.has(k));
        const unknownKeys = p.sourceKeys.filter((k) => !sourceKeys.has(k));
        if (unknownKeys.length > 0) missing.push(`${table}/${rowId}.${field}: unknown source(s) ${unknownKeys.join(",")}`);
        if (p.assumptionId !== null && !assumptionIds.has(p.assumptionId)) missing.push(`${table}/${rowId}.${field}: unknown assumption ${p.assumptionId}`);
        if (!cited && (p.assumptionId === null || !assumptionIds.has(p.assumptionId))) missing.push(`${table}/${rowId}.${field}: neither sources nor assumption`);
      }
    };
    check("group", "group", model.group);
    for (const [table, idOf] of NUMERIC_COLLECTIONS) {
      for (const row of model[table]) check(table, (idOf as (r: typeof row) => string)(row), row);
    }
    expect(missing).toEqual([]);
    // and no provenance row points at a figure that does not exist
    expect([...provenance.keys()].filter((k) => !figures.has(k))).toEqual([]);
    expect(model.provenance.length).toBeGreaterThan(150);
  });

  it("every assumption's value lies within its range, and every cited source key exists", () => {
    const keys = new Set(model.sources.map((s) => s.key));
    for (const a of model.assumptions) {
      expect(a.low, a.id).toBeLessThanOrEqual(a.value);
      expect(a.value, a.id).toBeLessThanOrEqual(a.high);
      for (const k of a.sourceKeys) expect(keys.has(k), `${a.id} cites ${k}`).toBe(true);
    }
    for (const r of model.regulatoryParameters) {
      expect(r.sourceKeys.length, r.id).toBeGreaterThan(0);
      for (const k of r.sourceKeys) expect(keys.has(k), `${r.id} cites ${k}`).toBe(true);
    }
  });

  it("has the engine assumptions the engine reads by id, marked usedBy engine", () => {
    // The engine's own list: an id it reads that the seed lacks, or a seeded one it no longer reads, fails here.
    const engineIds: string[] = [...ENGINE_READS];
    const byId = new Map(model.assumptions.map((a) => [a.id, a]));
    for (const id of engineIds) expect(byId.get(id)?.usedBy, id).toBe("engine");
    expect(model.assumptions.filter((a) => a.usedBy === "engine").map((a) => a.id).sort()).toEqual([...engineIds].sort());
    for (const u of model.units) expect(byId.has(u.coverageElasticity), u.id).toBe(true);
  });

  it("names units and services in assumption labels by their display names, as the pages do, never by their ids", () => {
    // The tornado, the what-if's ordering hints and the sensitivity API read these labels ("Capital held by huabei").
    const capital = model.assumptions.filter((a) => a.id.startsWith("capital-held-"));
    const users = model.assumptions.filter((a) => a.id.startsWith("users-"));
    expect(capital.length).toBeGreaterThan(5);
    expect(users.length).toBeGreaterThan(5);
    for (const a of capital) expect(a.label).toBe(`Capital held by ${model.units.find((u) => `capital-held-${u.id}` === a.id)!.name}`);
    for (const a of users) expect(a.label).toBe(`Users of ${model.services.find((s) => `users-${s.id}` === a.id)!.name}`);
    expect(model.assumptions.find((a) => a.id === "capital-held-huabei")!.label).toBe("Capital held by Huabei");
    // No label ends in a unit's or a service's id (as "Capital held by alipay-payments" did).
    const ids = [...model.units, ...model.services].map((x) => x.id);
    for (const a of model.assumptions) for (const id of ids) expect(a.label.endsWith(` ${id}`), `${a.id}: ${a.label}`).toBe(false);
  });

  it("each market's shares add up to 1", () => {
    for (const m of model.markets) {
      const total = model.marketPlayers.filter((p) => p.marketId === m.id).reduce((s, p) => s + p.share, 0);
      expect(Math.abs(total - 1), m.id).toBeLessThan(1e-9);
    }
    const ids = model.marketPlayers.flatMap((p) => p.unitIds);
    const unitIds = new Set(model.units.map((u) => u.id));
    for (const id of ids) expect(unitIds.has(id), id).toBe(true);
  });

  it("each unit's revenue shares over services add up to 1", () => {
    for (const u of model.units) {
      const total = model.serviceUnits.filter((su) => su.unitId === u.id).reduce((s, su) => s + su.revenueShare, 0);
      expect(Math.abs(total - 1), u.id).toBeLessThan(1e-9);
    }
  });

  it("entry-point traffic shares of a service add up to at most 1, and pay-later leans on checkout", () => {
    for (const s of model.services) {
      const total = model.serviceEntryPoints.filter((e) => e.serviceId === s.id).reduce((a, e) => a + e.trafficShare, 0);
      expect(total, s.id).toBeLessThanOrEqual(1);
    }
    const payLater = model.serviceEntryPoints.filter((e) => e.serviceId === "pay-later");
    const checkout = payLater.find((e) => e.entryPoint === "checkout-default")?.trafficShare ?? 0;
    expect(checkout).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...payLater.map((e) => e.trafficShare))).toBe(checkout);
  });

  it("data flows into any unit add up to at most 0.9 and join existing units", () => {
    const unitIds = new Set(model.units.map((u) => u.id));
    const into = new Map<string, number>();
    for (const f of model.dataFlows) {
      expect(unitIds.has(f.fromUnit) && unitIds.has(f.toUnit), f.id).toBe(true);
      into.set(f.toUnit, (into.get(f.toUnit) ?? 0) + f.dependence);
    }
    for (const [unit, total] of into) expect(total, unit).toBeLessThanOrEqual(0.9 + 1e-12);
    expect(model.dataFlows.map((f) => f.id)).toContain("payments-to-huabei-transactions");
  });

  it("consolidated unit revenues add up to the group's revenue", () => {
    const consolidated = model.units.filter((u) => u.consolidated).reduce((s, u) => s + u.revenue, 0);
    expect(Math.abs(consolidated - model.group.revenue)).toBeLessThan(1e-9);
    const payments = model.units.filter((u) => u.segment === "payments").reduce((s, u) => s + u.revenue, 0);
    expect(Math.abs(payments / model.group.revenue - 0.3586)).toBeLessThan(0.00005); // 35.86% [S4], as rounded
    expect(model.group.revenue).toBeCloseTo(145.056, 9);
    expect(model.group.netProfit).toBeCloseTo(43.846, 9);
    const credit = model.units.filter((u) => u.segment === "credit" && u.consolidated).reduce((s, u) => s + u.revenue, 0);
    expect(credit).toBeCloseTo(57.172, 6);
  });

  it("puts consumer credit on one basis (by originator) with the big lenders named: its HHI is no longer Ant's share squared", () => {
    const players = model.marketPlayers.filter((p) => p.marketId === "consumer-credit");
    const named = players.filter((p) => !p.fragmented).map((p) => p.playerId).sort();
    expect(named).toEqual(["ant", "ccb", "cmb", "icbc", "weilidai"]);
    expect(model.markets.find((m) => m.id === "consumer-credit")?.measure).toMatch(/originating platform or lender/);
    const value = hhi(players.map((p) => p.share), players.map((p) => p.fragmented));
    // Before: Ant 21% squared (441) plus Weilidai (16) = 457, the banks counted as many small firms.
    expect(value).toBeCloseTo(441 + 49 + 36 + 36 + 16, 6);
    expect(value - 0.21 ** 2 * 10_000).toBeGreaterThan(100);
  });

  it("seeds the fact sheet's figures with the fact sheet's values", () => {
    const unit = (id: string) => model.units.find((u) => u.id === id)!;
    const book = (id: string) => model.creditBooks.find((b) => b.unitId === id)!;
    const player = (m: string, p: string) => model.marketPlayers.find((x) => x.marketId === m && x.playerId === p)!;
    expect(model.services.find((s) => s.id === "pay")?.users).toBe(711);
    expect(model.services.find((s) => s.id === "small-business-loans")?.users).toBe(20.87);
    expect(player("mobile-payments", "alipay").share).toBe(0.554);
    expect(player("mobile-payments", "tenpay").share).toBe(0.388);
    expect(player("consumer-credit", "ant").share).toBe(0.21);
    expect(player("consumer-credit", "ant").unitIds).toEqual(["huabei", "jiebei"]);
    for (const id of ["huabei", "jiebei"]) {
      expect(book(id).ownShare).toBe(0.02);
      expect(book(id).takeRate).toBe(0.0274);
      expect(book(id).lossRate).toBe(0.0105);
    }
    expect(book("huabei").balance + book("jiebei").balance).toBeCloseTo(1700, 9);
    expect(unit("mybank").antStake).toBe(0.3);
    expect(unit("mybank").consolidated).toBe(false);
    expect(unit("yuebao").antStake).toBe(0.51);
    const param = (id: string) => model.regulatoryParameters.find((r) => r.id === id)!;
    expect(param("co-lending-platform-min-share").value).toBe(0.3);
    expect(param("co-lending-platform-min-share").inForceAtBaseline).toBe(false);
    expect(param("bank-total-capital-min").value).toBe(0.105);
    expect(param("bank-total-capital-min").inForceAtBaseline).toBe(true);
    expect(param("fhc-min-paid-in-capital").value).toBe(5);
    expect(param("pipl-max-fine-share").value).toBe(0.05);
  });

  it("credit balances add up to the ~2.1 RMB tn facilitated [S80], small-business credit ~0.4 tn a sourced fact", () => {
    const balance = (id: string) => model.creditBooks.find((b) => b.unitId === id)!.balance;
    expect(balance("huabei") + balance("jiebei") + balance("sme-credit")).toBeCloseTo(2100, 9);
    const sme = model.provenance.find((p) => p.table === "creditBooks" && p.rowId === "sme-credit" && p.field === "balance")!;
    expect(sme).toMatchObject({ sourceKeys: ["S80", "S10"], assumptionId: null });
    expect(model.assumptions.map((a) => a.id)).not.toContain("sme-credit-balance");
    // delinquency [S81] is what the books' through-the-cycle loss rate cites
    for (const id of ["huabei", "jiebei"]) {
      const loss = model.provenance.find((p) => p.table === "creditBooks" && p.rowId === id && p.field === "lossRate")!;
      expect(loss.sourceKeys).toEqual(["S81"]);
    }
  });

  it("ranges cover what is usual where no source gives the figure: Yu'e Bao's fees, the micro-lenders' capital", () => {
    const a = (id: string) => model.assumptions.find((x) => x.id === id)!;
    // 0.30% management fee alone, and with a ~0.25% sales-service fee on top
    expect(a("yuebao-fee-rate").low).toBeLessThanOrEqual(0.003);
    expect(a("yuebao-fee-rate").high).toBeGreaterThanOrEqual(0.0055);
    expect(model.funds.find((f) => f.unitId === "yuebao")!.feeRate).toBe(a("yuebao-fee-rate").value);
    for (const id of ["capital-held-huabei", "capital-held-jiebei"]) {
      expect(a(id).rationale, id).toMatch(/registered capital/);
      expect(a(id).sourceKeys, id).toEqual(expect.arrayContaining(["S74", "S29"]));
      expect(a(id).high).toBeGreaterThanOrEqual(5); // the cross-province minimum of the Nov 2020 draft [S29]
    }
  });

  it("lists every source of the fact register with its citation", () => {
    const keys = model.sources.map((s) => s.key);
    expect(keys).toContain("S1");
    expect(keys).toContain("S79");
    expect(keys).toContain("S89");
    expect(keys.length).toBe(70);
    for (const s of model.sources) expect(s.citation.length).toBeGreaterThan(0);
  });

  it("running setup again does no work twice and keeps the data", () => {
    const before = tableCounts(dbPath);
    const second = setupDatabase({ path: dbPath });
    expect(second.seeded).toBe(false);
    expect(second.created).toBe(false);
    expect(second.message).toBe("up to date, 11 units");
    expect(tableCounts(dbPath)).toEqual(before);
    expect(readModel(dbPath)).toEqual(model);
  });

  it("a fresh setup reports that it created and seeded the database", () => {
    const result = setupDatabase({ path: path.join(dir, "second.db") });
    expect(result).toMatchObject({ created: true, seeded: true, units: 11 });
    expect(result.message).toMatch(/^created \+ seeded/);
  });

  it("a database that exists but was never migrated is migrated and seeded", () => {
    const file = path.join(dir, "empty.db");
    new Database(file).close();
    expect(setupDatabase({ path: file })).toMatchObject({ created: false, seeded: true, units: 11 });
  });
});
