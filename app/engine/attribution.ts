/**
 * Attribution: how much each rule contributed to each headline change.
 *
 * Shapley values over the rules: a rule's share is its marginal effect averaged over every order in which the
 * rules could be added. They do not depend on the order of the rules in the file, they add up exactly to the
 * total change (efficiency), and a rule that changes nothing gets zero (null player).
 *
 * Exact enumeration costs 2^n evaluations. It scales through interaction groups: rules that touch disjoint parts
 * of the model (after following what each cell feeds: a service's reach feeds every unit that earns through it,
 * a unit's volume feeds its capital, revenue and users) add up independently, and the Shapley value of a sum of
 * independent games is the sum of theirs, so each group is enumerated alone (sum of 2^k instead of 2^n). The
 * grouping is checked, not trusted: for every headline, each group's marginal on top of all the others must equal
 * its effect alone; where that fails the failing groups merge and the check runs again. A group above `exactMax`
 * rules is estimated from sampled permutations, with a standard error per rule. docs/decisions/005 and 017.
 */
import { CoalitionRunner, compileScenario, NH, Work } from "./compiled";
import type { EvaluateOptions } from "./evaluate";
import type { Model } from "./model";
import { ABSENT, MaskTable } from "./mask-table";
import { indexModel } from "./model-index";
import { xoshiro128ss } from "./random";
import { HEADLINE_KEYS, type Attribution, type AttributionGroup, type HeadlineKey } from "./result";
import { ruleIdOf, type EngineScenario as Scenario, type Rule } from "./rules";

export interface AttributionOptions extends EvaluateOptions {
  /** Largest group attributed by exact enumeration (2^k evaluations); larger groups are sampled. */
  exactMax?: number;
  /** Orders sampled for a group above exactMax (rounded to antithetic pairs). */
  permutations?: number;
  /** Seed of the sampled permutations (the estimate is reproducible). */
  seed?: number;
  /** false: one group of every rule (full enumeration), e.g. to check the grouping against it. */
  grouping?: boolean;
}

export const EXACT_MAX = 14;
/** Orders sampled for a group above EXACT_MAX (in antithetic pairs): about k x PERMUTATIONS evaluations. */
export const PERMUTATIONS = 1000;
/** A sampled value is reported with this many standard errors as its bound. */
export const SAMPLED_BOUND_SE = 4;

/** Shapley attribution of every headline metric to the scenario's rules. */
export function attribute(model: Model, scenario: Scenario, options: AttributionOptions = {}): Attribution {
  const run = startAttribution(model, scenario, options);
  while (!run.step(1 << 20));
  return run.result();
}

/**
 * The same attribution, computed a few evaluations at a time: the browser runs it in slices of a few milliseconds
 * while a slider moves. The engine stays clock-free: the caller decides how many steps fit. `step(k)` evaluates up
 * to k more subsets and says whether all are done.
 */
export interface AttributionRun {
  /** Evaluations planned so far (the plan grows if the grouping check merges groups). */
  readonly evaluations: number;
  /** Evaluations done so far. */
  readonly done: number;
  step(count: number): boolean;
  /** The attribution; throws before every planned subset is evaluated. */
  result(): Attribution;
}

// ---- Interaction groups ----

/**
 * The cells a rule touches, followed to what they feed: `u:<unit>` for a unit, `m:<market>` for a market,
 * `group` for the holding company; `*` (touches everything) for a rule type this function does not know.
 */
export function footprint(model: Model, rule: Rule): Set<string> {
  const ix = indexModel(model);
  const cells = new Set<string>();
  const unit = (u: string) => cells.add(`u:${u}`);
  // A service's reach feeds every unit that earns through it.
  const service = (svIndex: number) => {
    for (const [u] of ix.unitsOfService[svIndex] ?? []) unit(ix.units[u].id);
  };
  const servicesOf = (unitId: string) => ix.servicesOfUnit[ix.unitIx.get(unitId) ?? -1] ?? [];
  const flowsMatching = (categories: readonly string[] | null, from?: string[], to?: string[]) => {
    for (const f of model.dataFlows)
      if (
        (categories === null || categories.includes(f.category)) &&
        (from === undefined || from.includes(f.fromUnit)) &&
        (to === undefined || to.includes(f.toUnit))
      )
        unit(f.toUnit);
  };
  const units = (ids: string[]) => {
    for (const u of ids) if (u === "group") cells.add("group");
    else unit(u);
  };
  switch (rule.type) {
    case "consent-required":
    case "data-ban":
      flowsMatching(rule.categories, rule.from, rule.to);
      break;
    case "retention-limit":
      flowsMatching(rule.categories);
      break;
    case "credit-bureau":
      units(rule.to);
      flowsMatching(["credit-history"], undefined, rule.to);
      // Bureau fees count the borrowers of the services the receiving units earn through.
      for (const u of rule.to) for (const [sv] of servicesOf(u)) service(sv);
      break;
    case "spin-off":
      units(rule.units);
      ix.mainUnitOfService.forEach((main, sv) => {
        if (main >= 0 && rule.units.includes(ix.units[main].id)) service(sv);
      });
      break;
    case "unbundle":
      for (const sv of rule.services) service(ix.serviceIx.get(sv) ?? -1);
      break;
    case "interoperability":
    case "market-share-cap":
      cells.add(`m:${rule.market}`);
      for (const p of ix.playersOfMarket.get(rule.market) ?? []) if (p.playerId === rule.player) units(p.unitIds);
      break;
    case "capital-ratio":
    case "co-lending":
    case "leverage-cap":
    case "min-capital":
      units(rule.units);
      break;
    case "fund-size-cap":
      unit(rule.unit);
      break;
    case "fine":
      // Paid out of the holding company's capital, which a group minimum reads.
      cells.add("group");
      break;
    default:
      cells.add("*");
  }
  return cells;
}

/** Rules joined where their footprints meet (union-find); each group lists rule indexes in file order. */
export function interactionGroups(model: Model, rules: Rule[]): number[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  let wildcard = -1;
  rules.forEach((rule, i) => {
    for (const cell of footprint(model, rule)) {
      if (cell === "*") {
        if (wildcard < 0) wildcard = i;
        continue;
      }
      const o = owner.get(cell);
      if (o === undefined) owner.set(cell, i);
      else parent[find(i)] = find(o);
    }
  });
  if (wildcard >= 0) rules.forEach((_, i) => (parent[find(i)] = find(wildcard)));
  const groups = new Map<number, number[]>();
  rules.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  });
  return [...groups.values()];
}

// ---- The run ----

const maskOf = (g: number[]) => g.reduce((m, i) => m | (1 << i), 0);

export function startAttribution(model: Model, scenario: Scenario, options: AttributionOptions = {}): AttributionRun {
  const rules = scenario.rules;
  const n = rules.length;
  if (n > 30) throw new Error(`attribution takes at most 30 rules, got ${n}`);
  const exactMax = options.exactMax ?? EXACT_MAX;
  const permutations = options.permutations ?? PERMUTATIONS;
  const ruleIds = rules.map((r, i) => ruleIdOf(r, i));
  // Coalitions run on the compiled scenario (one compile, no allocation per coalition); each coalition's headline
  // (scenario values, HEADLINE_KEYS order) is kept in one growing pool, found by its mask.
  const coalitions = new CoalitionRunner(new Work(compileScenario(model, scenario, options.assumptions)));
  const work = coalitions.w;
  // mask -> offset into pool, given when the mask is queued: coalitions run in queue order and fill the pool in
  // that order, so a queued mask's offset is known before it runs (sampled orders keep their prefixes' offsets
  // instead of looking each up again).
  const values = new MaskTable(1024);
  let pool = new Float64Array(NH * 64);
  let used = 0;
  let assigned = 0;
  const keyIndex = Object.fromEntries(HEADLINE_KEYS.map((k, i) => [k, i])) as Record<HeadlineKey, number>;
  const full = (1 << n) - 1;

  let groups: number[][] = options.grouping === false || n === 0 ? (n ? [rules.map((_, i) => i)] : []) : interactionGroups(model, rules);
  let phase: "verify" | "enumerate" | "done" = groups.length > 1 ? "verify" : "enumerate";
  const queue: number[] = [];
  let qi = 0;
  let done = 0;
  /**
   * Group index -> its sampled orders, one after another (`count` orders of the group's length), and the pool
   * offset of each order's prefixes (`prefixes[p * len + j]`: the coalition of the order's first j + 1 rules).
   */
  const samples = new Map<number, { orders: Int32Array; prefixes: Int32Array; count: number }>();

  /** Queue a coalition unless it is queued or done; its pool offset either way. */
  const enqueue = (mask: number) => {
    const known = values.getOrSet(mask, assigned);
    if (known !== ABSENT) return known;
    queue.push(mask);
    assigned += NH;
    return assigned - NH;
  };
  const planVerify = () => {
    enqueue(0);
    enqueue(full);
    for (const g of groups) {
      enqueue(maskOf(g));
      enqueue(full & ~maskOf(g));
    }
  };
  const planEnumerate = () => {
    samples.clear();
    const rng = xoshiro128ss(options.seed ?? 1);
    const sampledCount = 2 * Math.max(1, Math.round(permutations / 2));
    values.reserve(values.size + groups.reduce((acc, g) => acc + (g.length <= exactMax ? 2 ** g.length : sampledCount * g.length + 1), 0));
    groups.forEach((g, gi) => {
      const gm = maskOf(g);
      if (g.length <= exactMax) {
        for (let sub = gm; ; sub = (sub - 1) & gm) {
          enqueue(sub);
          if (sub === 0) break;
        }
        return;
      }
      // Antithetic pairs: each sampled order and its reverse (a rule early in one is late in the other), which
      // cuts the variance where a rule's marginal grows or shrinks with what came before it.
      const len = g.length;
      const count = sampledCount;
      const orders = new Int32Array(count * len);
      const perm = g.slice();
      for (let p = 0; p < count; p += 2) {
        for (let i = 0; i < len; i++) perm[i] = g[i];
        for (let i = len - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          const t = perm[i];
          perm[i] = perm[j];
          perm[j] = t;
        }
        for (let i = 0; i < len; i++) {
          orders[p * len + i] = perm[i];
          orders[(p + 1) * len + i] = perm[len - 1 - i];
        }
      }
      enqueue(0);
      const prefixes = new Int32Array(count * len);
      for (let p = 0; p < count; p++) {
        let m = 0;
        for (let i = 0; i < len; i++) prefixes[p * len + i] = enqueue((m |= 1 << orders[p * len + i]));
      }
      samples.set(gi, { orders, prefixes, count });
    });
  };
  /** The headline vector of an evaluated coalition: `v(mask)[k]` reads metric k at `at(mask) + k` in `pool`. */
  const at = (mask: number) => values.get(mask);
  const val = (mask: number, k: number) => pool[values.get(mask) + k];
  /** Groups whose marginal on top of the rest differs from their effect alone, on some headline. */
  const failing = () =>
    groups.filter((g) => {
      const gm = maskOf(g);
      return HEADLINE_KEYS.some((_, k) => {
        const alone = val(gm, k) - val(0, k);
        const onTop = val(full, k) - val(full & ~gm, k);
        const scale = Math.max(1, Math.abs(val(full, k)), Math.abs(val(0, k)));
        return Math.abs(alone - onTop) > 1e-9 * scale;
      });
    });
  const advance = () => {
    if (phase === "verify") {
      const bad = failing();
      if (bad.length > 0) {
        // Fall back to a larger group: the failing groups together (all rules if only one fails).
        const byIndex = (a: number, b: number) => a - b;
        groups =
          bad.length === 1
            ? [groups.flat().sort(byIndex)]
            : [...groups.filter((g) => !bad.includes(g)), bad.flat().sort(byIndex)];
        if (groups.length > 1) return planVerify();
      }
      phase = "enumerate";
      return planEnumerate();
    }
    phase = "done";
  };
  if (phase === "verify") planVerify();
  else planEnumerate();

  return {
    get evaluations() {
      return done + (queue.length - qi);
    },
    get done() {
      return done;
    },
    step(count: number) {
      let budget = Math.max(0, count);
      for (;;) {
        // Room for every queued coalition at once (growing the pool one doubling at a time copied it repeatedly).
        if (assigned > pool.length) {
          const grown = new Float64Array(Math.max(2 * pool.length, assigned));
          grown.set(pool);
          pool = grown;
        }
        while (qi < queue.length && budget > 0) {
          const mask = queue[qi++];
          coalitions.run(mask);
          // At the offset enqueue gave it (queue order is pool order).
          for (let k = 0; k < NH; k++) pool[used + k] = work.headline[k];
          used += NH;
          done++;
          budget--;
        }
        if (qi < queue.length) return false;
        if (phase === "done") return true;
        queue.length = 0;
        qi = 0;
        advance();
        if ((phase as string) === "done" && queue.length === 0) return true;
        if (budget === 0) return false;
      }
    },
    result() {
      if (phase !== "done" || qi < queue.length)
        throw new Error(`attribution not finished: ${done} of ${done + queue.length - qi} subsets evaluated`);
      return combine();
    },
  };

  function combine(): Attribution {
    const info: AttributionGroup[] = groups.map((g, gi) => ({
      ruleIds: g.map((i) => ruleIds[i]),
      method: samples.has(gi) ? "sampled" : "exact",
      ...(samples.has(gi) ? { permutations: samples.get(gi)!.count } : {}),
    }));
    const sampled = groups.some((_, gi) => samples.has(gi));
    // byRule[k][i], standardError[k][i]: every metric at once, each coalition's pool offset looked up once.
    const byRule = HEADLINE_KEYS.map(() => new Array<number>(n).fill(0));
    const standardError = HEADLINE_KEYS.map(() => new Array<number>(n).fill(0));
    groups.forEach((g, gi) => {
      const sample = samples.get(gi);
      if (sample) sampledShapley(g, sample.orders, sample.prefixes, sample.count, byRule, standardError);
      else exactShapley(g, byRule);
    });
    const metrics = {} as Attribution["metrics"];
    HEADLINE_KEYS.forEach((key, k) => {
      metrics[key] = {
        total: n === 0 ? 0 : val(full, k) - val(0, k),
        byRule: byRule[k],
        ...(sampled ? { standardError: standardError[k] } : {}),
      };
    });
    return { ruleIds, ruleLabels: rules.map((r) => r.label), metrics, groups: info };
  }

  /**
   * Exact Shapley values within a group: phi_i = sum over coalitions S of the others of weight(|S|) x marginal.
   * Coalitions are numbered locally (bit j = the group's j-th rule, in file order, so local order is the order of
   * the global masks and every sum adds in the same order as over the masks).
   */
  function exactShapley(g: number[], out: number[][]) {
    const k = g.length;
    // weight[s] = s! (k-s-1)! / k!, the share of orders in which a rule joins a coalition of size s
    const fact = [1];
    for (let i = 1; i <= k; i++) fact[i] = fact[i - 1] * i;
    const weight = Array.from({ length: k }, (_, s) => (fact[s] * fact[k - s - 1]) / fact[k]);
    const size = 1 << k;
    const offset = new Int32Array(size);
    const bits = new Uint8Array(size);
    for (let local = 0; local < size; local++) {
      let mask = 0;
      for (let j = 0; j < k; j++) if (local & (1 << j)) mask |= 1 << g[j];
      offset[local] = at(mask);
      bits[local] = popcount(local);
    }
    const phi = new Float64Array(NH);
    const all = size - 1;
    for (let j = 0; j < k; j++) {
      const bit = 1 << j;
      const rest = all & ~bit;
      phi.fill(0);
      for (let sub = rest; ; sub = (sub - 1) & rest) {
        const o1 = offset[sub | bit];
        const o0 = offset[sub];
        const wgt = weight[bits[sub]];
        for (let m = 0; m < NH; m++) {
          const diff = pool[o1 + m] - pool[o0 + m];
          if (diff !== 0) phi[m] += wgt * diff;
        }
        if (sub === 0) break;
      }
      for (let m = 0; m < NH; m++) out[m][g[j]] = phi[m];
    }
  }

  /**
   * Mean marginal over the sampled orders; the standard error from the pairs' averages (independent samples).
   * Pairs are read order by order, every metric at once (each prefix's headline sits in one place in the pool).
   */
  function sampledShapley(g: number[], orders: Int32Array, prefixes: Int32Array, count: number, out: number[][], se: number[][]) {
    const len = g.length;
    const sum = new Float64Array(NH * n);
    const sq = new Float64Array(NH * n);
    const pair = new Float64Array(NH * n);
    const empty = at(0);
    // An order, then its reverse: the pair's average marginal is one sample (count is even).
    for (let p = 0; p < count; p += 2) {
      let prev = empty;
      for (let j = 0; j < len; j++) {
        const i = orders[p * len + j];
        const next = prefixes[p * len + j];
        for (let m = 0; m < NH; m++) pair[m * n + i] = pool[next + m] - pool[prev + m];
        prev = next;
      }
      prev = empty;
      for (let j = 0; j < len; j++) {
        const i = orders[(p + 1) * len + j];
        const next = prefixes[(p + 1) * len + j];
        for (let m = 0; m < NH; m++) {
          const x = (pair[m * n + i] + (pool[next + m] - pool[prev + m])) / 2;
          sum[m * n + i] += x;
          sq[m * n + i] += x * x;
        }
        prev = next;
      }
    }
    const pairs = count / 2;
    for (let m = 0; m < NH; m++)
      for (const i of g) {
        const mean = sum[m * n + i] / pairs;
        const variance = pairs > 1 ? Math.max(0, (sq[m * n + i] - pairs * mean * mean) / (pairs - 1)) : 0;
        out[m][i] = mean;
        se[m][i] = Math.sqrt(variance / pairs);
      }
  }
}

function popcount(m: number) {
  let c = 0;
  while (m) {
    m &= m - 1;
    c++;
  }
  return c;
}
