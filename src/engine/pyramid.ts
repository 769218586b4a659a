/**
 * The customer pyramid: tiers by share of customers, ranked by value.
 *
 * Rules: with n customers ranked by value (descending), a customer whose value is exceeded by
 * `above` customers is in the first tier k with above / n < cuts[k]; default cuts 0.01 / 0.20 /
 * 0.50 give Platinum = top 1 %, Gold = next 19 % (together the key customers), Iron = next 30 %,
 * Lead = the last 50 %. Equal values share a tier (the best their rank allows). Customers with
 * zero or negative value are Lead.
 *
 * Tiers are monotone in value, so the smallest value of each tier reproduces them
 * ({@link pyramidTierOf}).
 */
import { TierwiseError } from './errors';
import type { TieRule } from './quantile';
import { rankFirstOrder } from './rank-order';
import { NO_CLASS } from './tiers';

/** Default cumulative customer shares at which Platinum, Gold and Iron end. */
export const DEFAULT_PYRAMID_CUTS: readonly number[] = [0.01, 0.2, 0.5];

/** Options for the pyramid. */
export interface PyramidOptions {
  /** Ascending cumulative shares in (0, 1), one per tier but the last. Default [0.01, 0.2, 0.5]. */
  cuts?: readonly number[];
  ties?: TieRule;
}

/** The smallest value in each tier but the last (null when the tier is empty). */
export type PyramidThresholds = (number | null)[];

/** Tier index per value (0 = Platinum … 3 = Lead, {@link NO_CLASS} = no value) and the thresholds. */
export interface PyramidResult {
  tiers: Uint8Array;
  thresholds: PyramidThresholds;
}

/**
 * Validates pyramid cuts: ascending shares strictly between 0 and 1.
 *
 * @example
 * checkPyramidCuts([0.01, 0.2, 0.5]); // ok
 */
export function checkPyramidCuts(cuts: readonly number[]): void {
  if (cuts.length < 1) throw new TierwiseError('cuts', 'the pyramid needs at least one cut');
  cuts.forEach((c, k) => {
    if (!(c > 0 && c < 1)) throw new TierwiseError('cuts', `pyramid cut ${k + 1} must be between 0 and 1 (exclusive), got ${String(c)}`);
    if (k > 0 && c <= cuts[k - 1]) throw new TierwiseError('cuts', 'pyramid cuts must be in ascending order');
  });
}

/**
 * Thresholds of the pyramid for a population (NaN values ignored).
 *
 * @example
 * pyramidThresholds(Array.from({ length: 100 }, (_, i) => i + 1)); // [100, 81, 51]
 */
export function pyramidThresholds(population: ArrayLike<number>, options: PyramidOptions = {}): PyramidThresholds {
  const cuts = options.cuts ?? DEFAULT_PYRAMID_CUTS;
  checkPyramidCuts(cuts);
  const buf = new Float64Array(population.length);
  let n = 0;
  for (let i = 0; i < population.length; i++) if (population[i] === population[i]) buf[n++] = population[i];
  const desc = buf.subarray(0, n).sort().reverse();
  const thresholds: PyramidThresholds = new Array<number | null>(cuts.length).fill(null);
  let i = 0;
  while (i < n && desc[i] > 0) {
    const v = desc[i];
    const k = cuts.findIndex((c) => i / n < c);
    if (k < 0) break;
    thresholds[k] = v;
    while (i < n && desc[i] === v) i++;
  }
  return thresholds;
}

/**
 * Tier index of one value against pyramid thresholds (last tier for values below them all).
 *
 * @example
 * pyramidTierOf(90, [100, 81, 51]); // 1 (Gold)
 */
export function pyramidTierOf(value: number, thresholds: PyramidThresholds): number {
  if (value !== value) return NO_CLASS;
  if (value > 0) {
    for (let k = 0; k < thresholds.length; k++) {
      const t = thresholds[k];
      if (t !== null && value >= t) return k;
    }
  }
  return thresholds.length;
}

/**
 * Places every value in a pyramid tier.
 *
 * @example
 * pyramidTiers([5, 400, 20, 1]).tiers; // Uint8Array [3, 0, 2, 3] (4 customers: 25 % each)
 */
export function pyramidTiers(values: ArrayLike<number>, options: PyramidOptions = {}): PyramidResult {
  if (options.ties === 'first') return pyramidRankFirst(values, options.cuts ?? DEFAULT_PYRAMID_CUTS);
  const thresholds = pyramidThresholds(values, options);
  const tiers = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) tiers[i] = pyramidTierOf(values[i], thresholds);
  return { tiers, thresholds };
}

function pyramidRankFirst(values: ArrayLike<number>, cuts: readonly number[]): PyramidResult {
  checkPyramidCuts(cuts);
  const idx = rankFirstOrder(values, true);
  const n = idx.length;
  const tiers = new Uint8Array(values.length).fill(NO_CLASS);
  const thresholds: PyramidThresholds = new Array<number | null>(cuts.length).fill(null);
  idx.forEach((i, r) => {
    let k = values[i] > 0 ? cuts.findIndex((c) => r / n < c) : -1;
    if (k < 0) k = cuts.length;
    tiers[i] = k;
    if (k < cuts.length) thresholds[k] = values[i];
  });
  return { tiers, thresholds };
}
