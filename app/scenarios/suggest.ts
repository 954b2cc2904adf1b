/** "Did you mean" suggestions from a list of known ids, by edit distance. */

/** Levenshtein edit distance between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The known id closest to `input`, if it is close enough to be a plausible typo
 * (distance at most a third of the longer string, at least 1), or one that contains / is contained in it.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = input.toLowerCase();
  for (const c of candidates) {
    const d = levenshtein(lower, c.toLowerCase());
    const limit = Math.max(1, Math.round(Math.max(lower.length, c.length) / 3));
    const contains = lower.length >= 3 && (c.includes(lower) || lower.includes(c));
    const score = d <= limit ? d : contains ? limit + 0.5 : Infinity;
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  }
  return bestScore === Infinity ? undefined : best;
}

/** " (did you mean 'x'?)" or "" when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const c = closest(input, candidates);
  return c === undefined ? "" : ` (did you mean '${c}'?)`;
}
