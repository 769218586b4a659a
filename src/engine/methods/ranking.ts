/**
 * A population's values ranked once, for explanations that say where one value stands:
 * how many customers rank above it and what share of the value they hold.
 */

/** Distinct finite values, descending, with the count and sum of the values strictly above each. */
export interface Ranking {
  /** Distinct values, descending. */
  values: Float64Array;
  /** Number of population values strictly above `values[k]`. */
  countAbove: Float64Array;
  /** Sum of the positive population values strictly above `values[k]`. */
  sumAbove: Float64Array;
  /** Number of finite values. */
  n: number;
  /** Sum of the positive values. */
  total: number;
}

/**
 * Ranks a population (NaN ignored).
 *
 * @example
 * ranking([5, 10, 5]).values; // Float64Array [10, 5]
 */
export function ranking(population: ArrayLike<number>): Ranking {
  const buf = new Float64Array(population.length);
  let n = 0;
  for (let i = 0; i < population.length; i++) if (population[i] === population[i]) buf[n++] = population[i];
  const desc = buf.subarray(0, n).sort().reverse();
  const values: number[] = [];
  const countAbove: number[] = [];
  const sumAbove: number[] = [];
  let count = 0;
  let sum = 0;
  for (let i = 0; i < n; ) {
    const v = desc[i];
    values.push(v);
    countAbove.push(count);
    sumAbove.push(sum);
    while (i < n && desc[i] === v) {
      count++;
      if (v > 0) sum += v;
      i++;
    }
  }
  return { values: Float64Array.from(values), countAbove: Float64Array.from(countAbove), sumAbove: Float64Array.from(sumAbove), n, total: sum };
}

/** Index of the first distinct value ≤ v (binary search over the descending values). */
function firstAtOrBelow(r: Ranking, v: number): number {
  let lo = 0;
  let hi = r.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.values[mid] > v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many population values are strictly greater than `v`.
 *
 * @example
 * countAbove(ranking([5, 10, 5, 1]), 5); // 1
 */
export function countAbove(r: Ranking, v: number): number {
  const k = firstAtOrBelow(r, v);
  return k < r.values.length ? r.countAbove[k] : r.n;
}

/**
 * How many population values equal `v`.
 *
 * @example
 * countEqual(ranking([5, 10, 5, 1]), 5); // 2
 */
export function countEqual(r: Ranking, v: number): number {
  const k = firstAtOrBelow(r, v);
  if (k >= r.values.length || r.values[k] !== v) return 0;
  return (k + 1 < r.values.length ? r.countAbove[k + 1] : r.n) - r.countAbove[k];
}

/**
 * Share of the positive value held by population values strictly greater than `v`.
 *
 * @example
 * shareAbove(ranking([50, 30, 20]), 30); // 0.5
 */
export function shareAbove(r: Ranking, v: number): number {
  if (r.total <= 0) return 0;
  const k = firstAtOrBelow(r, v);
  return (k < r.values.length ? r.sumAbove[k] : r.total) / r.total;
}
