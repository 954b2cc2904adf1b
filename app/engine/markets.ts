/** Market shares and concentration. Shares are fractions that add up to 1. */

/**
 * Herfindahl-Hirschman index on shares in percent (0..10,000). A fragmented player stands for many small
 * firms, each too small to matter: it adds nothing to the sum of squares.
 */
export function hhi(shares: number[], fragmented: boolean[] = []): number {
  let total = 0;
  shares.forEach((s, i) => {
    if (!fragmented[i]) total += (s * 100) ** 2;
  });
  return total;
}

/**
 * Shares after Ant's players keep a factor of their volume (null = a rival): the volume Ant's players lose
 * goes to the rivals pro rata to their shares, so the market keeps its size and the shares add up to 1.
 * With no rivals to take it, the market shrinks and the shares are renormalised.
 */
export function redistributeShares(shares: number[], factors: Array<number | null>): number[] {
  let lost = 0;
  let rivals = 0;
  shares.forEach((s, i) => {
    const f = factors[i];
    if (f === null) rivals += s;
    else lost += s * (1 - f);
  });
  if (rivals > 0) {
    const boost = 1 + lost / rivals;
    return shares.map((s, i) => (factors[i] === null ? s * boost : s * (factors[i] as number)));
  }
  const kept = shares.map((s, i) => s * (factors[i] ?? 1));
  const total = kept.reduce((a, b) => a + b, 0);
  return total > 0 ? kept.map((k) => k / total) : shares.slice();
}

/** HHI bands: the 2010 US horizontal merger guidelines and the 2023 US merger guidelines. */
export const HHI_BANDS = {
  "2010": { moderate: 1500, high: 2500, label: "2010 US horizontal merger guidelines" },
  "2023": { moderate: 1000, high: 1800, label: "2023 US merger guidelines" },
} as const;
export type HhiBands = keyof typeof HHI_BANDS;

/**
 * Which band an HHI falls in. Both guidelines call a market highly concentrated *above* their upper figure
 * (2010: "above 2500"; 2023: "greater than 1,800"), and moderately concentrated from the lower one.
 */
export function concentration(value: number, bands: HhiBands = "2010"): "unconcentrated" | "moderate" | "high" {
  const b = HHI_BANDS[bands];
  return value > b.high ? "high" : value >= b.moderate ? "moderate" : "unconcentrated";
}

/**
 * The PBoC's own test for non-bank payment institutions (January 2021 draft, S82-S84), on shares rather than HHI:
 * talks once one institution holds 1/3 of the market or two hold 1/2; dominance presumed above 1/2 for one; a
 * split by business type may be recommended above 1/2 for one or 2/3 for two (S84's write-up). The market they
 * name is all electronic payments, on which neither Alipay nor WeChat Pay reached 1/3 (S84); the model's market is
 * mobile payments, so applying the test to it overstates what the draft would have found.
 */
export const PBOC_THRESHOLDS = {
  reviewOne: 1 / 3,
  reviewTwo: 1 / 2,
  dominantOne: 1 / 2,
  splitTwo: 2 / 3,
  label: "PBoC draft rules for non-bank payment institutions (Jan 2021)",
} as const;

export type PbocStatus = "split-threshold" | "dominant" | "review" | "below";

/** Where a market's shares fall against the PBoC thresholds (fragmented players are many small firms: skipped). */
export function pbocAssessment(shares: number[], fragmented: boolean[] = []): PbocStatus {
  // The largest and second largest share (a scan, not a sort: every evaluation assesses every market).
  let first = -Infinity;
  let second = -Infinity;
  let count = 0;
  for (let i = 0; i < shares.length; i++) {
    if (fragmented[i]) continue;
    const x = shares[i];
    count++;
    if (x > first) {
      second = first;
      first = x;
    } else if (x > second) second = x;
  }
  const one = count > 0 ? first : 0;
  const two = one + (count > 1 ? second : 0);
  const t = PBOC_THRESHOLDS;
  if (one > t.dominantOne) return "dominant";
  if (two > t.splitTwo) return "split-threshold";
  if (one >= t.reviewOne || two >= t.reviewTwo) return "review";
  return "below";
}

/** The bands switch: the two US guidelines on HHI, or the PBoC's share test (`?bands=pboc`). */
export const BANDS_CHOICES = ["2010", "2023", "pboc"] as const;
export type BandsChoice = (typeof BANDS_CHOICES)[number];

/** A label for each choice of bands, as the switch and captions name it. */
export function bandsLabel(choice: BandsChoice): string {
  return choice === "pboc" ? PBOC_THRESHOLDS.label : HHI_BANDS[choice].label;
}

/** The HHI guidelines a chart draws under a choice: the PBoC test has no HHI lines, so its charts keep 2010's. */
export function hhiBandsOf(choice: BandsChoice): HhiBands {
  return choice === "pboc" ? "2010" : choice;
}

/** A market's standing under a choice of bands: an HHI band, or the PBoC share test's status. */
export function marketStanding(
  market: { hhi: number; pboc: PbocStatus },
  choice: BandsChoice,
): { test: "hhi"; band: ReturnType<typeof concentration> } | { test: "pboc"; status: PbocStatus } {
  return choice === "pboc" ? { test: "pboc", status: market.pboc } : { test: "hhi", band: concentration(market.hhi, choice) };
}
