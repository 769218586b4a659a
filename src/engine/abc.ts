/**
 * ABC classification (the Pareto / 80-20 rule on value).
 *
 * Rules: customers are ranked by value, descending. A customer's cumulative share is the value of
 * every customer ranked at or above it — itself included — over the total positive value (a
 * customer who returned more than they bought does not inflate the others' shares). A while that
 * share is ≤ aShare (0.80), B while ≤ bShare (0.95), C after. Customers with equal values form one group whose share is taken at the group's
 * end, so they get the same class. Customers with zero or negative value are always C.
 * When the total is ≤ 0 every customer is C.
 *
 * The classes are monotone in value, so two thresholds reproduce them: `a` = the smallest value
 * in class A, `b` = the smallest in A or B. Per-row formulas classify with the thresholds alone.
 *
 * `ties: "first"` (pandas-compatible) ranks equal values by input order and gives each customer
 * its own cumulative share over the net total (negative values included), as
 * `sort_values(kind="mergesort").cumsum() / sum()` does.
 */
import { TierwiseError } from './errors';
import type { TieRule } from './quantile';
import { descendingRankOrder, rankFirstOrder } from './rank-order';
import { NO_CLASS } from './tiers';

/** Options for ABC. */
export interface AbcOptions {
  /** Cumulative share up to which customers are A. Default 0.8. */
  aShare?: number;
  /** Cumulative share up to which customers are B. Default 0.95. */
  bShare?: number;
  /** Default "safe". */
  ties?: TieRule;
  /**
   * With `ties: "first"`: the values' ascending rank order when the caller already has it
   * (`quantileScores(values, { ties: "first" }).order`), so ABC need not sort them again.
   */
  order?: Int32Array;
}

/** ABC thresholds: the smallest A value and the smallest A-or-B value (null when none). */
export interface AbcCuts {
  a: number | null;
  b: number | null;
  /** Total the shares are taken of: positive values (safe ties) or all values (ties "first"). */
  total: number;
}

/** Class indexes: 0 = A, 1 = B, 2 = C, {@link NO_CLASS} = no value. */
export interface AbcResult {
  classes: Uint8Array;
  cuts: AbcCuts;
}

/**
 * Validates ABC shares: 0 < aShare < bShare < 1.
 *
 * @example
 * checkShares(0.8, 0.95); // ok
 * checkShares(0.9, 0.8); // throws
 */
export function checkShares(aShare: number, bShare: number): void {
  for (const [name, v] of [
    ['a_share', aShare],
    ['b_share', bShare],
  ] as const) {
    if (!(v > 0 && v < 1)) throw new TierwiseError('share', `${name} must be between 0 and 1 (exclusive), got ${String(v)}`);
  }
  if (aShare >= bShare) throw new TierwiseError('share', `a_share (${aShare}) must be less than b_share (${bShare})`);
}

/**
 * ABC thresholds of a population (NaN values ignored).
 *
 * @example
 * abcCuts([50, 30, 10, 5, 5]); // { a: 30, b: 10, total: 100 }
 */
export function abcCuts(population: ArrayLike<number>, options: AbcOptions = {}): AbcCuts {
  const aShare = options.aShare ?? 0.8;
  const bShare = options.bShare ?? 0.95;
  checkShares(aShare, bShare);
  const sorted = new Float64Array(population.length);
  let n = 0;
  let total = 0;
  for (let i = 0; i < population.length; i++) {
    const v = population[i];
    if (v === v) {
      sorted[n++] = v;
      if (v > 0) total += v;
    }
  }
  const desc = sorted.subarray(0, n).sort().reverse();
  let a: number | null = null;
  let b: number | null = null;
  if (total <= 0) return { a, b, total };
  let cum = 0;
  let i = 0;
  while (i < n && desc[i] > 0) {
    const v = desc[i];
    let j = i;
    while (j < n && desc[j] === v) cum += desc[j++];
    const share = cum / total;
    if (share <= aShare) a = v;
    if (share <= bShare) b = v;
    else break;
    i = j;
  }
  return { a, b, total };
}

/**
 * Class of one value against ABC thresholds: 0 = A, 1 = B, 2 = C, {@link NO_CLASS} for NaN.
 *
 * @example
 * abcClassOf(40, { a: 30, b: 10, total: 100 }); // 0
 */
export function abcClassOf(value: number, cuts: AbcCuts): number {
  if (value !== value) return NO_CLASS;
  if (value <= 0) return 2;
  if (cuts.a !== null && value >= cuts.a) return 0;
  if (cuts.b !== null && value >= cuts.b) return 1;
  return 2;
}

/**
 * Classifies every value A/B/C.
 *
 * @example
 * abcClasses([50, 30, 10, 5, 5]).classes; // Uint8Array [0, 0, 1, 2, 2]
 */
export function abcClasses(values: ArrayLike<number>, options: AbcOptions = {}): AbcResult {
  if (options.ties === 'first') return abcRankFirst(values, options);
  const cuts = abcCuts(values, options);
  const classes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) classes[i] = abcClassOf(values[i], cuts);
  return { classes, cuts };
}

function abcRankFirst(values: ArrayLike<number>, options: AbcOptions): AbcResult {
  const aShare = options.aShare ?? 0.8;
  const bShare = options.bShare ?? 0.95;
  checkShares(aShare, bShare);
  const idx = options.order ? descendingRankOrder(options.order, values) : rankFirstOrder(values, true);
  let total = 0;
  for (let r = 0; r < idx.length; r++) total += values[idx[r]];
  // C unless set below; NaN values (left out of idx) have no class
  const classes = new Uint8Array(values.length).fill(2);
  if (idx.length < values.length) for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) classes[i] = NO_CLASS;
  let cum = 0;
  let a: number | null = null;
  let b: number | null = null;
  // values fall along idx, so the cumulative share only rises while they are positive: the
  // first customer past bShare (or at a value ≤ 0) ends the A and B customers
  for (let r = 0; r < idx.length && total > 0; r++) {
    const i = idx[r];
    const v = values[i];
    cum += v;
    const share = cum / total;
    if (v <= 0 || share > bShare) break;
    if (share <= aShare) {
      classes[i] = 0;
      a = v;
    } else classes[i] = 1;
    b = v;
  }
  return { classes, cuts: { a, b, total } };
}
