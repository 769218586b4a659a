/**
 * ABC classification (the Pareto / 80-20 rule on value).
 *
 * Customers are ranked by value, descending; customers with equal values form one tie group and
 * always get the same class. Shares are taken of the total positive value (a customer who
 * returned more than they bought does not inflate the others' shares), summed exactly in whole
 * units of the values' decimals (see `money.ts`), so the classes do not depend on input order.
 *
 * Rule "reach" (default): A is the smallest group of top customers whose value reaches aShare
 * (0.80). A tie group is A while the customers ranked strictly above it hold less than aShare of
 * the value — so the group that crosses the line is A, a dominant customer is always A, a lone
 * customer is A, and A's share is at least aShare (it can exceed it by up to the crossing
 * group's value). B likewise for bShare (0.95); C after.
 *
 * Rule "within" (literal): a tie group is A while the cumulative share including the group is
 * ≤ aShare, B while ≤ bShare. A's share never exceeds aShare, but a customer holding more than
 * aShare alone is not A.
 *
 * Customers with zero or negative value are always C. When the total is ≤ 0 every customer is C.
 *
 * The classes are monotone in value, so two thresholds reproduce them: `a` = the smallest value
 * in class A, `b` = the smallest in A or B. Per-row formulas classify with the thresholds alone.
 *
 * `ties: "first"` (pandas-compatible, for the peer benchmark) ranks equal values by input order
 * and gives each customer its own cumulative share over the net total (negative values included),
 * as `sort_values(kind="mergesort").cumsum() / sum()` does, in doubles; with rule "within" it is
 * the peers' reference rule.
 */
import { TierwiseError } from './errors';
import { compareShare, exactDecimals, moneyScale, shareFraction, toUnits } from './money';
import type { TieRule } from './quantile';
import { descendingRankOrder, rankFirstOrder } from './rank-order';
import { NO_CLASS } from './tiers';

/** Where the A/B lines fall: see the module notes. */
export type AbcRule = 'reach' | 'within';

/** The ABC rules, default first. */
export const ABC_RULES: readonly AbcRule[] = ['reach', 'within'];

/** Options for ABC. */
export interface AbcOptions {
  /** "reach" (default) or "within" (see the module notes). */
  rule?: AbcRule;
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
 * abcCuts([85, 5, 5, 5]); // { a: 85, b: 5, total: 100 } (the rule "within" gives a: null)
 */
export function abcCuts(population: ArrayLike<number>, options: AbcOptions = {}): AbcCuts {
  const aShare = options.aShare ?? 0.8;
  const bShare = options.bShare ?? 0.95;
  const rule = checkRule(options.rule);
  checkShares(aShare, bShare);
  // values that are not decimal money (more than 6 decimals) keep their doubles
  const decimals = exactDecimals(population);
  const scale = decimals === null ? 1 : moneyScale(decimals);
  const unitsOf = decimals === null ? (v: number) => v : (v: number) => toUnits(v, scale);
  // whole units, so sums are exact: the same in any order, and shares compared exactly
  const units = new Float64Array(population.length);
  let n = 0;
  let total = 0;
  for (let i = 0; i < population.length; i++) {
    const v = population[i];
    if (v === v) {
      const u = unitsOf(v);
      units[n++] = u;
      if (u > 0) total += u;
    }
  }
  const desc = units.subarray(0, n).sort().reverse();
  let a: number | null = null;
  let b: number | null = null;
  if (total <= 0) return { a, b, total: 0 };
  const aFrac = shareFraction(aShare);
  const bFrac = shareFraction(bShare);
  // reach: A while the share above is < aShare; within: while the share including is ≤ aShare
  const limit = rule === 'reach' ? 0 : 1;
  let cum = 0;
  let i = 0;
  while (i < n && desc[i] > 0) {
    const v = desc[i];
    let j = i;
    let group = 0;
    while (j < n && desc[j] === v) group += desc[j++];
    // reach: the share of the customers strictly above the group; within: including it
    const share = rule === 'reach' ? cum : cum + group;
    const inA = compareShare(share, total, aFrac) < limit;
    const inB = compareShare(share, total, bFrac) < limit;
    if (!inB) break;
    if (inA) a = v;
    b = v;
    cum += group;
    i = j;
  }
  return { a: smallestFrom(population, a, unitsOf), b: smallestFrom(population, b, unitsOf), total: total / scale };
}

/** The smallest value whose units are ≥ `units` (the threshold as the input wrote it); null for null. */
function smallestFrom(population: ArrayLike<number>, units: number | null, unitsOf: (v: number) => number): number | null {
  if (units === null) return null;
  let min = Infinity;
  for (let i = 0; i < population.length; i++) {
    const v = population[i];
    if (v < min && unitsOf(v) >= units) min = v;
  }
  return min;
}

/**
 * The ABC rule, checked: "reach" when not given.
 *
 * @example
 * checkRule(undefined); // "reach"
 * checkRule("within"); // "within"
 */
export function checkRule(rule: string | undefined): AbcRule {
  if (rule === undefined) return 'reach';
  if (!(ABC_RULES as readonly string[]).includes(rule)) throw new TierwiseError('option', `unknown ABC rule "${rule}" (use reach or within)`);
  return rule as AbcRule;
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
  const reach = checkRule(options.rule) === 'reach';
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
    if (v <= 0) break;
    // reach: the share of the customers ranked above this one; within: including it
    const share = reach ? cum / total : (cum + v) / total;
    cum += v;
    if (reach ? share >= bShare : share > bShare) break;
    if (reach ? share < aShare : share <= aShare) {
      classes[i] = 0;
      a = v;
    } else classes[i] = 1;
    b = v;
  }
  return { classes, cuts: { a, b, total } };
}
