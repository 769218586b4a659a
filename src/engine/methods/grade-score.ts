/**
 * The exact composite score of weighted multi-criteria grading. Each criterion's percentile rank
 * is its average rank (ties share the mean rank, as Excel's `RANK.AVG`) over n, so twice the rank
 * is a whole number; weights are whole numbers of units (given decimals, reduced by their common
 * divisor). The composite S = Σ wᵢ·prᵢ is then the integer Σ Wᵢ·2·rankᵢ over the common
 * denominator 2·n·ΣW, and every comparison with a cut is a comparison of integers: a customer on a
 * cut gets the higher grade whatever the floating-point order.
 */
import { TierwiseError } from '../errors';

/** Decimals a weight or a share is taken to. */
export const EXACT_DECIMALS = 6;
const SCALE = 10 ** EXACT_DECIMALS;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Weights as whole units with the same ratios (to 6 decimals), reduced by their common divisor.
 *
 * @example
 * weightUnits([0.2, 0.3, 0.5]); // [2, 3, 5]
 * weightUnits([1, 1]); // [1, 1]
 */
export function weightUnits(weights: readonly number[]): number[] {
  const units = weights.map((w) => Math.round(w * SCALE));
  const g = units.reduce((a, b) => gcd(a, b), 0);
  return g > 0 ? units.map((u) => u / g) : units;
}

/**
 * Twice the ascending average rank of every value (RANK.AVG with the smallest value ranked 1):
 * 2·(values below) + (equal values) + 1. `descending` ranks the largest value 1 (lower is better
 * becomes higher is better). NaN values get 0 and are not counted.
 *
 * @example
 * doubleRanks([10, 20, 20, 30], false); // Float64Array [2, 5, 5, 8]  (ranks 1, 2.5, 2.5, 4)
 * doubleRanks([10, 20, 20, 30], true); // Float64Array [8, 5, 5, 2]
 */
export function doubleRanks(values: ArrayLike<number>, descending: boolean): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) idx.push(i);
  idx.sort((a, b) => (descending ? values[b] - values[a] : values[a] - values[b]));
  const out = new Float64Array(values.length);
  for (let s = 0; s < idx.length; ) {
    let e = s;
    while (e < idx.length && values[idx[e]] === values[idx[s]]) e++;
    const rank2 = 2 * s + (e - s) + 1;
    for (let k = s; k < e; k++) out[idx[k]] = rank2;
    s = e;
  }
  return out;
}

/**
 * Twice the average rank a value would have in a population (sorted ascending): the per-row form.
 * A value that is not in the population ranks between its neighbours.
 *
 * @example
 * doubleRankIn(Float64Array.of(10, 20, 20, 30), 20, false); // 5
 */
export function doubleRankIn(sorted: Float64Array, v: number, descending: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < sorted.length && sorted[end] === v) end++;
  const below = lo;
  const equal = end - lo;
  const above = sorted.length - end;
  return 2 * (descending ? above : below) + equal + 1;
}

/**
 * Checks that integer scores of n customers stay exact in doubles (2·n·ΣW < 2^53).
 *
 * @example
 * checkExact(4338, [2, 3, 5]); // no throw
 */
export function checkExact(n: number, units: readonly number[]): void {
  const total = units.reduce((s, u) => s + u, 0);
  if (2 * n * total > Number.MAX_SAFE_INTEGER) {
    throw new TierwiseError('option', `grade: the weights are too fine to score ${n} customers exactly; round them to fewer decimals`);
  }
}

/**
 * The smallest integer score that reaches the PERCENTILE.INC of the sorted integer scores at p
 * (p taken to 6 decimals): S ≥ percentile ⇔ S ≥ this threshold, computed without rounding.
 *
 * @example
 * percentileThreshold([10, 20, 30, 40], 0.5); // 25
 * percentileThreshold([10, 20, 31, 40], 0.5); // 26 (the percentile is 25.5)
 */
export function percentileThreshold(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const P = BigInt(Math.round(p * SCALE));
  const big = BigInt(SCALE);
  const h = BigInt(n - 1) * P; // position × SCALE
  const lo = Number(h / big);
  const rem = h - BigInt(lo) * big;
  const a = BigInt(sorted[lo]);
  if (rem === 0n || lo + 1 >= n) return sorted[lo];
  const b = BigInt(sorted[lo + 1]);
  const num = a * big + rem * (b - a); // the percentile × SCALE
  return Number((num + big - 1n) / big); // ceil (num ≥ 0: scores are positive)
}

/**
 * The smallest integer score S with S / denominator ≥ c (c taken to 6 decimals).
 *
 * @example
 * fixedThreshold(0.7, 200); // 140
 */
export function fixedThreshold(c: number, denominator: number): number {
  const C = BigInt(Math.round(c * SCALE));
  const big = BigInt(SCALE);
  const num = C * BigInt(denominator);
  return Number((num + big - 1n) / big);
}

/** Where A, B and C end under ABC-style shares: the smallest score in A, in A–B and in A–C. */
export interface ShareCuts {
  /** Smallest score in A, in A or B, in A, B or C (Infinity when no customer is in them). */
  smallest: [number, number, number];
  /** Total of the positive scores the shares are taken of. */
  total: number;
}

/**
 * ABC-style grade cuts on scores (the ABC method's "reach" rule applied to the composite S):
 * customers ranked by S descending, equal scores forming one tie group; a group is A while the
 * customers ranked strictly above it hold less than `shares[0]` of the total positive score (so
 * the group crossing the line is A), B while less than `shares[1]`, C while less than
 * `shares[2]`, else D. Scores ≤ 0 (z-scores only) are never A–C; with no positive score, every
 * customer is D. Integer scores (percentile ranks) are summed and compared exactly (BigInt against
 * the share's decimal fraction, to 6 decimals); other scores in doubles, in descending order.
 *
 * @example
 * shareCuts([10, 8, 6, 4, 2], [0.2, 0.5, 0.8]); // { smallest: [10, 8, 6], total: 30 }
 * shareCuts([5, 5, 1], [0.2, 0.5, 0.8]); // { smallest: [5, 5, 5], total: 11 } (the tied top group is A)
 */
export function shareCuts(scores: ArrayLike<number>, shares: readonly number[]): ShareCuts {
  const desc = Float64Array.from(Array.prototype.filter.call(scores, (s: number) => s === s) as number[]).sort().reverse();
  const exact = desc.every((s) => Number.isInteger(s));
  const smallest: [number, number, number] = [Infinity, Infinity, Infinity];
  let totalBig = 0n;
  let total = 0;
  for (const s of desc) {
    if (s <= 0) break;
    if (exact) totalBig += BigInt(s);
    else total += s;
  }
  if (exact) total = Number(totalBig);
  if (!(total > 0)) return { smallest, total: 0 };
  const big = BigInt(SCALE);
  const fractions = shares.map((sh) => BigInt(Math.round(sh * SCALE)));
  // whether the customers above (holding `above`) hold less than share k of the total
  const below = (above: number, aboveBig: bigint, k: number): boolean => (exact ? aboveBig * big < fractions[k] * totalBig : above < shares[k] * total);
  let above = 0;
  let aboveBig = 0n;
  for (let i = 0; i < desc.length && desc[i] > 0; ) {
    const v = desc[i];
    let j = i;
    while (j < desc.length && desc[j] === v) j++;
    let inAny = false;
    for (let k = 0; k < 3; k++) {
      if (below(above, aboveBig, k)) {
        for (let g = k; g < 3; g++) smallest[g] = v;
        inAny = true;
        break;
      }
    }
    if (!inAny) break;
    if (exact) aboveBig += BigInt(v) * BigInt(j - i);
    else above += v * (j - i);
    i = j;
  }
  return { smallest, total };
}
