/**
 * Percentiles by linear interpolation between the sorted values, as Excel's `PERCENTILE.INC`
 * (Hyndman & Fan 1996, definition 7): position h = (n − 1)·p, value = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋).
 */

/**
 * The position (n − 1)·p as a whole index and a fraction; a position within 1e-9 of a whole
 * number is taken as that number, so that p = 0.7 of 11 values is exactly the 8th value (float
 * arithmetic gives 7.000000000000001).
 *
 * @example
 * percentilePosition(11, 0.7); // { lo: 7, frac: 0 }
 */
export function percentilePosition(n: number, p: number): { lo: number; frac: number } {
  const h = (n - 1) * p;
  const whole = Math.round(h);
  if (Math.abs(h - whole) < 1e-9) return { lo: whole, frac: 0 };
  const lo = Math.floor(h);
  return { lo, frac: h - lo };
}

/**
 * PERCENTILE.INC of ascending values (NaN when there are none).
 *
 * @example
 * percentileInc(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5
 * percentileInc(Float64Array.of(1, 2, 3), 0.5); // 2
 */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const { lo, frac } = percentilePosition(n, p);
  if (frac === 0 || lo + 1 >= n) return sorted[Math.min(lo, n - 1)];
  const a = sorted[lo];
  const b = sorted[lo + 1];
  // the midpoint of two values is computed as such: a median is (a + b) / 2, as Excel's MEDIAN
  return frac === 0.5 ? (a + b) / 2 : a + frac * (b - a);
}

/**
 * The finite values of a column, ascending.
 *
 * @example
 * sortedFinite([3, NaN, 1]); // Float64Array [1, 3]
 */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return Float64Array.from(out).sort();
}
