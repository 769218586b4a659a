/**
 * Exact money: amounts are summed as whole numbers of the input's smallest unit (cents for two
 * decimals), so a sum is the same in any row order and equals an exact SQL `DECIMAL` sum.
 *
 * The scale is read off the values themselves: the fewest decimals (0…{@link MAX_DECIMALS}) at
 * which every amount is a whole number of units, allowing for the rounding a double carries
 * (19.99 is stored as 19.989999999999998…, and 3 × 0.1 as 0.30000000000000004; both are whole
 * at their decimals). An amount with more decimals than {@link MAX_DECIMALS} is taken rounded to
 * that many. Units are summed in doubles, which is exact while the sum of their magnitudes stays
 * below 2^53 (90 trillion at two decimals); beyond that the sums are taken with BigInt.
 * A sum of units divided by the scale is the double nearest the exact decimal, so it prints
 * without float noise at the input's precision.
 */

/** The most decimals an amount is read with. */
export const MAX_DECIMALS = 6;

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
const SAFE = 2 ** 53;

/** Whether x (a value times a power of ten) is a whole number up to the double's rounding. */
function whole(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= Math.abs(x) * 1e-14;
}

/**
 * The input's money precision: the fewest decimals at which every value (NaN ignored; rows with
 * `keep[i] === 0` ignored when `keep` is given) is a whole number of units.
 *
 * @example
 * moneyDecimals([19.99, 5, 0.5]); // 2
 * moneyDecimals([3 * 0.1]); // 1
 */
export function moneyDecimals(values: ArrayLike<number>, keep: Uint8Array | null = null): number {
  let d = 0;
  let p = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v || (keep !== null && keep[i] === 0)) continue;
    while (d < MAX_DECIMALS && !whole(v * p)) p = POW10[++d];
  }
  return d;
}

/** What {@link moneyProfile} finds. */
export interface MoneyProfile {
  /** Decimals of the values (see {@link moneyDecimals}). */
  decimals: number;
  /** Whether their units sum exactly in doubles (see {@link unitsFitDouble}). */
  fitsDouble: boolean;
}

/**
 * The values' decimals and whether their units sum exactly in doubles, in one pass.
 *
 * @example
 * moneyProfile([19.99, -5]); // { decimals: 2, fitsDouble: true }
 */
export function moneyProfile(values: ArrayLike<number>, keep: Uint8Array | null = null): MoneyProfile {
  const { decimals, bound } = moneyFacts(values, keep);
  return profileOf(decimals, bound, values.length);
}

/**
 * The values' decimals (see {@link moneyDecimals}) and the sum of their magnitudes: what
 * {@link profileOf} judges, gathered block by block by a reader that folds a log as it goes
 * (decimals combine by their maximum, bounds by their sum).
 *
 * @example
 * moneyFacts([19.99, -5]); // { decimals: 2, bound: 24.99 }
 */
export function moneyFacts(values: ArrayLike<number>, keep: Uint8Array | null = null): { decimals: number; bound: number } {
  let d = 0;
  let p = 1;
  let bound = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v || (keep !== null && keep[i] === 0)) continue;
    bound += Math.abs(v);
    while (d < MAX_DECIMALS && !whole(v * p)) p = POW10[++d];
  }
  return { decimals: d, bound };
}

/**
 * The profile of `count` values with these decimals and sum of magnitudes (what
 * {@link moneyProfile} finds, from figures a reader gathered on the way).
 *
 * @example
 * profileOf(2, 24.99, 2); // { decimals: 2, fitsDouble: true }
 */
export function profileOf(decimals: number, bound: number, count: number): MoneyProfile {
  return { decimals, fitsDouble: bound * POW10[decimals] * (1 + 1e-9) + count < SAFE };
}

/**
 * The values' decimals like {@link moneyDecimals}, or null when a value needs more than
 * {@link MAX_DECIMALS} (a measure that is not money, e.g. 1e-9): callers then keep doubles
 * rather than round such values away.
 *
 * @example
 * exactDecimals([19.99, 5]); // 2
 * exactDecimals([1e-9]); // null
 */
export function exactDecimals(values: ArrayLike<number>): number | null {
  const d = moneyDecimals(values);
  if (d < MAX_DECIMALS) return d;
  const p = POW10[d];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && !whole(v * p)) return null;
  }
  return d;
}

/**
 * The scale of a number of decimals (10^d).
 *
 * @example
 * moneyScale(2); // 100
 */
export function moneyScale(decimals: number): number {
  return POW10[decimals];
}

/**
 * Whole units of an amount at a scale.
 *
 * @example
 * toUnits(19.99, 100); // 1999
 */
export function toUnits(value: number, scale: number): number {
  return Math.round(value * scale);
}

/**
 * Whether summing these values' units in doubles is exact: the sum of their magnitudes is
 * below 2^53.
 *
 * @example
 * unitsFitDouble([1e6, -2e6], 100); // true
 */
export function unitsFitDouble(values: ArrayLike<number>, scale: number, keep: Uint8Array | null = null): boolean {
  let bound = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && (keep === null || keep[i] === 1)) bound += Math.abs(v);
  }
  // the bound itself is a float sum: leave a margin for its rounding
  return bound * scale * (1 + 1e-9) + values.length < SAFE;
}

/**
 * Exact sum of values (NaN skipped) at their own precision, as the double nearest the exact
 * decimal sum.
 *
 * @example
 * exactSum([0.1, 0.2]); // 0.3 (a float sum gives 0.30000000000000004)
 */
export function exactSum(values: ArrayLike<number>, decimals: number | null = exactDecimals(values)): number {
  if (decimals === null) {
    // not decimal money: a plain double sum
    let sum = 0;
    for (let i = 0; i < values.length; i++) if (values[i] === values[i]) sum += values[i];
    return sum;
  }
  const scale = moneyScale(decimals);
  if (unitsFitDouble(values, scale)) {
    let units = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v) units += toUnits(v, scale);
    }
    return units / scale;
  }
  let big = 0n;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) big += BigInt(toUnits(v, scale));
  }
  return Number(big) / scale;
}

/** A share as an exact decimal fraction num / den (den a power of ten). */
export interface ShareFraction {
  num: number;
  den: number;
}

/**
 * A share 0…1 as the decimal fraction it was written as (up to 12 decimals): 0.8 → 8/10, not
 * the double nearest 0.8.
 *
 * @example
 * shareFraction(0.95); // { num: 95, den: 100 }
 */
export function shareFraction(share: number): ShareFraction {
  let den = 1;
  for (let k = 0; k < 12 && !Number.isInteger(Number((share * den).toPrecision(15))); k++) den *= 10;
  return { num: Math.round(share * den), den };
}

/**
 * Sign of part / total − share: exactly for whole-unit part and total ≥ 0, in doubles otherwise.
 *
 * @example
 * compareShare(80, 100, shareFraction(0.8)); // 0
 * compareShare(81, 100, shareFraction(0.8)); // 1
 */
export function compareShare(part: number, total: number, share: ShareFraction): number {
  if (!Number.isInteger(part) || !Number.isInteger(total)) return Math.sign(part / total - share.num / share.den);
  const lhs = part * share.den;
  const rhs = share.num * total;
  if (Math.abs(lhs) < SAFE && Math.abs(rhs) < SAFE) return Math.sign(lhs - rhs);
  const l = BigInt(part) * BigInt(share.den);
  const r = BigInt(share.num) * BigInt(total);
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Whether part / total ≤ share, exactly (see {@link shareFraction}).
 *
 * @example
 * shareAtMost(80, 100, 0.8); // true
 * shareAtMost(81, 100, 0.8); // false
 */
export function shareAtMost(part: number, total: number, share: number): boolean {
  return compareShare(part, total, shareFraction(share)) <= 0;
}

/**
 * Whether part / total < share, exactly (see {@link shareFraction}).
 *
 * @example
 * shareBelow(79, 100, 0.8); // true
 * shareBelow(80, 100, 0.8); // false
 */
export function shareBelow(part: number, total: number, share: number): boolean {
  return compareShare(part, total, shareFraction(share)) < 0;
}
