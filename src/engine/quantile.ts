/**
 * Quantile scoring: values → scores 1…bins.
 *
 * Default ("safe") ties: equal values always get equal scores. Each run of equal values is
 * placed by its mid-rank: with n values sorted ascending and the run at 0-based positions
 * i…j−1, its score is min(bins, ⌊bins·(i+j) / (2n)⌋ + 1). Without ties this makes bins of equal
 * size (±1); with ties the bins are as equal as the ties allow. Scores rise with the value.
 *
 * "first" ties (pandas-compatible, `pd.qcut(x.rank(method="first"), bins)`): ties are broken
 * by input order, rank r (0-based) of n gets max(1, ⌈bins·r/(n−1)⌉). Bins then have exactly
 * equal sizes, but equal values may get different scores.
 *
 * Cut points: `cuts[k]` is the smallest value whose (ascending) score is ≥ k+2, or null when no
 * value reaches that score. A value v scores 1 + #{k : cuts[k] ≤ v}, so the cut points alone
 * reproduce the scores of the population — that is how the per-row custom functions work.
 */
import { TierwiseError, checkBins } from './errors';
import { rankFirstOrder } from './rank-order';

/** How ties are broken when scoring. */
export type TieRule = 'safe' | 'first';

/** Options for {@link quantileScores}. */
export interface ScoreOptions {
  /** Number of scores, 2…10. Default 5. */
  bins?: number;
  /** Highest score to the smallest values (recency). Default false. */
  descending?: boolean;
  /** Default "safe". */
  ties?: TieRule;
  /** Explicit ascending cut points (bins − 1 of them): v ≥ cuts[k] scores at least k+2. */
  cuts?: readonly number[];
}

/** Scores (0 for a NaN value) and the cut points used. */
export interface Scored {
  scores: Uint8Array;
  cuts: (number | null)[];
  bins: number;
  /**
   * With `ties: "first"`: the rank order the scores come from (items by ascending value, ties
   * by position, NaN left out), for a caller that ranks the same values again (ABC's `order`).
   */
  order?: Int32Array;
}

/**
 * Cut points of the tie-safe scoring of a population (NaN values ignored).
 *
 * @example
 * quantileCuts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5); // [3, 5, 7, 9]
 */
export function quantileCuts(population: ArrayLike<number>, bins = 5): (number | null)[] {
  checkBins(bins);
  const sorted = sortedFinite(population);
  const n = sorted.length;
  const cuts: (number | null)[] = new Array<number | null>(bins - 1).fill(null);
  let i = 0;
  let filled = 0;
  while (i < n && filled < bins - 1) {
    const v = sorted[i];
    let j = i + 1;
    while (j < n && sorted[j] === v) j++;
    const score = Math.min(bins, Math.floor((bins * (i + j)) / (2 * n)) + 1);
    while (filled < score - 1) cuts[filled++] = v;
    i = j;
  }
  return cuts;
}

/**
 * The score of one value against cut points (see the module notes).
 *
 * @example
 * scoreWithCuts(6, [3, 5, 7, 9], 5); // 3
 * scoreWithCuts(6, [3, 5, 7, 9], 5, true); // 3 (descending: 6 − 3)
 */
export function scoreWithCuts(value: number, cuts: readonly (number | null)[], bins: number, descending = false): number {
  if (value !== value) return 0;
  let s = 1;
  for (let k = 0; k < cuts.length; k++) {
    const c = cuts[k];
    if (c !== null && c <= value) s++;
  }
  return descending ? bins + 1 - s : s;
}

/**
 * Scores every value 1…bins. NaN values get score 0 and are left out of the population.
 *
 * @example
 * quantileScores([10, 20, 20, 30, 40], { bins: 2 }).scores; // Uint8Array [1, 1, 1, 2, 2]
 * quantileScores([5, 1, 9], { bins: 3, descending: true }).scores; // Uint8Array [2, 3, 1]
 */
export function quantileScores(values: ArrayLike<number>, options: ScoreOptions = {}): Scored {
  const bins = checkBins(options.bins ?? 5);
  const descending = options.descending ?? false;
  if (options.ties === 'first' && !options.cuts) return scoreRankFirst(values, bins, descending);
  const cuts = options.cuts ? checkCuts(options.cuts, bins) : quantileCuts(values, bins);
  return { scores: applyCuts(values, cuts, bins, descending), cuts, bins };
}

/**
 * Scores every value against cut points (e.g. those of another population).
 *
 * @example
 * applyCuts([2, 8], [3, 5, 7, 9], 5); // Uint8Array [1, 4]
 */
export function applyCuts(values: ArrayLike<number>, cuts: readonly (number | null)[], bins: number, descending = false): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[i] = scoreWithCuts(values[i], cuts, bins, descending);
  return scores;
}

function checkCuts(cuts: readonly number[], bins: number): number[] {
  if (cuts.length !== bins - 1) {
    throw new TierwiseError('cuts', `${bins} bins need ${bins - 1} cut points, got ${cuts.length}`);
  }
  for (let k = 0; k < cuts.length; k++) {
    if (!Number.isFinite(cuts[k])) throw new TierwiseError('cuts', `cut point ${k + 1} is not a number`);
    if (k > 0 && cuts[k] < cuts[k - 1]) throw new TierwiseError('cuts', 'cut points must be in ascending order');
  }
  return [...cuts];
}

function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) out[m++] = v;
  }
  return out.subarray(0, m).sort();
}

function scoreRankFirst(values: ArrayLike<number>, bins: number, descending: boolean): Scored {
  const order = rankFirstOrder(values);
  const m = order.length;
  const scores = new Uint8Array(values.length);
  const cuts: (number | null)[] = new Array<number | null>(bins - 1).fill(null);
  // rank r (0-based) scores max(1, ⌈bins·r / (m − 1)⌉), so score s ≥ 2 starts at rank
  // ⌊(s − 1)(m − 1) / bins⌋ + 1; each score's ranks are then written without arithmetic (this
  // once-per-customer loop often runs before V8 has compiled it), and cut s − 2 is the value at
  // the rank where score s starts
  let from = 0;
  for (let s = 1; s <= bins && from < m; s++) {
    const to = s === bins ? m : Math.min(m, Math.floor((s * (m - 1)) / bins) + 1);
    const out = descending ? bins + 1 - s : s;
    for (let r = from; r < to; r++) scores[order[r]] = out;
    if (s >= 2) cuts[s - 2] = values[order[from]];
    from = Math.max(from, to);
  }
  return { scores, cuts, bins, order };
}
